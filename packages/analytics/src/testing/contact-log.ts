/**
 * Deterministic synthetic contact logs: cases open, interleave as in a CRM export, pass through a
 * scenario's activities across channels and teams, with chases, repeats and long silences, and close.
 * Used by `scripts/generate-log.ts` (the benchmark's council log) and the demo workspace (a change of
 * address across housing, council tax and benefits).
 */
import { seeded } from './fixtures';

export interface GenerateOptions {
  readonly events: number;
  readonly seed?: number;
  /** Mean events per case (default 9; about 3.7 gives the road-fines shape of 150k cases / 560k events). */
  readonly meanEventsPerCase?: number;
  /** Cases in progress at once: the file interleaves their events (default 2000). */
  readonly openCases?: number;
  /** When the first case opens (epoch ms; default 2023-04-01 08:00 UTC). */
  readonly startMs?: number;
  readonly scenario?: Scenario;
}

export interface GeneratedEvent {
  readonly caseId: string;
  readonly activity: string;
  readonly time: number;
  readonly channel: string;
  readonly team: string;
  readonly outcome: string;
}

/** What happens in a case: its opening contact, the steps in the middle (weighted) and its close. */
export interface Scenario {
  readonly services: readonly string[];
  readonly caseIdPrefix: string;
  readonly firstTeam: string;
  readonly opening: (service: string) => string;
  readonly firstChannels: readonly (readonly [string, number])[];
  /** activity, weight, channel ('' = back office), team ('' = the case's service, '=' = unchanged). */
  readonly middle: readonly (readonly [string, number, string, string])[];
  readonly closing: string;
  readonly closingChannels: readonly [string, string];
  /**
   * The main path, in order (activity, channel, team as in `middle`): when given, each middle event is the
   * case's next main step, or with probability `sideShare` one of `middle` (chases, requests for information),
   * so the process has a shape instead of a random order.
   */
  readonly mainPath?: readonly (readonly [string, string, string])[];
  /** Cases open up to this many milliseconds apart (default 40 s: a busy contact centre). */
  readonly caseGapMs?: number;
  readonly sideShare?: number;
}

/** The benchmark's council log: reports of problems to five services. */
export const councilScenario: Scenario = {
  services: ['Waste', 'Housing repairs', 'Council tax', 'Highways', 'Environmental health'],
  caseIdPrefix: 'CRM-',
  firstTeam: 'Contact centre',
  opening: (service) => `Report ${service.toLowerCase()} problem`,
  firstChannels: [
    ['Phone', 0.5],
    ['Web', 0.3],
    ['Face to face', 0.1],
    ['Email', 0.1],
  ],
  middle: [
    ['Assess request', 0.25, '', ''],
    ['Chase progress', 0.2, 'Phone', '='],
    ['Chase progress online', 0.08, 'Web', '='],
    ['Request more information', 0.08, 'Letter', '='],
    ['Resupply information', 0.07, 'Email', '='],
    ['Transfer to service team', 0.08, 'Phone', ''],
    ['Site visit', 0.12, '', '='],
    ['Contractor works', 0.07, '', 'Contractor'],
    ['Report again', 0.05, 'Phone', '='],
  ],
  closing: 'Close case',
  closingChannels: ['Letter', 'Email'],
};

/** The demo: one change of address that touches council tax, housing and housing benefit (examples/). */
export const changeOfAddressScenario: Scenario = {
  services: ['Housing benefit'],
  caseIdPrefix: 'COA-',
  firstTeam: 'Customer services',
  opening: () => 'Report change of address',
  firstChannels: [
    ['Web', 0.55],
    ['Phone', 0.35],
    ['Face to face', 0.1],
  ],
  mainPath: [
    ['Update council tax account', '', 'Revenues'],
    ['Update tenancy record', '', 'Housing'],
    ['Review housing benefit', '', ''],
    ['Verify entitlement with DWP', '', 'DWP'],
    ['Send decision letters', 'Letter', ''],
  ],
  sideShare: 0.35,
  // a move every five hours or so: the demo's 12,000 events span about a year of cases
  caseGapMs: 10 * 3_600_000,
  middle: [
    ['Request more information', 0.3, 'Letter', '='],
    ['Resupply information', 0.25, 'Email', '='],
    ['Chase progress', 0.45, 'Phone', 'Customer services'],
  ],
  closing: 'Follow-up call',
  closingChannels: ['Phone', 'Email'],
};

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
  /** The next step of the scenario's main path. */
  main: number;
}

/** Yields events in file order: cases interleave; within a case time never decreases. */
export function* generateEvents(options: GenerateOptions): Generator<GeneratedEvent> {
  const s = options.scenario ?? councilScenario;
  const rnd = seeded(options.seed ?? 2024);
  const mean = options.meanEventsPerCase ?? 9;
  const open: OpenCase[] = [];
  const target = options.openCases ?? 2000;
  let nextCase = 0;
  let clock = options.startMs ?? Date.UTC(2023, 3, 1, 8);
  let produced = 0;
  const newCase = (): OpenCase => {
    clock += Math.floor(rnd() * (s.caseGapMs ?? 40_000));
    const service = s.services[Math.floor(rnd() * s.services.length)] as string;
    // lengths: 2 + geometric, so the mean is about `mean`
    let remaining = 2;
    const p = 1 / Math.max(1, mean - 1);
    while (rnd() > p && remaining < 200) remaining++;
    const id = `${s.caseIdPrefix}${String(nextCase++).padStart(8, '0')}`;
    return { id, team: s.firstTeam, service, time: clock, remaining, step: 0, main: 0 };
  };
  while (produced < options.events) {
    while (open.length < target) open.push(newCase());
    const i = Math.floor(rnd() * open.length);
    const c = open[i] as OpenCase;
    let activity: string;
    let channel: string;
    let outcome = '';
    if (c.step === 0) {
      activity = s.opening(c.service);
      channel = pick(rnd, s.firstChannels)[0];
      outcome = rnd() < 0.15 ? 'resolved' : 'logged';
    } else if (c.remaining === 1) {
      activity = s.closing;
      channel = rnd() < 0.5 ? s.closingChannels[0] : s.closingChannels[1];
      outcome = 'resolved';
      c.team = c.service;
    } else {
      const main = s.mainPath?.[c.main];
      let m: readonly [string, number, string, string];
      if (main && rnd() >= (s.sideShare ?? 0)) {
        m = [main[0], 1, main[1], main[2]];
        c.main++;
      } else m = pick(rnd, s.middle);
      activity = m[0];
      channel = m[2];
      if (m[3] === '') c.team = c.service;
      else if (m[3] !== '=') c.team = m[3];
      else if (channel === 'Phone' && rnd() < 0.7) c.team = s.firstTeam;
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

/** The CSV header and line of each event, as `scripts/generate-log.ts` writes them. */
export const csvHeader = 'case_id,activity,timestamp,channel,team,outcome\n';
export const csvLine = (e: GeneratedEvent): string =>
  `${e.caseId},${e.activity},${iso(e.time)},${e.channel},${e.team},${e.outcome}\n`;

/** A whole small log as CSV text (for tests and the demo; large logs are streamed by the script). */
export function contactLogCsv(options: GenerateOptions): string {
  let out = csvHeader;
  for (const e of generateEvents(options)) out += csvLine(e);
  return out;
}
