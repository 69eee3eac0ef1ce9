import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateEvents, type Analysis } from '@waymark/analytics';
import type { Journey } from '@waymark/core';
import { readJourneyText, writeJourneyYaml } from '@waymark/document';
import { sampleJourney } from '@waymark/store';
import { duckdbWith, waymarkAnalysis, type TestEvent } from '../emit-sql/duckdb.fixture';
import { runCli, stackLine, withTempDir } from '../run-cli.fixture';

const events: TestEvent[] = [...generateEvents({ events: 1200, seed: 21, openCases: 40 })].map((g) => ({
  case: g.caseId,
  activity: g.activity,
  time: g.time,
  channel: g.channel === '' ? undefined : g.channel,
  team: g.team === '' ? undefined : g.team,
}));

/** The script's queries by figure: each follows its `-- waymark:figure` line and ends with `;`. */
function queriesOf(script: string): [string, string][] {
  return script
    .split(/^-- waymark:figure /m)
    .slice(1)
    .map((chunk) => {
      const [figure, ...rest] = chunk.split('\n');
      return [figure as string, rest.join('\n').trim().replace(/;$/, '')];
    });
}

/** Emits the SQL with the CLI, runs each query on DuckDB and saves its result as CSV, as a Spark user would. */
async function resultsIn(dir: string): Promise<string[]> {
  const emitted = await runCli(
    ['analyse', '--emit-sql', '--dialect', 'duckdb', '--order', 'seq', '--out', 'figures.sql'],
    dir,
  );
  expect(emitted.code, emitted.stderr).toBe(0);
  const script = await readFile(join(dir, 'figures.sql'), 'utf8');
  const conn = await duckdbWith(events);
  const files: string[] = [];
  for (const [figure, sql] of queriesOf(script)) {
    const file = `${figure}.csv`;
    await conn.run(`COPY (${sql}) TO '${join(dir, file)}' (HEADER, DELIMITER ',')`);
    files.push(file);
  }
  return files;
}

const cardsIn = async (dir: string): Promise<Journey> => {
  const text = await readFile(join(dir, 'journey.yaml'), 'utf8');
  const read = readJourneyText(text, { fileName: 'journey.yaml' });
  if (!read.ok) throw new Error('the journey file is not valid after the import');
  return read.value;
};

const metric = (j: Journey, kind: string): number | undefined => {
  const card = j.cards.find((c) => c.kind === 'metric' && c.metric === kind && c.origin === 'log');
  return card && 'value' in card ? (card.value as number) : undefined;
};

const round2 = (x: number): number => Math.round(x * 100) / 100;

describe('waymark import-figures', () => {
  it('given the results of the emitted SQL, then the journey carries Waymark’s own figures with their source', async () => {
    const analysis: Analysis = await waymarkAnalysis(events, { channel: true, team: true });
    await withTempDir(async (dir) => {
      const files = await resultsIn(dir);
      expect(files).toContain('case_durations.csv');
      await writeFile(join(dir, 'journey.yaml'), writeJourneyYaml(sampleJourney('asb')));
      const args = ['import-figures', ...files, '--journey', 'journey.yaml', '--engine', 'DuckDB'];
      const run = await runCli([...args, '--table', 'events', '--date', '2026-12-04'], dir);
      expect(run.stderr).toContain('read dfg_edges');
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('put 5 figures computed in DuckDB from events on journey.yaml (step s1)');
      const j = await cardsIn(dir);
      expect(metric(j, 'contacts')).toBe(round2(analysis.avoidable.contactsPerJourney));
      expect(metric(j, 'avoidable-percent')).toBe(round2(analysis.avoidable.ni14Percent));
      expect(metric(j, 'elapsed-days')).toBe(round2(analysis.cases.durationSeconds.mean / 86_400));
      expect(metric(j, 'hand-offs')).toBe(round2(analysis.handoffs?.perCase.mean ?? Number.NaN));
      expect(metric(j, 'wait-days')).toBe(round2(analysis.silences.longestGapSeconds.median / 86_400));
      expect(j.sources.map((s) => s.title)).toContain('Computed in DuckDB from events, 2026-12-04');
      expect(j.cards.filter((c) => c.kind === 'metric' && c.origin === 'log')).toHaveLength(5);

      // importing again replaces the figures from the same table rather than adding to them
      const again = await runCli([...args, '--table', 'events', '--date', '2026-12-05'], dir);
      expect(again.code, again.stderr).toBe(0);
      const k = await cardsIn(dir);
      expect(k.cards.filter((c) => c.kind === 'metric' && c.origin === 'log')).toHaveLength(5);
      expect(k.sources.map((s) => s.title)).toEqual(
        expect.arrayContaining(['Computed in DuckDB from events, 2026-12-05']),
      );
      expect(k.sources.map((s) => s.title)).not.toContain('Computed in DuckDB from events, 2026-12-04');
    });
  });

  it('given bad results, then it names the file, line and column, and leaves the journey as it was', async () => {
    await withTempDir(async (dir) => {
      const original = writeJourneyYaml(sampleJourney('asb'));
      await writeFile(join(dir, 'journey.yaml'), original);
      const cases = [
        [
          'figure,cases,events,mean_seconds,median_seconds,p90_seconds,min_seconds,max_seconds\ncase_durations,12,40,86400,about a day,1,0,9\n',
          'bad.csv, line 2, column 28 (median_seconds): expected a number; got "about a day"',
        ],
        ['figure,cases\ncase_duration,12\n', 'bad.csv, line 2, column 1: unknown figure "case_duration"'],
        ['cases,events\n12,40\n', 'bad.csv, line 1: there is no "figure" column'],
        [
          'figure,cases,hand_offs\nhand_offs,3,4\n',
          'bad.csv, line 1: the column "cases_with_hand_off" is missing',
        ],
        [
          'figure,category,contacts\navoidable_by_category,"PC,2\n',
          'bad.csv, line 2, column 23: a quoted field is not closed',
        ],
        [
          'figure,category,contacts\navoidable_by_category,PC\n',
          'bad.csv, line 2: 2 fields, but the header has 3',
        ],
        ['', 'bad.csv is empty'],
      ];
      for (const [text, message] of cases) {
        await writeFile(join(dir, 'bad.csv'), text as string);
        const run = await runCli(
          ['import-figures', 'bad.csv', '--journey', 'journey.yaml', '--engine', 'Spark', '--table', 't'],
          dir,
        );
        expect(run.code, text).toBe(1);
        expect(run.stderr).toContain(message);
        expect(run.stderr).not.toMatch(stackLine);
      }
      expect(await readFile(join(dir, 'journey.yaml'), 'utf8')).toBe(original);
    });
  });

  it('reads CSV as Trino writes it: every value quoted, CRLF line ends, NULL as ""', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'journey.json'), JSON.stringify(sampleJourney('asb')));
      await writeFile(
        join(dir, 'hand_offs.csv'),
        '"figure","cases","hand_offs","cases_with_hand_off","mean_per_case","median_per_case","p90_per_case","min_per_case","max_per_case"\r\n' +
          '"hand_offs","4","6","3","1.5","1","3.4000000000000004","0",""\r\n',
      );
      const run = await runCli(
        [
          'import-figures',
          'hand_offs.csv',
          '--journey',
          'journey.json',
          '--engine',
          'Trino',
          '--table',
          'h.c.e',
        ],
        dir,
      );
      expect(run.code, run.stderr).toBe(0);
      const j = JSON.parse(await readFile(join(dir, 'journey.json'), 'utf8')) as Journey;
      expect(metric(j, 'hand-offs')).toBe(1.5);
      expect(j.cards.find((c) => c.kind === 'metric' && c.origin === 'log')?.note).toContain(
        '3 cases with at least one',
      );
    });
  });

  it('given what is missing on the command line, then a usage error; a missing file is an I/O error', async () => {
    await withTempDir(async (dir) => {
      const none = await runCli(['import-figures', 'x.csv', '--engine', 'Trino', '--table', 't'], dir);
      expect([none.code, none.stderr]).toEqual([2, expect.stringContaining('missing --journey')]);
      const gone = await runCli(
        ['import-figures', 'x.csv', '--journey', 'j.yaml', '--engine', 'Trino', '--table', 't'],
        dir,
      );
      expect([gone.code, gone.stderr]).toEqual([
        3,
        expect.stringContaining('cannot read x.csv: no such file'),
      ]);
      const date = await runCli(
        ['import-figures', 'x.csv', '--journey', 'j.yaml', '--engine', 'T', '--table', 't', '--date', 'May'],
        dir,
      );
      expect([date.code, date.stderr]).toEqual([2, expect.stringContaining('--date must be a date')]);
    });
  });

  it('speaks Welsh when LANG says so', async () => {
    await withTempDir(async (dir) => {
      const run = await runCli(['import-figures', 'x.csv', '--engine', 'Trino', '--table', 't'], dir, {
        env: { LANG: 'cy_GB.UTF-8' },
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--journey ar goll');
    });
  });
});

describe('waymark analyse --emit-sql', () => {
  it('names the table’s columns from a sample of the log, and refuses an unknown dialect', async () => {
    await withTempDir(async (dir) => {
      await writeFile(
        join(dir, 'sample.csv'),
        'Case Reference,Action,Event Time,Department\nA1,Report,2026-01-01T09:00:00Z,Housing\n',
      );
      const run = await runCli(
        ['analyse', 'sample.csv', '--emit-sql', '--dialect', 'spark', '--table', 'crm.contacts'],
        dir,
      );
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('`Case Reference` AS case_id');
      expect(run.stdout).toContain('unix_millis(`Event Time`) AS t_ms');
      expect(run.stdout).toContain("NULLIF(`Department`, '') AS owner");
      expect(run.stdout).toContain('FROM `crm`.`contacts`');
      expect(run.stdout).not.toContain('AS channel');
      const bad = await runCli(['analyse', '--emit-sql', '--dialect', 'oracle'], dir);
      expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('--dialect must be ansi')]);
      const alone = await runCli(['analyse', 'sample.csv', '--dialect', 'spark'], dir);
      expect([alone.code, alone.stderr]).toEqual([2, expect.stringContaining('go with --emit-sql')]);
    });
  });
});

describe('waymark import-figures --journey <id>', () => {
  it('puts the figures on the journey on the server, as one change against the version read', async () => {
    const { createTestApi } = await import('@waymark/api');
    const { createImportFiguresCommand } = await import('./import-figures');
    const t = await createTestApi();
    try {
      await t.addUser('Ed', { ws: 'w1', role: 'owner' });
      const ed = await t.signIn('Ed');
      const { token } = (await (
        await ed.request('POST', '/api/workspaces/w1/tokens', { name: 'spark', role: 'editor' })
      ).json()) as { token: string };
      expect(
        (await ed.request('POST', '/api/workspaces/w1/journeys', { journey: sampleJourney('asb') })).status,
      ).toBe(201);
      const command = createImportFiguresCommand((url, init) => Promise.resolve(t.app.request(url, init)));
      await withTempDir(async (dir) => {
        const files = await resultsIn(dir);
        let stdout = '';
        let stderr = '';
        const code = await command.run(
          [...files, '--journey', 'asb', '--engine', 'Trino', '--table', 'events', '--step', 's2'],
          {
            cwd: dir,
            env: { WAYMARK_SERVER: 'http://waymark.test', WAYMARK_TOKEN: token },
            stdout: (s) => void (stdout += s),
            stderr: (s) => void (stderr += s),
          },
        );
        expect(code, stderr).toBe(0);
        expect(stdout).toContain('on asb (step s2)');
      });
      const got = (await (await ed.request('GET', '/api/workspaces/w1/journeys/asb')).json()) as {
        version: number;
        journey: Journey;
      };
      expect(got.version).toBe(2);
      const cards = got.journey.cards.filter((c) => c.kind === 'metric' && c.origin === 'log');
      expect(cards).toHaveLength(5);
      expect(new Set(cards.map((c) => c.columnId))).toEqual(new Set(['s2']));
      expect(got.journey.sources.map((s) => s.title)[0]).toMatch(
        /^Computed in Trino from events, \d{4}-\d{2}-\d{2}$/,
      );
    } finally {
      await t.close();
    }
  }, 120_000);
});
