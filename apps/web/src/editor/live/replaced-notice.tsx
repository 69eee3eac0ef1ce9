import type { ReplacedNotice } from './live-context';
import { useLive } from './live-context';
import { t } from '../../i18n';

/**
 * In place, at the card (or the field) whose words someone else replaced after this person wrote them: who
 * changed it, the words that were theirs, and the two answers. Not a live region: the editor's message bar
 * announces it once; this is where to act.
 */
export function ReplacedNoticeBox({ notice }: { notice: ReplacedNotice }) {
  const live = useLive();
  if (!live) return null;
  return (
    <div className="live-replaced" data-notice={notice.id}>
      <p className="live-replaced__text">{notice.message}</p>
      <div className="live-replaced__actions">
        <button type="button" className="button button--small" onClick={() => live.restore(notice.id)}>
          {t('live.putBack')}
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => live.keep(notice.id)}
        >
          {notice.by === '' ? t('live.keepTheirs') : t('live.keepNamed', { name: notice.by })}
        </button>
      </div>
    </div>
  );
}

/** The replaced notices of one card, newest first for each field. */
export function ReplacedAtCard({ cardId }: { cardId: string }) {
  const live = useLive();
  if (!live) return null;
  const here = latestPerField(
    live.replaced.filter((n) => n.target.type === 'card' && n.target.id === cardId),
  );
  return (
    <>
      {here.map((n) => (
        <ReplacedNoticeBox key={n.id} notice={n} />
      ))}
    </>
  );
}

/** One notice per field: the newest (an older one about the same field is out of date). */
export function latestPerField(notices: readonly ReplacedNotice[]): ReplacedNotice[] {
  const byField = new Map<string, ReplacedNotice>();
  for (const n of notices) byField.set(`${n.target.type}\u0000${n.target.id ?? ''}\u0000${n.field}`, n);
  return [...byField.values()];
}
