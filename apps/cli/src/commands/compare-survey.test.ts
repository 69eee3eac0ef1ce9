import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, withTempDir } from '../run-cli.fixture';
import { current, desired, mapping, onceLog, surveyCsv } from './survey-example.fixture';

// docs/worked-checks/survey-scores.md, "Worked example: step Reports the problem", through `waymark compare --survey`.

describe('waymark compare --survey (issue 13 item 3)', () => {
  it('given the worked example, then md ends with each question’s n, mean with interval, median, CSAT, CES and NPS', () =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, 'survey.csv'), surveyCsv());
      await writeFile(join(dir, 'map.json'), JSON.stringify(mapping));
      const r = await runCli(
        ['compare', current, desired, '--survey', 'survey.csv', '--survey-map', 'map.json'],
        dir,
      );
      expect(r.code, r.stderr).toBe(0);
      const at = r.stdout.indexOf('## Survey answers (survey.csv)');
      expect(at).toBeGreaterThan(0);
      const survey = r.stdout.slice(at);
      expect(survey).toContain('### Satisfaction (step Report problem) — rating, 1-5');
      expect(survey).toContain('| Mean (95 % t interval) | 3.80 (3.2610 to 4.3390) |');
      expect(survey).toContain('| CSAT (answers 4 or 5) | 14 of 20, 70 % (95 % CI 48.1 % to 85.5 %) |');
      expect(survey).toContain('| Mean (95 % t interval) | 4.85 (4.0717 to 5.6283) |');
      expect(survey).toContain('| Median | 5 |');
      expect(survey).toContain('| NPS (promoters − detractors) | +25.0 (95 % CI −11.7 to +55.2;');
    }));

  it('given steps named by the current map’s step ids, then each is labelled and set beside the map’s estimate', () =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, 'survey.csv'), surveyCsv());
      const onMap = {
        ...mapping,
        questions: mapping.questions.map((q) => (q.stepId ? { ...q, stepId: 'reports-incident' } : q)),
      };
      await writeFile(join(dir, 'map.json'), JSON.stringify(onMap));
      const r = await runCli(
        [
          'compare',
          current,
          desired,
          '--survey',
          'survey.csv',
          '--survey-map',
          'map.json',
          '--format',
          'json',
        ],
        dir,
      );
      expect(r.code, r.stderr).toBe(0);
      const [sat] = JSON.parse(r.stdout).survey.questions;
      expect(sat.mapStep.label).toBe('Reports Incident');
      // the Melton map's own estimate for the step (examples/melton-asb-victim-current.yaml, e-reports-incident)
      expect(sat.mapStep.emotion).toEqual([{ score: -60, estimate: true }]);
      const md = await runCli(
        ['compare', current, desired, '--survey', 'survey.csv', '--survey-map', 'map.json'],
        dir,
      );
      expect(md.stdout).toContain('### Satisfaction (step “Reports Incident”) — rating, 1-5');
      expect(md.stdout).toContain('| Emotion on the current map | −60.0 (estimate) |');
    }));

  it('given --log and JSON, then the survey sits beside the comparison and the step matched by name is set beside its contacts', () =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, 'survey.csv'), surveyCsv());
      await writeFile(join(dir, 'map.json'), JSON.stringify(mapping));
      await writeFile(join(dir, 'log.csv'), onceLog());
      const r = await runCli(
        [
          'compare',
          current,
          desired,
          '--log',
          'log.csv',
          '--survey',
          'survey.csv',
          '--survey-map',
          'map.json',
          '--format',
          'json',
        ],
        dir,
      );
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.current).toBeDefined();
      expect(out.log.file).toBe('log.csv');
      expect(out.survey.questions[2].nps).toMatchObject({ score: 25, low: -11.7, high: 55.2 });
      // 0 of 12 avoidable (upper end 24.2 % > 15 %): not clearly good, so no disagreement is claimed
      expect(out.survey.disagreement).toEqual([
        {
          stepId: 'Report problem',
          question: 'Satisfaction',
          avoidable: { count: 0, n: 12, share: 0, low: 0, high: 0.2425 },
          verdict: 'agree',
        },
      ]);
    }));

  it('given html, then the page carries the survey inside its body', () =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, 'survey.csv'), surveyCsv());
      const r = await runCli(
        ['compare', current, desired, '--survey', 'survey.csv', '--format', 'html'],
        dir,
      );
      expect(r.code, r.stderr).toBe(0);
      const at = r.stdout.indexOf('<h2>Survey answers (survey.csv)</h2>');
      expect(at).toBeGreaterThan(0);
      expect(at).toBeLessThan(r.stdout.indexOf('</body>'));
    }));

  it('given a score out of range, then it names the file, row and column and prints no comparison (exit 1)', () =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, 'survey.csv'), surveyCsv().replace('\n1002,2,3,5\n', '\n1002,2,3,11\n'));
      await writeFile(join(dir, 'map.json'), JSON.stringify(mapping));
      const r = await runCli(
        ['compare', current, desired, '--survey', 'survey.csv', '--survey-map', 'map.json'],
        dir,
      );
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        'waymark compare: --survey survey.csv: there is a problem in the file, so nothing was counted. Correct it and run the command again:\n' +
          '  row 4, column 4 (“Recommend”): 11 is outside the scale. Expected a whole number from 0 to 10.\n',
      );
      const cy = await runCli(
        ['compare', current, desired, '--survey', 'survey.csv', '--survey-map', 'map.json'],
        dir,
        { env: { WAYMARK_LANG: 'cy' } },
      );
      expect(cy.stderr).toBe(
        'waymark compare: --survey survey.csv: mae problem yn y ffeil, felly ni chafodd dim ei gyfrif. Cywirwch hi a rhedwch y gorchymyn eto:\n' +
          '  rhes 4, colofn 4 (“Recommend”): mae 11 y tu allan i’r raddfa. Y disgwyl oedd rhif cyfan o 0 i 10.\n',
      );
      expect(r.stdout).toBe('');
    }));

  it('given --survey-map without --survey, then it is a usage error', () =>
    withTempDir(async (dir) => {
      const r = await runCli(['compare', current, desired, '--survey-map', 'map.json'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--survey-map needs --survey');
    }));

  it('given a WAYMARK_PSEUDONYM_KEY shorter than 16 bytes, then --survey is a usage error naming it; empty, a one-off key is used', () =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, 'survey.csv'), surveyCsv());
      await writeFile(join(dir, 'map.json'), JSON.stringify(mapping));
      const args = ['compare', current, desired, '--survey', 'survey.csv', '--survey-map', 'map.json'];
      const short = await runCli(args, dir, { env: { WAYMARK_PSEUDONYM_KEY: 'Qz' } });
      expect(short.code).toBe(2);
      expect(short.stderr).toMatch(
        /^waymark compare: WAYMARK_PSEUDONYM_KEY is too short: .* at least 16 bytes .*openssl rand -hex 32/,
      );
      expect(short.stderr).not.toMatch(/Qz|internal error|bug/);
      expect(short.stdout).toBe('');
      // without --survey nothing is pseudonymised, so the key is not needed
      expect(
        (await runCli(['compare', current, desired], dir, { env: { WAYMARK_PSEUDONYM_KEY: 'Qz' } })).code,
      ).toBe(0);
      const empty = await runCli(args, dir, { env: { WAYMARK_PSEUDONYM_KEY: '' } });
      expect(empty.code, empty.stderr).toBe(0);
      expect(empty.stdout).toContain('## Survey answers (survey.csv)');
    }));
});
