import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ImportError, importErrorCodes, type ImportErrorCode } from '@waymark/analytics';
import { exitCodes } from '../command';
import { cliWords, importErrorWords } from '../emit-sql/words';
import { analyseCommand } from './analyse';

/**
 * `waymark analyse` says why a log cannot be imported in the catalogue's words (eventlog.analyse.importError.*),
 * in English or Welsh, with the specifics the engine found: the column and the header, the line and column of a
 * byte, the limit and how to raise it.
 */

const key = { WAYMARK_PSEUDONYM_KEY: 'test-key-of-at-least-16-bytes' };

function harness(env: Record<string, string> = {}) {
  const cwd = mkdtempSync(join(tmpdir(), 'waymark-analyse-errors-'));
  const err: string[] = [];
  const ctx = { cwd, env: { ...key, ...env }, stdout: () => {}, stderr: (t: string) => err.push(t) };
  const write = (name: string, bytes: string | Uint8Array) => writeFileSync(join(cwd, name), bytes);
  const run = (...args: string[]) => analyseCommand.run(args, ctx);
  return { run, write, stderr: () => err.join('') };
}

const MB = 1024 * 1024;
const header = 'case,activity,timestamp\n';
const cp1252 = Uint8Array.from(`${header}A,Caf\u00e9,2026-01-05T09:00:00Z\n`, (c) => c.charCodeAt(0));
const rows = header + 'C-1,Visit,2026-01-01T00:00:00Z\n'.repeat(20);
const gz = gzipSync(header + 'A,B,2024-01-01T00:00:00Z\n'.repeat(500));
const cutGz = gz.subarray(0, gz.length >> 1);

describe('waymark analyse, given a log it cannot import, in English', () => {
  it('given a chosen column the header lacks, then it names the column and lists the header', async () => {
    const h = harness();
    h.write('log.csv', 'case,activity,when\nA,B,2024-01-01\n');
    expect(await h.run('log.csv', '--timestamp', 'At')).toBe(exitCodes.invalid);
    expect(h.stderr()).toBe(
      'waymark analyse: there is no column named "At" for --timestamp (the header on line 1 has: "case", "activity", "when"). Check the name, or choose another column with --timestamp.\n',
    );
  });

  it('given a byte that is not UTF-8, then its line, column and byte, and to save the file as UTF-8', async () => {
    const h = harness();
    h.write('cp1252.csv', cp1252);
    expect(await h.run('cp1252.csv')).toBe(exitCodes.invalid);
    expect(h.stderr()).toBe(
      'waymark analyse: line 2, column 6: byte 30 of the file (0xE9) is not UTF-8 text, so the file is probably saved in another encoding such as Windows-1252 (Excel’s ‘CSV’ rather than ‘CSV UTF-8’). Save it as UTF-8 and try again.\n',
    );
  });

  it('given an empty file, then to export or save it again', async () => {
    const h = harness();
    h.write('empty.csv', '');
    expect(await h.run('empty.csv')).toBe(exitCodes.invalid);
    expect(h.stderr()).toBe(
      'waymark analyse: the file is empty. Export or save the log again, with a header row and its events.\n',
    );
  });

  it('given more events than WAYMARK_MAX_EVENTS, then the line, the limit and how to raise it', async () => {
    const h = harness({ WAYMARK_MAX_EVENTS: '5' });
    h.write('many.csv', rows);
    expect(await h.run('many.csv')).toBe(exitCodes.invalid);
    expect(h.stderr()).toBe(
      'waymark analyse: line 7: the log has more than 5 events, the limit set by WAYMARK_MAX_EVENTS. Split the log into shorter periods, or set WAYMARK_MAX_EVENTS to a higher number.\n',
    );
  });

  it('given a case longer than WAYMARK_MAX_CASE_EVENTS, then the case by its place, the limit and the variable', async () => {
    const h = harness({ WAYMARK_MAX_CASE_EVENTS: '10' });
    h.write('long.csv', rows);
    expect(await h.run('long.csv')).toBe(exitCodes.invalid);
    expect(h.stderr()).toBe(
      'waymark analyse: case number 1 of the file (counting cases as they first appear) has more than 10 events (by the file’s event 11), the most one case may have, set by WAYMARK_MAX_CASE_EVENTS. Check that the column chosen with --case holds a case reference, not something many rows share such as a team or a date.\n',
    );
  });

  it('given a file larger than WAYMARK_EXPANDED_LIMIT_MB, then its size, the limit and how to raise it', async () => {
    const h = harness({ WAYMARK_EXPANDED_LIMIT_MB: '1' });
    h.write('big.csv', header + 'x'.repeat(1.5 * MB - header.length));
    expect(await h.run('big.csv')).toBe(exitCodes.invalid);
    expect(h.stderr()).toBe(
      'waymark analyse: the file is 1.5 MB, more than the 1.0 MB limit set by WAYMARK_EXPANDED_LIMIT_MB. Split the log into shorter periods, or set WAYMARK_EXPANDED_LIMIT_MB to more megabytes.\n',
    );
  });

  it('given an unknown --tz, then the zone and an example of one', async () => {
    const h = harness();
    h.write('log.csv', rows);
    expect(await h.run('log.csv', '--tz', 'Mars/Olympus')).toBe(exitCodes.invalid);
    expect(h.stderr()).toBe(
      'waymark analyse: --tz: unknown time zone "Mars/Olympus". Give a zone name such as Europe/London or UTC.\n',
    );
  });

  it('given a cut .gz, then the file as given, and to copy or compress it again', async () => {
    const h = harness();
    h.write('cut.csv.gz', cutGz);
    expect(await h.run('cut.csv.gz')).toBe(exitCodes.invalid);
    expect(h.stderr()).toBe(
      'waymark analyse: cut.csv.gz: the compressed file is cut short (it ends before the compressed data does). Copy or compress the log again, checking that the whole file is saved, and try again.\n',
    );
  });

  it('given a missing log, then exit 3, the file as given and no words from Node', async () => {
    const h = harness();
    expect(await h.run('nope.csv')).toBe(exitCodes.io);
    expect(h.stderr()).toBe(
      'waymark analyse: cannot read nope.csv: there is no such file. Check its name and folder.\n',
    );
  });

  it('given --emit-sql with a sample log it cannot read, then why in the same words, the sample as given, and no words from the engine or Node', async () => {
    const h = harness();
    h.write('empty.csv', '');
    expect(await h.run('empty.csv', '--emit-sql')).toBe(exitCodes.invalid);
    expect(await h.run('nope.csv', '--emit-sql')).toBe(exitCodes.io);
    expect(h.stderr()).toBe(
      'waymark analyse: cannot take the column names from empty.csv: the file is empty. Export or save the log again, with a header row and its events. Or name the columns with --case, --activity and --timestamp instead.\n' +
        'waymark analyse: cannot take the column names from nope.csv: cannot read nope.csv: there is no such file. Check its name and folder. Or name the columns with --case, --activity and --timestamp instead.\n',
    );
    const cy = harness({ WAYMARK_LANG: 'cy' });
    cy.write('empty.csv', '');
    expect(await cy.run('empty.csv', '--emit-sql')).toBe(exitCodes.invalid);
    expect(cy.stderr()).toMatch(
      /^waymark analyse: ni ellir cymryd enwau’r colofnau o empty\.csv: .+ Neu enwch y colofnau gyda --case, --activity a --timestamp yn lle hynny\.\n$/,
    );
    expect(cy.stderr()).not.toMatch(/file is empty|empty_file/);
  });

  it('given two columns of one name, one of them chosen, then both columns and to rename one', async () => {
    const h = harness();
    h.write('twice.csv', 'case,activity,timestamp,case\nA,B,2024-01-01,C\n');
    expect(await h.run('twice.csv')).toBe(exitCodes.invalid);
    expect(h.stderr()).toBe(
      'waymark analyse: line 1 (the header): columns 1 and 4 are both named "case", so which one to read is unclear. Rename one of them and try again.\n',
    );
  });

  it('given a streamed log whose case goes back in time, then the events and how to read it in order', async () => {
    const h = harness({ WAYMARK_STREAM_FROM_MB: '0.0001' });
    h.write(
      'late.csv',
      `${header}A,Report,2024-01-02T09:00:00Z\nB,Report,2024-01-02T11:00:00Z\nA,Close,2024-01-01T09:00:00Z\n`,
    );
    expect(await h.run('late.csv')).toBe(exitCodes.invalid);
    expect(h.stderr()).toBe(
      'waymark analyse: event 3 of the log (counting the events kept) is dated 2024-01-01T09:00:00.000Z, before an earlier event of the same case (2024-01-02T09:00:00.000Z). A log this large is streamed, which needs each case’s events in time order: sort the log by time, or by case and time, or set WAYMARK_STREAM_FROM_MB higher to read it into memory.\n',
    );
  });

  it('given a DOCTYPE in an XES file, then the line and to export it again without one, not the scanner’s words', async () => {
    const h = harness();
    h.write('bomb.xes', '<?xml version="1.0"?>\n<!DOCTYPE log [<!ENTITY a "a">]>\n<log>&a;</log>');
    expect(await h.run('bomb.xes')).toBe(exitCodes.invalid);
    expect(h.stderr()).toBe(
      'waymark analyse: line 2: the XES file declares a DOCTYPE, so it is refused (DTDs and entities can grow without bound or read other files). Export it again without a DOCTYPE.\n',
    );
  });
});

describe('waymark analyse, given a log it cannot import, in Welsh', () => {
  it('given no timestamp column, then the header and the option to choose it, in Welsh', async () => {
    const h = harness({ WAYMARK_LANG: 'cy' });
    h.write('log.csv', 'case,activity,when\nA,B,2024-01-01\n');
    expect(await h.run('log.csv')).toBe(exitCodes.invalid);
    expect(h.stderr()).toBe(
      'waymark analyse: ni chafwyd hyd i golofn timestamp (mae’r pennyn ar linell 1 yn cynnwys: "case", "activity", "when"). Dewiswch y golofn gyda --timestamp.\n',
    );
  });

  it('given a byte that is not UTF-8 and LANG=cy_GB.UTF-8, then its line, column and byte in Welsh', async () => {
    const h = harness({ LANG: 'cy_GB.UTF-8' });
    h.write('cp1252.csv', cp1252);
    expect(await h.run('cp1252.csv')).toBe(exitCodes.invalid);
    expect(h.stderr()).toBe(
      'waymark analyse: llinell 2, colofn 6: nid yw beit 30 o’r ffeil (0xE9) yn destun UTF-8, felly mae’n debyg bod y ffeil wedi’i chadw mewn amgodiad arall fel Windows-1252 (‘CSV’ Excel yn hytrach na ‘CSV UTF-8’). Cadwch hi fel UTF-8 a rhowch gynnig arall arni.\n',
    );
  });

  it('given more events than WAYMARK_MAX_EVENTS, then the line, the limit and how to raise it, in Welsh', async () => {
    const h = harness({ WAYMARK_LANG: 'cy', WAYMARK_MAX_EVENTS: '5' });
    h.write('many.csv', rows);
    expect(await h.run('many.csv')).toBe(exitCodes.invalid);
    expect(h.stderr()).toBe(
      'waymark analyse: llinell 7: mae gan y log fwy na 5 o ddigwyddiadau, y terfyn a osodir gan WAYMARK_MAX_EVENTS. Rhannwch y log yn gyfnodau byrrach, neu gosodwch WAYMARK_MAX_EVENTS i rif uwch.\n',
    );
  });

  it('given a cut .gz or an empty file, then what to do, in Welsh', async () => {
    const h = harness({ WAYMARK_LANG: 'cy' });
    h.write('cut.csv.gz', cutGz);
    h.write('empty.csv', '');
    expect(await h.run('cut.csv.gz')).toBe(exitCodes.invalid);
    expect(await h.run('empty.csv')).toBe(exitCodes.invalid);
    expect(h.stderr()).toBe(
      'waymark analyse: cut.csv.gz: mae’r ffeil gywasgedig wedi’i thorri’n fyr (mae’n dod i ben cyn i’r data cywasgedig wneud). Copïwch neu cywasgwch y log eto, gan wirio bod y ffeil gyfan wedi’i chadw, a rhowch gynnig arall arni.\n' +
        'waymark analyse: mae’r ffeil yn wag. Allforiwch neu cadwch y log eto, gyda rhes bennyn a’i ddigwyddiadau.\n',
    );
  });
});

/** Values like those the engine gives, one set (or more, one per wording) for each code. */
const examples: Record<ImportErrorCode, readonly Record<string, string | number>[]> = {
  missing_column: [
    { reason: 'named', column: 'At', field: 'timestamp', where: 'schema', header: '"a"' },
    { reason: 'notFound', field: 'case', where: 'header', header: '"a"' },
  ],
  unclosed_quote: [{ line: 3, field: 2, quote: '"' }],
  record_too_long: [
    { reason: 'fields', line: 2, limit: 4096 },
    { reason: 'bytes', line: 2, limitMb: 16, quoteOpen: 'yes', quote: '"' },
    { reason: 'bytes', line: 2, limitMb: 16, quoteOpen: 'no' },
  ],
  empty_file: [{ reason: 'empty' }, { reason: 'noHeader' }],
  corrupt_gzip: [
    { file: 'a.gz', problem: 'truncated' },
    { file: 'a.gz', problem: 'corrupt' },
  ],
  xml_refused: [
    { line: 2, feature: 'doctype' },
    { line: 9, feature: 'nesting' },
  ],
  xml_malformed: [{ reason: 'notXml', line: 4 }, { reason: 'noTrace' }],
  parquet_invalid: [{ file: 'a.parquet' }],
  unknown_zone: [{ zone: 'Mars/Olympus' }],
  not_utf8: [
    { where: 'file', line: 2, column: 6, byte: 30, hex: '0xE9' },
    { where: 'parquet', row: 3, columnName: 'activity', byte: 2, hex: '0xFF' },
  ],
  not_text: [{ line: 1, byte: 5 }],
  utf16_without_bom: [{ line: 1, byte: 2 }],
  invalid_utf16: [{}],
  unsafe_character: [
    { column: 2, character: 'bom', codePoint: 'U+FEFF', position: 1 },
    { column: 2, character: 'control', codePoint: 'U+0007', position: 3 },
    { column: 2, character: 'surrogate', codePoint: 'U+D800', position: 3 },
  ],
  too_many_columns: [{ limit: 4096 }],
  header_too_long: [{ limitKb: 64 }],
  one_column: [{ name: 'case;activity' }],
  duplicate_column: [{ first: 1, second: 4, name: 'case' }],
  too_large: [
    { reason: 'file', size: '5.0 MB', limit: '1.0 MB', variable: 'WAYMARK_EXPANDED_LIMIT_MB' },
    { reason: 'parquet', size: '5.0 MB', limit: '1.0 MB', variable: 'WAYMARK_EXPANDED_LIMIT_MB' },
    { reason: 'expands', limit: '128 MB', variable: 'WAYMARK_EXPANDED_LIMIT_MB' },
    { reason: 'ratio', ratio: 100, size: '6.4 GB', read: '64 MB', variable: 'WAYMARK_EXPANSION_RATIO' },
  ],
  too_many_events: [
    { at: 'line', line: 7, limit: 5, what: 'events', variable: 'WAYMARK_MAX_EVENTS' },
    { at: 'none', line: 0, limit: 5, what: 'traceEvents', variable: 'WAYMARK_MAX_EVENTS' },
    {
      at: 'case',
      caseNumber: 1,
      event: 11,
      limit: 10,
      what: 'caseEvents',
      variable: 'WAYMARK_MAX_CASE_EVENTS',
    },
  ],
  too_many_values: [
    { at: 'row', line: 7, limit: 5, what: 'team' },
    { at: 'fromLine', line: 7, limit: 5, what: 'activities' },
  ],
  stream_out_of_order: [
    {
      event: 9,
      time: '2024-01-01T00:00:00.000Z',
      earlier: '2024-01-02T00:00:00.000Z',
      variable: 'WAYMARK_STREAM_FROM_MB',
    },
  ],
  io: [
    { file: 'a.csv', problem: 'noFile' },
    { file: 'a.csv', problem: 'other' },
  ],
};

describe('the words for each import error code', () => {
  it.each(importErrorCodes)(
    '%s is said in English and Welsh from its values, never in the engine’s English',
    (code) => {
      for (const lang of ['en', 'cy']) {
        const w = cliWords({ WAYMARK_LANG: lang });
        for (const values of examples[code]) {
          const said = importErrorWords(w, new ImportError(code, 'ENGINE ENGLISH', undefined, values));
          expect(said).not.toBe('ENGINE ENGLISH');
          expect(said).not.toMatch(/[{}]|undefined/);
          for (const v of Object.values(values))
            if (typeof v === 'string' && !/^[a-z]+[A-Z]?[a-z]*$/.test(v)) expect(said).toContain(v);
        }
      }
    },
  );

  it('given an error without values (from elsewhere), then the engine’s message as it is', () => {
    const w = cliWords({});
    expect(importErrorWords(w, new ImportError('io', 'cannot read x.csv'))).toBe('cannot read x.csv');
  });
});
