import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { runCli, withTempDir } from '../run-cli.fixture';

// docs/worked-checks/survey-scores.md, "Worked example: step Reports the problem", through `waymark analyse --survey`.
const repeat = (value: number, times: number) => new Array<number>(times).fill(value);
const satisfaction = [1, 2, 2, 3, 3, 3, ...repeat(4, 8), ...repeat(5, 6)];
const effort = [1, 2, 3, 3, 4, 4, 4, ...repeat(5, 5), ...repeat(6, 5), ...repeat(7, 3)];
const recommend = [0, 3, 5, 6, 6, 7, 7, 8, 8, 8, ...repeat(9, 4), ...repeat(10, 6)];
const header = [
  'Respondent',
  'How satisfied were you with reporting the problem?',
  'How easy was it to report the problem?',
  'How likely are you to recommend the service?',
];

function surveyCsv(): string {
  const rows = satisfaction.map((s, i) => `R${i + 1},${s},${effort[i]},${recommend[i]}`);
  return `${header.join(',')}\n${rows.join('\n')}\n`;
}

const mapping = {
  respondent: 'Respondent',
  questions: [
    { column: header[1], kind: 'rating', scale: '1-5', stepId: 'report' },
    { column: header[2], kind: 'ces', scale: '1-7', stepId: 'report' },
    { column: header[3], kind: 'nps', scale: '0-10' },
  ],
  activities: { 'Report problem': 'report' },
};

/** 12 cases, each reporting twice by phone within a day: 12 of 24 contacts are repeats (avoidable, RP). */
function repeatLog(): string {
  const lines = ['case,activity,timestamp,channel'];
  for (let c = 1; c <= 12; c++) {
    const day = String(c).padStart(2, '0');
    lines.push(`C${c},Report problem,2026-03-${day}T09:00:00Z,Phone`);
    lines.push(`C${c},Report problem,2026-03-${day}T15:00:00Z,Phone`);
    lines.push(`C${c},Problem fixed,2026-03-${day}T17:00:00Z,`);
  }
  return `${lines.join('\n')}\n`;
}

describe('waymark analyse --survey: the worked example to the decimal (issue 13 item 3)', () => {
  it('given the worked example as CSV with its columns guessed, then md prints n, mean with its t interval, median, CSAT, CES and NPS', () =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, 'survey.csv'), surveyCsv());
      const r = await runCli(['analyse', '--survey', 'survey.csv'], dir);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('## Survey answers (survey.csv)');
      expect(r.stdout).toContain('20 responses from survey.csv (columns: guessed');
      expect(r.stdout).toContain('| Answers (n) | 20 |');
      expect(r.stdout).toContain('| Distribution | 1: 1, 2: 2, 3: 3, 4: 8, 5: 6 |');
      expect(r.stdout).toContain('| Mean (95 % t interval) | 3.80 (3.2610 to 4.3390) |');
      expect(r.stdout).toContain('| Median | 4 |');
      expect(r.stdout).toContain('| Emotion (−100 … +100) | +40.0 (band +13.1 to +66.9) |');
      expect(r.stdout).toContain('| CSAT (answers 4 or 5) | 14 of 20, 70 % (95 % CI 48.1 % to 85.5 %) |');
      expect(r.stdout).toContain('| Mean (95 % t interval) | 4.85 (4.0717 to 5.6283) |');
      expect(r.stdout).toContain('| CES easy (5–7) | 13 of 20, 65 % (95 % CI 43.3 % to 81.9 %) |');
      expect(r.stdout).toContain(
        '| NPS (promoters − detractors) | +25.0 (95 % CI −11.7 to +55.2; 10 promoters, 5 passives, 5 detractors) |',
      );
    }));

  it('given a mapping file and JSON, then the numbers are exact decimals, and the step is matched to the log to say they disagree', () =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, 'survey.csv'), surveyCsv());
      await writeFile(join(dir, 'map.json'), JSON.stringify(mapping));
      await writeFile(join(dir, 'log.csv'), repeatLog());
      const r = await runCli(
        ['analyse', 'log.csv', '--survey', 'survey.csv', '--survey-map', 'map.json', '--format', 'json'],
        dir,
        { env: { WAYMARK_PSEUDONYM_KEY: 'a test key of enough length' } },
      );
      expect(r.code, r.stderr).toBe(0);
      const s = JSON.parse(r.stdout).survey;
      expect(s.responses).toBe(20);
      const [sat, ces, nps] = s.questions;
      expect(sat).toMatchObject({
        stepId: 'report',
        n: 20,
        mean: 3.8,
        median: 4,
        sd: 1.1517,
        interval: { low: 3.261, high: 4.339, confidence: 0.95 },
        emotion: { mean: 40, low: 13.1, high: 66.9 },
        csat: { count: 14, n: 20, share: 0.7, low: 0.481, high: 0.8545 },
      });
      expect(ces).toMatchObject({
        mean: 4.85,
        median: 5,
        interval: { low: 4.0717, high: 5.6283 },
        ces: { easy: { count: 13, n: 20, share: 0.65 } },
      });
      expect(nps.nps).toMatchObject({ score: 25, low: -11.7, high: 55.2, promoters: 10, detractors: 5 });
      // 12 of 24 contacts at "Report problem" are repeats within the day: Wilson 31.4 %–68.6 %, so the survey
      // (emotion band +13.1 … +66.9) likes a step whose contact is clearly avoidable.
      expect(s.disagreement).toEqual([
        {
          stepId: 'report',
          question: header[1],
          avoidable: { count: 12, n: 24, share: 0.5, low: 0.3143, high: 0.6857 },
          verdict: 'survey-good-contact-poor',
        },
      ]);
      // no float artefacts anywhere in the survey's JSON
      expect(JSON.stringify(s)).not.toMatch(/\d\.\d{5,}/);
    }));

  it('given an XLSX export and html, then the page holds the figures', () =>
    withTempDir(async (dir) => {
      const data = [
        header.map((value) => ({ value })),
        ...satisfaction.map((s, i) => [
          { value: `R${i + 1}` },
          { value: s },
          { value: effort[i] as number },
          { value: recommend[i] as number },
        ]),
      ];
      await writeFile(join(dir, 'survey.xlsx'), await writeXlsxFile(data).toBuffer());
      const r = await runCli(['analyse', '--survey', 'survey.xlsx', '--format', 'html'], dir);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('<h2>Survey answers (survey.xlsx)</h2>');
      expect(r.stdout).toContain(
        '<tr><th scope="row">Mean (95 % t interval)</th><td>3.80 (3.2610 to 4.3390)</td></tr>',
      );
      expect(r.stdout).toContain('14 of 20, 70 % (95 % CI 48.1 % to 85.5 %)');
    }));
});

describe('waymark analyse --survey: bad input is named plainly', () => {
  it('given a missing file, then it says it cannot read it (exit 3)', () =>
    withTempDir(async (dir) => {
      const r = await runCli(['analyse', '--survey', 'nowhere.csv'], dir);
      expect(r.code).toBe(3);
      expect(r.stderr).toBe(
        'waymark analyse: --survey: cannot read nowhere.csv: there is no such file. Check its name and folder.\n',
      );
    }));

  it('given a score out of range, then it names the file, row and column and counts nothing (exit 1)', () =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, 'survey.csv'), surveyCsv().replace('R3,2,3,5', 'R3,9,3,5'));
      await writeFile(join(dir, 'map.json'), JSON.stringify(mapping));
      const r = await runCli(['analyse', '--survey', 'survey.csv', '--survey-map', 'map.json'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        'waymark analyse: --survey survey.csv: there is a problem in the file, so nothing was counted. Correct it and run the command again:\n' +
          '  row 4, column 2 (“How satisfied were you with reporting the problem?”): 9 is outside the scale. Expected a whole number from 1 to 5.\n',
      );
      expect(r.stdout).toBe('');
      const cy = await runCli(['analyse', '--survey', 'survey.csv', '--survey-map', 'map.json'], dir, {
        env: { WAYMARK_LANG: 'cy' },
      });
      expect(cy.code).toBe(1);
      expect(cy.stderr).toBe(
        'waymark analyse: --survey survey.csv: mae problem yn y ffeil, felly ni chafodd dim ei gyfrif. Cywirwch hi a rhedwch y gorchymyn eto:\n' +
          '  rhes 4, colofn 2 (“How satisfied were you with reporting the problem?”): mae 9 y tu allan i’r raddfa. Y disgwyl oedd rhif cyfan o 1 i 5.\n',
      );
    }));

  it('given more problems than are listed, then the first five by row and column and how many more, in English and Welsh', () =>
    withTempDir(async (dir) => {
      let csv = surveyCsv();
      for (let i = 1; i <= 7; i++) csv = csv.replace(`\nR${i},`, `\nR${i},x`);
      await writeFile(join(dir, 'survey.csv'), csv);
      await writeFile(join(dir, 'map.json'), JSON.stringify(mapping));
      // the listing's first line, its first problem, and what follows the fifth
      const listed = async (env: Record<string, string>) => {
        const r = await runCli(['analyse', '--survey', 'survey.csv', '--survey-map', 'map.json'], dir, {
          env,
        });
        const lines = r.stderr.split('\n');
        return { head: lines[0], first: lines[1], after: lines.slice(6) };
      };
      expect(await listed({})).toEqual({
        head: 'waymark analyse: --survey survey.csv: there are 7 problems in the file, so nothing was counted. Correct them and run the command again:',
        first:
          '  row 2, column 2 (“How satisfied were you with reporting the problem?”): “x1” is not a score. Expected a whole number from 1 to 5.',
        after: ['  … and 2 more problems', ''],
      });
      expect(await listed({ LANG: 'cy_GB.UTF-8' })).toEqual({
        head: 'waymark analyse: --survey survey.csv: mae 7 problem yn y ffeil, felly ni chafodd dim ei gyfrif. Cywirwch nhw a rhedwch y gorchymyn eto:',
        first:
          '  rhes 2, colofn 2 (“How satisfied were you with reporting the problem?”): nid yw “x1” yn sgôr. Y disgwyl oedd rhif cyfan o 1 i 5.',
        after: ['  … a 2 broblem arall', ''],
      });
    }));

  it('given text in a number column and an empty file, then each is refused with its place', () =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, 'survey.csv'), surveyCsv().replace('R5,3,4,6', 'R5,three,4,6'));
      await writeFile(join(dir, 'map.json'), JSON.stringify(mapping));
      const r = await runCli(['analyse', '--survey', 'survey.csv', '--survey-map', 'map.json'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        '\n  row 6, column 2 (“How satisfied were you with reporting the problem?”): “three” is not a score. Expected a whole number from 1 to 5.\n',
      );
      await writeFile(join(dir, 'empty.csv'), '');
      const e = await runCli(['analyse', '--survey', 'empty.csv'], dir);
      expect(e.code).toBe(1);
      expect(e.stderr).toBe(
        'waymark analyse: --survey empty.csv: the file is empty. Export the responses again: a header row of column names, then one row per response.\n',
      );
      const cy = await runCli(['analyse', '--survey', 'empty.csv'], dir, { env: { WAYMARK_LANG: 'cy' } });
      expect(cy.stderr).toBe(
        'waymark analyse: --survey empty.csv: mae’r ffeil yn wag. Allforiwch yr ymatebion eto: rhes bennawd o enwau colofnau, yna un rhes i bob ymateb.\n',
      );
    }));

  it('given a quotation mark never closed or bytes that are not UTF-8, then the row and column, in English and Welsh', () =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, 'quote.csv'), surveyCsv().replace('\nR5,3,', '\nR5,"3,'));
      const en = await runCli(['analyse', '--survey', 'quote.csv'], dir);
      expect(en.code).toBe(1);
      expect(en.stderr).toBe(
        'waymark analyse: --survey quote.csv: row 6, column 2 opens a quotation mark (") that is never closed before the end of the file. Close it, or check that the whole file was saved, and try again.\n',
      );
      await writeFile(
        join(dir, 'latin1.csv'),
        Buffer.from(surveyCsv().replace('\nR3,', '\nR\xe9,'), 'latin1'),
      );
      const cy = await runCli(['analyse', '--survey', 'latin1.csv'], dir, { env: { WAYMARK_LANG: 'cy' } });
      expect(cy.code).toBe(1);
      expect(cy.stderr).toBe(
        'waymark analyse: --survey latin1.csv: mae rhes 4, colofn 1 yn dal nodau nad ydynt yn destun UTF-8, felly mae’n debyg bod y ffeil wedi’i chadw mewn amgodiad arall fel Windows-1252 (‘CSV’ Excel yn hytrach na ‘CSV UTF-8’). Cadwch hi fel CSV UTF-8 a rhowch gynnig arall arni.\n',
      );
    }));

  it('given a file that looks like a workbook but is not one, then it says the workbook could not be read', () =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, 'broken.xlsx'), Buffer.from('PK\x03\x04 not really a zip file', 'latin1'));
      const r = await runCli(['analyse', '--survey', 'broken.xlsx'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        'waymark analyse: --survey broken.xlsx: the file starts like an Excel workbook but cannot be read as one. Export it again as .xlsx (as Microsoft Forms and SmartSurvey do) or as CSV.\n',
      );
      expect(r.stdout).toBe('');
    }));

  it('given a mapping file that is not UTF-8, not JSON, or has an unknown kind, then each is named', () =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, 'survey.csv'), surveyCsv());
      const runWith = async (bytes: Buffer | string) => {
        await writeFile(join(dir, 'map.json'), bytes);
        return runCli(['analyse', '--survey', 'survey.csv', '--survey-map', 'map.json'], dir);
      };
      const latin1 = await runWith(Buffer.from('{"respondent": "R\xe9pondant"}', 'latin1'));
      expect(latin1.code).toBe(1);
      expect(latin1.stderr).toBe(
        'waymark analyse: --survey-map: map.json is not UTF-8 text: line 1, column 18 holds a character saved in another encoding. Save the file as UTF-8 and try again.\n',
      );
      const notJson = await runWith('{questions: []}');
      expect(notJson.stderr).toBe(
        'waymark analyse: --survey-map: map.json is not JSON: the problem is at line 1, column 2. Check the brackets, quotes and commas there.\n',
      );
      const badKind = await runWith(
        JSON.stringify({ questions: [{ column: header[1], kind: 'stars', scale: '1-5' }] }),
      );
      expect(badKind.code).toBe(1);
      expect(badKind.stderr).toBe(
        'waymark analyse: --survey-map map.json: questions[0].kind must be one of rating, ces, nps, text; got "stars".\n',
      );
    }));

  it('given a mapping naming a column the export lacks, then it says so with the columns it has', () =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, 'survey.csv'), surveyCsv());
      await writeFile(
        join(dir, 'map.json'),
        JSON.stringify({ questions: [{ column: 'Overall', kind: 'rating', scale: '1-5' }] }),
      );
      const r = await runCli(['analyse', '--survey', 'survey.csv', '--survey-map', 'map.json'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        'waymark analyse: --survey survey.csv: there is a problem in the file, so nothing was counted. Correct it and run the command again:\n' +
          '  the question column “Overall” is not in the file’s header. Check its name in the mapping given with --survey-map; the file’s columns are “Respondent”, “How satisfied were you with reporting the problem?”, “How easy was it to report the problem?”, “How likely are you to recommend the service?”.\n',
      );
      const cy = await runCli(['analyse', '--survey', 'survey.csv', '--survey-map', 'map.json'], dir, {
        env: { WAYMARK_LANG: 'cy' },
      });
      expect(cy.stderr).toContain(
        '\n  nid yw colofn y cwestiwn, “Overall”, ym mhennawd y ffeil. Gwiriwch ei henw yn y mapio a roddwyd gyda --survey-map; colofnau’r ffeil yw “Respondent”, ',
      );
    }));
});
