import type { Card, Journey, JourneyCommand, MetricKind } from '@waymark/core';
import { costBasisLabel, tableBasis } from '@waymark/measure';
import { defaultChannelCostTable } from '../metrics/channel-costs';
import type { StepMeasure } from './step-measures';

/** Where a dataset's figures sit on a journey: one metric lane and one evidence source, both named after it. */
export interface AttachTarget {
  readonly datasetId: string;
  readonly datasetName: string;
  /** ISO date of the extract (the last event), for the evidence source. */
  readonly date?: string;
  /**
   * Which model and price base the unit costs came from (measure's `costBasisLabel` of the table or model
   * `measureSteps` was given); absent, the default table's label (Socitm 2011 as published).
   */
  readonly costBasis?: string;
}

/** The cost basis label of the table `measureSteps` uses when given none. */
export const defaultCostBasisLabel = (): string => costBasisLabel(tableBasis(defaultChannelCostTable));

/** The lane and source ids a dataset uses on a journey (ids are at most 80 characters). */
export const attachIds = (datasetId: string) => {
  const base = `ds-${datasetId}`.slice(0, 60);
  return { laneId: base, sourceId: base };
};

const round = (x: number, places = 2): number => Math.round(x * 10 ** places) / 10 ** places;

/** The metric cards one step gets: figure, value and a note saying what it counts. */
function cardsOf(m: StepMeasure, costBasis: string): { metric: MetricKind; value: number; note: string }[] {
  const of = `${m.activities.join(', ')}`;
  const out: { metric: MetricKind; value: number; note: string }[] = [
    {
      metric: 'contacts',
      value: round(m.contactsPerJourney),
      note: `contacts per journey at this step, measured (${of}; reached in ${m.cases} cases)`,
    },
  ];
  // the elapsed days the comparison adds up (without it a compared journey said 0 days: issue 11 item 7)
  if (m.elapsedDaysPerJourney > 0)
    out.push({
      metric: 'elapsed-days',
      value: round(m.elapsedDaysPerJourney),
      note: `days per journey spent getting to ${of}, measured (the steps add up to the mean end-to-end time)`,
    });
  if (m.waitDays !== undefined)
    out.push({ metric: 'wait-days', value: round(m.waitDays), note: `median wait before ${of}, measured` });
  if (m.handOffsPerJourney !== undefined && m.handOffsPerJourney > 0)
    out.push({
      metric: 'hand-offs',
      value: round(m.handOffsPerJourney),
      note: 'changes of team into this step per journey, measured',
    });
  if (m.unitCost !== undefined)
    out.push({
      metric: 'unit-cost',
      value: round(m.unitCost),
      note: `£ per contact by channel (${costBasis})`,
    });
  if (m.volumePerYear !== undefined)
    out.push({
      metric: 'volume',
      value: Math.round(m.volumePerYear),
      note: 'cases a year reaching this step, measured',
    });
  return out;
}

/**
 * The commands that put a dataset's figures on a journey: a source (a CRM extract), a metric lane,
 * and per mapped step metric cards marked as from a log. Attaching again (a refresh) first removes
 * what the last attachment added, so it is one undoable batch either way.
 */
export function attachCommands(
  journey: Journey,
  measures: readonly StepMeasure[],
  target: AttachTarget,
): JourneyCommand[] {
  const { laneId, sourceId } = attachIds(target.datasetId);
  const commands: JourneyCommand[] = [...detachCommands(journey, target.datasetId)];
  const columnIndex = new Map(journey.columns.map((c, i) => [c.id as string, i]));
  commands.push({
    type: 'source.add',
    item: {
      id: sourceId,
      kind: 'crm-extract',
      title: `Event log: ${target.datasetName}`.slice(0, 300),
      ...(target.date ? { date: target.date } : {}),
    },
  } as JourneyCommand);
  // right under the steps, so the figures are seen beside them rather than at the foot of the map
  const stepLane = journey.lanes.filter((l) => l.id !== laneId).findIndex((l) => l.kind === 'step');
  commands.push({
    type: 'lane.add',
    item: { id: laneId, kind: 'metric', label: `Measured: ${target.datasetName}`.slice(0, 200) },
    ...(stepLane >= 0 ? { index: stepLane + 1 } : {}),
  } as JourneyCommand);
  for (const m of measures) {
    const col = columnIndex.get(m.columnId);
    if (col === undefined) continue;
    cardsOf(m, target.costBasis ?? defaultCostBasisLabel()).forEach((c, i) => {
      const card = {
        id: `${laneId}.c${col}.${i}`,
        kind: 'metric',
        laneId,
        columnId: m.columnId,
        metric: c.metric,
        value: c.value,
        origin: 'log',
        sourceId,
        note: c.note.slice(0, 4000),
      };
      commands.push({ type: 'card.add', item: card } as unknown as JourneyCommand);
    });
  }
  return [{ type: 'batch', label: `Figures from ${target.datasetName}`.slice(0, 200), commands }];
}

/** Removes the dataset's lane (and with it its cards) and its source, if the journey has them. */
export function detachCommands(journey: Journey, datasetId: string): JourneyCommand[] {
  const { laneId, sourceId } = attachIds(datasetId);
  const out: JourneyCommand[] = [];
  if (journey.lanes.some((l) => l.id === laneId))
    out.push({ type: 'lane.remove', id: laneId } as JourneyCommand);
  const stillUsed = journey.cards.some((c) => c.sourceId === sourceId && c.laneId !== laneId);
  if (journey.sources.some((s) => s.id === sourceId) && !stillUsed)
    out.push({ type: 'source.remove', id: sourceId } as JourneyCommand);
  return out;
}

/** Columns where an estimate of a figure the dataset now measures already stands (the comparison adds both). */
export function estimatesAlongside(journey: Journey, measures: readonly StepMeasure[]): string[] {
  const mapped = new Set(measures.map((m) => m.columnId));
  const dup = (c: Card) =>
    c.kind === 'metric' &&
    c.origin !== 'log' &&
    mapped.has(c.columnId) &&
    (c.metric === 'contacts' || c.metric === 'wait-days' || c.metric === 'elapsed-days');
  return [...new Set(journey.cards.filter(dup).map((c) => c.columnId as string))];
}

const words = (s: string): Set<string> =>
  new Set(
    s
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9 ]+/g, ' ')
      .split(/\s+/)
      .filter((w) => w.length > 2 && !stop.has(w))
      .map((w) => w.replace(/(ing|ed|es|s)$/, '').slice(0, 6)),
  );
const stop = new Set(['the', 'and', 'for', 'with', 'from', 'once', 'was', 'are', 'our', 'your']);

/**
 * Suggests a step for each activity by name: the column whose label (or step card text) shares the
 * most word stems with the activity, when at least one is shared; null otherwise.
 */
export function suggestStepMapping(
  activities: readonly string[],
  journey: Journey,
): Record<string, string | null> {
  const texts = journey.columns.map((col) => {
    const stepText = journey.cards
      .filter((c) => c.columnId === col.id && c.kind === 'step')
      .map((c) => ('text' in c ? c.text : ''))
      .join(' ');
    return { id: col.id as string, words: words(`${col.label} ${stepText}`) };
  });
  const out: Record<string, string | null> = {};
  for (const a of activities) {
    const aw = words(a);
    let best: string | null = null;
    let bestScore = 0;
    for (const t of texts) {
      let shared = 0;
      for (const w of aw) if (t.words.has(w)) shared++;
      const score = shared / Math.max(1, aw.size);
      if (shared > 0 && score > bestScore) [best, bestScore] = [t.id, score];
    }
    out[a] = best;
  }
  return out;
}
