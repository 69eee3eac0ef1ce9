import { useEffect, useState } from 'react';
import { formatDateIn, t, type MessageId } from '../i18n';
import { errorText } from '../ui/field';
import { readConnections, type LinkChangeView } from './hierarchy-api';

const when = (at: string) =>
  formatDateIn(at, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** One link change in words: who linked or took off which step, child journey or opportunity evidence. */
export function linkChangeWords(h: LinkChangeView): string {
  const d = h.detail as Record<string, string | null | undefined>;
  const l = h.labels;
  const who = h.by?.name ?? t('hierarchy.linkHistory.someone');
  const id = `hierarchy.linkHistory.${h.link}.${h.action}` as MessageId;
  if (h.link === 'step-link')
    return t(id, {
      who,
      fromStep: l.fromStepLabel ?? d['fromStepId'] ?? '',
      fromJourney: l.fromTitle ?? d['fromJourneyId'] ?? '',
      toStep: l.toStepLabel ?? d['toStepId'] ?? '',
      toJourney: l.toTitle ?? d['toJourneyId'] ?? '',
    });
  if (h.link === 'child')
    return t(id, {
      who,
      step: l.parentStepLabel ?? d['parentStepId'] ?? '',
      parent: l.parentTitle ?? d['parentJourneyId'] ?? '',
      child: l.childTitle ?? d['childJourneyId'] ?? '',
    });
  return t(id, {
    who,
    target: l.targetLabel ?? d['target'] ?? '',
    opportunity: d['title'] ?? d['opportunityId'] ?? '',
  });
}

/**
 * Links to other journeys and opportunities make no new version of the map; their changes are listed here, in
 * the map's history, with who and when (decision 0040).
 */
export function LinkHistory(props: { ws: string; id: string; version: number }) {
  const { ws, id, version } = props;
  const [items, setItems] = useState<readonly LinkChangeView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    readConnections(ws, id).then(
      (c) => setItems(c.history ?? []),
      (e: unknown) => setError(errorText(e)),
    );
  }, [ws, id, version]);
  if (error)
    return (
      <p className="error-message" role="alert">
        {t('hierarchy.linkHistory.couldNotLoad', { reason: error })}
      </p>
    );
  if (!items || items.length === 0) return null;
  return (
    <section className="history-session" aria-labelledby="link-history-heading">
      <h3 id="link-history-heading">{t('hierarchy.linkHistory.heading')}</h3>
      <ol className="history-list link-history">
        {[...items].reverse().map((h) => (
          <li key={h.seq}>
            <time dateTime={h.at}>{when(h.at)}</time> {linkChangeWords(h)}
          </li>
        ))}
      </ol>
    </section>
  );
}
