import { z } from 'zod';
import { problemsFromZod } from './journey/parse';

/** One input per zod issue code, each failing its schema with that issue: [zod's code, schema, input]. */
export const zodIssueCases: readonly [string, z.ZodType, unknown][] = [
  ['invalid_type', z.string(), 1],
  ['too_big', z.string().max(1), 'ab'],
  ['too_small', z.string().min(2), 'a'],
  ['invalid_format', z.email(), 'not an address'],
  ['not_multiple_of', z.number().multipleOf(2), 3],
  ['unrecognized_keys', z.strictObject({}), { extra: 1 }],
  ['invalid_union', z.union([z.string(), z.number()]), true],
  ['invalid_key', z.record(z.string().min(2), z.number()), { a: 1 }],
  ['invalid_value', z.enum(['a', 'b']), 'c'],
  ['custom', z.string().refine(() => false), 'x'],
];

/**
 * The problem codes Waymark makes from zod's issues (`problemsFromZod`), one per case above, each made by zod
 * itself, so a zod upgrade that adds or renames an issue code fails the test that lists them. Throws when a case
 * no longer fails with the issue it names.
 */
export function problemCodesFromZod(): string[] {
  return zodIssueCases.map(([expected, schema, input]) => {
    const parsed = schema.safeParse(input);
    if (parsed.success) throw new Error(`${expected}: the case did not fail`);
    const got = parsed.error.issues[0]?.code;
    if (got !== expected) throw new Error(`${expected}: zod reported ${String(got)}`);
    return problemsFromZod(parsed.error)[0]!.code;
  });
}
