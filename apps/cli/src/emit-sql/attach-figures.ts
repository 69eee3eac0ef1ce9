import type { Journey, JourneyCommand, MetricKind } from '@waymark/core';
import { attachIds, detachCommands } from '@waymark/analytics';
import { wilsonInterval } from '@waymark/measure';
import type { FigureResult, ResultRow } from './results';
import type { Words } from './words';

/** Where the figures came from: the engine, the table and the day the queries ran (ISO date). */
export interface FiguresSource {
  readonly engine: string;
  readonly table: string;
  readonly date: string;
}

/** The figures `attachFigures` puts on a journey (the rest, such as the graph and variants, are read only). */
export const attachedFigures = ['avoidable_contact', 'case_durations', 'hand_offs', 'silences'] as const;

/** Rounded as `attachCommands` rounds a dataset's figures (packages/analytics/src/dataset/attach-journey.ts). */
const round = (x: number, places = 2): number => Math.round(x * 10 ** places) / 10 ** places;

const numberOf = (row: ResultRow, name: string): number | null => {
  const v = row[name];
  return typeof v === 'number' ? v : null;
};

/** The dataset id the figures are kept under on the journey: importing from the same table again replaces them. */
export const sqlDatasetId = (table: string): string =>
  `sql-${
    table
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'table'
  }`;

/** The metric cards the results give: figure, value, note. */
export function figureCards(
  results: readonly FigureResult[],
  source: FiguresSource,
  w: Words,
  silenceDays: (thresholdSeconds: number) => number = (s) => s / 86_400,
): { metric: MetricKind; value: number; note: string }[] {
  const first = (figure: string): ResultRow | undefined => results.find((r) => r.figure === figure)?.rows[0];
  const { engine, table } = source;
  const out: { metric: MetricKind; value: number; note: string }[] = [];
  const avoidable = first('avoidable_contact');
  if (avoidable) {
    const perJourney = numberOf(avoidable, 'contacts_per_journey');
    const contacts = numberOf(avoidable, 'contacts');
    const count = numberOf(avoidable, 'avoidable');
    const cases = numberOf(avoidable, 'cases');
    if (perJourney !== null)
      out.push({
        metric: 'contacts',
        value: round(perJourney),
        note: w('emitSql.card.contacts', { engine, table, cases: cases ?? 0 }),
      });
    if (contacts !== null && contacts > 0 && count !== null && Number.isInteger(count) && count <= contacts) {
      const p = wilsonInterval(count, contacts);
      out.push({
        metric: 'avoidable-percent',
        value: round(p.estimate * 100),
        note: w('emitSql.card.avoidable', {
          avoidable: count,
          contacts,
          low: round(p.low * 100, 1),
          high: round(p.high * 100, 1),
          engine,
          table,
        }),
      });
    }
  }
  const durations = first('case_durations');
  const mean = durations && numberOf(durations, 'mean_seconds');
  if (durations && mean !== null && mean !== undefined)
    out.push({
      metric: 'elapsed-days',
      value: round(mean / 86_400),
      note: w('emitSql.card.elapsed', {
        engine,
        table,
        median: round((numberOf(durations, 'median_seconds') ?? 0) / 86_400),
        p90: round((numberOf(durations, 'p90_seconds') ?? 0) / 86_400),
      }),
    });
  const handOffs = first('hand_offs');
  const perCase = handOffs && numberOf(handOffs, 'mean_per_case');
  if (handOffs && perCase !== null && perCase !== undefined)
    out.push({
      metric: 'hand-offs',
      value: round(perCase),
      note: w('emitSql.card.handOffs', {
        engine,
        table,
        withHandOff: numberOf(handOffs, 'cases_with_hand_off') ?? 0,
      }),
    });
  const silences = first('silences');
  const longest = silences && numberOf(silences, 'median_longest_gap_seconds');
  if (silences && longest !== null && longest !== undefined)
    out.push({
      metric: 'wait-days',
      value: round(longest / 86_400),
      note: w('emitSql.card.wait', {
        engine,
        table,
        over: numberOf(silences, 'cases_over_threshold') ?? 0,
        days: round(silenceDays(numberOf(silences, 'threshold_seconds') ?? 0)),
      }),
    });
  return out;
}

/**
 * The commands that put the figures on the journey as `attachCommands` puts a dataset's: a source saying where
 * they were computed, a metric lane under the steps, and metric cards from a log on one step (the journey's
 * figures: the first step unless another is named). Importing from the same table again first removes what the
 * last import added, so it is one undoable batch either way.
 */
export function attachFigures(
  journey: Journey,
  cards: readonly { metric: MetricKind; value: number; note: string }[],
  source: FiguresSource,
  stepId: string,
  w: Words,
): JourneyCommand[] {
  const datasetId = sqlDatasetId(source.table);
  const { laneId, sourceId } = attachIds(datasetId);
  const commands: JourneyCommand[] = [...detachCommands(journey, datasetId)];
  commands.push({
    type: 'source.add',
    item: {
      id: sourceId,
      kind: 'crm-extract',
      title: w('emitSql.source.title', { ...source }).slice(0, 300),
      date: source.date,
    },
  } as JourneyCommand);
  const stepLane = journey.lanes.filter((l) => l.id !== laneId).findIndex((l) => l.kind === 'step');
  commands.push({
    type: 'lane.add',
    item: { id: laneId, kind: 'metric', label: w('emitSql.lane.label', { ...source }).slice(0, 200) },
    ...(stepLane >= 0 ? { index: stepLane + 1 } : {}),
  } as JourneyCommand);
  const col = journey.columns.findIndex((c) => c.id === stepId);
  cards.forEach((c, i) => {
    commands.push({
      type: 'card.add',
      item: {
        id: `${laneId}.c${col}.${i}`,
        kind: 'metric',
        laneId,
        columnId: stepId,
        metric: c.metric,
        value: c.value,
        origin: 'log',
        sourceId,
        note: c.note.slice(0, 4000),
      },
    } as unknown as JourneyCommand);
  });
  return [{ type: 'batch', label: w('emitSql.batch.label', { ...source }).slice(0, 200), commands }];
}
