import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { findUnsafeCharacter } from '@waymark/core';
import { previewLogFile } from '../dataset/preview';
import { chunksOf, refusal, tempLogs, utf8 } from '../testing/fixtures';
import { writeParquet } from '../testing/parquet-writer';
import { importCsv } from './csv-import';
import { ImportError } from './import-result';
import { importLogFile } from './import-log';
import { importXes } from './xes';
import { analyseLog } from '../analyse';
import { toJsonReport } from '../report/json';

/**
 * Hostile event logs (issue 9): every format, every kind of wrong. Each is refused with an ImportError naming
 * the line (or row) and what is wrong, or read with the bad rows rejected and named — never another error,
 * never a hang (the test timeout bounds each), never an altered value.
 */

const { file, remove } = tempLogs('waymark-hostile-');
afterAll(remove);

const csv = (text: string | Uint8Array, chunk = 13, options = {}) =>
  importCsv(chunksOf(typeof text === 'string' ? utf8(text) : text, chunk), options);

const HEAD = 'case,activity,timestamp,resource\n';
const row = (c: string, a: string, r = 'Kim') => `${c},${a},2024-01-01T10:00:00Z,${r}\n`;

describe('hostile CSV logs: characters', () => {
  it('given control characters in a case id, an activity and a resource, then those rows are rejected with line and column, the rest kept', async () => {
    const { store, report } = await csv(
      HEAD +
        row('A', 'Call') +
        row('B\u0002', 'Call') +
        row('C', 'Vi\u0007sit') +
        row('D', 'Call', 'K\u001bm') +
        row('E', 'Call'),
    );
    expect(store.size).toBe(2);
    expect(report.rejections).toEqual([
      {
        line: 3,
        field: 'case',
        code: 'unsafe_character',
        values: { field: 'case', codePoint: 'U+0002', position: 2 },
        reason:
          'the case id contains a control character (U+0002) at position 2, which Waymark does not store; remove it and try again',
      },
      {
        line: 4,
        field: 'activity',
        code: 'unsafe_character',
        values: { field: 'activity', codePoint: 'U+0007', position: 3 },
        reason: expect.stringMatching(/^the activity contains a control character \(U\+0007\) at position 3/),
      },
      {
        line: 5,
        field: 'resource',
        code: 'unsafe_character',
        values: { field: 'resource', codePoint: 'U+001B', position: 2 },
        reason: expect.stringMatching(/^the resource contains a control character \(U\+001B\)/),
      },
    ]);
  });

  it('given a zero byte near the start, then the file is refused as not text, naming the byte and line (as for journey files)', async () => {
    const e = await refusal(csv(HEAD + row('A', 'Call') + row('B\u0000', 'Call')));
    expect(e.code).toBe('not_text');
    expect(e.message).toMatch(/^not a text file \(byte \d+, on line 3, is a zero byte\)/);
  });

  it('given the same bad value on many rows, then every one is rejected (a cached value cannot slip through)', async () => {
    const { store, report } = await csv(HEAD + row('A', 'Ca\u0001ll').repeat(5) + row('A', 'Call'));
    expect(report.rejectedRows).toBe(5);
    expect(store.size).toBe(1);
    expect(store.activities.value(store.activityOf[0]!)).toBe('Call');
  });

  it('given a C1 control (U+0085) in UTF-8 and tab or line breaks inside quotes, then the control is rejected and the others kept', async () => {
    const { report, store } = await csv(
      HEAD + row('A', 'Call\u0085') + `B,"Call\tback\r\nlater",2024-01-01T10:00:00Z,Kim\n`,
    );
    expect(report.rejections.map((r) => r.line)).toEqual([2]);
    expect(store.activities.value(store.activityOf[0]!)).toBe('Call\tback\r\nlater');
  });

  it('fuzzed: a value is kept exactly when the rule allows it, and rejected naming its line otherwise', async () => {
    const value = fc
      .string({
        unit: fc.integer({ min: 1, max: 0x3000 }).map((c) => String.fromCharCode(c)),
        minLength: 1,
        maxLength: 8,
      })
      .filter((s) => !/[",\r\n]/.test(s) && s.trim() === s && s.length > 0);
    await fc.assert(
      fc.asyncProperty(
        fc.array(value, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 9 }),
        async (activities, chunk) => {
          const text = HEAD + activities.map((a, i) => row(`c${i}`, a)).join('');
          const { store, report } = await csv(text, chunk);
          const refused = activities.flatMap((a, i) => (findUnsafeCharacter(a) ? [i + 2] : []));
          expect(report.rejections.map((r) => r.line)).toEqual(refused);
          const kept = activities.filter((a) => !findUnsafeCharacter(a));
          expect(
            Array.from(store.activityOf.subarray(0, store.size), (id) => store.activities.value(id)),
          ).toEqual(kept);
        },
      ),
      { seed: 11, numRuns: 150 },
    );
  });
});

describe('hostile CSV logs: encodings', () => {
  it('given characters of 2, 3 and 4 bytes cut at every chunk size, then they read exactly', async () => {
    const text = HEAD + row('Aé', 'Réunion €') + row('B', 'Call 😀', 'Zoë');
    for (let chunk = 1; chunk <= 9; chunk++) {
      const { store } = await csv(text, chunk);
      expect([store.activities.value(0), store.activities.value(1)]).toEqual(['Réunion €', 'Call 😀']);
    }
  });

  it('given one Windows-1252 byte on line 3, then refused naming line 3, its column and byte, at every chunk size', async () => {
    const bytes = utf8(HEAD + row('A', 'Call') + row('B', 'Caf_'));
    const at = bytes.lastIndexOf(0x5f);
    bytes[at] = 0xe9;
    for (const chunk of [1, 2, 5, 13, 4096]) {
      const e = await refusal(csv(bytes, chunk));
      expect(e.code).toBe('not_utf8');
      expect(e.line).toBe(3);
      expect(e.message).toMatch(
        new RegExp(`^line 3, column 6: byte ${at + 1} of the file \\(0xE9\\) is not UTF-8 text`),
      );
    }
  });

  it('given a file ending in the middle of a character, then refused, not completed with U+FFFD', async () => {
    const bytes = utf8(HEAD + 'A,Call,2024-01-01T10:00:00Z,K€');
    const e = await refusal(csv(bytes.subarray(0, bytes.length - 1), 7));
    expect(e.code).toBe('not_utf8');
    expect(e.line).toBe(2);
  });

  it('given UTF-16 without its byte-order mark, or with half a character pair, then refused saying so', async () => {
    const text = HEAD + row('A', 'Call');
    const le = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) le[2 * i] = text.charCodeAt(i);
    expect((await refusal(csv(le))).code).toBe('utf16_without_bom');
    const lone = new Uint8Array([0xff, 0xfe, ...le, 0x00, 0xd8, 0x41, 0x00]);
    expect((await refusal(csv(lone))).code).toBe('invalid_utf16');
  });

  it('given binary garbage named .csv, then "not a text file" or "not UTF-8", never another error', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]);
    expect((await refusal(importLogFile(file('image.csv', png)))).code).toBe('not_text');
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 300 }), async (bytes) => {
        if (bytes[0] === 0x1f || bytes[0] === 0x3c || bytes[0] === 0x50) bytes[0] = 0x41;
        try {
          await csv(bytes, 17);
        } catch (e) {
          expect(e).toBeInstanceOf(ImportError);
        }
      }),
      { seed: 5, numRuns: 300 },
    );
  });
});

describe('hostile CSV logs: the header', () => {
  const header = async (text: string) => {
    const viaImport = await refusal(csv(text, 64 * 1024));
    const viaPreview = await refusal(previewLogFile(file('h.csv', text)));
    expect(viaPreview.message).toBe(viaImport.message);
    return viaImport;
  };

  it('given 100,000 columns, then it says too many columns and the limit, not "no header row"', async () => {
    const e = await header(`${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',')}\n1,2\n`);
    expect(e.code).toBe('too_many_columns');
    expect(e.message).toMatch(
      /^line 1 \(the header\) has more than 4,096 columns, the most Waymark reads; check/,
    );
  });

  it('given a header line longer than the reader samples, then it says so with the line', async () => {
    const e = await header(`${'x'.repeat(300 * 1024)},activity,timestamp\nA,B,2024-01-01\n`);
    expect(e.code).toBe('header_too_long');
    expect(e.message).toBe(
      'line 1 (the header) runs past 256 KB without a line break; expected a short row of column names (is this a CSV file?)',
    );
  });

  it('given one column, a second byte-order mark or a control character in a name, then each is named', async () => {
    expect((await header('just one column\nA\nB\n')).message).toMatch(
      /^line 1 \(the header\) has one column, "just one column"; an event log needs/,
    );
    expect((await header('\uFEFF\uFEFFcase,activity,timestamp\nA,B,2024-01-01\n')).message).toMatch(
      /^line 1 \(the header\): the name of column 1 holds an invisible byte-order mark \(U\+FEFF\)/,
    );
    expect((await header('case,acti\u0001vity,timestamp\nA,B,2024-01-01\n')).message).toMatch(
      /^line 1 \(the header\): the name of column 2 contains a control character \(U\+0001\) at position 5/,
    );
  });

  it('given two columns of a mapped name, then refused; empty and other repeated names are warnings naming the columns', async () => {
    const e = await refusal(csv('case,activity,activity,timestamp\nA,B,C,2024-01-01\n'));
    expect(e.message).toBe(
      'line 1 (the header): columns 2 and 3 are both named "activity", so which one to read is unclear; rename one of them',
    );
    const { report } = await csv('case,activity,timestamp,,notes,notes\nA,B,2024-01-01T10:00:00Z,,x,y\n');
    expect(report.warnings).toEqual([
      'line 1 (the header): column 4 has no name, so it is not read',
      'line 1 (the header): columns 5 and 6 are both named "notes"; only column 5 can be chosen',
    ]);
    // the same warnings by code and values, for the catalogue's words
    expect(report.warningCodes).toEqual([
      { code: 'column_without_name', values: { column: 4 } },
      { code: 'column_name_repeated', values: { first: 5, second: 6, name: 'notes' } },
    ]);
  });

  it('given dates that could be day or month first, only a header, or a character after a closing quote, then each warning has its code and values beside its English, and the JSON report adds cases out of time order', async () => {
    const ambiguous = await csv('case,activity,date\nA,B,03/04/2025 09:00\nA,C,02/04/2025 10:00\n');
    expect(ambiguous.report.warningCodes).toEqual([
      { code: 'date_order_guessed', values: { column: 'date' } },
    ]);
    expect(ambiguous.report.warnings).toHaveLength(1);
    expect((await csv('case,activity,timestamp\n')).report.warningCodes).toEqual([
      { code: 'header_without_events', values: {} },
    ]);
    const quotes = await csv(
      'case,activity,timestamp\nA,"B"x,2024-01-01T10:00:00Z\nA,"C"y,2024-01-02T10:00:00Z\n',
    );
    expect(quotes.report.warningCodes).toEqual([{ code: 'characters_after_quote', values: { rows: 2 } }]);
    const log = toJsonReport(analyseLog(ambiguous.store), ambiguous.report).log;
    expect(log.warningCodes).toEqual([
      { code: 'date_order_guessed', values: { column: 'date' } },
      { code: 'cases_out_of_order', values: { cases: 1 } },
    ]);
    expect(log.warnings).toHaveLength(2);
    expect(log.warnings[1]).toBe(
      '1 cases had events out of time order in the file; they were sorted by time (ties kept in file order)',
    );
  });

  it('given only a header, or an empty file, then each is said plainly', async () => {
    expect((await csv('case,activity,timestamp\n')).report.warnings).toContain(
      'the file has a header but no events',
    );
    expect((await refusal(csv(''))).code).toBe('empty_file');
    expect((await refusal(csv('\n\n\n'))).code).toBe('empty_file');
  });
});

describe('hostile compressed, XES and Parquet logs', () => {
  const xes = (body: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1.0">\n${body}</log>\n`;
  const event = (activity: string) =>
    `<event><string key="concept:name" value="${activity}"/><date key="time:timestamp" value="2024-01-01T10:00:00Z"/></event>`;

  it('given a truncated .csv.gz and .xes.gz, then "truncated", with the file readable up to there never half-imported', async () => {
    const gz = gzipSync(utf8(HEAD + row('A', 'Call').repeat(2000)));
    const e = await refusal(importLogFile(file('log.csv.gz', gz.subarray(0, gz.length >> 1))));
    expect(e.code).toBe('corrupt_gzip');
    const xgz = gzipSync(
      utf8(xes(`<trace><string key="concept:name" value="A"/>${event('Call').repeat(500)}</trace>\n`)),
    );
    expect((await refusal(importLogFile(file('log.xes.gz', xgz.subarray(0, xgz.length - 20))))).code).toBe(
      'corrupt_gzip',
    );
  });

  it('given XES with a DOCTYPE (billion laughs, an external entity), then refused without expanding or fetching', async () => {
    const laughs = `<?xml version="1.0"?>\n<!DOCTYPE log [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<log>&b;</log>\n`;
    const external = `<?xml version="1.0"?>\n<!DOCTYPE log [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<log><trace><string key="concept:name" value="&x;"/></trace></log>\n`;
    for (const text of [laughs, external]) {
      const e = await refusal(importXes(chunksOf(utf8(text), 7)));
      expect(e.code).toBe('xml_refused');
      expect(e.line).toBe(2);
    }
  });

  it('given a control character written as a character reference in an XES activity, then that event is rejected with its line', async () => {
    const text = xes(
      `<trace><string key="concept:name" value="A"/>\n${event('Call')}\n${event('Vi&#x1b;sit')}\n</trace>\n`,
    );
    try {
      const { store, report } = await importXes(chunksOf(utf8(text), 11));
      expect(store.size).toBe(1);
      expect(report.rejections).toEqual([
        {
          line: 5,
          field: 'concept:name',
          code: 'unsafe_character',
          values: { field: 'activity', codePoint: 'U+001B', position: 3 },
          reason: expect.stringMatching(/^the activity contains a control character \(U\+001B\)/),
        },
      ]);
    } catch (e) {
      // an XML 1.0 reader may refuse the reference itself; then it must name the line
      expect(e).toBeInstanceOf(ImportError);
      expect((e as ImportError).line).toBe(5);
    }
  });

  it('given raw control characters in an XES case id, activity and resource, then each event is rejected naming its line and key', async () => {
    const ev = (a: string, r = 'Kim') =>
      `<event><string key="concept:name" value="${a}"/><date key="time:timestamp" value="2024-01-01T10:00:00Z"/><string key="org:resource" value="${r}"/></event>`;
    const text = xes(
      `<trace><string key="concept:name" value="A\u0001"/>\n${ev('Call')}\n</trace>\n<trace><string key="concept:name" value="B"/>\n${ev('Ca\u0002ll')}\n${ev('Call', 'K\u0085m')}\n${ev('Call')}\n</trace>\n`,
    );
    const { store, report } = await importXes(chunksOf(utf8(text), 9));
    expect(store.size).toBe(1);
    expect(report.rejections.map((r) => [r.line, r.field, r.reason.slice(0, 40)])).toEqual([
      [4, 'case:concept:name', 'the case id contains a control character'],
      [7, 'concept:name', 'the activity contains a control characte'],
      [8, 'org:resource', 'the resource contains a control characte'],
    ]);
  });

  it('given XES with a byte that is not UTF-8, then refused naming its line', async () => {
    const bytes = utf8(xes(`<trace><string key="concept:name" value="A"/>\n${event('Caf_')}\n</trace>\n`));
    bytes[bytes.indexOf(0x5f)] = 0xe9;
    const e = await refusal(importXes(chunksOf(bytes, 5)));
    expect(e.code).toBe('not_utf8');
    expect(e.line).toBe(4);
    expect((await refusal(previewLogFile(file('log.xes', bytes)))).message).toBe(e.message);
  });

  it('given garbage named .parquet or .xes, then a clear refusal', async () => {
    const junk = new Uint8Array(600).map((_, i) => (i * 31) % 256);
    junk.set([0x50, 0x41, 0x52, 0x31]);
    expect((await refusal(importLogFile(file('x.parquet', junk)))).code).toBe('parquet_invalid');
    expect(
      (await refusal(importLogFile(file('x.xes', '<log><trace><event>')))).message.length,
    ).toBeGreaterThan(10);
  });

  it('given a Parquet text value that is not UTF-8, then refused naming the row and column, not read as U+FFFD', async () => {
    const bytes = writeParquet({
      'case:concept:name': ['A', 'B'],
      'concept:name': ['Call', 'Caf_'],
      'time:timestamp': ['2024-01-01T10:00:00Z', '2024-01-01T11:00:00Z'],
    });
    const at = Buffer.from(bytes).indexOf('Caf_') + 3;
    expect(at).toBeGreaterThan(3);
    bytes[at] = 0xe9;
    const e = await refusal(importLogFile(file('x.parquet', bytes)));
    expect(e.code).toBe('not_utf8');
    expect(e.message).toBe(
      'row 2, column "concept:name": byte 4 of the value (0xE9) is not UTF-8 text; write the Parquet file again with its text as UTF-8',
    );
    expect((await refusal(previewLogFile(file('x.parquet', bytes)))).message).toBe(e.message);
  });

  it('given a control character in a Parquet activity, then that row is rejected with its row number', async () => {
    const bytes = writeParquet({
      'case:concept:name': ['A', 'B'],
      'concept:name': ['Call', 'Vi\u0000sit'],
      'time:timestamp': ['2024-01-01T10:00:00Z', '2024-01-01T11:00:00Z'],
    });
    const { store, report } = await importLogFile(file('x.parquet', bytes));
    expect(store.size).toBe(1);
    expect(report.rejections).toEqual([
      {
        line: 2,
        field: 'concept:name',
        code: 'unsafe_character',
        values: { field: 'activity', codePoint: 'U+0000', position: 3 },
        reason: expect.stringMatching(/^the activity contains a control character \(U\+0000\)/),
      },
    ]);
  });
});
