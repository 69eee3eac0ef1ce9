import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, withTempDir } from '../run-cli.fixture';
import { current, desired, mapping, onceLog, surveyCsv } from './survey-example.fixture';

// The report sections `analyse --survey`, `compare --survey`, `compare --log` and `compare` itself write, in
// Welsh when WAYMARK_LANG=cy: every word from the catalogue (commands.surveyReport.*, commands.compareLog.*,
// eventlog.report.* and measure.compare.*), none of the English left.
const examples = fileURLToPath(new URL('../../../../examples/', import.meta.url));
const multi = join(examples, 'multi-service-change-of-address.yaml');
const claimsLog = join(examples, '../docs/worked-checks/claims-log.csv');
const cy = { env: { WAYMARK_LANG: 'cy', WAYMARK_PSEUDONYM_KEY: 'test-key-of-at-least-16-bytes' } };

const en = { env: { WAYMARK_PSEUDONYM_KEY: cy.env.WAYMARK_PSEUDONYM_KEY } };
const surveyFiles = async (dir: string) => {
  await writeFile(join(dir, 'survey.csv'), surveyCsv());
  await writeFile(join(dir, 'map.json'), JSON.stringify(mapping));
  await writeFile(join(dir, 'log.csv'), onceLog());
};
const survey = ['--survey', 'survey.csv', '--survey-map', 'map.json'];

/** The English each section used to say, none of which a Welsh report may hold. */
const english = [
  'Survey answers',
  'responses from',
  'free-text answers',
  'from the mapping file',
  'Figure',
  'Value',
  'Answers (n)',
  'Distribution',
  'Mean (95 % t interval)',
  'Median',
  'Emotion (',
  'CSAT (answers',
  'CES easy',
  'promoters',
  ' to ',
  '95 % CI',
  'rating',
  '(step ',
  'Survey beside the event log',
  'Avoidable contact',
  'Verdict',
  'contacts avoidable',
  'the survey and the log agree',
  'From the event log',
  'Totals per journey',
  'Step by step',
];
const noEnglish = (text: string) => expect(english.filter((e) => text.includes(e))).toEqual([]);

describe('report sections in Welsh (WAYMARK_LANG=cy), every word from the catalogue', () => {
  it('given analyse --survey with a log, then the survey section of the Markdown is Welsh, and the JSON is the English run’s', () =>
    withTempDir(async (dir) => {
      await surveyFiles(dir);
      const r = await runCli(['analyse', 'log.csv', ...survey], dir, cy);
      expect(r.code, r.stderr).toBe(0);
      const at = r.stdout.indexOf('## Atebion yr arolwg (survey.csv)');
      expect(at).toBeGreaterThan(0);
      const section = r.stdout.slice(at);
      expect(section.split('\n').slice(0, 12)).toEqual([
        '## Atebion yr arolwg (survey.csv)',
        '',
        '20 ymateb o survey.csv (colofnau: o’r ffeil baru); 0 ateb testun rhydd (heb eu hargraffu).',
        '',
        '### Satisfaction (cam Report problem) — sgôr, 1-5',
        '',
        '| Ffigur | Gwerth |',
        '|---|---|',
        '| Atebion (n) | 20 |',
        '| Dosbarthiad | 1: 1, 2: 2, 3: 3, 4: 8, 5: 6 |',
        '| Cymedr (cyfwng t 95 %) | 3.80 (3.2610 i 4.3390) |',
        '| Canolrif | 4 |',
      ]);
      expect(section).toContain('| Emosiwn (−100 … +100) | +40.0 (band +13.1 i +66.9) |');
      expect(section).toContain('| CSAT (atebion 4 neu 5) | 14 o 20, 70 % (cyfwng 95 % 48.1 % i 85.5 %) |');
      expect(section).toContain('### Ease (cam Report problem) — CES, 1-7');
      expect(section).toContain('| CES hawdd (5–7) | 13 o 20, 65 % (cyfwng 95 % 43.3 % i 81.9 %) |');
      expect(section).toContain('### Recommend — NPS, 0-10');
      expect(section).toContain(
        '| NPS (hyrwyddwyr − beirniaid) | +25.0 (cyfwng 95 % −11.7 i +55.2; 10 hyrwyddwr, 5 goddefol, 5 beirniad) |',
      );
      expect(section).toContain(
        [
          '### Yr arolwg wrth ymyl y log digwyddiadau',
          '',
          '| Cam | Cyswllt y gellid ei osgoi (o’r log) | Dyfarniad |',
          '|---|---|---|',
          '| Report problem | 0 o 12 cyswllt y gellid eu hosgoi, 0 % (cyfwng 95 % 0 % i 24.3 %) | mae’r arolwg a’r log yn cytuno (neu nid yw’r naill na’r llall yn glir) |',
        ].join('\n'),
      );
      noEnglish(section);
      // the JSON is data: the same bytes in either language
      const json = ['analyse', 'log.csv', ...survey, '--format', 'json'];
      const [welsh, english] = [await runCli(json, dir, cy), await runCli(json, dir, en)];
      expect(welsh.code, welsh.stderr).toBe(0);
      expect(welsh.stdout).toBe(english.stdout);
      expect(JSON.parse(welsh.stdout).survey).not.toHaveProperty('locale');
    }));

  it('given analyse --survey alone, then the whole Markdown is the Welsh survey section', () =>
    withTempDir(async (dir) => {
      await surveyFiles(dir);
      const r = await runCli(['analyse', ...survey], dir, cy);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.startsWith('## Atebion yr arolwg (survey.csv)\n\n20 ymateb o survey.csv')).toBe(true);
      noEnglish(r.stdout);
      // as HTML, the page around it is Welsh too: its language and its title
      const html = await runCli(['analyse', ...survey, '--format', 'html'], dir, cy);
      expect(html.code, html.stderr).toBe(0);
      expect(html.stdout).toMatch(
        /^<!doctype html>\n<html lang="cy-GB"><head><meta charset="utf-8"><title>Atebion yr arolwg<\/title><\/head><body><main>\n<h2>Atebion yr arolwg \(survey\.csv\)<\/h2>/,
      );
      noEnglish(html.stdout);
    }));

  it('given compare --survey as HTML, then the survey section is Welsh', () =>
    withTempDir(async (dir) => {
      await surveyFiles(dir);
      const r = await runCli(['compare', current, desired, ...survey, '--format', 'html'], dir, cy);
      expect(r.code, r.stderr).toBe(0);
      const at = r.stdout.indexOf('<h2>Atebion yr arolwg (survey.csv)</h2>');
      expect(at).toBeGreaterThan(0);
      const section = r.stdout.slice(at);
      expect(section).toContain(
        [
          '<h2>Atebion yr arolwg (survey.csv)</h2>',
          '<p>20 ymateb o survey.csv (colofnau: o’r ffeil baru); 0 ateb testun rhydd (heb eu hargraffu).</p>',
          '<h3>Satisfaction (cam Report problem) — sgôr, 1-5</h3>',
          '<table><tbody>',
          '<tr><th scope="row">Atebion (n)</th><td>20</td></tr>',
        ].join('\n'),
      );
      expect(section).toContain(
        '<tr><th scope="row">CSAT (atebion 4 neu 5)</th><td>14 o 20, 70 % (cyfwng 95 % 48.1 % i 85.5 %)</td></tr>',
      );
      noEnglish(section);
    }));

  it('given compare --survey with --log as Markdown, then the survey beside the log is Welsh', () =>
    withTempDir(async (dir) => {
      await surveyFiles(dir);
      const r = await runCli(['compare', current, desired, '--log', 'log.csv', ...survey], dir, cy);
      expect(r.code, r.stderr).toBe(0);
      const at = r.stdout.indexOf('## Atebion yr arolwg (survey.csv)');
      expect(at).toBeGreaterThan(0);
      expect(r.stdout).toContain(
        '## O log digwyddiadau’r gwasanaeth presennol (log.csv)\n\n| Ffigur | Gwerth |\n|---|---|\n',
      );
      expect(r.stdout.slice(at)).toContain(
        '| Report problem | 0 o 12 cyswllt y gellid eu hosgoi, 0 % (cyfwng 95 % 0 % i 24.3 %) | mae’r arolwg a’r log yn cytuno (neu nid yw’r naill na’r llall yn glir) |',
      );
      noEnglish(r.stdout.slice(at));
    }));

  it('given compare --log, then the log’s section has a Welsh heading and table, as Markdown and HTML', () =>
    withTempDir(async (dir) => {
      const args = ['compare', multi, multi, '--log', claimsLog, '--sco', 'Benefit paid'];
      const md = await runCli(args, dir, cy);
      expect(md.code, md.stderr).toBe(0);
      const at = md.stdout.indexOf('## O log digwyddiadau’r gwasanaeth presennol (');
      expect(at).toBeGreaterThan(0);
      expect(md.stdout.slice(at)).toContain(
        `## O log digwyddiadau’r gwasanaeth presennol (${claimsLog})\n\n| Ffigur | Gwerth |\n|---|---|\n| `,
      );
      expect(md.stdout).not.toContain('From the event log');
      expect(md.stdout).not.toContain('| Figure | Value |');
      const html = await runCli([...args, '--format', 'html'], dir, cy);
      expect(html.stdout).toContain(
        `<h2>O log digwyddiadau’r gwasanaeth presennol (${claimsLog})</h2>\n<table><tbody>\n<tr><th scope="row">`,
      );
      expect(html.stdout).not.toContain('From the event log');
      const json = [...args, '--format', 'json'];
      expect((await runCli(json, dir, cy)).stdout).toBe((await runCli(json, dir, en)).stdout);
    }));

  it('given a log with none of the figures, then compare --log says so in Welsh', () =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, 'log.csv'), onceLog());
      const r = await runCli(['compare', current, desired, '--log', 'log.csv'], dir, cy);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(
        '## O log digwyddiadau’r gwasanaeth presennol (log.csv)\n\n| Ffigur | Gwerth |\n|---|---|\n| — | dim ffigurau canlyniad, dolen na gwerth ychwanegol yn y log hwn |\n',
      );
    }));

  it('given compare alone, then the comparison is in measure’s Welsh words, as Markdown and HTML; JSON as in English', () =>
    withTempDir(async (dir) => {
      const md = await runCli(['compare', multi, multi], dir, cy);
      expect(md.code, md.stderr).toBe(0);
      expect(md.stdout).toContain(
        '\n## Cyfansymiau fesul taith\n\n| Ffigur | Presennol | Dymunol | Newid |\n',
      );
      expect(md.stdout).toContain('\n## Cam wrth gam\n');
      expect(md.stdout).toContain('\n## Emosiwn\n');
      expect(md.stdout).toContain('| Trosglwyddiadau (o’r map) | 4 | 4 | 0 |');
      noEnglish(md.stdout);
      const html = await runCli(['compare', multi, multi, '--format', 'html'], dir, cy);
      expect(html.stdout).toMatch(/^<!doctype html>\n<html lang="cy-GB">/);
      expect(html.stdout).toContain('<h2>Cyfansymiau fesul taith</h2>');
      noEnglish(html.stdout);
      const json = ['compare', multi, multi, '--format', 'json'];
      expect((await runCli(json, dir, cy)).stdout).toBe((await runCli(json, dir, en)).stdout);
    }));
});
