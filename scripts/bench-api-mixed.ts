/**
 * The mixed profile of `npm run bench:api` (issue 9 item 4): `connections` workers for `seconds`, each choosing
 * its next request at random, 60 % reads and 40 % writes, as a workshop would use the server:
 *   reads  — one journey (18 %), the journey list (10 %), a journey's comments (10 %), its history (10 %), the
 *            dataset list (6 %) and the demo dataset's page (6 %);
 *   writes — journey commands (32 %: edit a card's text, move a card to another step, add a card or remove one
 *            the worker added) and comment posts (8 %).
 * Workers share a few journeys (five or so editing each one), so commands meet 409 version conflicts. A worker
 * that gets one does what the editor does: it takes the current version from the 409's body and sends the
 * same change again on it. Conflicts are counted apart from errors; an error is a 5xx, any other unexpected
 * status, a timeout or a socket error.
 * Alongside, optionally, a few clients ask for PDF and PNG posters in a loop; their latencies are reported apart.
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

export const mixedWeights = {
  journey: 18,
  list: 10,
  comments: 10,
  history: 10,
  datasets: 6,
  dataset: 6,
  command: 32,
  comment: 8,
} as const;
export type Kind = keyof typeof mixedWeights;
const kinds = Object.keys(mixedWeights) as Kind[];

export interface Stats {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** The mean size of the answers, in bytes (characters). */
  bytes?: number;
}
export const statsOf = (values: number[], bytes?: number): Stats => {
  const xs = [...values].sort((a, b) => a - b);
  const at = (q: number) => Number((xs[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? 0).toFixed(1));
  const size = bytes === undefined ? {} : { bytes: Math.round(bytes / Math.max(1, xs.length)) };
  return { count: xs.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1), ...size };
};

/** Resident memory of a process in MB, from /proc on Linux; NaN elsewhere. */
export function rssMbOf(pid: number | undefined): number {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Math.round(kb / 1024);
  } catch {
    return Number.NaN;
  }
}

interface Answer {
  status: number;
  text: string;
}

export interface Target {
  readonly url: string;
  readonly auth: Record<string, string>;
  readonly workspace: string;
  /** The journeys the workers edit, shared: worker i edits journeys[i % length]. */
  readonly journeys: readonly string[];
  readonly datasetId: string;
}

export interface MixedResult {
  seconds: number;
  requestsPerSecond: number;
  overall: Stats;
  byKind: Record<Kind, Stats>;
  conflicts: number;
  /** Commands that needed one or more retries after a conflict, and the most retries one command needed. */
  retried: number;
  maxRetries: number;
  errors: number;
  errorSamples: string[];
  exports: { pdf: Stats; png: Stats; busy: number; errors: number } | null;
}

const REQUEST_TIMEOUT_MS = 10_000;
/** A poster may wait for the ones before it (one Chromium at a time) and take 20 s on a busy machine. */
const EXPORT_TIMEOUT_MS = 180_000;

/** HTTP/1.1 with keep-alive through node:http: fetch's own CPU cost would compete with the server's. */
function sender(
  url: string,
  auth: Record<string, string>,
  agent: Agent,
  timeout = REQUEST_TIMEOUT_MS,
  /** Binary answers (posters) are counted, not decoded: a 20 MB PNG as text would stall this process. */
  binary = false,
) {
  const { hostname, port } = new URL(url);
  return (method: string, path: string, body?: string) =>
    new Promise<Answer>((resolve, reject) => {
      const req = request(
        {
          agent,
          hostname,
          port,
          path,
          method,
          headers: body === undefined ? auth : { ...auth, 'content-length': Buffer.byteLength(body) },
          timeout,
        },
        (res) => {
          let text = '';
          const ok = (res.statusCode ?? 0) < 300;
          if (!binary || !ok) res.setEncoding('utf8');
          res.on('data', (d: string | Buffer) => (binary && ok ? undefined : (text += d as string)));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`timed out after ${timeout} ms`)));
      req.on('error', reject);
      req.end(body);
    });
}

/**
 * The server's CPU time per request of each kind of the mixed profile, one kind at a time, `connections` at once
 * (from /proc): steadier than latencies on a shared machine, and it says where the server's time goes. Commands
 * are measured by the commands profile; here only the conflict (a command on a stale version) is.
 */
export async function cpuPerKind(
  target: Target,
  cpuSecondsOf: () => number,
  connections: number,
  requests = 2_000,
): Promise<Record<string, number>> {
  const { url, auth, workspace, datasetId } = target;
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const send = sender(url, auth, agent);
  const jpath = `/api/workspaces/${workspace}/journeys/${target.journeys[0]!}`;
  const dpath = `/api/workspaces/${workspace}/datasets`;
  const stale = JSON.stringify({
    baseVersion: 1,
    commands: [{ type: 'card.update', id: 's1-step', patch: { text: 'x' } }],
  });
  const comment = JSON.stringify({ target: { columnId: 's1' }, body: 'A note' });
  const kinds: [string, () => Promise<Answer>][] = [
    ['journey', () => send('GET', jpath)],
    ['list', () => send('GET', `/api/workspaces/${workspace}/journeys`)],
    ['comments', () => send('GET', `${jpath}/comments`)],
    ['history', () => send('GET', `${jpath}/history`)],
    ['datasets', () => send('GET', dpath)],
    ['dataset', () => send('GET', `${dpath}/${datasetId}`)],
    ['conflict', () => send('POST', `${jpath}/commands`, stale)],
    ['comment', () => send('POST', `${jpath}/comments`, comment)],
  ];
  const out: Record<string, number> = {};
  for (const [kind, call] of kinds) {
    await call();
    let left = requests;
    const c0 = cpuSecondsOf();
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (left-- > 0) {
          const a = await call();
          if (a.status >= 500 || a.status === 0)
            throw new Error(`${kind}: ${a.status} ${a.text.slice(0, 200)}`);
        }
      }),
    );
    out[kind] = Number((((cpuSecondsOf() - c0) * 1000) / requests).toFixed(3));
  }
  agent.destroy();
  return out;
}

let profileRuns = 0;

export async function runMixed(
  target: Target,
  options: { connections: number; seconds: number; exportClients?: number; seed?: number },
): Promise<MixedResult> {
  const { url, auth, workspace, journeys, datasetId } = target;
  // Cards added by one run stay in the journeys: the next run's ids must differ.
  const profileRun = ++profileRuns;
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections + 8 });
  let random = options.seed ?? 1;
  /** A small deterministic generator, so two runs ask for the same mix. */
  const next = () => {
    random = (random * 1_103_515_245 + 12_345) % 2_147_483_648;
    return random / 2_147_483_648;
  };
  const total = kinds.reduce((a, k) => a + mixedWeights[k], 0);
  const pick = (): Kind => {
    let r = next() * total;
    for (const k of kinds) if ((r -= mixedWeights[k]) < 0) return k;
    return 'journey';
  };

  const send = sender(url, auth, agent);
  const exportAgent = new Agent({ keepAlive: true, maxSockets: 8 });
  const sendExport = sender(url, auth, exportAgent, EXPORT_TIMEOUT_MS, true);

  const latencies = Object.fromEntries(kinds.map((k) => [k, [] as number[]])) as Record<Kind, number[]>;
  const sizes = Object.fromEntries(kinds.map((k) => [k, 0])) as Record<Kind, number>;
  const all: number[] = [];
  let conflicts = 0;
  let retried = 0;
  let maxRetries = 0;
  let errors = 0;
  const errorSamples: string[] = [];
  const failed = (what: string) => {
    errors++;
    if (errorSamples.length < 5) errorSamples.push(what.slice(0, 300));
  };
  /** One request, timed; a thrown error (timeout, socket) is counted and answers status 0. */
  const timed = async (kind: Kind, method: string, path: string, body?: string): Promise<Answer> => {
    const started = performance.now();
    let answer: Answer;
    try {
      answer = await send(method, path, body);
    } catch (error) {
      answer = { status: 0, text: (error as Error).message };
    }
    const ms = performance.now() - started;
    latencies[kind].push(ms);
    sizes[kind] += answer.text.length;
    all.push(ms);
    if (answer.status === 0 || answer.status >= 500)
      failed(`${kind} ${method} ${path}: ${answer.status} ${answer.text}`);
    return answer;
  };
  const ok = (kind: Kind, path: string, a: Answer, expected: number) => {
    if (a.status !== 0 && a.status < 500 && a.status !== expected)
      failed(`${kind} ${path}: ${a.status} ${a.text}`);
  };

  const versionOf = async (path: string) =>
    Number(/"version":(\d+)/.exec((await send('GET', path)).text)?.[1]);
  const versions = new Map<string, number>();
  for (const id of journeys) versions.set(id, await versionOf(`/api/workspaces/${workspace}/journeys/${id}`));

  const until = Date.now() + options.seconds * 1000;
  const worker = async (w: number) => {
    const id = journeys[w % journeys.length]!;
    const jpath = `/api/workspaces/${workspace}/journeys/${id}`;
    const dpath = `/api/workspaces/${workspace}/datasets`;
    let version = versions.get(id)!;
    const added: string[] = [];
    let n = 0;
    while (Date.now() < until) {
      const kind = pick();
      n++;
      const step = `s${1 + Math.floor(next() * 60)}`;
      if (kind === 'journey') ok(kind, jpath, await timed(kind, 'GET', jpath), 200);
      else if (kind === 'list')
        ok(kind, 'list', await timed(kind, 'GET', `/api/workspaces/${workspace}/journeys`), 200);
      else if (kind === 'comments') ok(kind, 'comments', await timed(kind, 'GET', `${jpath}/comments`), 200);
      else if (kind === 'history') ok(kind, 'history', await timed(kind, 'GET', `${jpath}/history`), 200);
      else if (kind === 'datasets') ok(kind, 'datasets', await timed(kind, 'GET', dpath), 200);
      else if (kind === 'dataset')
        ok(kind, 'dataset', await timed(kind, 'GET', `${dpath}/${datasetId}`), 200);
      else if (kind === 'comment') {
        const body = JSON.stringify({ target: { columnId: step }, body: `Worker ${w} notes ${n}` });
        ok(kind, 'comment', await timed(kind, 'POST', `${jpath}/comments`, body), 201);
      } else {
        // What an editor sends: mostly text edits, some moves, a card added now and then and removed later.
        const r = next();
        let command: unknown;
        if (r < 0.6)
          command = { type: 'card.update', id: `${step}-step`, patch: { text: `Edited by ${w} (${n})` } };
        else if (r < 0.8)
          command = { type: 'card.move', id: `${step}-call`, columnId: `s${1 + Math.floor(next() * 60)}` };
        else if (added.length < 3 || r < 0.9) {
          const card = `r${profileRun}-w${w}-n${n}`;
          command = {
            type: 'card.add',
            item: {
              id: card,
              kind: 'touchpoint',
              laneId: 'contacts',
              columnId: step,
              text: 'A note',
              channel: 'email',
            },
          };
          added.push(card);
        } else command = { type: 'card.remove', id: added.shift()! };
        for (let attempt = 0; ; attempt++) {
          const body = JSON.stringify({ baseVersion: version, commands: [command] });
          const a = await timed(kind, 'POST', `${jpath}/commands`, body);
          const applied = Number(/^\{"version":(\d+),"journey":\{/.exec(a.text)?.[1]);
          if (a.status === 200 && applied > version) {
            version = applied;
            break;
          }
          if (a.status === 409) {
            conflicts++;
            if (attempt === 0) retried++;
            maxRetries = Math.max(maxRetries, attempt + 1);
            const current = Number(/"current":\{"version":(\d+)/.exec(a.text)?.[1]);
            if (current > 0 && Date.now() < until) {
              version = current;
              continue;
            }
            break;
          }
          ok(kind, 'commands', a, 200);
          if (a.status === 422 && command && (command as { type: string }).type === 'card.add') added.pop();
          break;
        }
      }
    }
  };

  const exportLatencies = { pdf: [] as number[], png: [] as number[] };
  let busy = 0;
  let exportErrors = 0;
  const exporter = async (e: number) => {
    const id = journeys[e % journeys.length]!;
    for (let i = e; Date.now() < until; i++) {
      const format = i % 2 === 0 ? 'pdf' : 'png';
      const started = performance.now();
      try {
        const a = await sendExport(
          'GET',
          `/api/workspaces/${workspace}/journeys/${id}/poster?format=${format}`,
        );
        if (a.status === 200) exportLatencies[format].push(performance.now() - started);
        else if (a.status === 503 && a.text.includes('export_busy')) {
          busy++;
          await new Promise((r) => setTimeout(r, 1000));
        } else {
          exportErrors++;
          if (errorSamples.length < 5)
            errorSamples.push(`export ${format}: ${a.status} ${a.text.slice(0, 200)}`);
        }
      } catch (error) {
        exportErrors++;
        if (errorSamples.length < 5) errorSamples.push(`export ${format}: ${(error as Error).message}`);
      }
    }
  };

  const t0 = performance.now();
  const exporters = Array.from({ length: options.exportClients ?? 0 }, (_, e) => exporter(e));
  await Promise.all(Array.from({ length: options.connections }, (_, w) => worker(w)));
  const elapsed = (performance.now() - t0) / 1000;
  // An export started before the end is waited for (its time counts), but not in the profile's rate.
  await Promise.all(exporters);
  agent.destroy();
  exportAgent.destroy();
  return {
    seconds: Number(elapsed.toFixed(1)),
    requestsPerSecond: Math.round(all.length / elapsed),
    overall: statsOf(all),
    byKind: Object.fromEntries(kinds.map((k) => [k, statsOf(latencies[k], sizes[k])])) as Record<Kind, Stats>,
    conflicts,
    retried,
    maxRetries,
    errors,
    errorSamples,
    exports: options.exportClients
      ? { pdf: statsOf(exportLatencies.pdf), png: statsOf(exportLatencies.png), busy, errors: exportErrors }
      : null,
  };
}

/** Samples a process's RSS every `everyMs` until stopped; answers the highest seen. */
export function watchPeakRss(pid: number | undefined, everyMs = 250) {
  let peak = rssMbOf(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMbOf(pid))), everyMs);
  return () => {
    clearInterval(timer);
    return Math.max(peak, rssMbOf(pid));
  };
}
