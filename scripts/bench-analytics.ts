/**
 * `npm run bench:analytics`: issue 15 item 3's targets, measured in one run. Each run times the whole
 * `waymark analyse <log> --format json` process (the bin as it is: the compiled bundle once it exists,
 * else TypeScript through tsx; the header line says which) beside a reference process over the same file,
 * interleaved in alternating order: `zcat file > /dev/null` for the XES.gz (target ≤ 3×) and `wc -l file`
 * for the CSVs (target ≤ 4×); the 10M-event CSV also against ≤ 5 s whole process. Peak memory (maxRSS)
 * and CPU come from /usr/bin/time; the machine's load average is printed with every run. Medians of RUNS.
 * Logs are generated once into bench-out/ (gitignored), deterministic, with 2,000 cases open at once, so
 * peak memory at 1M and 10M events shows how memory grows with the file at a fixed number of open cases.
 *
 * Environment: SIZES (comma list of csv-1m, csv-10m, xes-560k; default all), RUNS (default 3),
 * RUNS_10M (default RUNS). Writes bench-out/analytics.json. Each run also times `node -e 0`: Node's own start set
 * beside the reference is the least ratio any Node process could reach.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const bin = join(root, 'apps/cli/bin/waymark.js');
/** Which `waymark` is timed: the bin as it is (compiled bundle or TypeScript through tsx at run time). */
const binKind = (): string =>
  /tsx/.test(readFileSync(bin, 'utf8'))
    ? 'TypeScript through tsx at run time'
    : 'compiled bundle (apps/cli/dist)';

/** One timed process under /usr/bin/time: wall seconds, CPU seconds and peak RSS in MB. */
function timed(cmd: string, args: readonly string[]): { wall: number; cpu: number; peakMB: number } {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %U %S %M', cmd, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: { ...process.env, WAYMARK_PSEUDONYM_KEY: 'bench-analytics-fixed-key' },
  });
  const wall = (performance.now() - t0) / 1000;
  const m = /TIME ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return { wall, cpu: Number(m[1]) + Number(m[2]), peakMB: Number(m[3]) / 1024 };
}

const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  const wanted = (process.env['SIZES'] ?? cases.map((c) => c.id).join(',')).split(',');
  const runs = Number(process.env['RUNS'] ?? 3);
  mkdirSync(out, { recursive: true });
  const report = join(out, 'analyse-report.json');
  console.log(`waymark analyse timed as a whole process: ${bin} (${binKind()}); node ${process.version}`);
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
    const gz = c.file.endsWith('.gz');
    const refName = gz ? 'zcat' : 'wc -l';
    const reference = (): ReturnType<typeof timed> =>
      gz ? timed('sh', ['-c', `zcat "${path}" > /dev/null`]) : timed('wc', ['-l', path]);
    const subject = (): ReturnType<typeof timed> =>
      timed(process.execPath, [bin, 'analyse', path, '--format', 'json', '--out', report]);
    // one untimed run of each warms the page cache (and builds the CLI if its build is stale)
    reference();
    subject();
    const n = c.id === 'csv-10m' ? Number(process.env['RUNS_10M'] ?? runs) : runs;
    const refs: number[] = [];
    const refCpus: number[] = [];
    const subs: ReturnType<typeof timed>[] = [];
    const floors: number[] = [];
    const loads: number[] = [];
    for (let i = 0; i < n; i++) {
      // interleaved, in alternating order, so a change in the machine's load falls on both alike
      const pair = i % 2 === 0 ? [reference(), subject()] : [subject(), reference()].reverse();
      const [ref, sub] = pair as [ReturnType<typeof timed>, ReturnType<typeof timed>];
      // Node's own start (`node -e 0`) beside the reference: the least any Node process can take, so the
      // smallest ratio this engine could reach against it, whatever it did with the file
      const floor = timed(process.execPath, ['-e', '0']).wall;
      floors.push(floor / ref.wall);
      refs.push(ref.wall);
      refCpus.push(ref.cpu);
      subs.push(sub);
      loads.push(loadavg()[0] ?? 0);
      console.log(
        `  ${c.id} run ${i + 1}: ${refName} ${ref.wall.toFixed(2)} s, waymark analyse ${sub.wall.toFixed(2)} s (CPU ${sub.cpu.toFixed(2)} s, peak ${sub.peakMB.toFixed(0)} MB), ratio ${(sub.wall / ref.wall).toFixed(2)} (node -e 0 alone ${floor.toFixed(2)} s = ${(floor / ref.wall).toFixed(2)}×), load ${load()}`,
      );
    }
    const analyseS = median(subs.map((s) => s.wall));
    const refS = median(refs);
    results.push({
      log: c.id,
      events: c.events,
      runs: n,
      reference: refName,
      referenceSeconds: refS,
      analyseSeconds: analyseS,
      analyseCpuSeconds: median(subs.map((s) => s.cpu)),
      ratio: median(subs.map((s, i) => s.wall / (refs[i] as number))),
      referenceCpuSeconds: median(refCpus),
      target: gz ? 3 : 4,
      nodeStartRatio: median(floors),
      peakMB: median(subs.map((s) => s.peakMB)),
      medianLoad: median(loads),
      pm4py: c.pm4py,
    });
  }
  console.log(
    `\nload average now ${load()} on ${String(availableParallelism())} cores (other work on the machine inflates wall times; the ratios set each run beside a reference run made just before or after it)`,
  );
  console.log(
    '| log | events | runs | reference (median) | waymark analyse (median) | ratio (median) | target | met | node -e 0 alone (ratio) | CPU (reference CPU) | peak RSS | peak per event | load (1 min) | PM4Py |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---|');
  for (const r of results) {
    const ratio = Number(r['ratio']);
    const target = Number(r['target']);
    console.log(
      `| ${r['log']} | ${Number(r['events']).toLocaleString('en-GB')} | ${r['runs']} | ${r['reference']} ${Number(r['referenceSeconds']).toFixed(2)} s | ${Number(r['analyseSeconds']).toFixed(2)} s | ${ratio.toFixed(2)}× | ≤ ${target}× | ${ratio <= target ? 'yes' : 'no'} | ${Number(r['nodeStartRatio']).toFixed(2)}× | ${Number(r['analyseCpuSeconds']).toFixed(2)} s (${Number(r['referenceCpuSeconds']).toFixed(2)} s) | ${Number(r['peakMB']).toFixed(0)} MB | ${((Number(r['peakMB']) * 1048576) / Number(r['events'])).toFixed(0)} B | ${Number(r['medianLoad']).toFixed(2)} | ${r['pm4py']} |`,
    );
  }
  const tenM = results.find((r) => r['log'] === 'csv-10m');
  if (tenM)
    console.log(
      `\n10M-event CSV, whole process: ${Number(tenM['analyseSeconds']).toFixed(2)} s (target ≤ 5 s: ${Number(tenM['analyseSeconds']) <= 5 ? 'met' : 'not met'})`,
    );
  writeFileSync(
    join(out, 'analytics.json'),
    `${JSON.stringify({ machine: `${process.platform} ${process.arch}, node ${process.version}`, bin: binKind(), results }, null, 2)}\n`,
  );
}

await main();
