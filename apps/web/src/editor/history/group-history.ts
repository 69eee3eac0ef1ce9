import { restoredVersionOf, type JourneyCommand } from '@waymark/core';

/** One version as the history API gives it. */
export interface HistoryVersion {
  readonly version: number;
  readonly kind?: string;
  readonly at: string;
  readonly by: { readonly id: string; readonly name: string } | null;
  readonly commands: readonly JourneyCommand[];
  readonly detail?: Readonly<Record<string, unknown>> | null;
}

/** Consecutive edits by one person within one minute, shown as one entry; oldest first. */
export interface HistoryGroup {
  readonly key: string;
  readonly by: HistoryVersion['by'];
  readonly versions: readonly HistoryVersion[];
  /** The map after the group's last version: what "restore to here" brings back. */
  readonly last: HistoryVersion;
  /** Set when the group is one restore: the version it brought back. */
  readonly restoredFrom: number | null;
}

/** Groups with no gap longer than SESSION_GAP_MS between them; oldest first. */
export interface HistorySession {
  readonly key: string;
  readonly start: string;
  readonly end: string;
  /** Everyone who changed something, in the order they first did. */
  readonly people: readonly string[];
  readonly groups: readonly HistoryGroup[];
}

/** A pause longer than this starts a new session (a new workshop, another day). */
export const SESSION_GAP_MS = 30 * 60_000;

const minuteOf = (at: string) => Math.floor(Date.parse(at) / 60_000);

/** The version a restore brought back: the restore route's detail, or the editor's labelled batch. */
export function restoredFromOf(v: HistoryVersion): number | null {
  const detail = v.detail?.['restoredFrom'];
  if (typeof detail === 'number') return detail;
  return v.commands.length === 1 ? restoredVersionOf(v.commands[0]!) : null;
}

/** Versions that stand alone: a creation, an import, a copy, a restore. */
const alone = (v: HistoryVersion) =>
  (v.kind !== undefined && v.kind !== 'commands') || restoredFromOf(v) !== null;

/**
 * The history as people read it after a workshop: sessions separated by pauses, and in each, entries of
 * one person's edits within one minute. `versions` in any order; everything returned is oldest first.
 */
export function groupHistory(versions: readonly HistoryVersion[]): HistorySession[] {
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  const sessions: { groups: HistoryVersion[][] }[] = [];
  let previous: HistoryVersion | null = null;
  for (const v of sorted) {
    const gap = previous === null || Date.parse(v.at) - Date.parse(previous.at) > SESSION_GAP_MS;
    if (gap) sessions.push({ groups: [] });
    const groups = sessions[sessions.length - 1]!.groups;
    const group = groups[groups.length - 1];
    const last = group?.[group.length - 1];
    const joins =
      last !== undefined &&
      !alone(v) &&
      !alone(last) &&
      last.by?.id === v.by?.id &&
      minuteOf(last.at) === minuteOf(v.at);
    if (joins) group!.push(v);
    else groups.push([v]);
    previous = v;
  }
  return sessions.map(({ groups }) => {
    const made = groups.map((vs): HistoryGroup => ({
      key: `v${vs[0]!.version}`,
      by: vs[0]!.by,
      versions: vs,
      last: vs[vs.length - 1]!,
      restoredFrom: vs.length === 1 ? restoredFromOf(vs[0]!) : null,
    }));
    const people: string[] = [];
    for (const g of made) {
      const name = g.by?.name ?? 'Someone';
      if (!people.includes(name)) people.push(name);
    }
    const first = made[0]!.versions[0]!;
    return {
      key: `s${first.version}`,
      start: first.at,
      end: made[made.length - 1]!.last.at,
      people,
      groups: made,
    };
  });
}

/**
 * The version the map was at by the end of the minute `time` (epoch ms) names, among `versions` (oldest
 * first): `before` when it is earlier than all of them, `none` when there are none.
 */
export function versionAt(
  versions: readonly HistoryVersion[],
  time: number,
): HistoryVersion | 'before' | 'none' {
  if (versions.length === 0) return 'none';
  const end = (Math.floor(time / 60_000) + 1) * 60_000;
  let found: HistoryVersion | null = null;
  for (const v of versions) if (Date.parse(v.at) < end) found = v;
  return found ?? 'before';
}
