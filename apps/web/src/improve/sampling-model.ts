import type { Journey, JourneyCommand } from '@waymark/core';
import {
  correctForFinitePopulation,
  sampleSizeForMargin,
  type ActivityCategory,
  type ActivityProfile,
  type ObservationPlan,
  type ObservationTime,
} from '@waymark/measure';

/** What the Activity sampling page saves (checked by the API against @waymark/measure's schemas). */
export interface SamplingStudy {
  title: string;
  categories: ActivityCategory[];
  confidence: number;
  margin: number;
  /** Possible observations, when few enough to correct for (domain.md §6). */
  population?: number;
  plan?: ObservationPlan;
  schedule: ObservationTime[];
  observations: string[];
}

export const emptyStudy = (): SamplingStudy => ({
  title: '',
  categories: [
    { id: 'with-citizen', label: 'With the citizen', classification: 'value-added' },
    { id: 'records', label: 'Recording and admin', classification: 'necessary-non-value-added' },
    { id: 'chasing', label: 'Chasing and rework', classification: 'waste' },
    { id: 'waiting', label: 'Waiting', classification: 'waste' },
  ],
  confidence: 0.95,
  margin: 0.05,
  schedule: [],
  observations: [],
});

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** One sentence a map reader understands: the value-added ratio with its interval and the sample behind it. */
export function profileSummary(profile: ActivityProfile, confidence: number): string {
  const va = profile.valueAddedRatio;
  return `Activity sample: value-added ${pct(va.estimate)} of time (${Math.round(confidence * 100)} % interval ${pct(va.low)}–${pct(va.high)}), ${profile.observations} observations`;
}

/**
 * Commands that carry a profile into a journey: the value-added share as the step's "Value-added time" metric
 * (origin: sample) in the journey's first metric lane (a "Measures" lane is added if there is none; an earlier
 * sampled figure on the same step is updated, not duplicated), and a card in a text lane "Activity sample"
 * (added once) holding the summary with its interval and each category's share.
 */
export function carryIntoJourney(
  journey: Journey,
  profile: ActivityProfile,
  confidence: number,
  columnId: string,
  newId: string,
): JourneyCommand[] {
  const commands: JourneyCommand[] = [];
  const metricLane = journey.lanes.find((l) => l.kind === 'metric');
  const metricLaneId = metricLane?.id ?? 'measures';
  if (!metricLane)
    commands.push({ type: 'lane.add', item: { id: metricLaneId, kind: 'metric', label: 'Measures' } });
  const value = Math.round(profile.valueAddedRatio.estimate * 1000) / 10;
  const sampled = journey.cards.find(
    (c) =>
      c.kind === 'metric' &&
      c.laneId === metricLaneId &&
      c.columnId === columnId &&
      c.metric === 'value-added-percent' &&
      c.origin === 'sample',
  );
  if (sampled) commands.push({ type: 'card.update', id: sampled.id, patch: { value } } as JourneyCommand);
  else
    commands.push({
      type: 'card.add',
      item: {
        id: `${newId}-va`,
        kind: 'metric',
        laneId: metricLaneId,
        columnId,
        metric: 'value-added-percent',
        value,
        origin: 'sample',
      },
    } as JourneyCommand);

  const existing = journey.lanes.find((l) => l.kind === 'text' && l.label === 'Activity sample');
  const laneId = existing?.id ?? 'activity-sample';
  const shares = profile.categories.map((c) => `${c.category.label} ${pct(c.estimate)}`).join('; ');
  if (!existing)
    commands.push({
      type: 'lane.add',
      item: { id: laneId, kind: 'text', label: 'Activity sample' },
    } as JourneyCommand);
  commands.push({
    type: 'card.add',
    item: {
      id: newId,
      kind: 'text',
      laneId,
      columnId,
      text: `${profileSummary(profile, confidence)}. ${shares}.`,
    },
  } as JourneyCommand);
  return commands;
}

/** Observations needed for the study's margin and confidence at the worst case p = 0.5, corrected for a finite population. */
export function plannedSampleSize(
  study: Pick<SamplingStudy, 'margin' | 'confidence' | 'population'>,
): number | null {
  const n = sampleSizeForMargin(study.margin, 0.5, study.confidence);
  if (!n.ok) return null;
  if (study.population === undefined) return n.value.observations;
  const corrected = correctForFinitePopulation(n.value.exact, study.population);
  return corrected.ok ? corrected.value.observations : null;
}

/** The next scheduled observation time, if a schedule was generated and is not used up. */
export const nextObservation = (study: SamplingStudy): ObservationTime | null =>
  study.schedule[study.observations.length] ?? null;
