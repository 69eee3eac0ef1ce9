import type { Journey } from '@waymark/core';
import { compareJourneys, figureKeys, type JourneyFigures } from '@waymark/measure';

/**
 * The figures of a journey map as it stands (per journey: contacts, avoidable share, end-to-end days, hand-offs,
 * cost), by the keys indicators use, so an indicator's value for a period can be computed instead of typed.
 */
export function figuresOfJourney(journey: Journey): JourneyFigures {
  const current = compareJourneys(journey, journey).current;
  const t = current.totals;
  return {
    [figureKeys.contactsPerJourney]: t.contacts,
    [figureKeys.contactsPerResolvedRequest]: t.contacts,
    [figureKeys.endToEndDays]: t.elapsedDays,
    [figureKeys.handOffs]: t.handOffs,
    [figureKeys.costPerJourney]: Math.round(t.cost * 100) / 100,
    // a map either closes the loop or not: 100 % or 0 % (a log gives the share of cases)
    ...(current.closedLoop.deliveryColumnId !== null
      ? { [figureKeys.closedLoopPercent]: current.closedLoop.closed ? 100 : 0 }
      : {}),
    ...(t.contacts > 0
      ? { [figureKeys.avoidablePercent]: Math.round((t.avoidableContacts / t.contacts) * 1000) / 10 }
      : {}),
  };
}

export interface JourneyChoice {
  readonly id: string;
  readonly title: string;
  readonly journeyType: string;
}

/** The kinds of journey in the order Compare offers them. */
const typeOrder = ['current', 'desired', 'case', 'life-course'];

/**
 * The journeys Compare offers, grouped by kind (current, desired…) and named by their own title only. Before,
 * each option was `title (kind)`, so a desired journey made with "(desired)" in its title read
 * "… (desired) (desired)" (issue 11 item 7); the kind is now the group's name, said once.
 */
export function journeyChoices(
  items: readonly JourneyChoice[],
): { journeyType: string; items: { id: string; title: string }[] }[] {
  const types = [...new Set(items.map((j) => j.journeyType))].sort(
    (a, b) =>
      (typeOrder.indexOf(a) + 1 || typeOrder.length + 1) -
        (typeOrder.indexOf(b) + 1 || typeOrder.length + 1) || (a < b ? -1 : 1),
  );
  return types.map((journeyType) => ({
    journeyType,
    items: items.filter((j) => j.journeyType === journeyType).map((j) => ({ id: j.id, title: j.title })),
  }));
}
