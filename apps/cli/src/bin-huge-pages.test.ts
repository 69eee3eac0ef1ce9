import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitCodes } from './command';

const bin = fileURLToPath(new URL('../bin/waymark.js', import.meta.url));

/** Where the relaunch applies: Linux, THP on request (`madvise`), glibc 2.35 or later (as bin/huge-pages.js). */
function machineApplies(): boolean {
  if (process.platform !== 'linux') return false;
  let thp: string;
  try {
    thp = readFileSync('/sys/kernel/mm/transparent_hugepage/enabled', 'utf8');
  } catch {
    return false;
  }
  const report = process.report.getReport() as { header?: { glibcVersionRuntime?: string } };
  const m = /^(\d+)\.(\d+)/.exec(report.header?.glibcVersionRuntime ?? '');
  return thp.includes('[madvise]') && m !== null && Number(m[1]) * 1000 + Number(m[2]) >= 2035;
}

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** GLIBC_TUNABLES as each Node process started (the command's own first), from the preloaded hook. */
  readonly tunables: (string | null)[];
}

const tunablesOf = (stderr: string): (string | null)[] =>
  [...stderr.matchAll(/^tunables=(.*)$/gm)].map((m) => JSON.parse(m[1] as string) as string | null);

/** `node --require hook bin <command> …`, as the bench and a shell run it, with the environment given. */
function run(
  dir: string,
  command: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--require', join(dir, 'hook.cjs'), bin, command, ...args],
      {
        cwd: dir,
        env: {
          PATH: process.env['PATH'] ?? '',
          WAYMARK_PSEUDONYM_KEY: 'test-key-of-at-least-16-bytes',
          ...env,
        },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = error ? ((error as { code?: number }).code ?? -1) : 0;
        resolve({ code, stdout, stderr, tunables: tunablesOf(stderr) });
      },
    );
  });
}

const analyse = (dir: string, args: readonly string[], env: Record<string, string>): Promise<Run> =>
  run(dir, 'analyse', args, env);

describe('`waymark analyse` of a large log starts again with huge pages (bin/huge-pages.js, decision 0042)', () => {
  const applies = machineApplies();
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'waymark-huge-'));
    // every Node process of the command says what GLIBC_TUNABLES it started with; the relaunched one, when
    // asked, says its pid and then hangs, so the test can stop its parent
    writeFileSync(
      join(dir, 'hook.cjs'),
      [
        'const t = process.env.GLIBC_TUNABLES ?? null;',
        "process.stderr.write('tunables=' + JSON.stringify(t) + '\\n');",
        "if (process.env.HOOK_HANG && t && t.includes('hugetlb')) {",
        "  process.stderr.write('child-pid=' + process.pid + '\\n');",
        '  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30000);',
        '}',
      ].join('\n'),
    );
    const rows = ['case,activity,timestamp,channel'];
    for (let c = 0; c < 40; c++)
      for (let e = 0; e < 3; e++)
        rows.push(`C${c},${['Report', 'Chase', 'Close'][e]},2024-03-0${1 + e}T1${c % 10}:00:00Z,phone`);
    writeFileSync(join(dir, 'log.csv'), `${rows.join('\n')}\n`);
    writeFileSync(join(dir, 'bad.csv'), 'no,useful,columns\n1,2,3\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.runIf(applies)(
    'runs the analysis in a second process with glibc.malloc.hugetlb=1, same report',
    async () => {
      const direct = await analyse(dir, ['log.csv', '--format', 'json'], { WAYMARK_HUGE_PAGES_FROM: '0' });
      const relaunched = await analyse(dir, ['log.csv', '--format', 'json'], {
        WAYMARK_HUGE_PAGES_FROM: '1',
      });
      expect(direct.code).toBe(0);
      expect(direct.tunables).toEqual([null]);
      expect(relaunched.code).toBe(0);
      expect(relaunched.tunables).toEqual([null, 'glibc.malloc.hugetlb=1']);
      expect(JSON.parse(relaunched.stdout)).toEqual(JSON.parse(direct.stdout));
    },
  );

  it.runIf(applies)('does the same for `compare --log`', async () => {
    const maps = ['current', 'desired'].map((m) =>
      fileURLToPath(new URL(`../../../examples/melton-asb-victim-${m}.yaml`, import.meta.url)),
    );
    const args = [...maps, '--log', 'log.csv', '--format', 'json'];
    const direct = await run(dir, 'compare', args, { WAYMARK_HUGE_PAGES_FROM: '0' });
    const relaunched = await run(dir, 'compare', args, { WAYMARK_HUGE_PAGES_FROM: '1' });
    expect(direct.code).toBe(0);
    expect(direct.tunables).toEqual([null]);
    expect(relaunched.tunables).toEqual([null, 'glibc.malloc.hugetlb=1']);
    expect(relaunched.code).toBe(0);
    expect(relaunched.stdout).toBe(direct.stdout);
    expect(relaunched.stdout).toContain('log.csv');
  });

  it.runIf(applies)(
    "keeps the user's other tunables after its own, and the child's exit code and words",
    async () => {
      const env = { WAYMARK_HUGE_PAGES_FROM: '1', GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' };
      const relaunched = await analyse(dir, ['bad.csv'], env);
      const direct = await analyse(dir, ['bad.csv'], { WAYMARK_HUGE_PAGES_FROM: '0' });
      expect(relaunched.tunables).toEqual([
        'glibc.malloc.arena_max=2',
        'glibc.malloc.hugetlb=1:glibc.malloc.arena_max=2',
      ]);
      expect(direct.code).toBe(exitCodes.invalid);
      expect(relaunched.code).toBe(direct.code);
      const words = (r: Run) => r.stderr.replace(/^tunables=.*\n/gm, '');
      expect(words(relaunched)).toBe(words(direct));
      expect(words(direct)).not.toBe('');
    },
  );

  it('stays in one process below the size, for other commands, when told 0, or when GLIBC_TUNABLES names hugetlb', async () => {
    const small = await analyse(dir, ['log.csv', '--format', 'json'], {});
    expect(small.code).toBe(0);
    expect(small.tunables).toEqual([null]);
    const off = await analyse(dir, ['log.csv', '--format', 'json'], {
      WAYMARK_HUGE_PAGES_FROM: '1',
      GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0',
    });
    expect(off.tunables).toEqual(['glibc.malloc.hugetlb=0']);
    const zero = await analyse(dir, ['log.csv', '--format', 'json'], { WAYMARK_HUGE_PAGES_FROM: '0' });
    expect(zero.code).toBe(0);
    expect(zero.tunables).toEqual([null]);
    const version = await run(dir, '--version', [], { WAYMARK_HUGE_PAGES_FROM: '1' });
    expect(version.code).toBe(0);
    expect(version.tunables).toEqual([null]);
  });

  it('says a WAYMARK_HUGE_PAGES_FROM that is not a whole number is wrong, in one process', async () => {
    const r = await analyse(dir, ['log.csv', '--format', 'json'], { WAYMARK_HUGE_PAGES_FROM: '64MB' });
    expect(r.code).toBe(exitCodes.usage);
    expect(r.tunables).toEqual([null]);
    expect(r.stderr).toMatch(
      /^waymark analyse: WAYMARK_HUGE_PAGES_FROM is “64MB”, but it must be a whole number of bytes, 0 or more \(0 turns it off\)\. Set it to such a number, or unset it to use the default, 67,108,864\.$/m,
    );
  });

  it.runIf(applies)('passes a stop on to the second process and ends as stopped', async () => {
    const parent = spawn(process.execPath, ['--require', join(dir, 'hook.cjs'), bin, 'analyse', 'log.csv'], {
      cwd: dir,
      env: {
        PATH: process.env['PATH'] ?? '',
        WAYMARK_PSEUDONYM_KEY: 'test-key-of-at-least-16-bytes',
        WAYMARK_HUGE_PAGES_FROM: '1',
        HOOK_HANG: '1',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    const childPid = await new Promise<number>((resolve) =>
      parent.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        const m = /child-pid=(\d+)/.exec(stderr);
        if (m) resolve(Number(m[1]));
      }),
    );
    const started = Date.now();
    const ended = new Promise<number | null>((resolve) => parent.once('exit', (code) => resolve(code)));
    parent.kill('SIGTERM');
    expect(await ended).toBe(128 + 15);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(() => process.kill(childPid, 0)).toThrow();
  });
});
