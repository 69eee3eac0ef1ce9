import { analyseLog, ImportError, importCsv, type OutcomeRule } from '@waymark/analytics';
import { figureKeys, recordIndicatorValue, type IndicatorValue, type JourneyFigures } from '@waymark/measure';
import { fail } from '../api-error';
import type { indicatorsArtifactSchema } from './improvement-artifacts';
import type { z } from 'zod';

type IndicatorsData = z.output<typeof indicatorsArtifactSchema>;

/**
 * The journey figures an event log gives (CSV: case, activity, timestamp, and channel, team, outcome where
 * known): NI14 %, contacts per journey, median end-to-end days, mean cost per journey, first-contact
 * resolution %, hand-offs per journey, closed-loop %, value-added ratio, and, given the journey's Successful
 * Customer Outcome rule, the share of cases reaching it (none when nothing in the log matches the rule). A file
 * that cannot be read is a 400 saying why.
 */
export async function figuresOfLog(text: string, outcomeRule?: OutcomeRule): Promise<JourneyFigures> {
  let imported;
  try {
    imported = await importCsv(
      (async function* () {
        yield new TextEncoder().encode(text);
      })(),
    );
  } catch (error) {
    if (error instanceof ImportError) throw fail('invalid_request', `the log: ${error.message}`, 'body');
    throw error;
  }
  const a = analyseLog(imported.store, outcomeRule ? { successfulOutcome: outcomeRule } : {});
  if (a.cases.cases === 0)
    throw fail('invalid_request', 'the log: no events with a case id, activity and time', 'body');
  const figures: Record<string, number> = {
    [figureKeys.avoidablePercent]: a.avoidable.ni14Percent,
    [figureKeys.contactsPerJourney]: a.avoidable.contactsPerJourney,
    [figureKeys.contactsPerResolvedRequest]: a.avoidable.contactsPerJourney,
    [figureKeys.endToEndDays]: a.cases.durationSeconds.median / 86_400,
  };
  if (a.channels && Number.isFinite(a.channels.costPerJourney.mean))
    figures[figureKeys.costPerJourney] = a.channels.costPerJourney.mean;
  if (a.fcr && a.fcr.requests > 0) figures[figureKeys.firstContactResolution] = a.fcr.rate * 100;
  if (a.handoffs) figures[figureKeys.handOffs] = a.handoffs.total / a.cases.cases;
  if (a.closedLoop && a.closedLoop.delivered > 0)
    figures[figureKeys.closedLoopPercent] = a.closedLoop.share * 100;
  if (a.successfulOutcome?.ruleMatchesLog)
    figures[figureKeys.successfulOutcomePercent] = a.successfulOutcome.share * 100;
  if (a.valueAdded) figures[figureKeys.valueAddedRatio] = (a.valueAdded.byTime ?? a.valueAdded.byCount) * 100;
  return Object.fromEntries(Object.entries(figures).filter(([, v]) => Number.isFinite(v)));
}

/** Records the figures as computed values for `period` on every indicator with one of their keys. */
export function recordFigures(
  data: IndicatorsData,
  figures: JourneyFigures,
  period: string,
): { data: IndicatorsData; recorded: string[] } {
  const recorded: string[] = [];
  const indicators = data.indicators.map((ind) => {
    const value = figures[ind.key];
    if (value === undefined) return ind;
    recorded.push(ind.key);
    const v: IndicatorValue = {
      period,
      value: Math.round(value * 100) / 100,
      source: 'computed',
      note: 'computed from an imported log',
    };
    return { ...ind, values: recordIndicatorValue(ind.values, v) };
  });
  return { data: { indicators }, recorded };
}
