import { useEffect, useState } from 'react';
import { Link } from '../app/router';
import { t } from '../i18n';
import { readConnections, type Connections } from './hierarchy-api';
import { statusWords } from './opportunity-words';

/**
 * Under a card's details: the opportunities this card is evidence for (issue 14, item 2), so the link an
 * opportunity makes to a card is seen from the card too. Nothing when there are none.
 */
export function CardOpportunities({ ws, id, cardId }: { ws: string; id: string; cardId: string }) {
  const [found, setFound] = useState<Connections['opportunities']>([]);
  useEffect(() => {
    let live = true;
    readConnections(ws, id)
      .then((c) => {
        if (live)
          setFound(
            c.opportunities.filter((o) => o.links.some((l) => l.kind === 'card' && l.target === cardId)),
          );
      })
      .catch(() => {
        if (live) setFound([]);
      });
    return () => {
      live = false;
    };
  }, [ws, id, cardId]);
  if (found.length === 0) return null;
  return (
    <section aria-labelledby="card-opportunities-heading" className="card-opportunities">
      <h3 id="card-opportunities-heading">{t('hierarchy.card.opportunities')}</h3>
      <ul className="hierarchy-list">
        {found.map((o) => (
          <li key={o.id}>
            <Link to={{ page: 'opportunity', ws, id: o.id }}>{o.title}</Link> ({statusWords(o.status)})
          </li>
        ))}
      </ul>
    </section>
  );
}
