/**
 * `npm run bench:startup`: how long the `waymark` command takes to start, against Node's own start, measured
 * side by side in one run (issue 15 item 2; target: `waymark --help` ≤ 2× `node -e 0`).
 *
 * Each round runs, in turn: `node -e 0`; the built bin `waymark --help`; the same command as it ran before
 * the compiled build (TypeScript sources through tsx), for comparison; and `waymark analyse` of a named pipe,
 * timing how long the process takes to open its input to read the first byte. Interleaving the commands
 * spreads the machine's load evenly over them. Prints the medians, the ratio beside the target and the load
 * average before and after; writes bench-out/startup.json. ROUNDS (default 15) sets the number of rounds.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  constants,
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const bin = join(repoRoot, 'apps/cli/bin/waymark.js');
const rounds = Number(process.env['ROUNDS'] ?? 15);
const work = mkdtempSync(join(tmpdir(), 'waymark-bench-startup-'));

/** The `waymark` bin as it was before the compiled build: tsx registered, the sources imported. */
const fromSources = join(work, 'waymark-from-sources.mjs');
writeFileSync(
  fromSources,
  `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))};
register();
const { main } = await import(${JSON.stringify(new URL('../apps/cli/src/main.ts', import.meta.url).href)});
process.exitCode = await main({ argv: process.argv.slice(2), stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t), cwd: process.cwd(), env: process.env, stdoutIsTerminal: false,
  stdoutBytes: (b) => process.stdout.write(b) });
`,
);

/**
 * CPU time (user + system, ms) of this process's finished children, from /proc/self/stat (clock ticks of 10 ms):
 * less disturbed by a busy machine than the wall clock, which waits for a core.
 */
const childCpuMs = (): number => {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
};
const cpu = { node: [] as number[], built: [] as number[], sources: [] as number[] };

const timeRun = (args: readonly string[], cpuTimes?: number[]): number => {
  const cpuBefore = childCpuMs();
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0)
    throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  cpuTimes?.push(childCpuMs() - cpuBefore);
  return ms;
};

/**
 * Starts `waymark analyse <fifo>` and returns the milliseconds until it opens the named pipe for reading:
 * everything the command does before it reads a byte (start-up, argument parsing, loading the engine).
 */
async function timeToFirstRead(): Promise<number> {
  const fifo = join(work, 'events.csv');
  rmSync(fifo, { force: true });
  const made = spawnSync('mkfifo', [fifo]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [bin, 'analyse', fifo, '--format', 'json'], {
    cwd: repoRoot,
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let ended = false;
  void exited.then(() => (ended = true));
  for (;;) {
    try {
      // A non-blocking open for writing succeeds only once a reader has the pipe open.
      const fd = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      closeSync(fd);
      await exited;
      return ms;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENXIO') throw error;
      if (ended) throw new Error('waymark analyse exited without opening its input', { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

// Warm-up: builds the CLI if it is missing or stale, and fills the file system cache.
timeRun([bin, '--version']);
timeRun([fromSources, '--version']);

const loadBefore = loadavg();
const times = {
  node: [] as number[],
  built: [] as number[],
  sources: [] as number[],
  firstRead: [] as number[],
};
for (let round = 0; round < rounds; round++) {
  times.node.push(timeRun(['-e', '0'], cpu.node));
  times.built.push(timeRun([bin, '--help'], cpu.built));
  times.sources.push(timeRun([fromSources, '--help'], cpu.sources));
  times.firstRead.push(await timeToFirstRead());
}
const loadAfter = loadavg();
rmSync(work, { recursive: true, force: true });

const node = median(times.node);
const built = median(times.built);
const sources = median(times.sources);
const firstRead = median(times.firstRead);
const ratio = built / node;
const ms = (value: number) => `${value.toFixed(0).padStart(5)} ms`;
const load = (l: readonly number[]) => l.map((v) => v.toFixed(2)).join(' ');
console.log(
  [
    `Start-up, medians of ${rounds} interleaved rounds (Node ${process.version}, ${cpus().length} cores)`,
    `  node -e 0                              ${ms(node)}`,
    `  waymark --help (built)                 ${ms(built)}   ${ratio.toFixed(2)}× node -e 0   target ≤ 2×: ${ratio <= 2 ? 'met' : 'NOT met'}`,
    `  waymark --help (sources through tsx)   ${ms(sources)}   ${(sources / node).toFixed(2)}× node -e 0   (as before the build)`,
    `  waymark analyse: until it opens input  ${ms(firstRead)}   ${(firstRead / node).toFixed(2)}× node -e 0`,
    `  CPU time (user + system), medians: node -e 0 ${ms(median(cpu.node))}; waymark --help built ${ms(median(cpu.built))} (${(median(cpu.built) / Math.max(1, median(cpu.node))).toFixed(2)}×); from sources ${ms(median(cpu.sources))}`,
    `  load average (1, 5, 15 min): before ${load(loadBefore)}; after ${load(loadAfter)}`,
  ].join('\n'),
);
mkdirSync(join(repoRoot, 'bench-out'), { recursive: true });
writeFileSync(
  join(repoRoot, 'bench-out/startup.json'),
  `${JSON.stringify({ node: process.version, rounds, medians: { node, built, sources, firstRead }, cpuMedians: { node: median(cpu.node), built: median(cpu.built), sources: median(cpu.sources) }, ratio, target: 2, loadBefore, loadAfter, times, cpu }, null, 1)}\n`,
);
