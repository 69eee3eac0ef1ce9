import { textIn, type ContentLanguage, type Journey } from '@waymark/core';
import {
  costTables,
  defaultCostTableId,
  indicatorStatus,
  poundsToPence,
  roundHalfAway,
  stepFigures,
  tableBasis,
  type CostBasis,
  type CostTable,
  type IndicatorStatus,
} from '@waymark/measure';
import type { SearchEntry } from '@waymark/store';

/** Pain across one stage of a journey: for the portfolio's heat map. */
export interface StagePain {
  readonly name: string;
  readonly painPoints: number;
  /** The lowest mean emotion of the stage's steps, −100…100; null when none was scored. */
  readonly lowestEmotion: number | null;
}

/**
 * A journey's headline figures, computed once per version (decision 0035) and kept in journey_summaries.
 * Figures follow domain.md: contacts and days per journey, avoidable contact (NI14) share, cost per journey
 * from the channel cost table, the lowest emotion and the step where it is.
 */
export interface JourneyHeadline {
  readonly steps: number;
  readonly cards: number;
  readonly lowest: { readonly columnId: string; readonly label: string; readonly score: number } | null;
  readonly contacts: number;
  readonly avoidableContacts: number;
  /** Avoidable contacts as a percentage of contacts, one decimal; null with no contacts. */
  readonly avoidablePercent: number | null;
  readonly elapsedDays: number;
  /** Whole pence per journey; null when no step could be costed. */
  readonly costPence: number | null;
  readonly handOffs: number;
  readonly painPoints: number;
  readonly stages: readonly StagePain[];
  readonly service: string | null;
  readonly organisations: readonly string[];
  readonly lastVerified: string | null;
  /** The newest date of the map's survey or CRM-extract sources, if any is dated. */
  readonly newestEvidenceDate: string | null;
  /**
   * What each step's cost is worked out from, so the portfolio costs it with the workspace's own cost model at
   * request time (issue 13's models; decision 0039) without reading the journey again. Format 2 on. The store
   * lists summaries without their `detail` (it is large); the portfolio keeps it in memory per journey version.
   */
  readonly detail?: { readonly costInputs: readonly StepCostInput[] };
}

/**
 * One step's cost arithmetic as `stepFigures` does it: a unit-cost metric times the contacts (`u`, pounds), or
 * each external touchpoint's channel and contacts (`t`), costed by the table's price for the channel.
 */
export interface StepCostInput {
  readonly u?: number;
  readonly t?: readonly (readonly [channel: string, contacts: number])[];
}

/**
 * The format of what `summariseJourney` keeps: a stored summary of an older format is stale and recomputed
 * (migration 025). 2: `costInputs` added.
 */
export const SUMMARY_FORMAT = 2;

/** Core channel ids that the cost tables name differently (as in measure's stepFigures). */
const costChannel: Readonly<Record<string, string>> = { letter: 'post' };

/** What `stepFigures` costs the step `columnId` from. Pure. */
function stepCostInput(journey: Journey, columnId: string): StepCostInput {
  const cards = journey.cards.filter((c) => c.columnId === columnId);
  const touchpoints = cards.flatMap((c) =>
    c.kind === 'touchpoint' && c.direction !== 'internal' ? [c] : [],
  );
  const metric = (name: string) => {
    const values = cards.flatMap((c) => (c.kind === 'metric' && c.metric === name ? [c.value] : []));
    return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
  };
  const unitCost = metric('unit-cost');
  if (unitCost !== null) {
    const contacts = metric('contacts') ?? touchpoints.reduce((n, t) => n + (t.contacts ?? 1), 0);
    return { u: unitCost * Math.max(contacts, 1) };
  }
  return touchpoints.length === 0 ? {} : { t: touchpoints.map((t) => [t.channel, t.contacts ?? 1] as const) };
}

/**
 * The cost per journey, in whole pence, of steps costed with `table`: the same arithmetic as `stepFigures` (each
 * step rounded to the penny, then summed); null when no step could be costed. Pure.
 */
export function costWith(inputs: readonly StepCostInput[], table: CostTable): number | null {
  let total: number | null = null;
  for (const step of inputs) {
    let cost: number | null = null;
    if (step.u !== undefined) cost = step.u;
    else if (step.t !== undefined && step.t.length > 0) {
      cost = 0;
      const uncosted = new Set<string>();
      for (const [channel, contacts] of step.t) {
        const price = table.perContact[costChannel[channel] ?? channel];
        if (price === undefined) uncosted.add(channel);
        else cost += price * contacts;
      }
      if (uncosted.size === step.t.length) cost = null;
    }
    if (cost !== null) total = (total ?? 0) + roundHalfAway(cost, 2);
  }
  return total === null ? null : poundsToPence(total);
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export const summaryTable = costTables.find((t) => t.id === defaultCostTableId)!;

/** Which model and price base every summary's cost per journey uses (said beside it: issue 13 item 2). */
export const summaryCostBasis: CostBasis = tableBasis(summaryTable);

/** The headline figures of `journey` as it stands. Pure. */
export function summariseJourney(journey: Journey): JourneyHeadline {
  const table = summaryTable;
  const steps = journey.columns.map((c) => ({ c, f: stepFigures(journey, c, table) }));
  let contacts = 0;
  let avoidable = 0;
  let days = 0;
  let handOffs = 0;
  let pain = 0;
  let cost: number | null = null;
  let lowest: JourneyHeadline['lowest'] = null;
  for (const { c, f } of steps) {
    contacts += f.contacts;
    avoidable += f.avoidableContacts;
    days += f.elapsedDays;
    handOffs += f.handOffs;
    pain += f.painPoints;
    if (f.cost !== null) cost = (cost ?? 0) + f.cost;
    if (f.emotion !== null && (lowest === null || f.emotion < lowest.score))
      lowest = { columnId: c.id, label: c.label, score: round1(f.emotion) };
  }
  const stageOf = new Map(journey.stages.map((s) => [s.id, s.name]));
  const stages: StagePain[] = [];
  for (const { c, f } of steps) {
    const name = (c.stageId && stageOf.get(c.stageId)) ?? '';
    let last = stages.at(-1);
    if (!last || last.name !== name) {
      last = { name, painPoints: 0, lowestEmotion: null };
      stages.push(last);
    }
    const emotion = f.emotion === null ? null : round1(f.emotion);
    stages[stages.length - 1] = {
      name,
      painPoints: last.painPoints + f.painPoints,
      lowestEmotion:
        emotion === null
          ? last.lowestEmotion
          : last.lowestEmotion === null
            ? emotion
            : Math.min(last.lowestEmotion, emotion),
    };
  }
  const dated = journey.sources
    .filter((s) => (s.kind === 'survey' || s.kind === 'crm-extract') && s.date !== undefined)
    .map((s) => s.date!)
    .sort();
  const meta = journey.meta;
  return {
    steps: journey.columns.length,
    cards: journey.cards.length,
    lowest,
    contacts: round1(contacts),
    avoidableContacts: round1(avoidable),
    avoidablePercent: contacts > 0 ? round1((avoidable / contacts) * 100) : null,
    elapsedDays: round1(days),
    costPence: cost === null ? null : poundsToPence(cost),
    handOffs,
    painPoints: pain,
    stages,
    service: meta.service ?? null,
    organisations: journey.organisations.map((o) => o.name),
    lastVerified: journey.meta.lastVerified ?? null,
    newestEvidenceDate: dated.at(-1) ?? null,
    detail: { costInputs: journey.columns.map((c) => stepCostInput(journey, c.id)) },
  };
}

const cardFields = ['text', 'description', 'why'] as const;

/**
 * The searchable text of `journey`: its title, stages, steps and cards (feeling cards marked as quotes are
 * quotes), in each content language it has. Pure.
 */
export function searchEntriesOf(journey: Journey): SearchEntry[] {
  const primary: ContentLanguage = journey.meta.languages?.[0] ?? 'en';
  const languages: ContentLanguage[] = journey.meta.languages ?? [primary];
  const out: SearchEntry[] = [];
  const add = (item: object, fields: readonly string[], base: Omit<SearchEntry, 'language' | 'text'>) => {
    for (const language of languages) {
      const text = fields
        .map((f) => textIn(item, f, language, primary))
        .filter((t): t is string => t !== undefined && t.trim() !== '')
        .join('\n');
      if (text !== '') out.push({ ...base, language, text });
    }
  };
  add(journey.meta, ['title'], { kind: 'title', itemId: null, columnId: null, cardKind: null });
  for (const s of journey.stages)
    add(s, ['name', 'description'], { kind: 'stage', itemId: s.id, columnId: null, cardKind: null });
  for (const c of journey.columns)
    add(c, ['label', 'description'], { kind: 'step', itemId: c.id, columnId: c.id, cardKind: null });
  for (const card of journey.cards) {
    const quote = card.kind === 'feeling' && card.quote;
    add(card, cardFields, {
      kind: quote ? 'quote' : 'card',
      itemId: card.id,
      columnId: card.columnId,
      cardKind: card.kind,
    });
  }
  return out;
}

/** How a journey's indicators stand: how many met their target, are improving, missed, or have no value yet. */
export interface IndicatorCounts {
  readonly met: number;
  readonly improving: number;
  readonly missed: number;
  readonly noValue: number;
}

interface StoredIndicator {
  readonly direction: 'lower-is-better' | 'higher-is-better';
  readonly baseline: number;
  readonly target: number;
  readonly values?: readonly { readonly period: string; readonly value: number }[];
  readonly key: string;
  readonly label: string;
  readonly unit: string;
}

/** The status of each indicator's latest value (as the indicators page gives it), counted. Pure. */
export function indicatorCounts(data: unknown): IndicatorCounts {
  const counts = { met: 0, improving: 0, missed: 0, noValue: 0 };
  const list = (data as { indicators?: readonly StoredIndicator[] } | null)?.indicators ?? [];
  for (const ind of list) {
    const values = [...(ind.values ?? [])].sort((a, b) => (a.period < b.period ? -1 : 1));
    const last = values.at(-1);
    if (!last) {
      counts.noValue++;
      continue;
    }
    const previous = values.at(-2)?.value ?? ind.baseline;
    const status: IndicatorStatus = indicatorStatus(ind, last.value, previous);
    counts[status]++;
  }
  return counts;
}
