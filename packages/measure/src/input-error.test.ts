import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatPath, parseInput } from './input-error';

describe('parseInput', () => {
  const schema = z.object({
    costs: z.array(
      z.object({ amount: z.number().min(0, { error: 'expected a non-negative number of pounds' }) }),
    ),
  });

  it('given a valid input, then it returns the parsed value', () => {
    expect(parseInput(schema, { costs: [{ amount: 1 }] })).toEqual({
      ok: true,
      value: { costs: [{ amount: 1 }] },
    });
  });

  it('given a bad nested field, then the error names the field and what was expected', () => {
    const result = parseInput(schema, { costs: [{ amount: 1 }, { amount: 2 }, { amount: -5 }] });
    expect(result).toEqual({
      ok: false,
      error: [
        {
          code: 'invalid_input',
          path: 'costs[2].amount',
          message: 'expected a non-negative number of pounds',
        },
      ],
    });
  });
});

describe('formatPath', () => {
  it('writes indices in brackets and keys with dots', () => {
    expect(formatPath(['a', 0, 'b', 'c', 3])).toBe('a[0].b.c[3]');
    expect(formatPath([])).toBe('');
  });
});
