import { describe, expect, it } from 'vitest';
import { analyseLog } from '../analyse';
import { chunksOf, utf8 } from '../testing/fixtures';
import { importCsv } from './csv-import';
import { ImportError } from './import-result';

const run = (text: string | Uint8Array, options = {}) =>
  importCsv(chunksOf(typeof text === 'string' ? utf8(text) : text, 13), options);

describe('importCsv', () => {
  it('given a semicolon file with day-first dates and UK header names, when imported, then columns map and dates are read day-first', async () => {
    const { store, report } = await run(
      'Case Reference;Activity;Date Time;Channel;Team\nA1;Report;25/12/2023 10:00;Phone;Contact centre\nA1;Visit;02/01/2024 09:00;Face to face;Housing\n',
    );
    expect(report.delimiter).toBe(';');
    expect(report.dateOrder).toBe('dmy');
    expect(report.mapping).toMatchObject({
      case: 'Case Reference',
      activity: 'Activity',
      timestamp: 'Date Time',
      channel: 'Channel',
      org: 'Team',
    });
    expect(store.time[1]).toBe(Date.UTC(2024, 0, 2, 9));
    expect(store.dims.org.value(store.dim.org?.[1] ?? -1)).toBe('Housing');
  });

  it('given bad rows, when imported, then each is rejected with its line, column and the reason, and counted', async () => {
    const text =
      'case,activity,timestamp\nA,Report,2024-01-01T10:00:00Z\nA,,2024-01-01T11:00:00Z\n,Visit,2024-01-01T12:00:00Z\nA,Visit,31/02/2024\nA,Visit\nA,Close,2024-01-02T10:00:00Z\n';
    const { store, report } = await run(text);
    expect(store.size).toBe(2);
    expect(report.rows).toBe(6);
    expect(report.rejectedRows).toBe(4);
    expect(report.rejections).toEqual([
      { line: 3, field: 'activity', code: 'empty_activity', reason: 'empty activity (expected a value)' },
      { line: 4, field: 'case', code: 'empty_case', reason: 'empty case id (expected a value)' },
      {
        line: 5,
        field: 'timestamp',
        code: 'bad_timestamp',
        values: { value: '31/02/2024', expected: 'dmy' },
        reason: expect.stringMatching(/"31\/02\/2024" is not a date-time \(expected /),
      },
      {
        line: 6,
        code: 'wrong_field_count',
        values: { count: 2, expected: 3 },
        reason: '2 fields, expected 3 as in the header',
      },
    ]);
  });

  it('given no timestamp column, when imported, then it fails naming the columns it saw and how to choose one', async () => {
    const err = await run('case,activity,when\nA,B,2024-01-01\n').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).code).toBe('missing_column');
    expect((err as ImportError).message).toMatch(
      /no timestamp column found on line 1 .*--timestamp.*"case", "activity", "when"/,
    );
  });

  it('given an explicit column that does not exist, when imported, then the error names it', async () => {
    await expect(
      run('a,b,c\n1,2,2024-01-01\n', {
        mapping: { case: 'a', activity: 'b', timestamp: 'c', channel: 'Medium' },
      }),
    ).rejects.toThrow(/no column named "Medium" for channel/);
  });

  it('given an unbalanced quote, when imported, then a clear error with the line', async () => {
    await expect(run('case,activity,timestamp\nA,"Report,2024-01-01\nB,Visit,2024-01-02\n')).rejects.toThrow(
      /line 2: field 2 opens a quote that is never closed/,
    );
  });

  it('given UTF-16 with a byte-order mark, when imported, then names survive', async () => {
    const text = '\ufeffcase,activity,timestamp\nA,Réunion ✓,2024-01-01T10:00:00Z\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[2 * i] = text.charCodeAt(i) & 0xff;
      bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    const { store, report } = await run(bytes);
    expect(report.encoding).toBe('utf-16le');
    expect(store.activities.value(0)).toBe('Réunion ✓');
  });

  it('given Windows-1252 bytes, when imported, then refused naming the line, column and byte, never guessed', async () => {
    const head = utf8('case,activity,timestamp\nA,');
    const bytes = new Uint8Array([
      ...head,
      0x52,
      0xe9,
      0x75,
      0x6e,
      0x69,
      0x6f,
      0x6e,
      0x20,
      0x80,
      ...utf8(',2024-01-01T10:00:00Z\n'),
    ]);
    await expect(run(bytes)).rejects.toThrow(
      /^line 2, column 4: byte 28 of the file \(0xE9\) is not UTF-8 text, .*save it as UTF-8 and try again$/,
    );
    // named explicitly, it is a choice rather than a guess, and reads exactly
    const { store, report } = await run(bytes, { encoding: 'windows-1252' });
    expect(report.encoding).toBe('windows-1252');
    expect(store.activities.value(0)).toBe('Réunion €');
  });

  it('given local times and a zone, when imported, then times are converted to UTC instants', async () => {
    const { store } = await run('case,activity,timestamp\nA,B,2024-07-01 12:00:00\n', {
      zone: 'Europe/London',
    });
    expect(store.time[0]).toBe(Date.UTC(2024, 6, 1, 11));
  });

  it('given a lifecycle filter, when imported, then other transitions are filtered and counted apart from rejections', async () => {
    const { store, report } = await run(
      'case,activity,timestamp,lifecycle:transition\nA,B,2024-01-01,start\nA,B,2024-01-02,complete\n',
      { lifecycle: 'complete' },
    );
    expect(store.size).toBe(1);
    expect(report.filteredRows).toBe(1);
    expect(report.rejectedRows).toBe(0);
  });

  it('given an empty file, when imported, then it says so', async () => {
    await expect(run('')).rejects.toThrow(/the file is empty/);
  });

  it('given a case whose rows are all rejected, when analysed, then it is not counted as a case', async () => {
    const { store } = await run('case,activity,timestamp\nA,B,bad\nC,D,2024-01-01\n');
    expect(analyseLog(store).cases.cases).toBe(1);
  });
});
