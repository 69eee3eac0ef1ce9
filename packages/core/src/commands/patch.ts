import type { z } from 'zod';
import type { DocPath } from '../problem';
import { err, ok, type Result } from '../result';
import { problemsFromZod } from '../journey/parse';
import { commandError, type CommandError } from './command-error';

export interface Patched<T> {
  readonly item: T;
  /** Puts the fields back: old values for fields that were there, `unset` for those that were not. */
  readonly inversePatch: Record<string, unknown>;
  readonly inverseUnset: string[];
}

const own = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/**
 * `patch` replaces the named fields of `old`, `unset` removes fields (or resets them to their default); the
 * result is checked against the item's full `schema`, so a patch cannot make an item invalid. Fields in
 * `fixed` (an id, a card's kind) cannot be patched or unset.
 */
export function mergePatch<T extends object>(
  old: T,
  patch: Readonly<Record<string, unknown>>,
  unset: readonly string[] | undefined,
  schema: z.ZodType,
  fixed: readonly string[] = [],
): Result<Patched<T>, CommandError> {
  const unsetKeys = unset ?? [];
  for (const key of Object.keys(patch)) {
    if (fixed.includes(key)) return err(fixedField(['patch', key], key));
  }
  for (const [i, key] of unsetKeys.entries()) {
    if (fixed.includes(key)) return err(fixedField(['unset', i], key));
    if (own(patch, key))
      return err(
        commandError('invalid_patch', ['unset', i], `"${key}" is both in patch and in unset; give it in one`),
      );
  }
  const candidate: Record<string, unknown> = { ...(old as Record<string, unknown>) };
  for (const key of unsetKeys) delete candidate[key];
  Object.assign(candidate, patch);
  const parsed = schema.safeParse(candidate);
  if (!parsed.success) {
    const first = problemsFromZod(parsed.error)[0]!;
    const head = first.path[0];
    const path: DocPath =
      typeof head === 'string' && own(patch, head)
        ? ['patch', ...first.path]
        : typeof head === 'string' && unsetKeys.includes(head)
          ? ['unset', unsetKeys.indexOf(head)]
          : ['patch'];
    const field = typeof head === 'string' ? `${head}: ` : '';
    return err(commandError('invalid_patch', path, `${field}${first.message}`));
  }
  const data = parsed.data as Record<string, unknown>;
  const before = old as Record<string, unknown>;
  const changed = new Set([...Object.keys(patch), ...unsetKeys]);
  // Fields in the schema's order, so an update and its undo give the same JSON text, not only equal values.
  const item: Record<string, unknown> = {};
  for (const key of Object.keys(data)) {
    const value = changed.has(key) ? data[key] : before[key];
    if (value !== undefined) item[key] = value;
  }
  const inversePatch: Record<string, unknown> = {};
  const inverseUnset: string[] = [];
  for (const key of changed) {
    if (own(old, key)) inversePatch[key] = before[key];
    else inverseUnset.push(key);
  }
  return ok({ item: item as T, inversePatch, inverseUnset });
}

const fixedHints: Record<string, string> = {
  id: 'remove the item and add it again with the new id',
  kind: 'remove the item and add one of the other kind',
  laneId: 'use card.move',
  columnId: 'use card.move',
};
const fixedField = (path: DocPath, key: string): CommandError =>
  commandError(
    'invalid_patch',
    path,
    `"${key}" cannot be changed by an update; ${fixedHints[key] ?? 'remove the item and add it again'}`,
  );
