import type { Journey, JourneyCommand } from '@waymark/core';
import {
  correctForFinitePopulation,
  sampleSizeForMargin,
  type ActivityCategory,
  type ActivityProfile,
  type ObservationPlan,
  type ObservationTime,
} from '@waymark/measure';
import { formatNumber, t } from '../i18n';

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
    { id: 'with-citizen', label: t('business.sampling.withCitizen'), classification: 'value-added' },
    {
      id: 'records',
      label: t('business.sampling.records'),
      classification: 'necessary-non-value-added',
    },
    { id: 'chasing', label: t('business.sampling.chasing'), classification: 'waste' },
    { id: 'waiting', label: t('business.sampling.waiting'), classification: 'waste' },
  ],
  confidence: 0.95,
  margin: 0.05,
  schedule: [],
  observations: [],
});

const pct = (x: number) =>
  t('business.sampling.percent', {
    value: formatNumber(x * 100, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  });

/** One sentence a map reader understands: the value-added ratio with its interval and the sample behind it. */
export function profileSummary(profile: ActivityProfile, confidence: number): string {
  const va = profile.valueAddedRatio;
  return t('business.sampling.summary', {
    share: pct(va.estimate),
    confidence: Math.round(confidence * 100),
    low: pct(va.low),
    high: pct(va.high),
    count: profile.observations,
  });
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
    commands.push({
      type: 'lane.add',
      item: { id: metricLaneId, kind: 'metric', label: t('business.sampling.measuresLane') },
    });
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

  const laneLabel = t('business.sampling.lane');
  // The lane added before, whichever language it was named in.
  const existing = journey.lanes.find(
    (l) => l.kind === 'text' && (l.id === 'activity-sample' || l.label === laneLabel),
  );
  const laneId = existing?.id ?? 'activity-sample';
  const shares = profile.categories
    .map((c) => t('business.sampling.share', { label: c.category.label, share: pct(c.estimate) }))
    .join('; ');
  if (!existing)
    commands.push({
      type: 'lane.add',
      item: { id: laneId, kind: 'text', label: laneLabel },
    } as JourneyCommand);
  commands.push({
    type: 'card.add',
    item: {
      id: newId,
      kind: 'text',
      laneId,
      columnId,
      text: t('business.sampling.card', { summary: profileSummary(profile, confidence), shares }),
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
