import type { Journey } from '@waymark/core';
import { topVotedCards, votesText } from './voted-model';
import { t } from '../i18n';

interface Props {
  readonly journey: Journey;
  readonly canEdit: boolean;
  /** Opens the idea form with a new idea linked to this card. */
  readonly onStart: (cardId: string) => void;
}

/** The pain points and moments of truth that got most votes in dot-voting, each a possible start of an idea. */
export function VotedCards({ journey, canEdit, onStart }: Props) {
  const top = topVotedCards(journey);
  return (
    <section aria-labelledby="voted-heading" className="improve-voted">
      <h2 id="voted-heading">{t('improve.voted.heading')}</h2>
      {top.length === 0 ? (
        <p>{t('improve.voted.none')}</p>
      ) : (
        <ol>
          {top.map((c) => (
            <li key={c.id}>
              <strong>{c.text}</strong> ({c.kindName}, {votesText(c.votes)})
              {c.answeredBy.length > 0 ? (
                <> {t('improve.voted.answeredBy', { ideas: c.answeredBy.join('; ') })}</>
              ) : null}{' '}
              {canEdit ? (
                <button
                  type="button"
                  className="button button--small button--secondary"
                  // The visible words first, then which card (WCAG 2.5.3, label in name).
                  aria-label={t('improve.voted.startOf', { text: c.text })}
                  onClick={() => onStart(c.id)}
                >
                  {t('improve.voted.start')}
                </button>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
