/**
 * A deterministic synthetic council contact log: report → (transfer) → assess → chases, repeats,
 * visits, silences → close, across channels and teams, with cases interleaved as in a CRM export.
 * Writes CSV or XES.gz. Usage: tsx scripts/generate-log.ts <events> <out.csv|out.xes.gz> [seed]
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGzip, constants } from 'node:zlib';
import { pathToFileURL } from 'node:url';

export interface GenerateOptions {
  readonly events: number;
  readonly seed?: number;
  /** Mean events per case (default 9; about 3.7 gives the road-fines shape of 150k cases / 560k events). */
  readonly meanEventsPerCase?: number;
  /** Cases in progress at once: the file interleaves their events (default 2000). */
  readonly openCases?: number;
}

export interface GeneratedEvent {
  readonly caseId: string;
  readonly activity: string;
  readonly time: number;
  readonly channel: string;
  readonly team: string;
  readonly outcome: string;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const services = ['Waste', 'Housing repairs', 'Council tax', 'Highways', 'Environmental health'];
const firstChannels: readonly [string, number][] = [
  ['Phone', 0.5],
  ['Web', 0.3],
  ['Face to face', 0.1],
  ['Email', 0.1],
];
const middle: readonly [string, number, string][] = [
  // activity, weight, channel ('' = back office)
  ['Assess request', 0.25, ''],
  ['Chase progress', 0.2, 'Phone'],
  ['Chase progress online', 0.08, 'Web'],
  ['Request more information', 0.08, 'Letter'],
  ['Resupply information', 0.07, 'Email'],
  ['Transfer to service team', 0.08, 'Phone'],
  ['Site visit', 0.12, ''],
  ['Contractor works', 0.07, ''],
  ['Report again', 0.05, 'Phone'],
];

function pick<T extends readonly unknown[]>(rnd: () => number, items: readonly T[]): T {
  let r = rnd();
  for (const it of items) {
    r -= it[1] as number;
    if (r <= 0) return it;
  }
  return items[items.length - 1] as T;
}

interface OpenCase {
  id: string;
  team: string;
  service: string;
  time: number;
  remaining: number;
  step: number;
}

/** Yields events in file order: cases interleave; within a case time never decreases. */
export function* generateEvents(options: GenerateOptions): Generator<GeneratedEvent> {
  const rnd = mulberry32(options.seed ?? 2024);
  const mean = options.meanEventsPerCase ?? 9;
  const open: OpenCase[] = [];
  const target = options.openCases ?? 2000;
  let nextCase = 0;
  let clock = Date.UTC(2023, 3, 1, 8);
  let produced = 0;
  const newCase = (): OpenCase => {
    clock += Math.floor(rnd() * 40_000);
    const service = services[Math.floor(rnd() * services.length)] as string;
    // lengths: 2 + geometric, so the mean is about `mean`
    let remaining = 2;
    const p = 1 / Math.max(1, mean - 1);
    while (rnd() > p && remaining < 200) remaining++;
    return {
      id: `CRM-${String(nextCase++).padStart(8, '0')}`,
      team: 'Contact centre',
      service,
      time: clock,
      remaining,
      step: 0,
    };
  };
  while (produced < options.events) {
    while (open.length < target) open.push(newCase());
    const i = Math.floor(rnd() * open.length);
    const c = open[i] as OpenCase;
    let activity: string;
    let channel: string;
    let outcome = '';
    if (c.step === 0) {
      activity = `Report ${c.service.toLowerCase()} problem`;
      channel = pick(rnd, firstChannels)[0];
      outcome = rnd() < 0.15 ? 'resolved' : 'logged';
    } else if (c.remaining === 1) {
      activity = 'Close case';
      channel = rnd() < 0.5 ? 'Letter' : 'Email';
      outcome = 'resolved';
      c.team = c.service;
    } else {
      const m = pick(rnd, middle);
      activity = m[0];
      channel = m[2];
      if (activity === 'Transfer to service team' || activity === 'Assess request') c.team = c.service;
      else if (activity === 'Contractor works') c.team = 'Contractor';
      else if (channel === 'Phone' && rnd() < 0.7) c.team = 'Contact centre';
    }
    yield { caseId: c.id, activity, time: c.time, channel, team: c.team, outcome };
    produced++;
    c.step++;
    c.remaining--;
    // gaps: minutes to weeks; one step in ten is a long silence; some steps share a timestamp
    const r = rnd();
    c.time +=
      r < 0.05
        ? 0
        : r < 0.9
          ? Math.floor(rnd() * 3 * 86_400_000)
          : Math.floor((10 + rnd() * 40) * 86_400_000);
    if (c.remaining === 0) {
      open[i] = open[open.length - 1] as OpenCase;
      open.pop();
    }
  }
}

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
const xmlEscape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

async function write(out: WriteStream | ReturnType<typeof createGzip>, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

export async function writeCsv(path: string, options: GenerateOptions): Promise<void> {
  const out = createWriteStream(path);
  let buf = 'case_id,activity,timestamp,channel,team,outcome\n';
  for (const e of generateEvents(options)) {
    buf += `${e.caseId},${e.activity},${iso(e.time)},${e.channel},${e.team},${e.outcome}\n`;
    if (buf.length > 1 << 20) {
      await write(out, buf);
      buf = '';
    }
  }
  await write(out, buf);
  out.end();
  await once(out, 'finish');
}

/** XES needs each trace's events together: cases are collected while open and written when they close. */
export async function writeXesGz(path: string, options: GenerateOptions): Promise<void> {
  const file = createWriteStream(path);
  const gz = createGzip({ level: constants.Z_BEST_SPEED });
  gz.pipe(file);
  await write(
    gz,
    '<?xml version="1.0" encoding="UTF-8" ?>\n<log xes.version="1.0" xes.features="nested-attributes" xmlns="http://www.xes-standard.org/">\n\t<extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>\n\t<extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>\n\t<extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>\n\t<extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>\n\t<classifier name="Activity" keys="concept:name"/>\n',
  );
  const open = new Map<string, string[]>();
  let buf = '';
  for (const e of generateEvents(options)) {
    let parts = open.get(e.caseId);
    if (!parts) open.set(e.caseId, (parts = []));
    parts.push(
      `\t\t<event>\n\t\t\t<string key="concept:name" value="${xmlEscape(e.activity)}"/>\n\t\t\t<string key="lifecycle:transition" value="complete"/>\n\t\t\t<date key="time:timestamp" value="${new Date(e.time).toISOString().replace('Z', '+00:00')}"/>\n\t\t\t<string key="org:group" value="${xmlEscape(e.team)}"/>\n${e.channel ? `\t\t\t<string key="channel" value="${e.channel}"/>\n` : ''}\t\t</event>\n`,
    );
    if (e.activity === 'Close case') {
      buf += `\t<trace>\n\t\t<string key="concept:name" value="${e.caseId}"/>\n${parts.join('')}\t</trace>\n`;
      open.delete(e.caseId);
      if (buf.length > 1 << 20) {
        await write(gz, buf);
        buf = '';
      }
    }
  }
  for (const [id, parts] of open)
    buf += `\t<trace>\n\t\t<string key="concept:name" value="${id}"/>\n${parts.join('')}\t</trace>\n`;
  await write(gz, `${buf}</log>\n`);
  gz.end();
  await once(file, 'finish');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [events, path, seed] = process.argv.slice(2);
  if (!events || !path) {
    console.error('usage: tsx scripts/generate-log.ts <events> <out.csv|out.xes.gz> [seed]');
    process.exit(2);
  }
  const options = {
    events: Number(events),
    seed: seed ? Number(seed) : 2024,
    ...(path.endsWith('.xes.gz') ? { meanEventsPerCase: 3.75 } : {}),
  };
  await (path.endsWith('.xes.gz') ? writeXesGz(path, options) : writeCsv(path, options));
}
