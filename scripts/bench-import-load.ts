/**
 * `npm run bench:import-load` (issue 9 §3): does a dataset import slow other people's requests? The mixed
 * profile of bench:api (50 connections, 60 % reads, 40 % writes) runs against a fresh server for SECONDS
 * (default 30) with nothing else, then again while an import job of the benchmark's event log (EVENTS,
 * default 2.7M events, about 205 MB, made by bench:datasets) runs, followed as the web page follows it.
 * Prints the latencies of both and the import's time; writes bench-out/import-load.json.
 */
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { sampleJourney } from '@waymark/store';
import { adminPassword, startServerProcess } from '../apps/server/test/server-process';
import { runMixed, type MixedResult } from './bench-api-mixed';
import { writeCsv } from './generate-log';

const root = join(fileURLToPath(import.meta.url), '../..');
const out = join(root, 'bench-out');
const events = Number(process.env['EVENTS'] ?? 2_700_000);
const seconds = Number(process.env['SECONDS'] ?? 30);
const connections = Number(process.env['CONNECTIONS'] ?? 50);
const file = join(out, `datasets-${events}.csv`);
const mapping = {
  case: 'case_id',
  activity: 'activity',
  timestamp: 'timestamp',
  channel: 'channel',
  org: 'team',
  outcome: 'outcome',
};

mkdirSync(out, { recursive: true });
if (!existsSync(file)) {
  console.log(`generating ${events} events into ${file}…`);
  await writeCsv(file, { events, seed: 2024 });
}
const data = mkdtempSync(join(tmpdir(), 'waymark-bench-import-load-'));
const server = await startServerProcess({ WAYMARK_DATA: data, WAYMARK_ADMIN_EMAIL: 'admin@example.org' });
try {
  const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'admin@example.org',
      password: await adminPassword(server, 'admin@example.org'),
    }),
  });
  const cookie = /waymark_session=[^;]+/.exec(signIn.headers.get('set-cookie') ?? '')?.[0] ?? '';
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const auth = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
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
  const up = await fetch(`${ws}/uploads?name=bench.csv`, {
    method: 'POST',
    headers: {
      cookie,
      'x-csrf-token': csrfToken,
      'content-type': 'text/csv',
      'content-length': String(statSync(file).size),
    },
    body: Readable.toWeb(createReadStream(file)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  if (up.status !== 201) throw new Error(`upload: ${up.status} ${await up.text()}`);
  const { uploadId } = (await up.json()) as { uploadId: string };
  const started = performance.now();
  const made = await fetch(ws, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ uploadId, name: 'Bench', mapping }),
  });
  if (made.status !== 202) throw new Error(`import: ${made.status} ${await made.text()}`);
  type Job = { id: string; state: string; phase: string; error: unknown };
  let job = (await made.json()) as Job;
  const phases = new Set<string>();
  const follow = (async () => {
    while (job.state === 'queued' || job.state === 'running') {
      await new Promise((r) => setTimeout(r, 1000));
      // a reused connection reset while the server's thread was busy storing is asked again, as a browser does
      const poll = () => fetch(`${ws}/jobs/${job.id}`, { headers: auth });
      job = (await (await poll().catch(poll)).json()) as Job;
      phases.add(job.phase);
    }
    return (performance.now() - started) / 1000;
  })();
  console.log(`mixed profile while the import runs, ${seconds} s…`);
  const during = summary(await runMixed(target, { connections, seconds }));
  const runningAtEnd = job.state === 'running';
  console.log(
    during,
    runningAtEnd ? '(the import was still running at the end)' : '(the import ended before)',
  );
  const importSeconds = await follow;
  if (job.state !== 'succeeded') throw new Error(`import: ${job.state} ${JSON.stringify(job.error)}`);
  const result = {
    events,
    connections,
    seconds,
    loadAverage: loadavg()[0] ?? 0,
    alone,
    duringImport: during,
    importRunningThroughout: runningAtEnd,
    importSeconds: Number(importSeconds.toFixed(1)),
    phasesSeen: [...phases],
  };
  console.log(result);
  writeFileSync(join(out, 'import-load.json'), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  server.child.kill('SIGTERM');
  await server.exited;
  rmSync(data, { recursive: true, force: true });
}
