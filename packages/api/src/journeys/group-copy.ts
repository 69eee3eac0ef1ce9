import type { Journey, JourneyCommand, JourneyId } from '@waymark/core';
import type { ApplyCommand } from '../deps';
import { describeGroupCommand, reasonInWords } from './group-copy-describe';
import { avoidCollision, renameCommand, type Renames } from './group-copy-ids';

/**
 * A group's own copy of a map (decision 0014, "Groups"): a new journey in the same workspace, titled
 * "<map> — <group>", whose first version records which map and version it was copied from. Its later versions
 * are the group's work; merging replays their commands onto the main map as the facilitator's edit.
 */
export interface GroupCopyOrigin {
  /** The main map. */
  readonly from: JourneyId;
  /** The main map's version the copy was made from. */
  readonly fromVersion: number;
  /** The group's name, e.g. "Group 2". */
  readonly group: string;
}

/** Reads the origin from the detail of a copy's first version; null when the journey is not a group copy. */
export function groupCopyOrigin(detail: Readonly<Record<string, unknown>> | null): GroupCopyOrigin | null {
  if (!detail) return null;
  const { from, fromVersion, group } = detail;
  if (typeof from !== 'string' || typeof fromVersion !== 'number' || typeof group !== 'string') return null;
  return { from: from as JourneyId, fromVersion, group };
}

/** The copy's document: the main map with a new id and the group's title, marked as a draft based on it. */
export function groupCopyJourney(main: Journey, copyId: JourneyId, group: string): Journey {
  const title = `${main.meta.title} — ${group}`;
  return {
    ...main,
    id: copyId,
    meta: { ...main.meta, title: title.length > 200 ? title.slice(0, 200) : title, basedOn: main.id },
  };
}

/** A version of the copy, as the history gives it. */
export interface CopyVersion {
  readonly version: number;
  readonly kind: string;
  readonly commands: readonly JourneyCommand[];
}

export interface MergeLine {
  /** Plain words: `Add card “Waits on hold” at step “Phones the council”`. */
  readonly change: string;
  /** The copy's version it was made in. */
  readonly version: number;
}
export interface SkippedLine extends MergeLine {
  /** Why it cannot be applied, in plain words. */
  readonly reason: string;
}

export interface MergePlan {
  /** What will be applied to the main map, in order (ids renamed where the main map has used them meanwhile). */
  readonly commands: readonly JourneyCommand[];
  /** The main map with them applied. */
  readonly journey: Journey;
  readonly added: readonly MergeLine[];
  readonly changed: readonly MergeLine[];
  readonly removed: readonly MergeLine[];
  readonly skipped: readonly SkippedLine[];
  /** Items the copy created whose ids the main map had meanwhile used, with the ids they get on the main map. */
  readonly renamed: ReadonlyArray<{ readonly from: string; readonly to: string }>;
}

const kindOf = (command: JourneyCommand): 'added' | 'changed' | 'removed' => {
  if (command.type === 'batch') return 'changed';
  if (command.type.endsWith('.add')) return 'added';
  if (command.type.endsWith('.remove')) return 'removed';
  return 'changed';
};

const wholeVersionReason: Readonly<Record<string, string>> = {
  restore:
    'the group brought back an earlier version of its copy; that cannot be replayed on the main map, so make the change there by hand',
  import:
    'the group replaced its copy with a file; that cannot be replayed on the main map, so make the change there by hand',
};

type Prepared =
  | { readonly ok: true; readonly command: JourneyCommand; readonly journey: Journey }
  | { readonly ok: false; readonly reason: string };

/** One command of the copy made ready for the main map (ids followed or renamed) and applied to it. */
function prepare(
  apply: ApplyCommand,
  journey: Journey,
  original: JourneyCommand,
  renames: Renames,
  idSuffix: string,
): Prepared {
  if (original.type === 'batch') {
    // A batch applies whole or not at all; its parts may add items that its later parts use.
    let scratch = journey;
    const parts: JourneyCommand[] = [];
    for (const part of original.commands) {
      const done = prepare(apply, scratch, part, renames, idSuffix);
      if (!done.ok) return done;
      parts.push(done.command);
      scratch = done.journey;
    }
    return { ok: true, command: { ...original, commands: parts }, journey: scratch };
  }
  const command = avoidCollision(journey, renameCommand(original, renames), renames, idSuffix);
  const applied = apply(journey, command);
  if (!applied.ok) return { ok: false, reason: reasonInWords(applied.error.code, applied.error.message) };
  return { ok: true, command, journey: applied.value.journey };
}

const cloneRenames = (renames: Renames): Renames =>
  new Map([...renames].map(([collection, ids]) => [collection, new Map(ids)]));
function restoreRenames(renames: Renames, before: Renames): void {
  renames.clear();
  for (const [collection, ids] of before) renames.set(collection, ids);
}

/**
 * Replays the copy's commands (its versions after the one it was made or last merged at) onto the main map as
 * it is now. Each command applies whole or not at all: one that no longer applies (its step was deleted on
 * the main map) is skipped with its reason, and so are the copy's changes to the journey's details (the copy's
 * title is its own). Pure: the caller stores `commands` through the normal commit path.
 */
export function planGroupMerge(input: {
  readonly apply: ApplyCommand;
  readonly main: Journey;
  readonly copy: Journey;
  readonly versions: readonly CopyVersion[];
  /** Added to an id the main map has meanwhile used, e.g. "group-2". */
  readonly idSuffix: string;
}): MergePlan {
  const { apply, copy, versions, idSuffix } = input;
  let journey = input.main;
  const renames: Renames = new Map();
  const commands: JourneyCommand[] = [];
  const lines = { added: [] as MergeLine[], changed: [] as MergeLine[], removed: [] as MergeLine[] };
  const skipped: SkippedLine[] = [];
  const words = (c: JourneyCommand) => describeGroupCommand(c, [copy, journey, input.main]);
  for (const v of versions) {
    if (v.kind !== 'commands') {
      const reason = wholeVersionReason[v.kind] ?? wholeVersionReason['import']!;
      skipped.push({ change: `Version ${v.version} of the copy`, version: v.version, reason });
      continue;
    }
    for (const original of v.commands) {
      if (original.type === 'meta.update') {
        skipped.push({
          change: words(original),
          version: v.version,
          reason: 'changes to the copy’s title and details stay with the copy; make them on the main map',
        });
        continue;
      }
      const change = words(renameCommand(original, renames));
      const before = cloneRenames(renames);
      const prepared = prepare(apply, journey, original, renames, idSuffix);
      if (!prepared.ok) {
        restoreRenames(renames, before);
        skipped.push({ change, version: v.version, reason: prepared.reason });
        continue;
      }
      lines[kindOf(prepared.command)].push({ change, version: v.version });
      journey = prepared.journey;
      commands.push(prepared.command);
    }
  }
  const renamed = [...renames.values()].flatMap((m) => [...m].map(([from, to]) => ({ from, to })));
  return { commands, journey, ...lines, skipped, renamed };
}
