import { textIn, type ContentLanguage, type Journey } from '@waymark/core';
import {
  costTables,
  defaultCostTableId,
  indicatorStatus,
  poundsToPence,
  stepFigures,
  tableBasis,
  type CostBasis,
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
}

const round1 = (n: number) => Math.round(n * 10) / 10;

const summaryTable = costTables.find((t) => t.id === defaultCostTableId)!;

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
