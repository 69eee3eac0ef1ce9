/**
 * `npm run bench:api`: drives a real Waymark server over loopback.
 *
 * Starts the server as a child process on a fresh temporary data directory (PGlite), or on PostgreSQL when
 * DATABASE_URL is set (use an empty database: the first start creates the administrator), then measures
 *   1. reads of one 60-step journey with autocannon at 50 connections (p50/p99 latency, requests/s);
 *   2. applied commands per second: 50 connections, each editing its own journey, one command per request,
 *      each with the version the previous answer returned (so no 409s).
 * Each measurement runs RUNS times (default 3); the medians are printed and written to bench-out/api.json.
 * Environment: RUNS, SECONDS (per run, default 10), CONNECTIONS (default 50).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

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

  const reads: { p50: number; p99: number; rps: number; errors: number }[] = [];
  const writes: { cps: number; p50: number; p99: number; errors: number }[] = [];
  for (let run = 1; run <= runs; run++) {
    const r = await autocannon({
      url: `${server.url}${readPath}`,
      connections,
      duration: seconds,
      headers: auth,
    });
    reads.push({
      p50: r.latency.p50,
      p99: r.latency.p99,
      rps: r.requests.average,
      errors: r.non2xx + r.errors,
    });
    console.log(
      `run ${run} reads: p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${r.requests.average} req/s, ${r.non2xx + r.errors} errors`,
    );

    const latencies: number[] = [];
    let errors = 0;
    const until = Date.now() + seconds * 1000;
    const worker = async (i: number) => {
      const path = `${server.url}/api/workspaces/demo/journeys/bench-w${i}`;
      let version = ((await (await fetch(path, { headers: auth })).json()) as { version: number }).version;
      while (Date.now() < until) {
        const started = performance.now();
        const res = await fetch(`${path}/commands`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({
            baseVersion: version,
            commands: [{ type: 'meta.update', patch: { title: `Bench ${i} v${version + 1}` } }],
          }),
        });
        const body = (await res.json()) as { version: number };
        latencies.push(performance.now() - started);
        if (res.status === 200) version = body.version;
        else errors++;
      }
    };
    const t0 = performance.now();
    await Promise.all(Array.from({ length: connections }, (_, i) => worker(i)));
    const elapsed = (performance.now() - t0) / 1000;
    latencies.sort((a, b) => a - b);
    const w = {
      cps: Math.round((latencies.length - errors) / elapsed),
      p50: Number(latencies[Math.floor(latencies.length * 0.5)]!.toFixed(1)),
      p99: Number(latencies[Math.floor(latencies.length * 0.99)]!.toFixed(1)),
      errors,
    };
    writes.push(w);
    console.log(
      `run ${run} commands: ${w.cps} applied/s, p50 ${w.p50} ms, p99 ${w.p99} ms, ${errors} errors`,
    );
  }
  const summary = {
    database,
    at: new Date().toISOString(),
    runs,
    secondsPerRun: seconds,
    connections,
    journey: { steps: 60, cards: 120, bytes: size },
    reads: {
      p50Ms: median(reads.map((r) => r.p50)),
      p99Ms: median(reads.map((r) => r.p99)),
      requestsPerSecond: median(reads.map((r) => r.rps)),
    },
    commands: {
      appliedPerSecond: median(writes.map((w) => w.cps)),
      p50Ms: median(writes.map((w) => w.p50)),
      p99Ms: median(writes.map((w) => w.p99)),
    },
    errors: reads.reduce((a, r) => a + r.errors, 0) + writes.reduce((a, w) => a + w.errors, 0),
  };
  console.log(`\nMedians of ${runs} runs on ${database}, ${connections} connections, ${seconds} s each:`);
  console.log(
    `  reads of a 60-step journey (${size} bytes): p99 ${summary.reads.p99Ms} ms, p50 ${summary.reads.p50Ms} ms, ${summary.reads.requestsPerSecond} req/s (target p99 ≤ 25 ms)`,
  );
  console.log(
    `  applied commands: ${summary.commands.appliedPerSecond}/s, p99 ${summary.commands.p99Ms} ms (target ≥ 1,000/s)`,
  );
  await mkdir('bench-out', { recursive: true });
  await writeFile(join('bench-out', `api-${database}.json`), `${JSON.stringify(summary, null, 2)}\n`);
} finally {
  server.child.kill('SIGTERM');
  await server.exited;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
