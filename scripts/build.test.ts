import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, staleReason } from './build-freshness.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const bin = join(repoRoot, 'apps/cli/bin/waymark.js');
const run = promisify(execFile);
let work: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'waymark-build-test-'));
  // The global setup has built it; this rebuilds only if a source changed since.
  await ensureBuilt('cli');
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A small contact log: case i has i+1 contacts a day apart, the last one a close. */
function contactLog(cases: number): { csv: string; events: number } {
  const lines = ['case_id,activity,timestamp'];
  for (let c = 0; c < cases; c++) {
    for (let e = 0; e <= c; e++) {
      const activity = e === 0 ? 'Report' : e === c ? 'Close' : 'Chase';
      lines.push(`case-${c},${activity},2025-03-${String(1 + e).padStart(2, '0')}T09:00:00Z`);
    }
  }
  return { csv: `${lines.join('\n')}\n`, events: lines.length - 1 };
}

/**
 * Runs `node <args>` with a loader hook that lists every module the process loads; returns its output,
 * exit code and that list, and how many FormatJS translators (`createIntl`) the process made: the bundle's
 * imports of `@formatjs/intl` are given a module that counts them and hands on to the real one.
 */
async function runListingModules(args: readonly string[], env: NodeJS.ProcessEnv = process.env) {
  const dir = mkdtempSync(join(work, 'loads-'));
  const log = join(dir, 'loaded.txt');
  const made = join(dir, 'translators.txt');
  writeFileSync(made, '');
  // the module given for `@formatjs/intl`: the real one (its URL for REAL), with createIntl counted
  const counter = join(dir, 'count-translators.mjs');
  writeFileSync(
    counter,
    `import { appendFileSync } from 'node:fs';
import { createIntl as real } from REAL;
export * from REAL;
export function createIntl(...args) {
  appendFileSync(${JSON.stringify(made)}, 'createIntl\\n');
  return real(...args);
}
`,
  );
  const counterUrl = new URL(`file://${counter}`).href;
  writeFileSync(
    join(dir, 'hook.mjs'),
    `import { appendFileSync, readFileSync } from 'node:fs';
export const resolve = async (specifier, context, next) => {
  if (specifier !== '@formatjs/intl') return next(specifier, context);
  const real = await next(specifier, context);
  return { url: ${JSON.stringify(counterUrl)} + '?real=' + encodeURIComponent(real.url), shortCircuit: true };
};
export const load = async (url, context, next) => {
  appendFileSync(${JSON.stringify(log)}, url + '\\n');
  if (!url.startsWith(${JSON.stringify(`${counterUrl}?`)})) return next(url, context);
  const real = JSON.stringify(new URL(url).searchParams.get('real'));
  const source = readFileSync(${JSON.stringify(counter)}, 'utf8').replaceAll('REAL', real);
  return { format: 'module', source, shortCircuit: true };
};
`,
  );
  const register = join(dir, 'register.mjs');
  writeFileSync(
    register,
    `import { register } from 'node:module';\nregister(${JSON.stringify(new URL(`file://${dir}/hook.mjs`).href)});\n`,
  );
  const result = await run(process.execPath, ['--import', register, ...args], { env }).then(
    (r) => ({ ...r, code: 0 }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
  const loaded = readFileSync(log, 'utf8').trim().split('\n');
  const translatorsMade = readFileSync(made, 'utf8').split('\n').filter(Boolean).length;
  return { ...result, loaded, translatorsMade };
}

const typeScriptLoaded = (loaded: readonly string[]) =>
  loaded.filter((url) => /\.tsx?$/.test(url) || url.includes('/node_modules/tsx/'));

describe('the built waymark bin', () => {
  it('runs the compiled CLI: no TypeScript source is loaded for --help', async () => {
    const { stdout, code, loaded } = await runListingModules([bin, '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: waymark <command> [options]');
    expect(stdout).toMatch(/^\s+analyse\s/m);
    expect(loaded.some((url) => url.endsWith('/apps/cli/dist/main.js'))).toBe(true);
    expect(typeScriptLoaded(loaded)).toEqual([]);
  });

  it('says --help in Welsh from the help namespace alone: neither FormatJS nor another namespace is loaded', async () => {
    // `waymark --help` has to start about as fast as Node itself (decision 0041): its words are the catalogue's
    // help namespace as plain strings, the asked-for language only, not the CLI's FormatJS translator.
    const env = { ...process.env, WAYMARK_LANG: 'cy' };
    const { stdout, code, loaded } = await runListingModules([bin, '--help'], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Defnydd: waymark <command> \[options\]\n/);
    expect(stdout).toMatch(/^ {2}analyse +Dadansoddi log digwyddiadau/m);
    expect(loaded.filter((url) => /\/node_modules\/(@formatjs|zod)\//.test(url))).toEqual([]);
    const bundles = loaded.filter((url) => /\/apps\/cli\/dist\/.*\.js$/.test(url));
    const text = bundles.map((url) => readFileSync(fileURLToPath(url), 'utf8')).join('\n');
    expect(text).toContain('"help.main.about"');
    expect(text).not.toContain('Customer journey maps for public services');
    expect(text).not.toContain('for the options.');
  });

  it('analyses a generated CSV and prints its figures', async () => {
    const { csv, events } = contactLog(12);
    const path = join(work, 'contacts.csv');
    writeFileSync(path, csv);
    const { stdout } = await run(process.execPath, [bin, 'analyse', path, '--format', 'json'], {
      env: { ...process.env, WAYMARK_PSEUDONYM_KEY: 'build-test-key-0123456789abcdef' },
    });
    const report = JSON.parse(stdout) as { log: { cases: number; events: number; activities: number } };
    expect(report.log).toMatchObject({ cases: 12, events, activities: 3 });
  });

  it('analyse of a log loads neither zod nor the message catalogue, and --costs (a JSON option) still works', async () => {
    // decision 0042: `waymark analyse <log>` imports the engine through @waymark/analytics/log, and the
    // survey, cost-model and SQL paths only when their options are given; the bundle loads all an import reaches
    const { csv } = contactLog(3);
    const path = join(work, 'small.csv');
    writeFileSync(path, csv);
    const costs = join(work, 'costs.json');
    writeFileSync(costs, '{"Phone": 3}');
    const env = { ...process.env, WAYMARK_PSEUDONYM_KEY: 'build-test-key-0123456789abcdef' };
    const plain = await runListingModules([bin, 'analyse', path, '--format', 'json'], env);
    expect(plain.code).toBe(0);
    expect(JSON.parse(plain.stdout).log).toMatchObject({ cases: 3, events: 6 });
    expect(plain.loaded.filter((url) => /\/node_modules\/(zod|@formatjs)\//.test(url))).toEqual([]);
    // written to a file, it says so in the reader's language, still without the translator
    const report = join(work, 'small-report.json');
    for (const [lang, said] of [
      ['en', 'wrote'],
      ['cy', 'ysgrifennwyd'],
    ] as const) {
      const out = await runListingModules([bin, 'analyse', path, '--format', 'json', '--out', report], {
        ...env,
        WAYMARK_LANG: lang,
      });
      expect(out.code).toBe(0);
      expect(out.stderr).toBe(`${said} ${report}\n`);
      expect(JSON.parse(readFileSync(report, 'utf8')).log).toMatchObject({ cases: 3, events: 6 });
      expect(out.loaded.filter((url) => /\/node_modules\/(zod|@formatjs)\//.test(url))).toEqual([]);
    }
    const costed = await runListingModules([bin, 'analyse', path, '--format', 'json', '--costs', costs], env);
    expect(costed.code).toBe(0);
    const bad = join(work, 'costs-latin1.json');
    writeFileSync(bad, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]));
    const refused = await runListingModules([bin, 'analyse', path, '--costs', bad], env);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(
      /--costs: .*costs-latin1\.json is not UTF-8 text: line 1, column 3 holds a character saved in another encoding\./,
    );
    // a log that cannot be imported is said in the catalogue's words, loaded only then
    const noTime = join(work, 'no-time.csv');
    writeFileSync(noTime, 'case,activity,when\nA,B,2024-01-01\n');
    const unread = await runListingModules([bin, 'analyse', noTime], env);
    expect(unread.code).toBe(1);
    expect(unread.stderr).toBe(
      'waymark analyse: no timestamp column was found (the header on line 1 has: "case", "activity", "when"). Choose the column with --timestamp.\n',
    );
  });

  it('analyse --survey with --format json loads neither zod nor the catalogue: its output has no words (Markdown has, and makes a translator)', async () => {
    // the survey's reading and scores come through @waymark/analytics/survey and @waymark/measure/figures, and the
    // catalogue's words only for Markdown and HTML (decision 0042): loading zod and FormatJS took ~0.2 s
    const answers = [1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5];
    const survey = join(work, 'survey.csv');
    writeFileSync(survey, `Respondent,Satisfaction\n${answers.map((a, i) => `R${i + 1},${a}`).join('\n')}\n`);
    const env = { ...process.env, WAYMARK_PSEUDONYM_KEY: 'build-test-key-0123456789abcdef' };
    const json = await runListingModules([bin, 'analyse', '--survey', survey, '--format', 'json'], env);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).survey).toMatchObject({ responses: 20, questions: [{ n: 20 }] });
    expect(json.translatorsMade).toBe(0);
    expect(json.loaded.filter((url) => /\/node_modules\/(zod|@formatjs)\//.test(url))).toEqual([]);
    // beside a log too
    const log = join(work, 'survey-log.csv');
    writeFileSync(log, contactLog(4).csv);
    const both = await runListingModules([bin, 'analyse', log, '--survey', survey, '--format', 'json'], env);
    expect(both.code).toBe(0);
    expect(JSON.parse(both.stdout)).toMatchObject({ log: { cases: 4 }, survey: { responses: 20 } });
    expect(both.loaded.filter((url) => /\/node_modules\/(zod|@formatjs)\//.test(url))).toEqual([]);
    const md = await runListingModules([bin, 'analyse', '--survey', survey, '--format', 'md'], env);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('20 responses');
    expect(md.translatorsMade).toBeGreaterThan(0);
  });

  it('analyse without a pseudonym key says so from the CLI’s namespaces of the catalogue, not the whole of it', async () => {
    // The note loads @waymark/i18n/cli: eventlog, emitSql and datasets, not the web app's namespaces.
    const { csv } = contactLog(3);
    const path = join(work, 'no-key.csv');
    writeFileSync(path, csv);
    const env = { ...process.env, WAYMARK_PSEUDONYM_KEY: '', WAYMARK_LANG: 'cy' };
    const { code, stdout, stderr, loaded } = await runListingModules(
      [bin, 'analyse', path, '--format', 'json'],
      env,
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).log).toMatchObject({ cases: 3, events: 6 });
    expect(stderr).toContain('nodyn: Nid yw WAYMARK_PSEUDONYM_KEY wedi’i osod');
    expect(loaded.some((url) => url.includes('/node_modules/@formatjs/intl/'))).toBe(true);
    const bundles = loaded.filter((url) => /\/apps\/cli\/dist\/.*\.js$/.test(url));
    const text = bundles.map((url) => readFileSync(fileURLToPath(url), 'utf8')).join('\n');
    expect(text).toContain('"eventlog.analyse.oneOffKey"');
    expect(text).not.toContain('"editor.panel.structure"');
  });

  it('has source maps, so a stack trace names the TypeScript line', async () => {
    const probe = `
const { main } = await import(${JSON.stringify(new URL('apps/cli/dist/main.js', `file://${repoRoot}/`).href)});
await main({ argv: ['--help'], stdout() { throw new Error('probe'); }, stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(), env: { WAYMARK_DEBUG: '1' }, stdoutIsTerminal: false, stdoutBytes() {} });
`;
    const { stderr } = await run(process.execPath, [
      '--enable-source-maps',
      '--input-type=module',
      '-e',
      probe,
    ]);
    expect(stderr).toContain('Error: probe');
    expect(stderr).toMatch(/apps\/cli\/src\/main\.ts:\d+:\d+/);
    expect(stderr).not.toMatch(/dist\/main\.js:\d+/);
  });
});

describe('the built server', () => {
  it('npm run reset-password runs the compiled server, its packages found from dist, and refuses bad settings', async () => {
    await ensureBuilt('server');
    const { stderr, code, loaded } = await runListingModules(
      [join(repoRoot, 'apps/server/bin/reset-password.js'), 'someone@example.org'],
      { ...process.env, WAYMARK_DATA: join(work, 'no-data'), WAYMARK_ONE_TIME_PASSWORD_DAYS: 'soon' },
    );
    expect(stderr).toContain(
      'WAYMARK_ONE_TIME_PASSWORD_DAYS must be a whole number of days from 1 to 90, not "soon"',
    );
    expect(code).toBe(2);
    expect(loaded.some((url) => url.endsWith('/apps/server/dist/reset-password.js'))).toBe(true);
    // PGlite and hono are external: loaded from node_modules by the bundle.
    expect(loaded.some((url) => url.includes('/node_modules/@electric-sql/pglite/'))).toBe(true);
    expect(typeScriptLoaded(loaded)).toEqual([]);
  });
});

describe('when the built output is out of date', () => {
  const info = (root: string, builtAt: number, inputs: string[]) => {
    mkdirSync(join(root, 'apps/cli/dist'), { recursive: true });
    writeFileSync(join(root, 'apps/cli/dist/build-info.json'), JSON.stringify({ builtAt, inputs }));
  };

  it('says what is missing or changed, and nothing when it is current', () => {
    const root = mkdtempSync(join(work, 'tree-'));
    expect(staleReason('cli', root)).toBe('apps/cli/dist has not been built');
    mkdirSync(join(root, 'apps/cli/src'), { recursive: true });
    writeFileSync(join(root, 'apps/cli/src/main.ts'), 'export {};\n');
    writeFileSync(join(root, 'apps/cli/src/usage.ts'), 'export {};\n');
    const past = new Date('2026-01-01T00:00:00Z');
    utimesSync(join(root, 'apps/cli/src/main.ts'), past, past);
    utimesSync(join(root, 'apps/cli/src/usage.ts'), past, past);
    const builtAt = past.getTime() + 1000;
    info(root, builtAt, ['apps/cli/src/main.ts', 'apps/cli/src/usage.ts']);
    expect(staleReason('cli', root)).toBeUndefined();

    const later = new Date(builtAt + 5000);
    utimesSync(join(root, 'apps/cli/src/usage.ts'), later, later);
    expect(staleReason('cli', root)).toBe('apps/cli/src/usage.ts changed after apps/cli/dist was built');

    rmSync(join(root, 'apps/cli/src/usage.ts'));
    expect(staleReason('cli', root)).toBe('apps/cli/src/usage.ts, which it was built from, is gone');
  });

  it('the real build records every workspace source it bundled, and no test or dependency', () => {
    const built = JSON.parse(readFileSync(join(repoRoot, 'apps/cli/dist/build-info.json'), 'utf8')) as {
      inputs: string[];
    };
    expect(built.inputs).toContain('apps/cli/src/main.ts');
    expect(built.inputs).toContain('packages/analytics/src/ingest/csv-worker.ts');
    expect(built.inputs).toContain('scripts/build.mjs');
    expect(
      built.inputs.filter((input) => input.includes('node_modules') || /\.test\.ts$/.test(input)),
    ).toEqual([]);
  });
});
