import type { ColumnId, Journey } from '@waymark/core';

/**
 * ONE definition of a hand-off (docs/worked-checks/hand-offs.md; domain.md §10): the work passes from one
 * owner (team or organisation) to another between consecutive steps of the customer's journey. Baton-change
 * cards, hand-off arrows and a change of a step's owner are evidence of the same event, counted once per step
 * boundary. A "hand-offs" metric card typed by a person states the figure again: it is compared with the
 * count, never added to it. Metric cards measured from an attached log (origin "log") replace the map's count:
 * then the figure comes from the log, and says so.
 */
export type HandOffEvidence = 'owner-change' | 'baton-change' | 'hand-off-link';
export type HandOffSource = 'map' | 'log';

export interface MapHandOff {
  /** The step the work passes into: the boundary is between it and the step before. */
  readonly columnId: ColumnId;
  readonly from: string | null;
  readonly to: string | null;
  readonly evidence: readonly HandOffEvidence[];
}

export interface HandOffCount {
  /** Hand-offs per journey: from the map, or from the log when a log's measured cards are on the map. */
  readonly count: number;
  readonly source: HandOffSource;
  /** Hand-offs into each step (per journey); steps with none are left out. */
  readonly perStep: Readonly<Record<string, number>>;
  /** The hand-offs the map shows, one per step boundary, with the evidence for each. */
  readonly map: readonly MapHandOff[];
  /** What "hand-offs" metric cards typed by a person say (null when none): a figure to compare, not to add. */
  readonly stated: number | null;
}

interface Boundary {
  from: string | null;
  to: string | null;
  evidence: Set<HandOffEvidence>;
}

/** The owner of each step, carried forward over steps with none (a gap on the map is not a hand-off). */
function ownersOf(journey: Journey): (string | null)[] {
  let last: string | null = null;
  return journey.columns.map((c) => (last = c.ownerId ?? last));
}

/** Counts a journey's hand-offs by the one definition; see the module comment. Pure. */
export function countHandOffs(journey: Journey): HandOffCount {
  const cols = journey.columns;
  const at = new Map(cols.map((c, i) => [c.id as string, i]));
  const owner = ownersOf(journey);
  const boundaries = new Map<number, Boundary>();
  const mark = (i: number, from: string | null, to: string | null, e: HandOffEvidence) => {
    const b = boundaries.get(i) ?? { from, to, evidence: new Set<HandOffEvidence>() };
    b.from ??= from;
    b.to ??= to;
    b.evidence.add(e);
    boundaries.set(i, b);
  };
  for (let i = 1; i < cols.length; i++) {
    const a = owner[i - 1] ?? null;
    const b = owner[i] ?? null;
    if (a !== null && b !== null && a !== b) mark(i, a, b, 'owner-change');
  }
  for (const card of journey.cards) {
    if (card.kind !== 'baton-change' || card.from === card.to) continue;
    const i = at.get(card.columnId);
    if (i === undefined) continue;
    // drawn on the step the work leaves, or on the one it enters: the same boundary either way
    const leaves = owner[i] === card.from && owner[i + 1] === card.to && i + 1 < cols.length;
    mark(leaves ? i + 1 : i, card.from, card.to, 'baton-change');
  }
  for (const link of journey.links) {
    if (link.kind !== 'hand-off') continue;
    const f = at.get(link.from.columnId);
    if (f === undefined) continue;
    const from = owner[f] ?? null;
    if (link.to.kind === 'column') {
      const t = at.get(link.to.columnId);
      if (t === undefined) continue;
      const to = owner[t] ?? null;
      if (from !== null && from === to) continue;
      // into the target step when it comes later; otherwise the boundary out of the step it starts from
      mark(t > f ? t : Math.min(f + 1, cols.length - 1), from, to, 'hand-off-link');
    } else if (link.to.kind === 'organisation') {
      if (from === link.to.organisationId) continue;
      mark(Math.min(f + 1, cols.length - 1), from, link.to.organisationId, 'hand-off-link');
    }
  }
  const map = [...boundaries.entries()]
    .sort(([a], [b]) => a - b)
    .map(([i, b]) => ({
      columnId: cols[i]!.id,
      from: b.from,
      to: b.to,
      evidence: [...b.evidence].sort(),
    }));

  const logCards = journey.cards.flatMap((c) =>
    c.kind === 'metric' && c.metric === 'hand-offs' && c.origin === 'log' ? [c] : [],
  );
  const statedCards = journey.cards.flatMap((c) =>
    c.kind === 'metric' && c.metric === 'hand-offs' && c.origin !== 'log' ? [c] : [],
  );
  const stated = statedCards.length === 0 ? null : statedCards.reduce((n, c) => n + c.value, 0);
  const perStep: Record<string, number> = {};
  if (logCards.length > 0) {
    for (const c of logCards) perStep[c.columnId] = (perStep[c.columnId] ?? 0) + c.value;
    const count = logCards.reduce((n, c) => n + c.value, 0);
    return { count, source: 'log', perStep, map, stated };
  }
  for (const h of map) perStep[h.columnId] = (perStep[h.columnId] ?? 0) + 1;
  return { count: map.length, source: 'map', perStep, map, stated };
}
