/**
 * `npm run bench:analytics`: times the full analysis (import + every metric + the JSON report) of
 * deterministic synthetic council contact logs, each run in a fresh child process so peak memory
 * (maxRSS) is that run's own. Logs are generated once into bench-out/ (gitignored).
 *
 * Environment: SIZES (comma list of csv-1m, csv-10m, xes-560k; default all), RUNS (default 3),
 * RUNS_10M (default RUNS). Prints medians beside PM4Py's figures (docs/stack-notes) and writes
 * bench-out/analytics.json. Every generated log has the same number of cases open at once (the
 * generator's default, 2000), so peak memory at 1M and 10M events shows how memory grows with the
 * file's length at a fixed number of open cases (the peak per event is printed too).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '../..');
const out = join(root, 'bench-out');

interface Case {
  readonly id: string;
  readonly file: string;
  readonly events: number;
  readonly pm4py: string;
}

const cases: Case[] = [
  {
    id: 'csv-1m',
    file: 'synthetic-1m.csv',
    events: 1_000_000,
    pm4py: 'PM4Py: load 3.1 s + DFG 2.3 s + variants 0.2 s + durations 0.4 s',
  },
  {
    id: 'csv-10m',
    file: 'synthetic-10m.csv',
    events: 10_000_000,
    pm4py: 'PM4Py: ~85 s, 3.7 GB full pass; DuckDB SQL ~9 s, 6.6 GB',
  },
  {
    id: 'xes-560k',
    file: 'synthetic-560k.xes.gz',
    events: 560_000,
    pm4py: 'PM4Py: 17.1 s just to load (road fines, 150k cases / 561k events)',
  },
];

/** The child: one full analysis, then a JSON line with its own timings and peak memory. */
async function child(path: string): Promise<void> {
  const { analyseLog, importLogFile, toJsonReport } = await import('@waymark/analytics');
  const t0 = performance.now();
  const imported = await importLogFile(path);
  const t1 = performance.now();
  const analysis = analyseLog(imported.store, { pseudonymise: (c) => c });
  const text = JSON.stringify(toJsonReport(analysis, imported.report));
  const t2 = performance.now();
  console.log(
    JSON.stringify({
      importMs: t1 - t0,
      analyseMs: t2 - t1,
      totalMs: t2 - t0,
      maxRssMB: process.resourceUsage().maxRSS / 1024,
      cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
      cases: analysis.cases.cases,
      events: analysis.cases.events,
      reportBytes: text.length,
    }),
  );
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

async function main(): Promise<void> {
  const wanted = (process.env['SIZES'] ?? cases.map((c) => c.id).join(',')).split(',');
  const runs = Number(process.env['RUNS'] ?? 3);
  mkdirSync(out, { recursive: true });
  const results: Record<string, unknown>[] = [];
  for (const c of cases.filter((x) => wanted.includes(x.id))) {
    const path = join(out, c.file);
    if (!existsSync(path)) {
      console.log(`generating ${c.file} (${c.events.toLocaleString('en-GB')} events, seed 2024)…`);
      execFileSync(
        process.execPath,
        ['--import', 'tsx', join(root, 'scripts/generate-log.ts'), String(c.events), path, '2024'],
        { stdio: 'inherit', cwd: root },
      );
    }
    const n = c.id === 'csv-10m' ? Number(process.env['RUNS_10M'] ?? runs) : runs;
    const samples: {
      wallMs: number;
      totalMs: number;
      importMs: number;
      analyseMs: number;
      maxRssMB: number;
      cpuSeconds: number;
      cases: number;
    }[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const r = spawnSync(
        process.execPath,
        ['--max-old-space-size=4096', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', path],
        { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 },
      );
      const wallMs = performance.now() - t0;
      if (r.status !== 0) throw new Error(`run ${i + 1} of ${c.id} failed: ${r.stderr}`);
      const line = JSON.parse(r.stdout.trim().split('\n').pop() as string) as {
        totalMs: number;
        importMs: number;
        analyseMs: number;
        maxRssMB: number;
        cpuSeconds: number;
        cases: number;
      };
      samples.push({ wallMs, ...line });
      console.log(
        `  ${c.id} run ${i + 1}: analysis ${(line.totalMs / 1000).toFixed(2)} s (import ${(line.importMs / 1000).toFixed(2)} s), process ${(wallMs / 1000).toFixed(2)} s, CPU ${line.cpuSeconds.toFixed(2)} s, peak ${line.maxRssMB.toFixed(0)} MB, load ${loadavg()[0]?.toFixed(2)}`,
      );
    }
    const row = {
      log: c.id,
      events: c.events,
      cases: samples[0]?.cases,
      runs: n,
      medianAnalysisSeconds: median(samples.map((s) => s.totalMs)) / 1000,
      medianImportSeconds: median(samples.map((s) => s.importMs)) / 1000,
      medianProcessSeconds: median(samples.map((s) => s.wallMs)) / 1000,
      medianPeakMB: median(samples.map((s) => s.maxRssMB)),
      medianCpuSeconds: median(samples.map((s) => s.cpuSeconds)),
      pm4py: c.pm4py,
    };
    results.push(row);
  }
  console.log(
    `\nload average now ${loadavg()
      .map((x) => x.toFixed(2))
      .join(
        ' ',
      )} on ${String(availableParallelism())} cores (other work on the machine inflates wall times; CPU time is the steadier figure)`,
  );
  console.log(
    '| log | events | cases (open at once: 2000) | runs | analysis (median) | whole process | CPU (user+sys) | peak RSS | peak per event | reference |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const r of results) {
    console.log(
      `| ${r['log']} | ${Number(r['events']).toLocaleString('en-GB')} | ${Number(r['cases']).toLocaleString('en-GB')} | ${r['runs']} | ${Number(r['medianAnalysisSeconds']).toFixed(2)} s | ${Number(r['medianProcessSeconds']).toFixed(2)} s | ${Number(r['medianCpuSeconds']).toFixed(2)} s | ${Number(r['medianPeakMB']).toFixed(0)} MB | ${((Number(r['medianPeakMB']) * 1048576) / Number(r['events'])).toFixed(0)} B | ${r['pm4py']} |`,
    );
  }
  writeFileSync(
    join(out, 'analytics.json'),
    `${JSON.stringify({ machine: `${process.platform} ${process.arch}, node ${process.version}`, results }, null, 2)}\n`,
  );
}

if (process.argv[2] === '--child') await child(process.argv[3] as string);
else await main();
