import type { LiveNotice } from '../../state/live-sync';
import { ReplacedNoticeBox } from './replaced-notice';
import { t } from '../../i18n';

/**
 * The live editor's message bar (announced once, role="alert"): the newest notice in words. A card's replaced
 * words are answered at the card itself; anything else (a step's name, the journey's details) is answered here.
 */
export function LiveNoticeBar(props: { notices: readonly LiveNotice[]; dismiss: (id: number) => void }) {
  const notice = props.notices.at(-1);
  if (!notice) return null;
  const atCard = notice.kind === 'replaced' && notice.target.type === 'card';
  return (
    <div className="notice editor-message-bar" role="alert">
      {notice.kind === 'replaced' && !atCard ? (
        <ReplacedNoticeBox notice={notice} />
      ) : (
        <>
          {notice.message}
          {atCard ? (
            t('live.atCard')
          ) : (
            <>
              {' '}
              <button type="button" className="link-button" onClick={() => props.dismiss(notice.id)}>
                {t('live.dismiss')}
              </button>
            </>
          )}
        </>
      )}
    </div>
  );
}
