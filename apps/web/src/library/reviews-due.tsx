import { useEffect, useState } from 'react';
import { Link } from '../app/router';
import { formatDateIn, t } from '../i18n';
import { readReviewsDue, type ReviewDue } from './library-api';

function DueList({ ws, items }: { ws: string; items: readonly ReviewDue[] }) {
  return (
    <ul>
      {items.map((i) => (
        <li key={i.journeyId}>
          <Link to={{ page: 'editor', ws, id: i.journeyId }}>{i.title}</Link>
          {': '}
          {i.flags
            .map((f) =>
              f === 'review-due' && i.reviewDate
                ? `${t('library.flag.review-due')} (${t('library.due.reviewDate', { date: formatDateIn(i.reviewDate) })})`
                : f === 'new-evidence' && i.evidenceDate
                  ? `${t('library.flag.new-evidence')} (${t('library.due.evidence', { date: formatDateIn(i.evidenceDate) })})`
                  : t(`library.flag.${f}`),
            )
            .join('; ')}
        </li>
      ))}
    </ul>
  );
}

/**
 * Living maps on the workspace's home page (issue 14, item 4): first the maps the person owns that need a
 * review (their own things to look at), then every map past its review date or with newer evidence.
 */
export function ReviewsDue({ ws }: { ws: string }) {
  const [items, setItems] = useState<readonly ReviewDue[] | null>(null);
  useEffect(() => {
    readReviewsDue(ws).then(
      (r) => setItems(r.items),
      () => setItems([]),
    );
  }, [ws]);
  if (!items || items.length === 0) return null;
  const mine = items.filter((i) => i.mine);
  const others = items.filter((i) => !i.mine);
  return (
    <section className="reviews-due" aria-labelledby="reviews-due-heading">
      <h2 id="reviews-due-heading">{t('library.due.heading')}</h2>
      <p>{t('library.due.intro')}</p>
      {mine.length > 0 ? (
        <>
          <h3>{t('library.due.mineHeading')}</h3>
          <DueList ws={ws} items={mine} />
        </>
      ) : null}
      {others.length > 0 ? <DueList ws={ws} items={others} /> : null}
    </section>
  );
}
