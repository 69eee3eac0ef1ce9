import { err, ok, type Journey, type Result } from '@waymark/core';
import {
  balancedScorecard,
  benefitsFromBusinessCase,
  buildFiveCase,
  compareJourneys,
  computeBusinessCase,
  figureKeys,
  fiveCaseTextSchema,
  parseScenario,
  switchingValue,
  tornado,
  type BusinessCase,
  type BusinessCaseReport,
  type InputError,
  type JourneyFigures,
} from '@waymark/measure';
import { createTranslator, type Translator } from '@waymark/i18n';
import type { BusinessCaseArtifact } from './improvement-artifacts';

/** The current journey's figures the scorecard links benefits to, from a comparison's totals. */
export function figuresOfComparison(current: Journey, desired: Journey): JourneyFigures {
  const t = compareJourneys(current, desired).current.totals;
  return {
    [figureKeys.contactsPerJourney]: t.contacts,
    [figureKeys.handOffs]: t.handOffs,
    [figureKeys.endToEndDays]: t.elapsedDays,
    [figureKeys.costPerJourney]: t.cost,
    ...(t.contacts > 0 ? { [figureKeys.avoidablePercent]: (t.avoidableContacts / t.contacts) * 100 } : {}),
  };
}

/**
 * Everything the printed business case shows, from a stored business case: the appraisal, the tornado at
 * ±sensitivityPercent, the switching value of the main assumption, the scorecard and the Five Case outline.
 */
export function businessCaseReportOf(
  data: BusinessCaseArtifact,
  options: {
    readonly generatedOn: string;
    readonly figures: JourneyFigures;
    /** The report's language (decision 0017); English unless given. */
    readonly words?: Translator;
  },
): Result<{ report: BusinessCaseReport; businessCase: BusinessCase }, readonly InputError[]> {
  const scenario = parseScenario(data.input);
  if (!scenario.ok) return scenario;
  const bc = computeBusinessCase(scenario.value.input, scenario.value.schedule);
  const words = options.words ?? createTranslator('en');
  const bars = tornado(scenario.value, data.sensitivityPercent, words);
  if (!bars.ok) return err(bars.error);
  const sv = switchingValue(scenario.value, undefined, undefined, words);
  const switching = sv.ok ? sv.value : undefined;
  const report: BusinessCaseReport = {
    title: data.input.title || words.t('measure.report.defaultTitle'),
    generatedOn: options.generatedOn,
    ...(data.organisation ? { organisation: data.organisation } : {}),
    businessCase: bc,
    fiveCase: buildFiveCase(fiveCaseTextSchema.parse(data.fiveCase ?? {}), bc, switching, words),
    scorecard: balancedScorecard(
      [...benefitsFromBusinessCase(bc, words), ...data.benefits],
      options.figures,
      words,
    ),
    tornado: bars.value,
    ...(switching ? { switching } : {}),
  };
  return ok({ report, businessCase: bc });
}
