import { err, ok, type Result } from '@waymark/core';
import type { z } from 'zod';

/** An input a user sent that cannot be used: which field, and what was expected. */
export interface InputError {
  readonly code: 'invalid_input';
  /** Where, as `costs[2].amount`; '' for the input as a whole. */
  readonly path: string;
  /** The English, for programmers, logs and API callers; screens say `reason` in their own words. */
  readonly message: string;
  /** What is wrong as a stable code (`bad_index`), for words from a catalogue; absent where only `message` says it. */
  readonly reason?: string;
  /** What the reason's words need: the line, what was given, the limit. */
  readonly values?: Readonly<Record<string, string | number>>;
}

export const inputError = (
  path: string,
  message: string,
  reason?: string,
  values?: Readonly<Record<string, string | number>>,
): InputError => ({
  code: 'invalid_input',
  path,
  message,
  ...(reason === undefined ? {} : { reason }),
  ...(values === undefined ? {} : { values }),
});

/** `['costs', 2, 'amount']` → `costs[2].amount`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out === '' ? String(key) : `${out}.${String(key)}`;
  }, '');
}

/** Parse unknown input with a schema; every problem becomes an InputError naming its field. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): Result<z.output<S>, readonly InputError[]> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  return err(parsed.error.issues.map((issue) => inputError(formatPath(issue.path), issue.message)));
}
