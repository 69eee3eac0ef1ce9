import type { Journey } from '../journey/schema';
import { err, ok, type Result } from '../result';
import { applyCommand } from './apply';
import { commandError, type CommandError } from './command-error';
import type { JourneyCommand } from './schema';

/** One undoable step: the command that was applied and the command that takes it back. */
export interface HistoryEntry {
  readonly command: JourneyCommand;
  readonly inverse: JourneyCommand;
}

/** An undo/redo stack as a plain value; every operation returns a new one. */
export interface History {
  readonly journey: Journey;
  /** Oldest first; the last entry is undone next. */
  readonly past: readonly HistoryEntry[];
  /** The first entry is redone next. */
  readonly future: readonly HistoryEntry[];
  readonly limit: number;
}

/** The new history and the command that was applied to get there (send it to the server as it is). */
export interface HistoryStep {
  readonly history: History;
  readonly applied: JourneyCommand;
}

export const DEFAULT_HISTORY_LIMIT = 100;

export function createHistory(journey: Journey, limit = DEFAULT_HISTORY_LIMIT): History {
  if (!Number.isInteger(limit) || limit < 0)
    throw new RangeError(`history limit must be a whole number ≥ 0; got ${limit}`);
  return { journey, past: [], future: [], limit };
}

export const canUndo = (h: History): boolean => h.past.length > 0;
export const canRedo = (h: History): boolean => h.future.length > 0;

const keepLast = <T>(list: readonly T[], limit: number): readonly T[] =>
  list.length > limit ? list.slice(list.length - limit) : list;

/** Applies a new command; it becomes the next to undo and the redo stack is cleared. */
export function execute(h: History, command: JourneyCommand): Result<HistoryStep, CommandError> {
  const r = applyCommand(h.journey, command);
  if (!r.ok) return r;
  const past = keepLast([...h.past, { command, inverse: r.value.inverse }], h.limit);
  return ok({ history: { ...h, journey: r.value.journey, past, future: [] }, applied: command });
}

/** Applies the inverse of the last command. */
export function undo(h: History): Result<HistoryStep, CommandError> {
  const entry = h.past[h.past.length - 1];
  if (!entry) return err(commandError('nothing_to_undo', [], 'there is nothing to undo'));
  const r = applyCommand(h.journey, entry.inverse);
  if (!r.ok) return r;
  const redo: HistoryEntry = { command: r.value.inverse, inverse: entry.inverse };
  return ok({
    history: { ...h, journey: r.value.journey, past: h.past.slice(0, -1), future: [redo, ...h.future] },
    applied: entry.inverse,
  });
}

/** Applies again the command undone last. */
export function redo(h: History): Result<HistoryStep, CommandError> {
  const entry = h.future[0];
  if (!entry) return err(commandError('nothing_to_redo', [], 'there is nothing to redo'));
  const r = applyCommand(h.journey, entry.command);
  if (!r.ok) return r;
  const past = keepLast([...h.past, { command: entry.command, inverse: r.value.inverse }], h.limit);
  return ok({
    history: { ...h, journey: r.value.journey, past, future: h.future.slice(1) },
    applied: entry.command,
  });
}
