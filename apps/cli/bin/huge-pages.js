// `waymark analyse` (or `compare --log`) of a large log, run again with glibc asked for transparent huge pages (decision 0042).
//
// A large log's columns, hash tables and case index are hundreds of megabytes touched once each and then read
// out of order: in 4 KB pages that is hundreds of thousands of page faults and TLB misses (the 10M-event CSV
// spent ~2.5 s of its ~8 s in the kernel). glibc 2.35 and later give their large allocations huge pages when
// GLIBC_TUNABLES has `glibc.malloc.hugetlb=1`, where the kernel hands them out on request (THP `madvise`, the
// common default); the setting is read once, as the process starts, so the command starts again with it. Only
// where it pays: on Linux with THP `madvise` and glibc 2.35+, for `analyse` or `compare` with a file of at least
// WAYMARK_HUGE_PAGES_FROM bytes (64 MB by default; 0 turns it off), and never when GLIBC_TUNABLES already
// says anything about `glibc.malloc.hugetlb` (the user's choice, or this relaunch's child).
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { isAbsolute, resolve } from 'node:path';

/** WAYMARK_HUGE_PAGES_FROM's default, in bytes. */
export const hugePagesDefaultFrom = 64 * 1024 * 1024;
const tunable = 'glibc.malloc.hugetlb';
/** The commands that read an event log (`compare` with `--log`). */
const commands = new Set(['analyse', 'compare']);
/** The signals passed on to the second process. */
const passedOn = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * The least file size that starts the relaunch, from WAYMARK_HUGE_PAGES_FROM (bytes; unset or empty: the default;
 * 0: never), or undefined when it is not a whole number: then nothing starts again, and the command, run in this
 * process, says what is wrong with it (apps/cli/src/import-limits.ts).
 */
export function hugePagesFrom(env) {
  const text = env.WAYMARK_HUGE_PAGES_FROM;
  if (text === undefined || text === '') return hugePagesDefaultFrom;
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/** Whether some argument after the command names a regular file of at least `from` bytes. */
function namesLargeFile(args, cwd, from) {
  for (const arg of args) {
    if (arg.startsWith('-')) continue;
    try {
      const s = statSync(isAbsolute(arg) ? arg : resolve(cwd, arg));
      if (s.isFile() && s.size >= from) return true;
    } catch {
      // not a file: an option's value, or a log the command will report as missing
    }
  }
  return false;
}

/** Linux whose kernel gives huge pages on request and whose glibc takes the tunable. */
function hugePagesOnRequest() {
  if (process.platform !== 'linux') return false;
  try {
    const thp = readFileSync('/sys/kernel/mm/transparent_hugepage/enabled', 'utf8');
    if (!thp.includes('[madvise]')) return false;
  } catch {
    return false;
  }
  const glibc = /^(\d+)\.(\d+)/.exec(process.report?.getReport().header.glibcVersionRuntime ?? '');
  return glibc !== null && (Number(glibc[1]) > 2 || (Number(glibc[1]) === 2 && Number(glibc[2]) >= 35));
}

/**
 * When this command should start again with huge pages: the child's exit code once it has run (its output
 * goes straight to this process's), else undefined, and the caller runs the command itself.
 */
export async function relaunchWithHugePages(argv, env, cwd) {
  const tunables = env.GLIBC_TUNABLES ?? '';
  const from = hugePagesFrom(env);
  if (!commands.has(argv[0]) || !from || tunables.includes(tunable)) return undefined;
  if (!namesLargeFile(argv.slice(1), cwd, from) || !hugePagesOnRequest()) return undefined;
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1], ...argv], {
    stdio: 'inherit',
    env: { ...env, GLIBC_TUNABLES: tunables === '' ? `${tunable}=1` : `${tunable}=1:${tunables}` },
  });
  const forward = (signal) => child.kill(signal);
  for (const signal of passedOn) process.on(signal, forward);
  return new Promise((done) => {
    // not started at all (no process to run it): the caller runs the command itself
    child.once('error', () => {
      if (child.pid === undefined) done(undefined);
    });
    child.once('exit', (code, signal) => {
      for (const signal of passedOn) process.off(signal, forward);
      // killed by a signal: the shell's convention, 128 + its number
      done(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0));
    });
  });
}
