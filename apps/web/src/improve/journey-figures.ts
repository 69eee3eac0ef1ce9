import type { Journey } from '@waymark/core';
import { compareJourneys, figureKeys, type JourneyFigures } from '@waymark/measure';

/**
 * The figures of a journey map as it stands (per journey: contacts, avoidable share, end-to-end days, hand-offs,
 * cost), by the keys indicators use, so an indicator's value for a period can be computed instead of typed.
 */
export function figuresOfJourney(journey: Journey): JourneyFigures {
  const t = compareJourneys(journey, journey).current.totals;
  return {
    [figureKeys.contactsPerJourney]: t.contacts,
    [figureKeys.contactsPerResolvedRequest]: t.contacts,
    [figureKeys.endToEndDays]: t.elapsedDays,
    [figureKeys.handOffs]: t.handOffs,
    [figureKeys.costPerJourney]: Math.round(t.cost * 100) / 100,
    ...(t.contacts > 0
      ? { [figureKeys.avoidablePercent]: Math.round((t.avoidableContacts / t.contacts) * 1000) / 10 }
      : {}),
  };
}
