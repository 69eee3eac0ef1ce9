import type { Card, Channel, Column, Journey, MetricKind } from '@waymark/core';
import type { CostTable } from '../channel-costs';
import { roundHalfAway } from '../money';
import { countHandOffs, type HandOffCount } from '../hand-offs';

/** The figures of one step, read from its metric cards, touchpoints, baton changes and emotion scores. */
export interface StepFigures {
  readonly contacts: number;
  readonly avoidableContacts: number;
  readonly elapsedDays: number;
  readonly waitDays: number;
  readonly handlingMinutes: number;
  readonly handOffs: number;
  /** Pounds per journey at this step; null when no cost could be worked out. */
  readonly cost: number | null;
  /** Mean of the step's emotion scores (all personas and respondents); null when none. */
  readonly emotion: number | null;
  readonly momentsOfTruth: readonly string[];
  readonly painPoints: number;
  /** Channels whose contacts had no cost in the table (said in reports, never silently zero). */
  readonly uncostedChannels: readonly Channel[];
}

/** Core channel ids that the cost tables name differently. */
const costChannel: Partial<Record<Channel, string>> = { letter: 'post' };

const sumMetric = (cards: readonly Card[], metric: MetricKind): number | null => {
  const values = cards.flatMap((c) => (c.kind === 'metric' && c.metric === metric ? [c.value] : []));
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
};

export function stepFigures(
  journey: Journey,
  column: Column,
  table: CostTable,
  handOffs: HandOffCount = countHandOffs(journey),
): StepFigures {
  const cards = journey.cards.filter((c) => c.columnId === column.id);
  const touchpoints = cards.flatMap((c) =>
    c.kind === 'touchpoint' && c.direction !== 'internal' ? [c] : [],
  );
  const contactsOf = (t: (typeof touchpoints)[number]) => t.contacts ?? 1;

  const contacts = sumMetric(cards, 'contacts') ?? touchpoints.reduce((n, t) => n + contactsOf(t), 0);
  const categorised = touchpoints.filter((t) => t.avoidableCategory !== undefined);
  const avoidablePercent = sumMetric(cards, 'avoidable-percent');
  const avoidableContacts =
    categorised.length > 0
      ? categorised.reduce((n, t) => n + contactsOf(t), 0)
      : avoidablePercent !== null
        ? (contacts * avoidablePercent) / 100
        : 0;

  const unitCost = sumMetric(cards, 'unit-cost');
  const uncosted = new Set<Channel>();
  let cost: number | null = null;
  if (unitCost !== null) cost = unitCost * Math.max(contacts, 1);
  else if (touchpoints.length > 0) {
    cost = 0;
    for (const t of touchpoints) {
      const price = table.perContact[costChannel[t.channel] ?? t.channel];
      if (price === undefined) uncosted.add(t.channel);
      else cost += price * contactsOf(t);
    }
    if (uncosted.size === touchpoints.length) cost = null;
  }

  const scores = cards.flatMap((c) => (c.kind === 'emotion' ? [c.score] : []));
  return {
    contacts,
    avoidableContacts,
    elapsedDays: sumMetric(cards, 'elapsed-days') ?? column.durationDays ?? 0,
    waitDays: sumMetric(cards, 'wait-days') ?? column.waitDays ?? 0,
    handlingMinutes:
      sumMetric(cards, 'handling-minutes') ?? touchpoints.reduce((n, t) => n + (t.handlingMinutes ?? 0), 0),
    // one definition, counted once per step boundary (hand-offs.ts); a typed metric card is not added to it
    handOffs: handOffs.perStep[column.id] ?? 0,
    // Exact to the penny: 5.81, never 5.8100000000000005 (issue 13 item 2).
    cost: cost === null ? null : roundHalfAway(cost, 2),
    emotion: scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length,
    momentsOfTruth: cards.flatMap((c) => (c.kind === 'moment-of-truth' ? [c.text] : [])),
    painPoints: cards.filter((c) => c.kind === 'pain-point').length,
    uncostedChannels: [...uncosted].sort(),
  };
}
