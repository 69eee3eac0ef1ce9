/**
 * `npm run bench:api`: drives a real Waymark server over loopback.
 *
 * Starts the server as a child process on a fresh temporary data directory (PGlite), or on PostgreSQL when
 * DATABASE_URL is set (use an empty database: the first start creates the administrator), then measures
 *   1. reads of one 60-step journey with autocannon at 50 connections (p50/p99 latency, requests/s);
 *   2. applied commands per second: 50 connections, each editing its own journey, one command per request,
 *      each with the version the previous answer returned (so no 409s);
 *   3. the mixed profile (issue 9): 50 connections, 60 % reads and 40 % writes over ten shared journeys, the
 *      journey list, comments, history and the demo dataset, for MIXED_SECONDS (default 30), with the server's
 *      resident memory before, at the peak, and 10 s and 30 s after (see bench-api-mixed.ts);
 *   4. the mixed profile again while EXPORT_CLIENTS (default 2) clients ask for PDF and PNG posters in a loop.
 * Each measurement runs RUNS times (default 3); the medians are printed and written to bench-out/api-<db>.json.
 * Beside the rates it records the CPU time the server and this load generator used per request (from
 * /proc on Linux): on a shared 2-core machine that is steadier than the rate, and it shows whether the
 * load generator, not the server, is the limit.
 * Environment: RUNS, SECONDS (reads and commands, per run, default 10), MIXED_SECONDS (default 30),
 * CONNECTIONS (default 50), EXPORT_CLIENTS, ONLY (a comma-separated choice of reads, commands, mixed, exports,
 * and costs: the server's CPU per request of each kind of the mixed profile, one kind at a time).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { sampleJourney } from '@waymark/store';
import { passwordFrom, startServerProcess } from '../apps/server/test/server-process.ts';
import { cpuPerKind, rssMbOf, runMixed, watchPeakRss, type MixedResult } from './bench-api-mixed.ts';

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
const mixedSeconds = Number(process.env['MIXED_SECONDS'] ?? 30);
const exportClients = Number(process.env['EXPORT_CLIENTS'] ?? 2);
const parts = (process.env['ONLY'] ?? 'costs,reads,commands,mixed,exports').split(',');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load1 = () => loadavg()[0]!.toFixed(2);
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

/**
 * Signs in as the administrator and makes an editor's API token for the demo workspace. The printed password is
 * a one-time one: when the server asks for a new password first, the bench chooses one, as a person would.
 */
async function benchToken(url: string, email: string, password: string): Promise<string> {
  const session = async (pw: string) => {
    const res = await fetch(`${url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: pw }),
    });
    if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return (path: string, body: unknown) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
  };
  let post = await session(password);
  let made = await post('/api/workspaces/demo/tokens', { name: 'bench', role: 'editor' });
  if (made.status === 403 && (await made.clone().text()).includes('password_change_required')) {
    const chosen = `bench ${randomBytes(12).toString('base64url')} harbour lantern`;
    const changed = await post('/api/auth/password', { newPassword: chosen });
    if (changed.status !== 200) throw new Error(`password change: ${changed.status} ${await changed.text()}`);
    post = await session(chosen);
    made = await post('/api/workspaces/demo/tokens', { name: 'bench', role: 'editor' });
  }
  if (made.status !== 201) throw new Error(`token: ${made.status} ${await made.text()}`);
  return ((await made.json()) as { token: string }).token;
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
  const token = await benchToken(server.url, 'admin@waymark.local', password);
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
  // The mixed profile's workshop: ten journeys, each edited by about five connections at once.
  const workshop = Array.from({ length: 10 }, (_, i) => `bench-m${i}`);
  for (const id of workshop) await create(id);
  const readPath = '/api/workspaces/demo/journeys/bench-read';
  const size = (await (await fetch(`${server.url}${readPath}`, { headers: auth })).text()).length;

  type Cpu = { serverCpuMs: number; clientCpuMs: number };
  const reads: ({ p50: number; p99: number; rps: number; errors: number } & Cpu)[] = [];
  const writes: ({ cps: number; p50: number; p99: number; errors: number } & Cpu)[] = [];
  const mixed: MixedRun[] = [];
  const withExports: MixedRun[] = [];
  const pid = server.child.pid;
  const workshopTarget = {
    url: server.url,
    auth,
    workspace: 'demo',
    journeys: workshop,
    datasetId: 'demo-change-of-address',
  };
  const costs = parts.includes('costs')
    ? await cpuPerKind({ ...workshopTarget, journeys: ['bench-read'] }, () => cpuSecondsOf(pid), connections)
    : null;
  if (costs) console.log(`server CPU ms per request, one kind at a time (load ${load1()}):`, costs);
  for (let run = 1; run <= runs; run++) {
    if (parts.includes('reads')) {
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
        `run ${run} reads: p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${r.requests.average} req/s, ${r.non2xx + r.errors} errors; CPU per read: server ${m.serverCpuMs} ms, load generator ${m.clientCpuMs} ms; load ${load1()}`,
      );
    }
    if (parts.includes('commands')) await commandRun(run);
    if (parts.includes('mixed')) await mixedRun(run, 0);
    if (parts.includes('exports')) await mixedRun(run, exportClients);
  }

  async function commandRun(run: number) {
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
      `run ${run} commands: ${w.cps} applied/s, p50 ${w.p50} ms, p99 ${w.p99} ms, ${errors} errors; CPU per command: server ${w.serverCpuMs} ms, load generator ${w.clientCpuMs} ms; load ${load1()}`,
    );
  }

  interface MixedRun extends MixedResult {
    load: number;
    serverCpuMs: number;
    clientCpuMs: number;
    rssMb: { before: number; peak: number; after10s: number; after30s: number };
  }
  async function mixedRun(run: number, exporters: number) {
    const before = rssMbOf(pid);
    const peak = watchPeakRss(pid);
    const m = await metered(
      pid,
      (r: MixedResult) => r.overall.count,
      () =>
        runMixed(
          {
            url: server.url,
            auth,
            workspace: 'demo',
            journeys: workshop,
            datasetId: 'demo-change-of-address',
          },
          { connections, seconds: mixedSeconds, exportClients: exporters, seed: run },
        ),
    );
    const load = Number(load1());
    const rssPeak = peak();
    await sleep(10_000);
    const after10s = rssMbOf(pid);
    await sleep(exporters > 0 ? 0 : 20_000);
    const row: MixedRun = {
      ...m.result,
      load,
      serverCpuMs: m.serverCpuMs,
      clientCpuMs: m.clientCpuMs,
      rssMb: { before, peak: rssPeak, after10s, after30s: exporters > 0 ? Number.NaN : rssMbOf(pid) },
    };
    (exporters > 0 ? withExports : mixed).push(row);
    const r = m.result;
    const kinds = Object.entries(r.byKind)
      .map(([k, s]) => `${k} ${s.p99}`)
      .join(', ');
    console.log(
      `run ${run} mixed${exporters > 0 ? ` with ${exporters} export clients` : ''}: p50 ${r.overall.p50} ms, p95 ${r.overall.p95} ms, p99 ${r.overall.p99} ms, max ${r.overall.max} ms, ${r.requestsPerSecond} req/s, ${r.errors} errors, ${r.conflicts} conflicts (${r.retried} commands retried, at most ${r.maxRetries} times); p99 by kind: ${kinds}; RSS ${before} → peak ${rssPeak} → ${after10s} (10 s) → ${row.rssMb.after30s} MB (30 s); CPU per request: server ${m.serverCpuMs} ms, load generator ${m.clientCpuMs} ms; load ${load}`,
    );
    if (r.exports)
      console.log(
        `  exports: PDF ${r.exports.pdf.count} done, p50 ${r.exports.pdf.p50} ms, max ${r.exports.pdf.max} ms; PNG ${r.exports.png.count} done, p50 ${r.exports.png.p50} ms, max ${r.exports.png.max} ms; ${r.exports.busy} refused as busy, ${r.exports.errors} errors`,
      );
    for (const sample of r.errorSamples) console.log(`  error: ${sample}`);
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
  /** Medians over the runs of the mixed profile, overall and per kind of request. */
  function mixedSummary(rows: MixedRun[]) {
    if (rows.length === 0) return null;
    const kinds = Object.keys(rows[0]!.byKind) as (keyof MixedRun['byKind'])[];
    const exports = rows.map((r) => r.exports).filter((e) => e !== null);
    return {
      secondsPerRun: mixedSeconds,
      p50Ms: stat(rows, (r) => r.overall.p50),
      p95Ms: stat(rows, (r) => r.overall.p95),
      p99Ms: stat(rows, (r) => r.overall.p99),
      p99MsPerRun: rows.map((r) => r.overall.p99),
      requestsPerSecond: stat(rows, (r) => r.requestsPerSecond),
      errors: rows.reduce((a, r) => a + r.errors, 0),
      conflicts: rows.reduce((a, r) => a + r.conflicts, 0),
      byKind: Object.fromEntries(
        kinds.map((k) => [
          k,
          {
            count: stat(rows, (r) => r.byKind[k].count),
            p50Ms: stat(rows, (r) => r.byKind[k].p50),
            p95Ms: stat(rows, (r) => r.byKind[k].p95),
            p99Ms: stat(rows, (r) => r.byKind[k].p99),
            meanBytes: stat(rows, (r) => r.byKind[k].bytes ?? 0),
          },
        ]),
      ),
      rssMb: {
        before: stat(rows, (r) => r.rssMb.before),
        peak: stat(rows, (r) => r.rssMb.peak),
        after10s: stat(rows, (r) => r.rssMb.after10s),
        after30s: stat(rows, (r) => r.rssMb.after30s),
        perRun: rows.map((r) => r.rssMb),
      },
      serverCpuMsPerRequest: stat(rows, (r) => r.serverCpuMs),
      loadGeneratorCpuMsPerRequest: stat(rows, (r) => r.clientCpuMs),
      loadAveragePerRun: rows.map((r) => r.load),
      exports:
        exports.length > 0
          ? {
              clients: exportClients,
              pdf: {
                done: stat(exports, (e) => e.pdf.count),
                p50Ms: stat(exports, (e) => e.pdf.p50),
                maxMs: stat(exports, (e) => e.pdf.max),
              },
              png: {
                done: stat(exports, (e) => e.png.count),
                p50Ms: stat(exports, (e) => e.png.p50),
                maxMs: stat(exports, (e) => e.png.max),
              },
              refusedAsBusy: exports.reduce((a, e) => a + e.busy, 0),
              errors: exports.reduce((a, e) => a + e.errors, 0),
            }
          : null,
    };
  }
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
    serverCpuMsPerRequestByKind: costs,
    mixed: mixedSummary(mixed),
    mixedWithExports: mixedSummary(withExports),
    errors:
      reads.reduce((a, r) => a + r.errors, 0) +
      writes.reduce((a, w) => a + w.errors, 0) +
      [...mixed, ...withExports].reduce((a, m) => a + m.errors, 0),
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
  for (const [name, m] of [
    ['mixed 60/40', summary.mixed],
    [`mixed 60/40 while ${exportClients} clients export posters`, summary.mixedWithExports],
  ] as const) {
    if (!m) continue;
    console.log(
      `  ${name} (${m.secondsPerRun} s): p99 ${m.p99Ms} ms (runs ${m.p99MsPerRun.join(', ')}; target ≤ 250 ms), p95 ${m.p95Ms} ms, p50 ${m.p50Ms} ms, ${m.requestsPerSecond} req/s, ${m.errors} errors, ${m.conflicts} conflicts; RSS ${m.rssMb.before} → peak ${m.rssMb.peak} → ${m.rssMb.after10s} (10 s) → ${m.rssMb.after30s} MB (30 s); server CPU per request ${m.serverCpuMsPerRequest} ms; load ${m.loadAveragePerRun.join(', ')}`,
    );
    console.log('    kind       count    p50     p95     p99 (ms)   mean answer');
    for (const [k, s] of Object.entries(m.byKind))
      console.log(
        `    ${k.padEnd(9)} ${String(s.count).padStart(6)} ${String(s.p50Ms).padStart(6)} ${String(s.p95Ms).padStart(7)} ${String(s.p99Ms).padStart(7)} ${String(s.meanBytes).padStart(10)} B`,
      );
    if (m.exports)
      console.log(
        `    exports: PDF ${m.exports.pdf.done} per run, p50 ${m.exports.pdf.p50Ms} ms, max ${m.exports.pdf.maxMs} ms; PNG ${m.exports.png.done} per run, p50 ${m.exports.png.p50Ms} ms, max ${m.exports.png.maxMs} ms; ${m.exports.refusedAsBusy} refused as busy, ${m.exports.errors} errors`,
      );
  }
  await mkdir('bench-out', { recursive: true });
  await writeFile(join('bench-out', `api-${database}.json`), `${JSON.stringify(summary, null, 2)}\n`);
} finally {
  if (server.child.exitCode !== null || server.child.signalCode !== null)
    console.log(
      `\nThe server stopped during the bench (${server.child.exitCode ?? server.child.signalCode}):\n${server.output().slice(-3000)}`,
    );
  server.child.kill('SIGTERM');
  await server.exited;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
