import { scoreQuestion } from '@waymark/measure';
import { describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { createPseudonymiser } from '../pseudonymise';
import {
  commentQuestion,
  consentQuestion,
  effortQuestion,
  microsoftFormsSheet,
  notifyRepliesCsv,
  recommendQuestion,
  satisfactionQuestion,
  smartSurveyCsv,
} from '../testing/survey-fixtures';
import { importSurvey, type SurveyMapping } from './survey-import';
import { guessSurveyMapping } from './survey-shapes';
import { readSurveyBytes, readSurveyTable, SurveyFileError, type SurveyTable } from './survey-table';

const pseudonymise = createPseudonymiser('a survey key of some length');
const bytes = (s: string) => new TextEncoder().encode(s);

async function sample(table: SurveyTable, n = 20): Promise<{ rest: SurveyTable; rows: string[][] }> {
  // the mapping guess reads the first rows; the tests then read the file again
  const rows: string[][] = [];
  for await (const r of table.rows) {
    rows.push([...r.cells]);
    if (rows.length >= n) break;
  }
  return { rest: table, rows };
}

describe('Microsoft Forms (XLSX)', () => {
  it('is recognised, mapped and scored as the worked example', async () => {
    const xlsx = new Uint8Array(
      await writeExcelFile(microsoftFormsSheet(), { dateFormat: 'dd/mm/yyyy hh:mm:ss' }).toBuffer(),
    );
    const peek = await readSurveyBytes(xlsx);
    expect(peek.format).toBe('xlsx');
    const { rows } = await sample(peek);
    const guess = guessSurveyMapping(peek.header, rows);
    expect(guess.source).toBe('microsoft-forms');
    expect(guess.mapping).toMatchObject({
      respondent: 'ID',
      date: 'Completion time',
      consent: consentQuestion,
    });
    expect(guess.mapping.questions).toEqual([
      { column: satisfactionQuestion, kind: 'rating', scale: '1-5' },
      { column: effortQuestion, kind: 'ces', scale: '1-7' },
      { column: recommendQuestion, kind: 'nps', scale: '0-10' },
      { column: commentQuestion, kind: 'text' },
    ]);
    expect(guess.ignored).toEqual(['Start time', 'Email', 'Name']);

    const mapping: SurveyMapping = {
      ...guess.mapping,
      questions: guess.mapping.questions.map((q) => ({ ...q, stepId: 'report' })),
    };
    const result = await importSurvey(await readSurveyBytes(xlsx), mapping, { pseudonymise });
    expect(result.problems).toEqual([]);
    expect(result.responses).toBe(20);
    const [sat, eff, rec] = result.questions;
    expect(sat!.counts).toEqual([1, 2, 3, 8, 6]);
    const scores = scoreQuestion({ kind: 'rating', scale: '1-5', counts: sat!.counts });
    expect(scores.summary.mean).toBe(3.8);
    expect(scores.csat!.successes).toBe(14);
    expect(scoreQuestion({ kind: 'ces', scale: '1-7', counts: eff!.counts }).ces!.easy.successes).toBe(13);
    expect(scoreQuestion({ kind: 'nps', scale: '0-10', counts: rec!.counts }).nps!.score).toBe(25);

    expect(result.quotes).toHaveLength(5);
    const first = result.quotes[0]!;
    expect(first).toMatchObject({
      stepId: 'report',
      date: '2026-03-02',
      text: 'Nobody rang me back. My name is [name], call [phone number]',
      consent: false,
      redacted: true,
    });
    expect(first.respondent).toBe(pseudonymise('1'));
    expect(first.respondent).toMatch(/^p_[0-9a-f]{16}$/);
    expect(result.quotes.filter((q) => q.consent).map((q) => q.text)).toEqual([
      'The form timed out twice',
      'Quick, and I got an email straight away (mine is [email])',
      'Very easy, the staff at the depot in [postcode] were kind',
    ]);
    expect(result.redactions).toEqual({ name: 1, phone: 1, email: 1, postcode: 1 });
  });
});

describe('SmartSurvey (CSV)', () => {
  it('reads satisfaction labels and UK dates', async () => {
    const csv = bytes(smartSurveyCsv());
    const { rows } = await sample(await readSurveyBytes(csv));
    const table = await readSurveyBytes(csv);
    const guess = guessSurveyMapping(table.header, rows);
    expect(guess.source).toBe('smartsurvey');
    expect(guess.mapping.respondent).toBe('ID');
    expect(guess.mapping.date).toBe('Ended');
    expect(guess.mapping.consent).toBe('4. I agree that my comments may be quoted');
    expect(guess.mapping.questions.map((q) => [q.kind, q.scale])).toEqual([
      ['rating', '1-5'],
      ['nps', '0-10'],
      ['text', undefined],
    ]);
    const result = await importSurvey(table, guess.mapping, { pseudonymise });
    expect(result.problems).toEqual([]);
    expect(result.questions[0]!.counts).toEqual([1, 0, 1, 1, 1]);
    expect(result.quotes.map((q) => [q.date, q.text, q.consent])).toEqual([
      ['2026-04-14', 'Took a while but sorted', true],
      ['2026-04-15', 'Three visits. Ring me on [phone number]', true],
      ['2026-04-16', 'ok', false],
    ]);
  });
});

describe('GOV.UK Notify text replies (CSV)', () => {
  it('takes the number at the start of a reply as the score and the words after it as a quote', async () => {
    const csv = bytes(notifyRepliesCsv());
    const { rows } = await sample(await readSurveyBytes(csv));
    const table = await readSurveyBytes(csv);
    const guess = guessSurveyMapping(table.header, rows);
    expect(guess.source).toBe('notify');
    expect(guess.mapping.respondent).toBe('Phone number');
    expect(guess.mapping.questions).toEqual([
      { column: 'Message', kind: 'rating', scale: '1-5' },
      { column: 'Message', kind: 'text' },
    ]);
    const result = await importSurvey(table, guess.mapping, { pseudonymise });
    expect(result.problems).toEqual([]);
    expect(result.questions[0]!.counts).toEqual([1, 1, 0, 1, 1]);
    expect(result.quotes.map((q) => q.text)).toEqual([
      '4 quick and easy thanks',
      '2. waited ages for a reply, my name is [name]',
    ]);
    // the phone number is never kept: the respondent is its pseudonym
    expect(result.quotes[0]!.respondent).toBe(pseudonymise('07700900002'));
    expect(JSON.stringify(result)).not.toContain('07700900002');
  });
});

const mapping: SurveyMapping = {
  respondent: 'ID',
  questions: [
    { column: 'Satisfied', kind: 'rating', scale: '1-5', stepId: 's1' },
    { column: 'Recommend', kind: 'nps', scale: '0-10', stepId: 's1' },
  ],
};
const run = async (text: string | Uint8Array) =>
  importSurvey(await readSurveyBytes(typeof text === 'string' ? bytes(text) : text), mapping, {
    pseudonymise,
  });
const fileError = async (data: Uint8Array) => {
  try {
    await run(data);
  } catch (e) {
    if (e instanceof SurveyFileError) return e;
    throw e;
  }
  throw new Error('expected the file to be refused');
};

describe('bad input', () => {
  it('an empty file, and a file of blank lines, are refused as empty', async () => {
    for (const data of [new Uint8Array(0), bytes('\r\n\r\n'), bytes('\uFEFF')]) {
      const e = await fileError(data);
      expect(e.code).toBe('empty_file');
      expect(e.values).toEqual({ where: 'file' });
      expect(e.message).toMatch(/empty; expected a header row/);
    }
  });
  it('an empty workbook is refused as empty', async () => {
    const xlsx = new Uint8Array(await writeExcelFile([[null]]).toBuffer());
    expect(await fileError(xlsx)).toMatchObject({ code: 'empty_file', values: { where: 'sheet' } });
  });
  it('a ragged row names its row and the columns expected', async () => {
    const r = await run('ID,Satisfied,Recommend\n1,4,9\n2,5\n3,3,7,extra\n');
    expect(r.problemCount).toBe(2);
    expect(r.problems.map((p) => [p.code, p.row, p.found, p.expected])).toEqual([
      ['wrong_field_count', 3, '2', '3 columns, as in the header'],
      ['wrong_field_count', 4, '4', '3 columns, as in the header'],
    ]);
    expect(r.problems[0]!.values).toEqual({ count: 2, width: 3 });
    expect(r.problems[0]!.message).toMatch(/^row 3 has 2 columns; expected 3/);
  });
  it('a score outside its scale names row, column and the range expected', async () => {
    const r = await run('ID,Satisfied,Recommend\n1,6,9\n2,4,11\n3,0,-1\n');
    expect(r.problems.map((p) => [p.code, p.row, p.column, p.columnName, p.found, p.expected])).toEqual([
      ['out_of_range', 2, 2, 'Satisfied', '6', 'a whole number from 1 to 5'],
      ['out_of_range', 3, 3, 'Recommend', '11', 'a whole number from 0 to 10'],
      ['out_of_range', 4, 2, 'Satisfied', '0', 'a whole number from 1 to 5'],
      ['out_of_range', 4, 3, 'Recommend', '-1', 'a whole number from 0 to 10'],
    ]);
    expect(r.problems[0]!.message).toBe(
      'row 2, column 2 ("Satisfied"): 6 is outside the 1-5 scale; expected a whole number from 1 to 5',
    );
    // a half score is not a whole number either
    expect((await run('ID,Satisfied,Recommend\n1,3.5,9\n')).problems[0]!.code).toBe('out_of_range');
  });
  it('text in a number column names row, column and what was expected', async () => {
    const r = await run('ID,Satisfied,Recommend\n1,4,nine\n2,"pretty good",8\n');
    expect(r.problems.map((p) => [p.code, p.row, p.column, p.found])).toEqual([
      ['not_a_number', 2, 3, 'nine'],
      ['not_a_number', 3, 2, 'pretty good'],
    ]);
    expect(r.problems[0]!.message).toBe(
      'row 2, column 3 ("Recommend"): "nine" is not a score; expected a whole number from 0 to 10',
    );
    // nothing of a row with a problem is counted
    expect(r.questions[0]!.counts).toEqual([0, 0, 0, 0, 0]);
  });
  it('a file in Windows-1252 is refused with the row and column of the first byte that is not UTF-8', async () => {
    // "Caf\xe9" in Windows-1252
    const data = Uint8Array.from([
      ...bytes('ID,Satisfied,Recommend\n1,4,9\n2,5,'),
      0x43,
      0x61,
      0x66,
      0xe9,
      10,
    ]);
    const e = await fileError(data);
    expect(e.code).toBe('not_utf8');
    expect(e.row).toBe(3);
    expect(e.values).toEqual({ column: 3 });
    expect(e.message).toMatch(
      /^row 3, column 3: the bytes are not UTF-8 text .* expected a CSV saved as UTF-8/,
    );
  });
  it('UTF-16 with a byte-order mark is read', async () => {
    const text = '\uFEFFID,Satisfied,Recommend\r\n1,4,9\r\n';
    const le = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      le[2 * i] = text.charCodeAt(i) & 0xff;
      le[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    const r = await run(le);
    expect(r.problems).toEqual([]);
    expect(r.questions[0]!.counts).toEqual([0, 0, 0, 1, 0]);
  });
  it('a mapping naming a column the file lacks is refused before any row is read', async () => {
    const r = await importSurvey(
      await readSurveyBytes(bytes('ID,Satisfied\n1,4\n')),
      { questions: [{ column: 'Satisfaction', kind: 'rating', scale: '1-5' }] },
      { pseudonymise },
    );
    expect(r.problems[0]).toMatchObject({
      code: 'unknown_column',
      columnName: 'Satisfaction',
      values: { role: 'question', columns: '“ID”, “Satisfied”' },
    });
    expect(r.responses).toBe(0);
  });
  it('a workbook that is not one is refused', async () => {
    const e = await fileError(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]));
    expect(e.code).toBe('not_a_workbook');
    expect(e.values).toEqual({ reason: 'unreadable' });
  });
  it('a quotation mark never closed names its row, column and the mark', async () => {
    const e = await fileError(bytes('ID,Satisfied,Recommend\n1,4,9\n2,"5,9\n'));
    expect(e).toMatchObject({ code: 'unclosed_quote', row: 3, values: { column: 2, quote: '"' } });
  });
});

describe('a million rows', () => {
  it('are read as a stream, counted exactly, never holding more than two chunks of rows', async () => {
    const rows = 1_000_000;
    const rowsPerChunk = 10_000;
    let produced = 0;
    let consumed = 0;
    let lead = 0;
    async function* generate(): AsyncGenerator<Uint8Array> {
      yield bytes('ID,Satisfied,Recommend,Comment\n');
      for (let c = 0; c < rows / rowsPerChunk; c++) {
        let s = '';
        for (let i = 0; i < rowsPerChunk; i++) {
          const k = c * rowsPerChunk + i;
          s += `${k},${(k % 5) + 1},${k % 11},${k % 1000 === 0 ? `comment ${k}` : ''}\n`;
        }
        produced += rowsPerChunk;
        yield bytes(s);
      }
    }
    const table = await readSurveyTable(generate());
    // rows read from the file but not yet taken by the import: what streaming keeps in memory
    const counted: SurveyTable = {
      ...table,
      rows: (async function* () {
        for await (const r of table.rows) {
          consumed++;
          lead = Math.max(lead, produced - consumed);
          yield r;
        }
      })(),
    };
    const r = await importSurvey(
      counted,
      {
        respondent: 'ID',
        questions: [
          { column: 'Satisfied', kind: 'rating', scale: '1-5' },
          { column: 'Recommend', kind: 'nps', scale: '0-10' },
          { column: 'Comment', kind: 'text' },
        ],
      },
      { pseudonymise, maxQuotes: 100 },
    );
    expect(r.problems).toEqual([]);
    expect(r.responses).toBe(rows);
    expect(consumed).toBe(rows);
    expect(r.questions[0]!.counts).toEqual([200_000, 200_000, 200_000, 200_000, 200_000]);
    expect(r.questions[1]!.counts.reduce((a, b) => a + b, 0)).toBe(rows);
    expect(r.questions[1]!.counts[0]).toBe(Math.ceil(rows / 11));
    expect(r.quotes).toHaveLength(100);
    expect(r.quotesLeftOut).toBe(rows / 1000 - 100);
    // bounded memory: the reader never runs more than two chunks ahead of the import
    expect(lead).toBeLessThanOrEqual(2 * rowsPerChunk);
  }, 300_000);
});
