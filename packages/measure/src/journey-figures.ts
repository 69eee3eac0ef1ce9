/**
 * A journey's figures by key: what indicators track, scorecard benefits link to, ideas change,
 * and activity samples feed. Keys are stable kebab-case strings; users may add their own.
 */
export type JourneyFigures = Readonly<Record<string, number>>;

export const figureKeys = {
  avoidablePercent: 'avoidable-percent',
  contactsPerResolvedRequest: 'contacts-per-resolved-request',
  contactsPerJourney: 'contacts-per-journey',
  endToEndDays: 'end-to-end-days',
  satisfaction: 'satisfaction',
  costPerJourney: 'cost-per-journey',
  firstContactResolution: 'first-contact-resolution',
  handOffs: 'hand-offs',
  valueAddedRatio: 'value-added-ratio',
  digitalTakeUp: 'digital-take-up',
  avoidableContactCost: 'avoidable-contact-cost',
  staffHoursReleased: 'staff-hours-released',
  closedLoopPercent: 'closed-loop-percent',
  successfulOutcomePercent: 'successful-outcome-percent',
} as const;
export type FigureKey = (typeof figureKeys)[keyof typeof figureKeys];
