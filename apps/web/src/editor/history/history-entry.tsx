import { useState } from 'react';
import { formatDateIn, t } from '../../i18n';
import { summariseCommands } from '../describe-command';
import { restoredFromOf, type HistoryGroup, type HistoryVersion } from './group-history';
import type { RestoreTarget } from './restore-confirm';

const kindWords: Record<string, () => string> = {
  create: () => t('history.kind.create'),
  import: () => t('history.kind.import'),
  duplicate: () => t('history.kind.duplicate'),
  restore: () => t('history.kind.restore'),
};

export const timeOf = (at: string) => formatDateIn(at, { hour: '2-digit', minute: '2-digit' });
const secondsOf = (at: string) => formatDateIn(at, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/**
 * What one version did, in words. `words` are its edits described as the map was at that version
 * (wordsThen), so an older entry never quotes words written later.
 */
export function versionWords(
  v: HistoryVersion,
  words: readonly string[] | undefined,
  whenOf: (version: number) => string,
): string {
  const restored = restoredFromOf(v);
  if (restored !== null) return t('history.restoredAt', { when: whenOf(restored) });
  const kind = v.kind ? kindWords[v.kind] : undefined;
  if (kind) return kind();
  const said = (words ?? []).join('; ') || t('history.saved');
  return said.length > 300 ? `${said.slice(0, 297)}…` : said;
}

/**
 * One entry of the grouped history: who, when, what in a few words; its single edits on request; and a way
 * to make the map as it was after it (unless that is the map now).
 */
export function HistoryEntry(props: {
  group: HistoryGroup;
  /** Each version's edits in words, as the map was then. */
  wordsOf: (version: number) => readonly string[] | undefined;
  current: number;
  canRestore: boolean;
  whenOf: (version: number) => string;
  onRestore: (target: RestoreTarget) => void;
}) {
  const { group, wordsOf, current, canRestore, whenOf, onRestore } = props;
  const [open, setOpen] = useState(false);
  const who = group.by?.name ?? t('history.someone');
  const single = group.versions.length === 1;
  const what = single
    ? versionWords(group.last, wordsOf(group.last.version), whenOf)
    : summariseCommands(group.versions.flatMap((v) => v.commands));
  const listId = `history-edits-${group.key}`;
  const restoreButton = (v: HistoryVersion, when: string, extra: string) =>
    canRestore && v.version !== current ? (
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => onRestore({ version: v.version, when })}
      >
        {t('history.restoreAt', { when })}
        <span className="visually-hidden">{extra}</span>
      </button>
    ) : null;
  return (
    <li className="history-item" data-version={group.last.version}>
      <p className="history-item__head">
        <strong>{t('history.entryHead', { who, time: timeOf(group.last.at) })}</strong>
        {group.last.version === current ? ` ${t('history.mapNow')}` : ''}
      </p>
      <p className="history-item__what">{single ? what[0]!.toUpperCase() + what.slice(1) : what}</p>
      {restoreButton(
        group.last,
        timeOf(group.last.at),
        t('history.restoreAfterChanges', { who, version: group.last.version }),
      )}
      {!single ? (
        <>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-expanded={open}
            aria-controls={listId}
            onClick={() => setOpen(!open)}
          >
            {t(open ? 'history.hideEdits' : 'history.showEdits', { count: group.versions.length })}
            <span className="visually-hidden">
              {' '}
              {t('history.editsBy', { who, time: timeOf(group.last.at) })}
            </span>
          </button>
          {open ? (
            <ol className="history-edits" id={listId}>
              {[...group.versions].reverse().map((v) => (
                <li key={v.version}>
                  <p>
                    {secondsOf(v.at)} — {versionWords(v, wordsOf(v.version), whenOf)}
                  </p>
                  {restoreButton(
                    v,
                    secondsOf(v.at),
                    t('history.restoreAfterEdit', { who, version: v.version }),
                  )}
                </li>
              ))}
            </ol>
          ) : null}
        </>
      ) : null}
    </li>
  );
}
