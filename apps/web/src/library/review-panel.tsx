import { useState } from 'react';
import { useRouter } from '../app/router';
import { useSession } from '../app/session';
import { useEditorContext } from '../editor/editor-context';
import { formatDateIn, t } from '../i18n';
import { useOneAtATime } from '../state/one-at-a-time';
import { errorText } from '../ui/field';
import { markReviewed } from './library-api';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Living maps (issue 14, item 4; decision 0035), in the journey's details: its owner, when it was last
 * reviewed, and "Mark as reviewed", which sets lastVerified to today (and the next review date if given) as an
 * edit of the map and records who did it.
 */
export function ReviewPanel() {
  const { journey, canEdit } = useEditorContext();
  const { route } = useRouter();
  const { session } = useSession();
  const [next, setNext] = useState('');
  const { busy, run } = useOneAtATime();
  const [said, setSaid] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const meta = journey.meta;
  if (route.page !== 'editor') return null;
  const csrf = session.status === 'signed-in' ? session.me.csrfToken : '';
  const mark = () => {
    if (busy) return;
    setSaid(null);
    if (next.trim() !== '' && !isoDate.test(next.trim())) return setProblem(t('library.review.badDate'));
    setProblem(null);
    void run(async () => {
      try {
        await markReviewed(route.ws, route.id, next.trim() || undefined, csrf);
        setSaid(t('library.review.done'));
        setNext('');
      } catch (e) {
        setProblem(t('library.review.failed', { reason: errorText(e) }));
      }
    });
  };
  return (
    <section className="review-panel" aria-labelledby="review-heading">
      <h3 id="review-heading">{t('library.review.heading')}</h3>
      <p>{meta.owner ? t('library.review.owner', { owner: meta.owner }) : t('library.review.noOwner')}</p>
      <p data-testid="last-verified">
        {meta.lastVerified
          ? t('library.review.lastVerified', { date: formatDateIn(meta.lastVerified) })
          : t('library.review.never')}
      </p>
      {canEdit ? (
        <>
          <div className={`field${problem ? ' field--error' : ''}`}>
            <label htmlFor="review-next">{t('library.review.nextDate')}</label>
            <span className="hint" id="review-next-hint">
              {t('library.review.nextDateHint')}
            </span>
            {problem ? (
              <span className="error-message" id="review-next-error">
                {problem}
              </span>
            ) : null}
            <input
              id="review-next"
              value={next}
              inputMode="numeric"
              aria-describedby={problem ? 'review-next-hint review-next-error' : 'review-next-hint'}
              aria-invalid={problem ? true : undefined}
              onChange={(e) => setNext(e.target.value)}
            />
          </div>
          <button className="button" type="button" aria-disabled={busy || undefined} onClick={mark}>
            {busy ? t('library.review.marking') : t('library.review.mark')}
          </button>
          <p role="status">{said}</p>
        </>
      ) : null}
    </section>
  );
}
