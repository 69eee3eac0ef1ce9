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

describe('the built waymark bin', () => {
  it('runs the compiled CLI: no TypeScript source is loaded for --help', async () => {
    // A loader hook that reports every module the process loads.
    const hook = join(work, 'report-loads.mjs');
    const log = join(work, 'loaded.txt');
    writeFileSync(
      hook,
      `import { appendFileSync } from 'node:fs';
export const load = async (url, context, next) => {
  appendFileSync(${JSON.stringify(log)}, url + '\\n');
  return next(url, context);
};
`,
    );
    const register = join(work, 'register.mjs');
    writeFileSync(
      register,
      `import { register } from 'node:module';\nregister(${JSON.stringify(new URL(`file://${hook}`).href)});\n`,
    );
    const { stdout } = await run(process.execPath, ['--import', register, bin, '--help']);
    expect(stdout).toContain('Usage: waymark <command> [options]');
    expect(stdout).toMatch(/^\s+analyse\s/m);
    const loaded = readFileSync(log, 'utf8').trim().split('\n');
    expect(loaded.some((url) => url.includes('/apps/cli/dist/main.js'))).toBe(true);
    expect(loaded.filter((url) => /\.tsx?$/.test(url) || url.includes('/tsx/'))).toEqual([]);
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
