/**
 * What bench:datasets and bench:import-load both do with a running server: the benchmark's event log (made once
 * into bench-out), the administrator's session, the upload streamed from disk, and following an import job.
 */
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { adminPassword, type ServerProcess } from '../apps/server/test/server-process';
import { writeCsv } from './generate-log';

export const benchOut = join(fileURLToPath(import.meta.url), '../../bench-out');
export const benchMapping = {
  case: 'case_id',
  activity: 'activity',
  timestamp: 'timestamp',
  channel: 'channel',
  org: 'team',
  outcome: 'outcome',
};

/** The generated log of `events` events, made the first time it is asked for. */
export async function benchLog(events: number): Promise<string> {
  const file = join(benchOut, `datasets-${events}.csv`);
  mkdirSync(benchOut, { recursive: true });
  if (!existsSync(file)) {
    console.log(`generating ${events} events into ${file}…`);
    await writeCsv(file, { events, seed: 2024 });
  }
  return file;
}

/** The administrator's session headers (admin@example.org, the server started with that address). */
export async function adminSession(server: ServerProcess): Promise<Record<string, string>> {
  const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'admin@example.org',
      password: await adminPassword(server, 'admin@example.org'),
    }),
  });
  // sign-in sets the device cookie too: the session's is the one wanted
  const cookie = /waymark_session=[^;]+/.exec(signIn.headers.get('set-cookie') ?? '')?.[0] ?? '';
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

/** Streams the file to the demo workspace's uploads, as the web app sends it; returns the upload's id. */
export async function uploadLog(url: string, headers: Record<string, string>, file: string): Promise<string> {
  const up = await fetch(`${url}/api/workspaces/demo/datasets/uploads?name=bench.csv`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'text/csv', 'content-length': String(statSync(file).size) },
    body: Readable.toWeb(createReadStream(file)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  if (up.status !== 201) throw new Error(`upload: ${up.status} ${await up.text()}`);
  return ((await up.json()) as { uploadId: string }).uploadId;
}

export interface BenchJob {
  id: string;
  state: string;
  phase: string;
  datasetId: string | null;
  error: unknown;
}

/**
 * Asks after an import job every `everyMs` until it ends, as the web page does; returns it with the slowest
 * answer by the phase the poll was sent in (how long the server's own thread was busy). Storing the dataset
 * blocks that thread (PGlite runs in it) for seconds, and Node's keep-alive timer may then close a reused
 * connection that carried a poll: a browser sends such a GET again, and so does this.
 */
export async function followJob(
  url: string,
  headers: Record<string, string>,
  started: BenchJob,
  everyMs: number,
  onPoll: (job: BenchJob) => void = () => undefined,
): Promise<{ job: BenchJob; slowestPoll: Record<string, number> }> {
  let job = started;
  const slowestPoll: Record<string, number> = {};
  while (job.state === 'queued' || job.state === 'running') {
    await new Promise((r) => setTimeout(r, everyMs));
    const asked = performance.now();
    const phase = job.phase;
    const poll = () => fetch(`${url}/api/workspaces/demo/datasets/jobs/${job.id}`, { headers });
    job = (await (await poll().catch(poll)).json()) as BenchJob;
    slowestPoll[phase] = Math.max(slowestPoll[phase] ?? 0, Math.round(performance.now() - asked));
    onPoll(job);
  }
  return { job, slowestPoll };
}
