/**
 * `npm run bench:import-xes`: the XES split (decision 0042) inside the server's dataset import job, where it is a
 * worker inside a worker. The synthetic 560k-event XES.gz (scripts/generate-log.ts, made once into bench-out/ as
 * bench:analytics makes it) is imported by `startImportJob` — the entry the server's job queue calls, with the
 * server's defaults (2048 MB heap, nice 10, the default limits) — compiled as the server is: this script bundles
 * import-job.ts and the workers it starts with esbuild into bench-out/import-xes-build/ (as scripts/build.mjs
 * does for apps/server/dist), so no thread pays for tsx. Two ways, interleaved in alternating order, RUNS rounds:
 * `one` (the job as the server runs it: one thread) and `split` (`xesSplitFromBytes` 32 MB, as the command line
 * splits: two threads).
 *
 * Each run is a fresh Node process (this script with `--run split|one`) that times the job from its start to its
 * outcome (the server would then store it), the time to the end of reading (the 'analysing' progress), CPU of
 * every thread and peak RSS (`process.resourceUsage().maxRSS`). One untimed run of each goes first. Every run's
 * event, case and row counts and the SHA-256 of its JSON result, report and encoded events must be the same, or
 * the benchmark fails.
 *
 * Environment: RUNS (default 5). Writes bench-out/import-xes.json.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { externalPackages, findWorkers } from './build.mjs';
import type { startImportJob as StartImportJob } from '../packages/analytics/src/dataset/import-job';

const root = join(fileURLToPath(import.meta.url), '../..');
const out = join(root, 'bench-out');
const log = join(out, 'synthetic-560k.xes.gz');
const buildDir = join(out, 'import-xes-build');
const ways = ['split', 'one'] as const;
type Way = (typeof ways)[number];

interface Run {
  readonly way: Way;
  readonly wallSeconds: number;
  readonly readSeconds: number;
  readonly cpuSeconds: number;
  readonly peakRssMB: number;
  readonly rows: number;
  readonly events: number;
  readonly cases: number;
  readonly resultHash: string;
  readonly reportHash: string;
  readonly eventsHash: string;
}

const sha = (data: string | Uint8Array): string =>
  createHash('sha256').update(data).digest('hex').slice(0, 16);

/** One import job, in this process: the child side of a run. */
async function runOnce(way: Way): Promise<Run> {
  const { startImportJob } = (await import(pathToFileURL(join(buildDir, 'import-job.js')).href)) as {
    startImportJob: typeof StartImportJob;
  };
  const { defaultImportLimits } = await import('../packages/analytics/src/ingest/limits');
  const spec = {
    path: log,
    mapping: {
      case: 'case:concept:name',
      activity: 'concept:name',
      timestamp: 'time:timestamp',
      org: 'org:group',
      channel: 'channel',
    },
    limits: defaultImportLimits,
    key: 'bench-import-xes-fixed-key',
  };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let readSeconds = Number.NaN;
  const outcome = await startImportJob(spec, {
    memoryMb: 2048,
    ...(way === 'split' ? { xesSplitFromBytes: 32 * 1024 * 1024 } : {}),
    onProgress: (p) => {
      if (p.phase === 'analysing' && Number.isNaN(readSeconds)) readSeconds = (performance.now() - t0) / 1000;
    },
  }).done;
  const wallSeconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  if (!outcome.result || !outcome.eventsBlob) throw new Error(`${way}: the job read no events`);
  return {
    way,
    wallSeconds,
    readSeconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    rows: outcome.report.rows,
    events: outcome.result.log.events,
    cases: outcome.result.log.cases,
    resultHash: sha(JSON.stringify(outcome.result)),
    reportHash: sha(JSON.stringify(outcome.report)),
    eventsHash: sha(outcome.eventsBlob),
  };
}

/** Bundles import-job.ts and the workers it can start, with scripts/build.mjs's worker list and plugin. */
async function build(): Promise<void> {
  const { build: esbuild } = await import('esbuild');
  const entryPoints = {
    'import-job': 'packages/analytics/src/dataset/import-job.ts',
    ...findWorkers(),
  };
  await esbuild({
    absWorkingDir: root,
    entryPoints,
    outdir: buildDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
    plugins: [externalPackages],
  });
  console.log(`bundled ${Object.keys(entryPoints).join(', ')} into ${buildDir}`);
}

/** One run in a fresh process. */
function child(way: Way): Run {
  const stdout = execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--run', way],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return JSON.parse(stdout.trim().split('\n').pop() as string) as Run;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  const runs = Number(process.env['RUNS'] ?? 5);
  mkdirSync(out, { recursive: true });
  if (!existsSync(log)) {
    console.log('generating synthetic-560k.xes.gz (560,000 events, seed 2024)…');
    execFileSync(
      process.execPath,
      ['--import', 'tsx', join(root, 'scripts/generate-log.ts'), '560000', log, '2024'],
      { stdio: 'inherit', cwd: root },
    );
  }
  await build();
  const startedAt = new Date().toISOString();
  const loadStart = load();
  console.log(
    `${startedAt}, node ${process.version}, load average ${loadStart}; warming up (one untimed run of each)`,
  );
  const warm = ways.map(child);
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) {
    // interleaved, in alternating order, so a change in the machine's load falls on both alike
    const order: readonly Way[] = i % 2 === 0 ? ways : [...ways].reverse();
    for (const way of order) {
      const r = child(way);
      results.push(r);
      console.log(
        `  round ${i + 1} ${way.padEnd(5)}: ${r.wallSeconds.toFixed(2)} s (read ${r.readSeconds.toFixed(2)} s, CPU ${r.cpuSeconds.toFixed(2)} s, peak RSS ${r.peakRssMB.toFixed(0)} MB), load ${load()}`,
      );
    }
  }
  const loadEnd = load();
  // every run, warm-up included, must have made the same thing
  const sameness = (r: Run): string =>
    JSON.stringify([r.rows, r.events, r.cases, r.resultHash, r.reportHash, r.eventsHash]);
  const first = sameness(warm[0] as Run);
  const differing = [...warm, ...results].filter((r) => sameness(r) !== first);
  if (differing.length > 0) {
    console.error(`FAILED: the runs did not all give the same result. First: ${first}`);
    for (const r of differing) console.error(`  ${r.way}: ${sameness(r)}`);
    process.exit(1);
  }
  const medians = (way: Way) => {
    const of = results.filter((r) => r.way === way);
    return {
      wallSeconds: median(of.map((r) => r.wallSeconds)),
      readSeconds: median(of.map((r) => r.readSeconds)),
      cpuSeconds: median(of.map((r) => r.cpuSeconds)),
      peakRssMB: median(of.map((r) => r.peakRssMB)),
      runs: of.map((r) => Number(r.wallSeconds.toFixed(3))),
    };
  };
  const summary = { split: medians('split'), one: medians('one') };
  const ratio = summary.one.wallSeconds / summary.split.wallSeconds;
  const w = warm[0] as Run;
  writeFileSync(
    join(out, 'import-xes.json'),
    `${JSON.stringify({ startedAt, node: process.version, runs, loadStart, loadEnd, ratio, summary, rows: w.rows, events: w.events, cases: w.cases, resultHash: w.resultHash, reportHash: w.reportHash, eventsHash: w.eventsHash }, null, 2)}\n`,
  );
  console.log(
    `identical in every run: ${w.events.toLocaleString('en-GB')} events, ${w.cases.toLocaleString('en-GB')} cases, ${w.rows.toLocaleString('en-GB')} rows; result ${w.resultHash}, report ${w.reportHash}, events ${w.eventsHash}`,
  );
  for (const way of ways) {
    const s = summary[way];
    console.log(
      `median of ${runs}, ${way.padEnd(5)}: ${s.wallSeconds.toFixed(2)} s (read ${s.readSeconds.toFixed(2)} s, CPU ${s.cpuSeconds.toFixed(2)} s, peak RSS ${s.peakRssMB.toFixed(0)} MB)`,
    );
  }
  console.log(
    `one thread / split: ${ratio.toFixed(2)}; load average ${loadStart} at start, ${loadEnd} at end`,
  );
}

const at = process.argv.indexOf('--run');
if (at >= 0) {
  const way = process.argv[at + 1] as Way;
  if (!ways.includes(way)) throw new Error(`--run expects split or one, not ${way}`);
  console.log(JSON.stringify(await runOnce(way)));
  // the job's worker has ended; nothing else keeps this process
} else {
  await main();
}
