import type { Journey } from '../journey/schema';
import { commandsBetween, longestIncreasing } from './diff';
import { sameValue } from './same-value';
import type { BatchCommand, JourneyCommand } from './schema';

const LABEL = /^Restored the map as it was at version (\d+)$/;

/**
 * Restoring the map as it was at `version` (document `past`) as one ordinary edit: a batch of the commands
 * that turn `current` into `past`, labelled so the history can say it was a restore and of which version.
 * Applied like any edit, it keeps the later versions in the history, and its inverse undoes it. Null when
 * the map already is as it was.
 */
export function restoreCommand(current: Journey, past: Journey, version: number): BatchCommand | null {
  const commands = commandsBetween(current, past);
  if (commands.length === 0) return null;
  return { type: 'batch', label: `Restored the map as it was at version ${version}`, commands };
}

/** The version a restore batch (from `restoreCommand`) brought back; null for any other command. */
export function restoredVersionOf(command: JourneyCommand): number | null {
  if (command.type !== 'batch' || command.label === undefined) return null;
  const match = LABEL.exec(command.label);
  return match ? Number(match[1]) : null;
}

/** Lists of the journey counted in a difference, with the nouns people use for them. */
export const differenceLists = [
  'cards',
  'columns',
  'stages',
  'lanes',
  'links',
  'ideas',
  'personas',
  'organisations',
  'sources',
  'leverCategories',
] as const;
export type DifferenceList = (typeof differenceLists)[number];

export interface ListDifference {
  /** In `to` only: they come back (or appear). */
  readonly added: number;
  /** In `from` only: they go. */
  readonly removed: number;
  /** In both, but not the same (words, place or anything else). */
  readonly changed: number;
}

export interface JourneyDifference {
  readonly lists: Readonly<Record<DifferenceList, ListDifference>>;
  /** The journey's own details (title, status, …) or its axis differ. */
  readonly details: boolean;
  /** Nothing differs. */
  readonly none: boolean;
}

/** What differs between two versions of a journey, counted by list: for a confirmation before a restore. */
export function differenceBetween(from: Journey, to: Journey): JourneyDifference {
  let none = true;
  const lists = {} as Record<DifferenceList, ListDifference>;
  for (const key of differenceLists) {
    const before = from[key] as readonly { id: string }[];
    const after = to[key] as readonly { id: string }[];
    const old = new Set(before.map((x) => x.id));
    const ids = new Set(after.map((x) => x.id));
    const added = after.filter((x) => !old.has(x.id)).length;
    const removed = before.filter((x) => !ids.has(x.id)).length;
    lists[key] = { added, removed, changed: changedIgnoringShift(before, after) };
    if (added + removed + lists[key].changed > 0) none = false;
  }
  const details = !sameValue(from.meta, to.meta) || !sameValue(from.axis, to.axis);
  return { lists, details, none: none && !details };
}

/**
 * Items in both lists that differ, or whose place among the other items in both differs (a place that moved
 * only because others came or went is not a change of its own).
 */
function changedIgnoringShift(before: readonly { id: string }[], after: readonly { id: string }[]): number {
  const inBefore = new Map(before.map((x, i) => [x.id, { x, i }]));
  const kept = after.filter((x) => inBefore.has(x.id));
  const inPlace = longestIncreasing(kept.map((x) => inBefore.get(x.id)!.i));
  return kept.filter((x, k) => !inPlace.has(k) || !sameValue(inBefore.get(x.id)!.x, x)).length;
}
