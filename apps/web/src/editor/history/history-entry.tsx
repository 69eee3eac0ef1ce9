import { useState } from 'react';
import type { Journey } from '@waymark/core';
import { describeCommand, summariseCommands } from '../describe-command';
import { restoredFromOf, type HistoryGroup, type HistoryVersion } from './group-history';
import type { RestoreTarget } from './restore-confirm';

const kindWords: Record<string, string> = {
  create: 'created the map',
  import: 'imported the map from a file',
  duplicate: 'copied the map from another journey',
  restore: 'restored an earlier version',
};

export const timeOf = (at: string) =>
  new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
const secondsOf = (at: string) =>
  new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** What one version did, in words. */
export function versionWords(
  v: HistoryVersion,
  journey: Journey,
  whenOf: (version: number) => string,
): string {
  const restored = restoredFromOf(v);
  if (restored !== null) return `restored the map as it was at ${whenOf(restored)}`;
  if (v.kind && kindWords[v.kind]) return kindWords[v.kind]!;
  const words = v.commands.map((c) => describeCommand(c, journey)).join('; ') || 'Saved';
  return words.length > 300 ? `${words.slice(0, 297)}…` : words;
}

/**
 * One entry of the grouped history: who, when, what in a few words; its single edits on request; and a way
 * to make the map as it was after it (unless that is the map now).
 */
export function HistoryEntry(props: {
  group: HistoryGroup;
  journey: Journey;
  current: number;
  canRestore: boolean;
  whenOf: (version: number) => string;
  onRestore: (target: RestoreTarget) => void;
}) {
  const { group, journey, current, canRestore, whenOf, onRestore } = props;
  const [open, setOpen] = useState(false);
  const who = group.by?.name ?? 'Someone';
  const single = group.versions.length === 1;
  const what = single
    ? versionWords(group.last, journey, whenOf)
    : summariseCommands(group.versions.flatMap((v) => v.commands));
  const listId = `history-edits-${group.key}`;
  const restoreButton = (v: HistoryVersion, when: string, extra: string) =>
    canRestore && v.version !== current ? (
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => onRestore({ version: v.version, when })}
      >
        Restore the map as it was at {when}
        <span className="visually-hidden">{extra}</span>
      </button>
    ) : null;
  return (
    <li className="history-item" data-version={group.last.version}>
      <p className="history-item__head">
        <strong>
          {who}, {timeOf(group.last.at)}
        </strong>
        {group.last.version === current ? ' (the map now)' : ''}
      </p>
      <p className="history-item__what">{single ? what[0]!.toUpperCase() + what.slice(1) : what}</p>
      {restoreButton(
        group.last,
        timeOf(group.last.at),
        `, after ${who}’s changes (version ${group.last.version})`,
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
            {open ? 'Hide' : 'Show'} the {group.versions.length} edits
            <span className="visually-hidden">
              {' '}
              by {who} at {timeOf(group.last.at)}
            </span>
          </button>
          {open ? (
            <ol className="history-edits" id={listId}>
              {[...group.versions].reverse().map((v) => (
                <li key={v.version}>
                  <p>
                    {secondsOf(v.at)} — {versionWords(v, journey, whenOf)}
                  </p>
                  {restoreButton(v, secondsOf(v.at), `, after this edit by ${who} (version ${v.version})`)}
                </li>
              ))}
            </ol>
          ) : null}
        </>
      ) : null}
    </li>
  );
}
