import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportError } from '../ingest/import-result';

/** Helpers for tests: build logs in memory, seeded randomness, a naive reference analysis. */
export async function* chunksOf(bytes: Uint8Array, size = bytes.length): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += Math.max(1, size)) yield bytes.subarray(i, i + Math.max(1, size));
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** mulberry32: a small deterministic generator for fixtures. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SimpleEvent {
  readonly case: string;
  readonly activity: string;
  /** epoch ms */
  readonly time: number;
  readonly channel?: string;
  readonly org?: string;
}

/** A random log with interleaved cases, equal timestamps and events out of order in the file. */
export function randomLog(seed: number, cases = 60): SimpleEvent[] {
  const rnd = seeded(seed);
  const acts = [
    'Report',
    'Call back',
    'Chase progress',
    'Assess',
    'Visit',
    'Transfer to housing',
    'Close',
    'Ré-open ✓',
  ];
  const teams = ['Contact centre', 'Housing', 'Environment', 'Contractor'];
  const channels = ['Phone', 'Web', 'Face to face', 'Email'];
  const events: SimpleEvent[] = [];
  for (let c = 0; c < cases; c++) {
    let t = Date.UTC(2024, 0, 1) + Math.floor(rnd() * 90) * 86_400_000;
    const n = 1 + Math.floor(rnd() * 7);
    for (let i = 0; i < n; i++) {
      const gap = rnd() < 0.2 ? 0 : Math.floor(rnd() * 20 * 86_400_000);
      t += gap;
      events.push({
        case: `C${c}`,
        activity: acts[Math.floor(rnd() * acts.length)] as string,
        time: t,
        channel: channels[Math.floor(rnd() * channels.length)] as string,
        org: teams[Math.floor(rnd() * teams.length)] as string,
      });
    }
  }
  // shuffle lightly: interleave cases and put some events out of time order
  for (let i = events.length - 1; i > 0; i--) {
    if (rnd() < 0.3) {
      const j = Math.floor(rnd() * (i + 1));
      [events[i], events[j]] = [events[j] as SimpleEvent, events[i] as SimpleEvent];
    }
  }
  return events;
}

export function toCsv(events: readonly SimpleEvent[], delimiter = ','): string {
  const q = (s: string): string => (/[",;\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = ['case id,activity,timestamp,channel,team'.replace(/,/g, delimiter)];
  for (const e of events)
    lines.push(
      [e.case, e.activity, new Date(e.time).toISOString(), e.channel ?? '', e.org ?? '']
        .map(q)
        .join(delimiter),
    );
  return `${lines.join('\n')}\n`;
}

/** The obvious, slow directly-follows graph: sort each case by (time, file position), count pairs. */
export function naiveAnalysis(events: readonly SimpleEvent[]): {
  edges: Map<string, number[]>;
  variants: Map<string, number>;
  durations: number[];
  starts: Map<string, number>;
} {
  const byCase = new Map<string, { e: SimpleEvent; i: number }[]>();
  events.forEach((e, i) => {
    const list = byCase.get(e.case) ?? [];
    list.push({ e, i });
    byCase.set(e.case, list);
  });
  const edges = new Map<string, number[]>();
  const variants = new Map<string, number>();
  const starts = new Map<string, number>();
  const durations: number[] = [];
  for (const list of byCase.values()) {
    list.sort((a, b) => a.e.time - b.e.time || a.i - b.i);
    for (let k = 0; k + 1 < list.length; k++) {
      const key = `${list[k]?.e.activity}→${list[k + 1]?.e.activity}`;
      const gaps = edges.get(key) ?? [];
      gaps.push(((list[k + 1]?.e.time ?? 0) - (list[k]?.e.time ?? 0)) / 1000);
      edges.set(key, gaps);
    }
    const v = list.map((x) => x.e.activity).join('→');
    variants.set(v, (variants.get(v) ?? 0) + 1);
    const s = list[0]?.e.activity as string;
    starts.set(s, (starts.get(s) ?? 0) + 1);
    durations.push(((list[list.length - 1]?.e.time ?? 0) - (list[0]?.e.time ?? 0)) / 1000);
  }
  return { edges, variants, durations, starts };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** The ImportError an import fails with (a different error, or none, fails the test). */
export async function refusal(p: Promise<unknown>): Promise<ImportError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected the log to be refused');
}

/**
 * A temporary folder for a test file's logs: `file(name, bytes)` writes one (its name numbered, so names may
 * repeat) and returns its path; `remove` deletes the folder (give it to afterAll).
 */
export function tempLogs(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let n = 0;
  const file = (name: string, bytes: Uint8Array | string): string => {
    const path = join(dir, `${n++}-${name}`);
    writeFileSync(path, bytes);
    return path;
  };
  return { dir, file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
