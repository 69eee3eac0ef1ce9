import { restoreCommand, type Journey } from '@waymark/core';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../api/client';
import { formatDateIn, formatList, t } from '../i18n';
import { errorText } from '../ui/field';
import { LinkHistory } from '../hierarchy/link-history';
import { useEditorContext } from './editor-context';
import { groupHistory } from './history/group-history';
import { HistoryEntry, timeOf } from './history/history-entry';
import { RestoreAtTime } from './history/restore-at-time';
import { RestoreConfirm, type RestoreTarget } from './history/restore-confirm';
import { useHistoryPages } from './history/use-history-pages';
import { wordsThen } from './history/words-then';
import './history/history.css';

/** An edit is sent as one message of at most 1 MiB (the API's JSON limit); a bigger restore goes by its route. */
const EDIT_BYTES_MAX = 900_000;

const dayOf = (at: string) =>
  formatDateIn(at, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/**
 * The history as a workshop reads it: sessions (separated by pauses of over half an hour) with the date and
 * who took part; in each, one entry per person per minute, expandable to the single edits; newest first, a
 * page at a time. Editors can make the map as it was at any entry again, after a confirmation that says what
 * will change: the restore is an ordinary edit (one undo step; live participants keep their own edits on top).
 */
export function HistoryPanel(props: {
  api: ApiClient;
  ws: string;
  id: string;
  journey: Journey;
  version: number;
  canRestore: boolean;
  /** No longer needed: a restore is an edit like any other and goes with the unsaved ones. */
  hasUnsaved?: boolean;
  onRestored?: (version: number, journey: Journey) => void;
}) {
  const { api, ws, id, version, canRestore, journey, onRestored } = props;
  const { execute } = useEditorContext();
  const pages = useHistoryPages(api, ws, id, version);
  const [target, setTarget] = useState<RestoreTarget | null>(null);
  const [past, setPast] = useState<{ version: number; journey: Journey } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const sessions = useMemo(() => groupHistory(pages.items ?? []).reverse(), [pages.items]);
  // Each entry quotes the map as it was at its version, not as it is now.
  const words = useMemo(() => wordsThen(pages.items ?? [], journey), [pages.items, journey]);
  const wordsOf = useCallback((v: number) => words.get(v), [words]);
  const whenOf = useCallback(
    (v: number) => {
      const found = pages.items?.find((x) => x.version === v);
      return found ? timeOf(found.at) : t('history.versionNumber', { version: v });
    },
    [pages.items],
  );

  const ask = (t: RestoreTarget) => {
    setError(null);
    setDone(null);
    setTarget(t);
    setPast(null);
    api
      .journeyAt(ws, id, t.version)
      .then((r) => setPast(r))
      .catch((e: unknown) => {
        setTarget(null);
        setError(errorText(e));
      });
  };
  const close = (message: string | null) => {
    setTarget(null);
    setPast(null);
    setDone(message);
    // The confirmation is gone: focus goes to what happened, not to the top of the page.
    setTimeout(() => statusRef.current?.focus(), 0);
  };
  const confirm = async () => {
    if (!target || !past) return;
    const restore = restoreCommand(journey, past.journey, target.version);
    if (!restore) return close(t('history.nothingRestored'));
    if (new TextEncoder().encode(JSON.stringify(restore)).length > EDIT_BYTES_MAX) {
      // Too big to send as an edit: the server works it out and stores it (everyone gets it the same way).
      try {
        const r = await api.restore(ws, id, target.version);
        onRestored?.(r.version, r.journey);
      } catch (e) {
        setError(errorText(e));
        return;
      }
      return close(t('history.restoredBig', { when: target.when }));
    }
    if (!execute(restore)) {
      setError(t('history.restoreFailed'));
      return;
    }
    close(t('history.restored', { when: target.when }));
  };

  return (
    <div className="history">
      {error ? (
        <p className="error-message" role="alert">
          {error}
        </p>
      ) : null}
      <p role="status" ref={statusRef} tabIndex={-1}>
        {done}
      </p>
      {pages.error ? (
        <p className="error-message" role="alert">
          {pages.error}
        </p>
      ) : null}
      {target ? (
        <RestoreConfirm
          target={target}
          current={journey}
          past={past?.version === target.version ? past.journey : null}
          onConfirm={() => void confirm()}
          onCancel={() => close(null)}
        />
      ) : null}
      {canRestore && pages.items !== null && !target ? (
        <RestoreAtTime
          versions={pages.items}
          hasEarlier={pages.hasEarlier}
          current={version}
          onRestore={ask}
        />
      ) : null}
      {pages.items === null ? <p>{t('history.loading')}</p> : null}
      <LinkHistory ws={ws} id={id} version={version} />
      {sessions.map((s) => (
        <section key={s.key} className="history-session" aria-labelledby={`history-${s.key}`}>
          <h3 id={`history-${s.key}`}>
            {t('history.sessionHeading', { day: dayOf(s.start), start: timeOf(s.start), end: timeOf(s.end) })}
          </h3>
          <p className="history-session__people">
            {t('history.changesBy', { people: formatList(s.people) })}
          </p>
          <ol className="history-list">
            {[...s.groups].reverse().map((g) => (
              <HistoryEntry
                key={g.key}
                group={g}
                wordsOf={wordsOf}
                current={version}
                canRestore={canRestore}
                whenOf={whenOf}
                onRestore={ask}
              />
            ))}
          </ol>
        </section>
      ))}
      {pages.hasEarlier ? (
        <button
          type="button"
          className="button button--secondary"
          aria-disabled={pages.loading || undefined}
          onClick={pages.loadEarlier}
        >
          {pages.loading ? t('history.loadingEarlier') : t('history.showEarlier')}
        </button>
      ) : null}
    </div>
  );
}
