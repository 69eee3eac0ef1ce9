/**
 * `npm run bench:live`: edit-to-visible latency of live co-editing (issue 10, decision 0013), over loopback.
 *
 * 1. one map: PARTICIPANTS (default 30) live sockets on one journey of one server process (PGlite, a fresh
 *    temporary data directory); each participant edits the text of its own card about every EDIT_MS (default
 *    1000, randomised ±50 %) for SECONDS (default 20), as people typing in a workshop would (the editor sends
 *    a card's words as they are typed, coalesced).
 * 2. when WAYMARK_TEST_DATABASE_URL is set: MAPS (default 20) maps with MAP_PARTICIPANTS (default 10) each,
 *    on two server processes on one PostgreSQL (a fresh schema), each map's participants split between them,
 *    each editing about every MULTI_EDIT_MS (default 2000).
 * Edit-to-visible is the time from a participant sending an edit to each other participant of the map
 * receiving it (p50/p95/p99 over every pair). Server CPU is the server processes' user+system time over the
 * run, as a share of one core (from /proc). Each part runs RUNS times (default 3); medians are printed and
 * written to bench-out/live.json. The load generator runs on the same machine, so its CPU competes too.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLiveSocket, type LiveTestSocket } from '@waymark/api';
import { createPgSql } from '@waymark/store';
import { adminSession, signInAs } from '../apps/server/test/live-session.ts';
import {
  CHOSEN_PASSWORD,
  startServerProcess,
  type ServerProcess,
} from '../apps/server/test/server-process.ts';

const runs = Number(process.env['RUNS'] ?? 3);
const seconds = Number(process.env['SECONDS'] ?? 20);
const participants = Number(process.env['PARTICIPANTS'] ?? 30);
const editMs = Number(process.env['EDIT_MS'] ?? 1000);
const maps = Number(process.env['MAPS'] ?? 20);
const mapParticipants = Number(process.env['MAP_PARTICIPANTS'] ?? 10);
const multiEditMs = Number(process.env['MULTI_EDIT_MS'] ?? 2000);
const pgUrl = process.env['WAYMARK_TEST_DATABASE_URL'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

function cpuSecondsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

interface Seat {
  readonly server: ServerProcess;
  readonly map: string;
  readonly name: string;
}
interface RunResult {
  p50: number;
  p95: number;
  p99: number;
  samples: number;
  edits: number;
  rejected: number;
  serverCpuPercent: number;
}

/** Creates a map with one card per participant (their own to edit). */
async function makeMap(call: Awaited<ReturnType<typeof signInAs>>['call'], id: string, people: number) {
  const made = await call('POST', '/api/workspaces/demo/journeys', {
    template: 'blank-current',
    id,
    title: id,
  });
  if (made.status !== 201) throw new Error(`creating ${id}: ${made.status} ${await made.text()}`);
  const { version, journey } = (await made.json()) as {
    version: number;
    journey: { columns: { id: string }[]; lanes: { id: string; kind: string }[] };
  };
  const lane = journey.lanes.find((l) => l.kind === 'step')!.id;
  const columnId = journey.columns[0]!.id;
  const commands = Array.from({ length: people }, (_, i) => ({
    type: 'card.add',
    item: { id: `card-${i}`, kind: 'step', laneId: lane, columnId, text: 'Start' },
  }));
  const added = await call('POST', `/api/workspaces/demo/journeys/${id}/commands`, {
    baseVersion: version,
    commands,
  });
  if (added.status !== 200) throw new Error(`cards on ${id}: ${added.status} ${await added.text()}`);
}

/** Opens every seat's socket, lets each edit its card on a jittered timer, and measures edit-to-visible. */
async function measure(seats: Seat[], cookie: string, everyMs: number): Promise<RunResult> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let edits = 0;
  let rejected = 0;
  const sockets: LiveTestSocket[] = [];
  for (const [i, seat] of seats.entries()) {
    const socket = await openLiveSocket(
      `${seat.server.url.replace('http', 'ws')}/api/workspaces/demo/journeys/${seat.map}/live?client=bench-${i}-${randomBytes(4).toString('hex')}`,
      { cookie, origin: seat.server.url },
    );
    socket.onMessage = (m, at) => {
      if (m.type === 'rejected') rejected++;
      if (m.type !== 'applied' || m.clientSeq !== undefined) return;
      const text = (m.commands[0] as { patch?: { text?: string } }).patch?.text;
      const sent = text ? sentAt.get(text) : undefined;
      if (sent !== undefined) latencies.push(at - sent);
    };
    sockets.push(socket);
  }
  const versions = await Promise.all(
    sockets.map(async (s) => (await s.next('welcome', () => true, 30_000)).version),
  );
  await sleep(500);
  const pids = [...new Set(seats.map((s) => s.server.child.pid))];
  const cpu0 = pids.map(cpuSecondsOf);
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  let seq = 0;
  await Promise.all(
    sockets.map(async (socket, i) => {
      const cardIndex = seats.filter((s, j) => j < i && s.map === seats[i]!.map).length;
      await sleep(Math.random() * everyMs);
      while (performance.now() < until) {
        const text = `p${i} edit ${++seq}`;
        sentAt.set(text, performance.now());
        socket.send({
          type: 'submit',
          clientSeq: seq,
          baseVersion: versions[i]!,
          commands: [{ type: 'card.update', id: `card-${cardIndex}`, patch: { text } }],
        });
        edits++;
        await sleep(everyMs * (0.5 + Math.random()));
      }
    }),
  );
  await sleep(1000);
  const elapsed = (performance.now() - t0) / 1000;
  let cpu = 0;
  pids.forEach((pid, k) => (cpu += cpuSecondsOf(pid) - cpu0[k]!));
  for (const s of sockets) s.close();
  await sleep(200);
  const sorted = latencies.sort((a, b) => a - b);
  const round = (x: number) => Number(x.toFixed(1));
  return {
    p50: round(quantile(sorted, 0.5)),
    p95: round(quantile(sorted, 0.95)),
    p99: round(quantile(sorted, 0.99)),
    samples: sorted.length,
    edits,
    rejected,
    serverCpuPercent: round((cpu / elapsed) * 100),
  };
}

function summarise(label: string, results: RunResult[]) {
  const out = {
    p50: median(results.map((r) => r.p50)),
    p95: median(results.map((r) => r.p95)),
    p99: median(results.map((r) => r.p99)),
    serverCpuPercent: median(results.map((r) => r.serverCpuPercent)),
    runs: results,
  };
  console.log(
    `${label}: edit-to-visible p50 ${out.p50} ms, p95 ${out.p95} ms, p99 ${out.p99} ms; server CPU ${out.serverCpuPercent} % of a core (medians of ${results.length}; load ${loadavg()[0]!.toFixed(2)})`,
  );
  for (const r of results)
    console.log(
      `  run: ${r.edits} edits, ${r.samples} deliveries, ${r.rejected} refused, p95 ${r.p95} ms, CPU ${r.serverCpuPercent} %`,
    );
  return out;
}

async function oneMap() {
  const dataDir = await mkdtemp(join(tmpdir(), 'waymark-bench-live-'));
  const server = await startServerProcess({ WAYMARK_DATA: dataDir });
  try {
    const { cookie, call } = await adminSession(server);
    const results: RunResult[] = [];
    for (let run = 0; run < runs; run++) {
      const map = `bench-live-${run}`;
      await makeMap(call, map, participants);
      const seats = Array.from({ length: participants }, (_, i) => ({ server, map, name: `p${i}` }));
      results.push(await measure(seats, cookie, editMs));
    }
    return summarise(
      `${participants} participants on one map, one process (PGlite), an edit each ~${editMs} ms`,
      results,
    );
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function twoProcesses(url: string) {
  const schema = `wm_bench_live_${randomBytes(4).toString('hex')}`;
  const admin = await createPgSql({ connectionString: url, max: 1 });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const keyring = await mkdtemp(join(tmpdir(), 'waymark-keyring-'));
  const databaseUrl = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const env = { DATABASE_URL: databaseUrl, WAYMARK_KEYRING: keyring };
  const a = await startServerProcess(env);
  const b = await startServerProcess(env);
  try {
    await adminSession(a);
    const { cookie, call } = await signInAs(b.url, 'admin@waymark.local', CHOSEN_PASSWORD);
    const results: RunResult[] = [];
    for (let run = 0; run < runs; run++) {
      const seats: Seat[] = [];
      for (let m = 0; m < maps; m++) {
        const map = `bench-${run}-${m}`;
        await makeMap(call, map, mapParticipants);
        for (let i = 0; i < mapParticipants; i++) seats.push({ server: i % 2 ? b : a, map, name: `p${i}` });
      }
      results.push(await measure(seats, cookie, multiEditMs));
    }
    return summarise(
      `${maps * mapParticipants} participants on ${maps} maps, two processes (PostgreSQL), an edit each ~${multiEditMs} ms`,
      results,
    );
  } finally {
    for (const p of [a, b]) p.child.kill('SIGTERM');
    await Promise.all([a.exited, b.exited]);
    await rm(keyring, { recursive: true, force: true });
    await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
    await admin.close();
  }
}

const report: Record<string, unknown> = { at: new Date().toISOString(), seconds, runs };
report['oneMap'] = await oneMap();
if (pgUrl) report['twoProcesses'] = await twoProcesses(pgUrl);
else console.log('two processes: skipped (set WAYMARK_TEST_DATABASE_URL to a PostgreSQL test database)');
await mkdir('bench-out', { recursive: true });
await writeFile('bench-out/live.json', `${JSON.stringify(report, null, 2)}\n`);
