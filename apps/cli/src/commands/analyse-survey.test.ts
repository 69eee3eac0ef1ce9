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
      expect(r.stderr).toContain('waymark analyse: --survey survey.csv: a problem; nothing was counted:');
      expect(r.stderr).toMatch(/row 4, column 2 \("How satisfied[^)]*\): 9 is outside the 1-5 scale/);
      expect(r.stdout).toBe('');
    }));

  it('given text in a number column and an empty file, then each is refused with its place', () =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, 'survey.csv'), surveyCsv().replace('R5,3,4,6', 'R5,three,4,6'));
      await writeFile(join(dir, 'map.json'), JSON.stringify(mapping));
      const r = await runCli(['analyse', '--survey', 'survey.csv', '--survey-map', 'map.json'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /row 6, column 2 .*"three" is not a score; expected a whole number from 1 to 5/,
      );
      await writeFile(join(dir, 'empty.csv'), '');
      const e = await runCli(['analyse', '--survey', 'empty.csv'], dir);
      expect(e.code).toBe(1);
      expect(e.stderr).toContain('--survey empty.csv: row 1: the file is empty');
    }));

  it('given a file that looks like a workbook but is not one, then it says the workbook could not be read', () =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, 'broken.xlsx'), Buffer.from('PK\x03\x04 not really a zip file', 'latin1'));
      const r = await runCli(['analyse', '--survey', 'broken.xlsx'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('waymark analyse: --survey broken.xlsx: the workbook could not be read');
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
      expect(r.stderr).toContain('the question column "Overall" is not in the file\'s header');
    }));
});
