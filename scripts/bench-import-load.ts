/**
 * `npm run bench:import-load` (issue 9 §3): does a dataset import slow other people's requests? The mixed
 * profile of bench:api (50 connections, 60 % reads, 40 % writes) runs against a fresh server for SECONDS
 * (default 30) with nothing else, then in windows of SECONDS one after another for as long as an import job
 * of the benchmark's event log (EVENTS, default 2.7M events, about 205 MB, made by bench:datasets) runs,
 * followed as the web page follows it. Prints the latencies alone, of every window and the worst window's,
 * their ratio and the import's time; writes bench-out/import-load.json.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleJourney } from '@waymark/store';
import { startServerProcess } from '../apps/server/test/server-process';
import { runMixed, type MixedResult } from './bench-api-mixed';
import {
  adminSession,
  benchLog,
  benchMapping,
  benchOut,
  followJob,
  uploadLog,
  type BenchJob,
} from './bench-dataset-steps';

const events = Number(process.env['EVENTS'] ?? 2_700_000);
const seconds = Number(process.env['SECONDS'] ?? 30);
const connections = Number(process.env['CONNECTIONS'] ?? 50);
const file = await benchLog(events);
const data = mkdtempSync(join(tmpdir(), 'waymark-bench-import-load-'));
const server = await startServerProcess({ WAYMARK_DATA: data, WAYMARK_ADMIN_EMAIL: 'admin@example.org' });
try {
  const session = await adminSession(server);
  const auth = { ...session, 'content-type': 'application/json' };
  const workshop = Array.from({ length: 10 }, (_, i) => `bench-m${i}`);
  for (const id of workshop) {
    const res = await fetch(`${server.url}/api/workspaces/demo/journeys`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ journey: sampleJourney(id, { steps: 60, title: `Bench ${id}` }) }),
    });
    if (res.status !== 201) throw new Error(`create ${id}: ${res.status} ${await res.text()}`);
  }
  const target = {
    url: server.url,
    auth,
    workspace: 'demo',
    journeys: workshop,
    datasetId: 'demo-change-of-address',
  };
  const summary = (r: MixedResult) => ({
    requestsPerSecond: r.requestsPerSecond,
    p50: r.overall.p50,
    p95: r.overall.p95,
    p99: r.overall.p99,
    max: r.overall.max,
    errors: r.errors,
  });
  console.log(`mixed profile alone, ${seconds} s…`);
  const alone = summary(await runMixed(target, { connections, seconds }));
  console.log(alone);

  const ws = `${server.url}/api/workspaces/demo/datasets`;
  const uploadId = await uploadLog(server.url, session, file);
  const started = performance.now();
  const made = await fetch(ws, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ uploadId, name: 'Bench', mapping: benchMapping }),
  });
  if (made.status !== 202) throw new Error(`import: ${made.status} ${await made.text()}`);
  let job = (await made.json()) as BenchJob;
  const phases = new Set<string>();
  let slowestPollByPhase: Record<string, number> = {};
  const follow = followJob(server.url, auth, job, 1000, (now) => {
    job = now;
    phases.add(now.phase);
  }).then(({ job: ended, slowestPoll }) => {
    job = ended;
    slowestPollByPhase = slowestPoll;
    return (performance.now() - started) / 1000;
  });
  // Windows of the mixed profile one after another until the import has ended, so its every phase (reading,
  // analysing, encoding, storing) falls in one of them.
  let ended = false;
  void follow.then(() => (ended = true));
  const windows: ReturnType<typeof summary>[] = [];
  while (!ended && windows.length < 20) {
    console.log(`mixed profile while the import runs, window ${windows.length + 1} of ${seconds} s…`);
    windows.push(summary(await runMixed(target, { connections, seconds })));
    console.log(windows.at(-1), ended ? '(the import ended during this window)' : '');
  }
  const worst = (k: 'p99' | 'p95' | 'p50' | 'max') => Math.max(...windows.map((w) => w[k]));
  const during = {
    windows: windows.length,
    p50: worst('p50'),
    p95: worst('p95'),
    p99: worst('p99'),
    max: worst('max'),
    errors: windows.reduce((n, w) => n + w.errors, 0),
  };
  const importSeconds = await follow;
  if (job.state !== 'succeeded') throw new Error(`import: ${job.state} ${JSON.stringify(job.error)}`);
  const result = {
    events,
    connections,
    seconds,
    loadAverage: loadavg()[0] ?? 0,
    alone,
    duringImport: during,
    windowsDuringImport: windows,
    ratioP99: Number((during.p99 / alone.p99).toFixed(2)),
    importSeconds: Number(importSeconds.toFixed(1)),
    phasesSeen: [...phases],
    slowestPollByPhase,
  };
  console.log(result);
  writeFileSync(join(benchOut, 'import-load.json'), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  server.child.kill('SIGTERM');
  await server.exited;
  rmSync(data, { recursive: true, force: true });
}
