import type { Card, Journey, JourneyCommand } from '@waymark/core';
import { t } from '../i18n';

/** A survey's free-text answer as the map's evidence gives it: redacted, pseudonymised, with its consent. */
export interface SurveyQuote {
  readonly surveyName: string;
  readonly respondent: string;
  readonly date: string | null;
  readonly text: string;
  /** Whether the respondent agreed to be quoted; only a consented answer may become a card. */
  readonly consent: boolean;
}

/** The most a feeling card's source holds (cards.ts). */
const SOURCE_MAX = 300;

/** Where a quote card comes from, in words: the survey, its date and the respondent's pseudonym. */
export const quoteSource = (q: SurveyQuote): string =>
  t('survey.quotes.source', { survey: q.surveyName, respondent: q.respondent, date: q.date ?? '' }).slice(
    0,
    SOURCE_MAX,
  );

/** The quote card already on the map for this answer at this step, if any. */
export function quoteCardOnMap(journey: Journey, stepId: string, q: SurveyQuote): Card | undefined {
  const source = quoteSource(q);
  return journey.cards.find(
    (c) =>
      c.kind === 'feeling' && c.columnId === stepId && c.quote && c.text === q.text && c.source === source,
  );
}

/**
 * The edit that puts a consented survey answer on the map as a quote card in the feelings lane of its step,
 * with its source (survey, date, pseudonymised respondent); the lane is added first when the map has none
 * (one undo step). An answer the respondent did not agree to share is refused, whatever asks for it, and so is
 * one already on the map at that step.
 */
export function quoteCardCommand(
  journey: Journey,
  stepId: string,
  q: SurveyQuote,
  newId: (prefix: string) => string,
):
  | { readonly command: JourneyCommand; readonly cardId: string }
  | { readonly refused: 'not-consented' | 'no-step' | 'on-map' } {
  if (q.consent !== true) return { refused: 'not-consented' };
  if (!journey.columns.some((c) => c.id === stepId)) return { refused: 'no-step' };
  if (quoteCardOnMap(journey, stepId, q)) return { refused: 'on-map' };
  const existing = journey.lanes.find((l) => l.kind === 'feeling' && l.personaId === undefined);
  const laneId = existing?.id ?? newId('lane');
  const cardId = newId('card');
  const card: JourneyCommand = {
    type: 'card.add',
    item: {
      id: cardId,
      kind: 'feeling',
      laneId,
      columnId: stepId,
      text: q.text,
      mode: 'says',
      quote: true,
      source: quoteSource(q),
    },
  } as JourneyCommand;
  if (existing) return { command: card, cardId };
  return {
    cardId,
    command: {
      type: 'batch',
      label: t('valueAdded.quoteCard.label'),
      commands: [
        {
          type: 'lane.add',
          item: { id: laneId, kind: 'feeling', label: t('model.laneKind.feeling') },
          index: journey.lanes.length,
        } as JourneyCommand,
        card,
      ],
    },
  };
}
