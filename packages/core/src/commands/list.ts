import type { DocPath } from '../problem';
import { commandError, type CommandError } from './command-error';

/** Immutable array edits: each returns a new array and leaves the input alone. */
export const insertAt = <T>(list: readonly T[], item: T, index: number): T[] => [
  ...list.slice(0, index),
  item,
  ...list.slice(index),
];

export const removeAt = <T>(list: readonly T[], index: number): T[] => [
  ...list.slice(0, index),
  ...list.slice(index + 1),
];

export const replaceAt = <T>(list: readonly T[], index: number, item: T): T[] => {
  const out = list.slice();
  out[index] = item;
  return out;
};

export const moveTo = <T>(list: readonly T[], from: number, to: number): T[] =>
  insertAt(removeAt(list, from), list[from] as T, to);

export const indexOfId = (list: readonly { readonly id: string }[], id: string): number =>
  list.findIndex((item) => item.id === id);

/** `undefined` when 0 ≤ index ≤ max, else an error that says the range. */
export function checkIndex(
  index: number,
  max: number,
  path: DocPath,
  what: string,
): CommandError | undefined {
  if (index >= 0 && index <= max && Number.isInteger(index)) return undefined;
  return commandError(
    'index_out_of_range',
    path,
    max === 0
      ? `expected ${what} 0, the only position there is; got ${index}`
      : `expected ${what} from 0 to ${max}; got ${index}`,
  );
}
