import { parseJourney, type Journey, type Problem, type Result } from '@waymark/core';
import type { Analysis } from '../analyse';
import { costChannelOf } from '../metrics/channel-costs';
import { profileActivities, type ActivityProfile } from './activity-profile';

export interface DeriveOptions {
  /** The new journey's id (the caller mints ids). */
  readonly id: string;
  readonly title: string;
  /** At most this many steps (default 10): the activities found in the most cases. */
  readonly maxSteps?: number;
  /** Steps need to appear in at least this share of cases (default 0.05). */
  readonly minShare?: number;
  /** A median wait before a step longer than this many days is marked as a silence (default 14). */
  readonly silenceDays?: number;
  /** Name of the log, for the evidence source. */
  readonly source?: string;
  /** ISO date of the extract, for the evidence source. */
  readonly date?: string;
}

const coreChannel = {
  'face-to-face': 'face-to-face',
  telephone: 'telephone',
  web: 'web',
  email: 'email',
  post: 'letter',
} as const;

/** Readable, unique ids from names ("Report missed bin" → "report-missed-bin"). */
function idMaker(): (name: string, prefix: string) => string {
  const used = new Set<string>();
  return (name, prefix) => {
    const base = `${prefix}-${
      name
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'x'
    }`.slice(0, 70);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
}

/**
 * A current-journey map drafted from a log: the activities found in the most cases become steps,
 * ordered by where they usually fall in a case; each step carries its usual channel (touchpoint),
 * owner, measured contacts per journey and wait; owner changes between steps become baton changes;
 * long waits and frequent repeats become pain points. Every figure is marked as from a log.
 * The result is checked by the journey schema and invariants (`parseJourney`).
 */
export function deriveJourney(analysis: Analysis, options: DeriveOptions): Result<Journey, Problem[]> {
  const cases = analysis.cases.cases;
  const profiles = profileActivities(analysis.index)
    .filter((p) => p.cases >= Math.max(1, (options.minShare ?? 0.05) * cases))
    .sort((a, b) => b.cases - a.cases || (a.activity < b.activity ? -1 : 1))
    .slice(0, options.maxSteps ?? 10)
    .sort((a, b) => a.position - b.position || b.cases - a.cases);
  const makeId = idMaker();
  const orgIds = new Map<string, string>();
  for (const p of profiles)
    if (p.org !== undefined && !orgIds.has(p.org)) orgIds.set(p.org, makeId(p.org, 'org'));
  const columns = profiles.map((p) => ({ p, id: makeId(p.activity, 'step') }));
  const rework = new Map(analysis.rework.byActivity.map((r) => [r.activity, r.cases]));
  const cards: Record<string, unknown>[] = [];
  const card = (lane: string, columnId: string, body: Record<string, unknown>): void => {
    cards.push({ id: `${lane}-${columnId}`.slice(0, 80), laneId: lane, columnId, sourceId: 'log', ...body });
  };
  columns.forEach(({ p, id }, i) => {
    card('steps', id, { kind: 'step', text: p.activity });
    const channel = p.channel === undefined ? undefined : costChannelOf(p.channel);
    if (channel !== undefined)
      card('touchpoints', id, {
        kind: 'touchpoint',
        text: `${p.activity} (${p.channel})`,
        channel: coreChannel[channel],
        contacts: Math.round(p.occurrences),
      });
    card('contacts', id, {
      kind: 'metric',
      metric: 'contacts',
      value: round(p.occurrences / p.cases),
      origin: 'log',
      note: `per case where it happens (${p.cases} of ${cases} cases)`,
    });
    if (p.waitDays !== undefined)
      card('waits', id, {
        kind: 'metric',
        metric: 'wait-days',
        value: round(p.waitDays),
        origin: 'log',
        note: 'median wait since the previous event',
      });
    const prev = columns[i - 1]?.p;
    if (prev?.org !== undefined && p.org !== undefined && prev.org !== p.org) {
      card('batons', id, { kind: 'baton-change', from: orgIds.get(prev.org), to: orgIds.get(p.org) });
    }
    const pain = painPoint(p, rework.get(p.activity) ?? 0, options.silenceDays ?? 14);
    if (pain) card('pains', id, { kind: 'pain-point', ...pain });
  });
  const d = analysis.cases;
  return parseJourney({
    schemaVersion: 2,
    id: options.id,
    meta: {
      title: options.title,
      journeyType: 'current',
      scope: `Derived from an event log: ${cases} cases, ${d.events} events${options.source ? ` (${options.source})` : ''}. Median end-to-end time ${round((d.durationSeconds.median || 0) / 86_400)} days; contacts per journey ${round(analysis.avoidable.contactsPerJourney)}; avoidable contact ${round(analysis.avoidable.ni14Percent)} %.`,
      tags: ['derived-from-log'],
    },
    organisations: [...orgIds].map(([name, id]) => ({ id, name, kind: 'team' })),
    sources: [
      {
        id: 'log',
        kind: 'crm-extract',
        title: options.source ?? 'Event log',
        ...(options.date ? { date: options.date } : {}),
      },
    ],
    columns: columns.map(({ p, id }) => ({
      id,
      label: p.activity,
      ...(p.org !== undefined ? { ownerId: orgIds.get(p.org) } : {}),
      ...(p.waitDays !== undefined ? { waitDays: round(p.waitDays) } : {}),
    })),
    lanes: [
      { id: 'steps', kind: 'step', label: 'Key journey steps' },
      { id: 'touchpoints', kind: 'touchpoint', label: 'Touchpoints' },
      { id: 'contacts', kind: 'metric', label: 'Contacts per case' },
      { id: 'waits', kind: 'metric', label: 'Wait before the step (days)' },
      { id: 'batons', kind: 'baton-change', label: 'Baton changes' },
      { id: 'pains', kind: 'pain-point', label: 'Pain points' },
    ],
    cards,
  });
}

function painPoint(
  p: ActivityProfile,
  casesWithRepeat: number,
  silenceDays: number,
): { text: string; type: string } | undefined {
  if (p.waitDays !== undefined && p.waitDays > silenceDays)
    return {
      text: `Median ${round(p.waitDays)} days with nothing happening before "${p.activity}"`,
      type: 'silence',
    };
  if (casesWithRepeat >= 0.1 * p.cases)
    return {
      text: `"${p.activity}" happens more than once in ${casesWithRepeat} of ${p.cases} cases`,
      type: 'repeat',
    };
  return undefined;
}

const round = (x: number): number => (Number.isFinite(x) ? Math.round(x * 100) / 100 : 0);
