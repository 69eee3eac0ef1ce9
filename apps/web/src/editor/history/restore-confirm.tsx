import { differenceBetween, type Journey } from '@waymark/core';
import { useEffect, useMemo, useRef } from 'react';
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
        Restore the map as it was at {target.when}?
      </h3>
      {changes === null ? <p>Working out what would change…</p> : null}
      {changes !== null && changes.length === 0 ? (
        <p>The map is already as it was then: there is nothing to restore.</p>
      ) : null}
      {changes !== null && changes.length > 0 ? (
        <>
          <p>Restoring it will change the map for everyone working on it:</p>
          <ul className="restore-confirm__changes">
            {changes.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p>
            Nothing is lost. The changes made since then stay in the history, and you can undo this restore,
            or restore a later moment, at any time.
          </p>
        </>
      ) : null}
      <div className="restore-confirm__actions">
        {changes !== null && changes.length > 0 ? (
          <button type="button" className="button" onClick={onConfirm}>
            Restore the map
          </button>
        ) : null}
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {changes !== null && changes.length === 0 ? 'Close' : 'Cancel'}
        </button>
      </div>
    </section>
  );
}
