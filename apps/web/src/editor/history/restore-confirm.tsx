import { differenceBetween, type Journey } from '@waymark/core';
import { useEffect, useMemo, useRef } from 'react';
import { t } from '../../i18n';
import { restoreChanges } from './restore-words';

export interface RestoreTarget {
  readonly version: number;
  /** "10:42" or "10:42 on 3 December": how the entry shows the moment. */
  readonly when: string;
}

/**
 * Asks before a restore, saying what it will change (counted against the map as it is now) and that nothing
 * is lost. Focus moves to its heading when it opens.
 */
export function RestoreConfirm(props: {
  target: RestoreTarget;
  current: Journey;
  /** The map at the target version; null while it loads. */
  past: Journey | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { target, current, past, onConfirm, onCancel } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [target.version]);
  const changes = useMemo(
    () => (past ? restoreChanges(differenceBetween(current, past)) : null),
    [current, past],
  );
  const titleId = `restore-confirm-${target.version}`;
  return (
    <section className="restore-confirm" aria-labelledby={titleId}>
      <h3 id={titleId} ref={heading} tabIndex={-1}>
        {t('history.confirm.heading', { when: target.when })}
      </h3>
      {changes === null ? <p>{t('history.confirm.working')}</p> : null}
      {changes !== null && changes.length === 0 ? <p>{t('history.confirm.nothing')}</p> : null}
      {changes !== null && changes.length > 0 ? (
        <>
          <p>{t('history.confirm.intro')}</p>
          <ul className="restore-confirm__changes">
            {changes.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p>{t('history.confirm.nothingLost')}</p>
        </>
      ) : null}
      <div className="restore-confirm__actions">
        {changes !== null && changes.length > 0 ? (
          <button type="button" className="button" onClick={onConfirm}>
            {t('history.confirm.restore')}
          </button>
        ) : null}
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {changes !== null && changes.length === 0 ? t('common.close') : t('common.cancel')}
        </button>
      </div>
    </section>
  );
}
