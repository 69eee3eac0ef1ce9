import type { Column, ColumnId, Journey } from '@waymark/core';
import { costTables, defaultCostTableId, type CostTable } from '../channel-costs';
import { exactPounds, tableBasis, type CostBasis } from '../cost-model';
import { detectClosedLoop, type ClosedLoopOnMap } from '../closing-the-loop';
import { countHandOffs, type HandOffCount, type HandOffSource } from '../hand-offs';
import { proposeAlignment, type AlignmentRow } from './alignment';
import { stepFigures, type StepFigures } from './step-figures';
import { englishWords, type Words } from '../words';

/** Says that a channel's contacts are counted but not costed, in `words`. */
export const uncostedNote = (channel: string, table: string, words: Words): string =>
  words.t('measure.compare.uncosted', { channel, table });

/** The additive figures compared step by step and in total. */
export const comparedFigures = [
  'contacts',
  'avoidableContacts',
  'elapsedDays',
  'waitDays',
  'handlingMinutes',
  'handOffs',
  'cost',
] as const;
export type ComparedFigure = (typeof comparedFigures)[number];
export type Totals = Record<ComparedFigure, number>;

export interface StepSide {
  readonly columnId: ColumnId;
  readonly label: string;
  readonly figures: StepFigures;
}

export interface ComparisonRow {
  readonly alignment: AlignmentRow;
  /** kept: in both; removed: only in the current journey; added: only in the desired one. */
  readonly status: 'kept' | 'removed' | 'added';
  readonly current: StepSide | null;
  readonly desired: StepSide | null;
  /** desired − current for each figure (a missing side counts as zero). */
  readonly delta: Totals;
  readonly emotionDelta: number | null;
}

export interface EmotionSummary {
  readonly lowest: { readonly columnId: ColumnId; readonly label: string; readonly score: number } | null;
  readonly mean: number | null;
  readonly momentsOfTruth: ReadonlyArray<{
    readonly columnId: ColumnId;
    readonly label: string;
    readonly text: string;
  }>;
}

/** Where a side's hand-off count came from (map or log), and what typed metric cards state beside it. */
export interface HandOffSummary {
  readonly source: HandOffSource;
  readonly stated: number | null;
}

export interface Comparison {
  readonly current: {
    readonly id: string;
    readonly title: string;
    readonly totals: Totals;
    readonly emotion: EmotionSummary;
    readonly handOffs: HandOffSummary;
    /** Is the customer told it was delivered and asked if it was OK (closing-the-loop.ts)? */
    readonly closedLoop: ClosedLoopOnMap;
  };
  readonly desired: {
    readonly id: string;
    readonly title: string;
    readonly totals: Totals;
    readonly emotion: EmotionSummary;
    readonly handOffs: HandOffSummary;
    /** Is the customer told it was delivered and asked if it was OK (closing-the-loop.ts)? */
    readonly closedLoop: ClosedLoopOnMap;
  };
  readonly delta: Totals;
  readonly rows: readonly ComparisonRow[];
  readonly stepsRemoved: readonly string[];
  readonly stepsAdded: readonly string[];
  /** Name matches not yet confirmed by a person: the comparison is provisional while any remain. */
  readonly unconfirmed: number;
  readonly costTable: { readonly id: string; readonly source: string; readonly year: number | null };
  /** Which cost model and price base every cost figure here used (issue 13 item 2). */
  readonly costBasis: CostBasis;
  readonly notes: readonly string[];
  /** The channels with contacts but no cost in the table: `notes` says so in English; reports say it in theirs. */
  readonly uncostedChannels: readonly string[];
}

export interface CompareOptions {
  readonly alignment?: readonly AlignmentRow[];
  readonly costTable?: CostTable;
  /** Says which model and price base `costTable` is; the table's own year when absent. */
  readonly costBasis?: CostBasis;
}

const zero = (): Totals => ({
  contacts: 0,
  avoidableContacts: 0,
  elapsedDays: 0,
  waitDays: 0,
  handlingMinutes: 0,
  handOffs: 0,
  cost: 0,
});
const valueOf = (f: StepFigures | undefined, k: ComparedFigure) =>
  f === undefined ? 0 : k === 'cost' ? (f.cost ?? 0) : f[k];

function side(
  journey: Journey,
  id: ColumnId | null,
  table: CostTable,
  handOffs: HandOffCount,
): StepSide | null {
  if (id === null) return null;
  const column = journey.columns.find((c) => c.id === id);
  return column
    ? { columnId: column.id, label: column.label, figures: stepFigures(journey, column, table, handOffs) }
    : null;
}

function summarise(journey: Journey, table: CostTable, handOffs: HandOffCount) {
  const totals = zero();
  const steps = journey.columns.map((c: Column) => ({ c, f: stepFigures(journey, c, table, handOffs) }));
  for (const { f } of steps) for (const k of comparedFigures) totals[k] += valueOf(f, k);
  totals.cost = exactPounds(totals.cost);
  const scored = steps.filter((s) => s.f.emotion !== null);
  const lowestStep = scored.reduce<(typeof scored)[number] | null>(
    (lo, s) => (lo === null || s.f.emotion! < lo.f.emotion! ? s : lo),
    null,
  );
  const emotion: EmotionSummary = {
    lowest: lowestStep
      ? { columnId: lowestStep.c.id, label: lowestStep.c.label, score: lowestStep.f.emotion! }
      : null,
    mean: scored.length === 0 ? null : scored.reduce((n, s) => n + s.f.emotion!, 0) / scored.length,
    momentsOfTruth: steps.flatMap((s) =>
      s.f.momentsOfTruth.map((text) => ({ columnId: s.c.id, label: s.c.label, text })),
    ),
  };
  const uncosted = [...new Set(steps.flatMap((s) => s.f.uncostedChannels))];
  const ho = { source: handOffs.source, stated: handOffs.stated };
  const closedLoop = detectClosedLoop(journey);
  return { id: journey.id, title: journey.meta.title, totals, emotion, uncosted, handOffs: ho, closedLoop };
}

/** Current beside desired, step by step and in total (issue 6 §1). Pure: the cost table comes in. */
export function compareJourneys(
  current: Journey,
  desired: Journey,
  options: CompareOptions = {},
): Comparison {
  const table = options.costTable ?? costTables.find((t) => t.id === defaultCostTableId)!;
  const alignment = options.alignment ?? proposeAlignment(current, desired);
  const curHandOffs = countHandOffs(current);
  const desHandOffs = countHandOffs(desired);
  const rows = alignment.map((a): ComparisonRow => {
    const cur = side(current, a.current, table, curHandOffs);
    const des = side(desired, a.desired, table, desHandOffs);
    const delta = zero();
    for (const k of comparedFigures) delta[k] = valueOf(des?.figures, k) - valueOf(cur?.figures, k);
    delta.cost = exactPounds(delta.cost);
    const ce = cur?.figures.emotion ?? null;
    const de = des?.figures.emotion ?? null;
    return {
      alignment: a,
      status: cur && des ? 'kept' : cur ? 'removed' : 'added',
      current: cur,
      desired: des,
      delta,
      emotionDelta: ce !== null && de !== null ? de - ce : null,
    };
  });
  const c = summarise(current, table, curHandOffs);
  const d = summarise(desired, table, desHandOffs);
  const delta = zero();
  for (const k of comparedFigures) delta[k] = d.totals[k] - c.totals[k];
  delta.cost = exactPounds(delta.cost);
  const uncostedChannels = [...new Set([...c.uncosted, ...d.uncosted])];
  const notes = uncostedChannels.map((ch) => uncostedNote(ch, table.id, englishWords));
  return {
    current: {
      id: c.id,
      title: c.title,
      totals: c.totals,
      emotion: c.emotion,
      handOffs: c.handOffs,
      closedLoop: c.closedLoop,
    },
    desired: {
      id: d.id,
      title: d.title,
      totals: d.totals,
      emotion: d.emotion,
      handOffs: d.handOffs,
      closedLoop: d.closedLoop,
    },
    delta,
    rows,
    stepsRemoved: rows.flatMap((r) => (r.status === 'removed' && r.current ? [r.current.label] : [])),
    stepsAdded: rows.flatMap((r) => (r.status === 'added' && r.desired ? [r.desired.label] : [])),
    unconfirmed: alignment.filter((a) => !a.confirmed).length,
    costTable: { id: table.id, source: table.source, year: table.year },
    costBasis: options.costBasis ?? tableBasis(table),
    notes,
    uncostedChannels,
  };
}
