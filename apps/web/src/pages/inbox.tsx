import { useCallback, useEffect, useState, type MouseEvent } from 'react';
import { formatDateTime } from '../app/format';
import { useRouter } from '../app/router';
import { routePath, type Route } from '../app/routes';
import { useSession } from '../app/session';
import { t } from '../i18n';
import { errorText } from '../ui/field';
import { excerpt, type ThingToLookAt } from '../editor/comments';
import '../editor/comments.css';

/**
 * A person's things to look at on their workspace's home page (decision 0018): comment threads that mention
 * them, and replies where they have commented, unread first. Each opens the map with that thread in the
 * comments panel, which marks it as seen; "Mark as seen" does so without opening it.
 */
export function ThingsToLookAt({ ws }: { ws: string }) {
  const { api } = useSession();
  const { navigate } = useRouter();
  const [items, setItems] = useState<readonly ThingToLookAt[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setItems((await api.thingsToLookAt(ws)).items);
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [api, ws]);
  useEffect(() => {
    void load();
  }, [load]);

  const markSeen = async (item: ThingToLookAt) => {
    try {
      await api.markThreadSeen(ws, item.journeyId, item.threadId);
      await load();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const unread = items?.filter((i) => i.unread).length ?? 0;

  return (
    <section className="things-to-look-at" aria-labelledby="things-heading">
      <h2 id="things-heading">
        {t('comments.inbox.heading')}
        {items && items.length ? (
          <span className="hint"> ({t('comments.inbox.summary', { count: unread })})</span>
        ) : null}
      </h2>
      {error ? (
        <p className="error-message" role="alert">
          {error}
        </p>
      ) : null}
      {items === null ? (
        error ? null : (
          <p className="hint">{t('comments.inbox.loading')}</p>
        )
      ) : items.length === 0 ? (
        <p className="hint">{t('comments.inbox.empty')}</p>
      ) : (
        <>
          <p className="hint">{t('comments.inbox.intro')}</p>
          <ul className="things-to-look-at__list">
            {items.map((item) => (
              <Item
                key={item.threadId}
                ws={ws}
                item={item}
                navigate={navigate}
                onSeen={() => void markSeen(item)}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Item(props: {
  ws: string;
  item: ThingToLookAt;
  navigate: (to: Route, options?: { search?: string }) => void;
  onSeen: () => void;
}) {
  const { ws, item, navigate, onSeen } = props;
  const to: Route = { page: 'editor', ws, id: item.journeyId };
  const search = `?comment=${encodeURIComponent(item.threadId)}`;
  const what = t(item.reason === 'mention' ? 'comments.inbox.mention' : 'comments.inbox.reply', {
    author: item.latest.author.name,
    journey: item.journeyTitle,
  });
  const open = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to, { search });
  };
  return (
    <li
      className={
        item.unread ? 'things-to-look-at__item things-to-look-at__item--unread' : 'things-to-look-at__item'
      }
    >
      <p className="things-to-look-at__head">
        <span className="things-to-look-at__tag">
          {item.unread ? t('comments.inbox.new') : t('comments.inbox.seen')}
        </span>
        <a className="things-to-look-at__link" href={routePath(to) + search} onClick={open}>
          {what}
        </a>
      </p>
      <p className="things-to-look-at__excerpt">{excerpt(item.latest.body)}</p>
      <p className="things-to-look-at__meta">
        {formatDateTime(item.latest.at)}
        {item.unread ? <> · {t('comments.inbox.newCount', { count: item.unreadCount })}</> : null}
        {item.resolved ? <> · {t('comments.inbox.resolved')}</> : null}
      </p>
      {item.unread ? (
        <button type="button" className="link-button" onClick={onSeen}>
          {t('comments.inbox.markSeen')}
          <span className="visually-hidden">: {what}</span>
        </button>
      ) : null}
    </li>
  );
}
