import type { Journey } from '@waymark/core';
import { topVotedCards, votesText } from './voted-model';

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
      <h2 id="voted-heading">Most votes in dot-voting</h2>
      {top.length === 0 ? (
        <p>
          No pain points or moments of truth have votes yet. Run dot-voting in a live workshop on the map to
          find the ones that matter most.
        </p>
      ) : (
        <ol>
          {top.map((c) => (
            <li key={c.id}>
              <strong>{c.text}</strong> ({c.kindName}, {votesText(c.votes)})
              {c.answeredBy.length > 0 ? <> – answered by {c.answeredBy.join('; ')}</> : null}{' '}
              {canEdit ? (
                <button
                  type="button"
                  className="button button--small button--secondary"
                  // The visible words first, then which card (WCAG 2.5.3, label in name).
                  aria-label={`Start an idea from this: ${c.text}`}
                  onClick={() => onStart(c.id)}
                >
                  Start an idea from this
                </button>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
