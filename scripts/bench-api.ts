/**
 * `npm run bench:api`: drives a real Waymark server over loopback.
 *
 * Starts the server as a child process on a fresh temporary data directory (PGlite), or on PostgreSQL when
 * DATABASE_URL is set (use an empty database: the first start creates the administrator), then measures
 *   1. reads of one 60-step journey with autocannon at 50 connections (p50/p99 latency, requests/s);
 *   2. applied commands per second: 50 connections, each editing its own journey, one command per request,
 *      each with the version the previous answer returned (so no 409s).
 * Each measurement runs RUNS times (default 3); the medians are printed and written to bench-out/api.json.
 * Beside the rates it records the CPU time the server and this load generator used per request (from
 * /proc on Linux): on a shared 2-core machine that is steadier than the rate, and it shows whether the
 * load generator, not the server, is the limit.
 * Environment: RUNS, SECONDS (per run, default 10), CONNECTIONS (default 50), ONLY (reads | commands).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { sampleJourney } from '@waymark/store';
import { passwordFrom, signIn, startServerProcess } from '../apps/server/test/server-process.ts';

interface AutocannonResult {
  latency: { p50: number; p99: number };
  requests: { average: number };
  non2xx: number;
  errors: number;
}
/** autocannon ships no types: the part of its API used here. */
const autocannon = createRequire(import.meta.url)('autocannon') as (options: {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
}) => Promise<AutocannonResult>;

const runs = Number(process.env['RUNS'] ?? 3);
const seconds = Number(process.env['SECONDS'] ?? 10);
const connections = Number(process.env['CONNECTIONS'] ?? 50);
const only = process.env['ONLY'];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** CPU seconds (user + system) a process has used so far; NaN where /proc is not available. */
function cpuSecondsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return Number.NaN;
  }
}
const ownCpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
/** Runs `work` and returns the CPU milliseconds per request the server and this process spent on it. */
async function metered<T>(pid: number | undefined, requests: (result: T) => number, work: () => Promise<T>) {
  const server0 = cpuSecondsOf(pid);
  const client0 = ownCpuSeconds();
  const result = await work();
  const n = Math.max(1, requests(result));
  return {
    result,
    serverCpuMs: Number((((cpuSecondsOf(pid) - server0) * 1000) / n).toFixed(3)),
    clientCpuMs: Number((((ownCpuSeconds() - client0) * 1000) / n).toFixed(3)),
  };
}

const dataDir = process.env['DATABASE_URL'] ? null : await mkdtemp(join(tmpdir(), 'waymark-bench-'));
const server = await startServerProcess(dataDir ? { WAYMARK_DATA: dataDir } : {});
const database = process.env['DATABASE_URL'] ? 'postgres' : 'pglite';
try {
  const password = passwordFrom(server.output());
  if (!password)
    throw new Error(
      'the server did not print a first-start password: point DATABASE_URL at an empty database',
    );
  const call = await signIn(server.url, 'admin@waymark.local', password);
  const made = await call('POST', '/api/workspaces/demo/tokens', { name: 'bench', role: 'editor' });
  const { token } = (await made.json()) as { token: string };
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const create = async (id: string) => {
    const res = await fetch(`${server.url}/api/workspaces/demo/journeys`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ journey: sampleJourney(id, { steps: 60, title: `Bench ${id}` }) }),
    });
    if (res.status !== 201) throw new Error(`create ${id}: ${res.status} ${await res.text()}`);
  };
  await create('bench-read');
  for (let i = 0; i < connections; i++) await create(`bench-w${i}`);
  const readPath = '/api/workspaces/demo/journeys/bench-read';
  const size = (await (await fetch(`${server.url}${readPath}`, { headers: auth })).text()).length;

  type Cpu = { serverCpuMs: number; clientCpuMs: number };
  const reads: ({ p50: number; p99: number; rps: number; errors: number } & Cpu)[] = [];
  const writes: ({ cps: number; p50: number; p99: number; errors: number } & Cpu)[] = [];
  const pid = server.child.pid;
  for (let run = 1; run <= runs; run++) {
    if (only !== 'commands') {
      const m = await metered(
        pid,
        (r: AutocannonResult) => r.requests.average * seconds,
        () => autocannon({ url: `${server.url}${readPath}`, connections, duration: seconds, headers: auth }),
      );
      const r = m.result;
      reads.push({
        p50: r.latency.p50,
        p99: r.latency.p99,
        rps: r.requests.average,
        errors: r.non2xx + r.errors,
        serverCpuMs: m.serverCpuMs,
        clientCpuMs: m.clientCpuMs,
      });
      console.log(
        `run ${run} reads: p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${r.requests.average} req/s, ${r.non2xx + r.errors} errors; CPU per read: server ${m.serverCpuMs} ms, load generator ${m.clientCpuMs} ms; load ${loadavg()[0]!.toFixed(2)}`,
      );
    }
    if (only === 'reads') continue;
    const m = await metered(
      pid,
      (x: { latencies: number[]; errors: number }) => x.latencies.length,
      () => applyCommands(),
    );
    const { latencies, errors, elapsed } = m.result;
    latencies.sort((a, b) => a - b);
    const w = {
      cps: Math.round((latencies.length - errors) / elapsed),
      p50: Number(latencies[Math.floor(latencies.length * 0.5)]!.toFixed(1)),
      p99: Number(latencies[Math.floor(latencies.length * 0.99)]!.toFixed(1)),
      errors,
      serverCpuMs: m.serverCpuMs,
      clientCpuMs: m.clientCpuMs,
    };
    writes.push(w);
    console.log(
      `run ${run} commands: ${w.cps} applied/s, p50 ${w.p50} ms, p99 ${w.p99} ms, ${errors} errors; CPU per command: server ${w.serverCpuMs} ms, load generator ${w.clientCpuMs} ms; load ${loadavg()[0]!.toFixed(2)}`,
    );
  }

  /**
   * 50 workers, each chaining one command per request on its own journey, for `seconds`. They use node:http
   * with keep-alive rather than fetch, and read the new version from the head of the answer rather than
   * parsing the whole 17 KB journey: with fetch and JSON.parse this load generator used about 1 ms of CPU
   * per command, as much as the server, on the same two cores.
   */
  async function applyCommands() {
    const latencies: number[] = [];
    let errors = 0;
    const until = Date.now() + seconds * 1000;
    const agent = new Agent({ keepAlive: true, maxSockets: connections });
    const worker = async (i: number) => {
      const path = `/api/workspaces/demo/journeys/bench-w${i}`;
      let version = (
        (await (await fetch(`${server.url}${path}`, { headers: auth })).json()) as { version: number }
      ).version;
      while (Date.now() < until) {
        const started = performance.now();
        const body = JSON.stringify({
          baseVersion: version,
          commands: [{ type: 'meta.update', patch: { title: `Bench ${i} v${version + 1}` } }],
        });
        const res = await post(agent, `${path}/commands`, body);
        latencies.push(performance.now() - started);
        // The answer is {"version":n,"journey":…}: an applied command is exactly the next version.
        const answered = Number(/^\{"version":(\d+),"journey":\{/.exec(res.text)?.[1]);
        if (res.status === 200 && answered === version + 1) version = answered;
        else errors++;
      }
    };
    const t0 = performance.now();
    await Promise.all(Array.from({ length: connections }, (_, i) => worker(i)));
    agent.destroy();
    return { latencies, errors, elapsed: (performance.now() - t0) / 1000 };
  }

  function post(agent: Agent, path: string, body: string) {
    return new Promise<{ status: number; text: string }>((resolve, reject) => {
      const { hostname, port } = new URL(server.url);
      const req = request(
        {
          agent,
          hostname,
          port,
          path,
          method: 'POST',
          headers: { ...auth, 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  const stat = <T>(rows: T[], f: (r: T) => number) => (rows.length > 0 ? median(rows.map(f)) : null);
  const summary = {
    database,
    at: new Date().toISOString(),
    runs,
    secondsPerRun: seconds,
    connections,
    loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
    journey: { steps: 60, cards: 120, bytes: size },
    reads: {
      p50Ms: stat(reads, (r) => r.p50),
      p99Ms: stat(reads, (r) => r.p99),
      requestsPerSecond: stat(reads, (r) => r.rps),
      serverCpuMsPerRead: stat(reads, (r) => r.serverCpuMs),
      loadGeneratorCpuMsPerRead: stat(reads, (r) => r.clientCpuMs),
    },
    commands: {
      appliedPerSecond: stat(writes, (w) => w.cps),
      p50Ms: stat(writes, (w) => w.p50),
      p99Ms: stat(writes, (w) => w.p99),
      serverCpuMsPerCommand: stat(writes, (w) => w.serverCpuMs),
      loadGeneratorCpuMsPerCommand: stat(writes, (w) => w.clientCpuMs),
    },
    errors: reads.reduce((a, r) => a + r.errors, 0) + writes.reduce((a, w) => a + w.errors, 0),
  };
  console.log(
    `\nMedians of ${runs} runs on ${database}, ${connections} connections, ${seconds} s each (load average now ${summary.loadAverage.join(' ')}):`,
  );
  if (reads.length > 0)
    console.log(
      `  reads of a 60-step journey (${size} bytes): p99 ${summary.reads.p99Ms} ms, p50 ${summary.reads.p50Ms} ms, ${summary.reads.requestsPerSecond} req/s (target p99 ≤ 25 ms); CPU per read: server ${summary.reads.serverCpuMsPerRead} ms, load generator ${summary.reads.loadGeneratorCpuMsPerRead} ms`,
    );
  if (writes.length > 0)
    console.log(
      `  applied commands: ${summary.commands.appliedPerSecond}/s, p99 ${summary.commands.p99Ms} ms (target ≥ 1,000/s); CPU per command: server ${summary.commands.serverCpuMsPerCommand} ms, load generator ${summary.commands.loadGeneratorCpuMsPerCommand} ms`,
    );
  await mkdir('bench-out', { recursive: true });
  await writeFile(join('bench-out', `api-${database}.json`), `${JSON.stringify(summary, null, 2)}\n`);
} finally {
  server.child.kill('SIGTERM');
  await server.exited;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
