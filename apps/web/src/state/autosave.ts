import type { JourneyCommand } from '@waymark/core';

/** How long the editor waits after the last edit before it sends the batch (typing coalesces into one). */
export const SAVE_DELAY_MS = 800;
/** A long burst of edits is still saved at least this often. */
export const SAVE_MAX_WAIT_MS = 4000;

type Updatable = Extract<JourneyCommand, { type: `${string}.update` }>;
const isUpdate = (c: JourneyCommand): c is Updatable => c.type.endsWith('.update');
const targetOf = (c: Updatable): string => ('id' in c ? `${c.type}\u0000${String(c.id)}` : c.type);

/** Two updates of the same item as one: later fields win; a field set after being unset is set, and back. */
function mergeUpdates(a: Updatable, b: Updatable): Updatable {
  const patch: Record<string, unknown> = { ...(a.patch as Record<string, unknown>) };
  const unset = new Set<string>(a.unset ?? []);
  for (const [key, value] of Object.entries(b.patch as Record<string, unknown>)) {
    patch[key] = value;
    unset.delete(key);
  }
  for (const key of b.unset ?? []) {
    delete patch[key];
    unset.add(key);
  }
  const merged = { ...b, patch } as Record<string, unknown>;
  if (unset.size > 0) merged['unset'] = [...unset];
  else delete merged['unset'];
  return merged as unknown as Updatable;
}

/**
 * The commands to send, with runs of updates to the same item (a card's text typed and retyped, a step
 * renamed twice) merged into one, so the history records what changed rather than every keystroke. Only
 * neighbours merge: an update is never moved past another command, so the result applies exactly as before.
 */
export function coalesce(commands: readonly JourneyCommand[]): JourneyCommand[] {
  const out: JourneyCommand[] = [];
  for (const command of commands) {
    const last = out[out.length - 1];
    if (last && isUpdate(last) && isUpdate(command) && targetOf(last) === targetOf(command)) {
      out[out.length - 1] = mergeUpdates(last, command);
    } else out.push(command);
  }
  return out;
}

/**
 * When to send next, in ms from `now`: SAVE_DELAY_MS after the last edit, but no later than SAVE_MAX_WAIT_MS
 * after the first unsaved one; null when there is nothing to send.
 */
export function saveDueIn(
  now: number,
  firstUnsavedAt: number | null,
  lastEditAt: number | null,
): number | null {
  if (firstUnsavedAt === null || lastEditAt === null) return null;
  const due = Math.min(lastEditAt + SAVE_DELAY_MS, firstUnsavedAt + SAVE_MAX_WAIT_MS);
  return Math.max(0, due - now);
}
