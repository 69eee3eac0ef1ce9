import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { plainMessage } from '../request-body';

/** zod's messages reach people through the API: they are put in plain words at the edge. */
describe("zod's wording made plain", () => {
  const messageOf = (schema: z.ZodType, value: unknown) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? 'accepted' : plainMessage(parsed.error.issues[0]!.message);
  };
  it.each([
    [z.string(), undefined, 'missing: expected a string'],
    [z.number(), 'x', 'expected a number, got a string'],
    [z.object({}), null, 'expected an object, got null'],
    [z.string().max(200), 'x'.repeat(201), 'too long: at most 200 characters'],
    [z.string().min(1), '', 'too short: at least 1 character'],
    [z.array(z.number()).max(2), [1, 2, 3], 'too many: at most 2 items'],
    [z.number().int().min(1), 0, 'too small: expected at least 1'],
    [z.number().positive(), 0, 'too small: expected more than 0'],
    [z.number().int(), 2 ** 60, 'too large: expected at most 9007199254740991'],
    [z.enum(['draft', 'published']), 'x', 'expected one of "draft", "published"'],
  ] as const)('%#: %s', (schema, value, expected) => {
    expect(messageOf(schema as z.ZodType, value)).toBe(expected);
  });
});
