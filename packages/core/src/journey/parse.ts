import type { z } from 'zod';
import { problem, type Problem, type ProblemValues } from '../problem';
import { idPattern } from './ids';
import { err, ok, type Result } from '../result';
import { checkInvariants } from './invariants';
import { migrateJourney } from './migrations';
import { journeySchema, monthPattern, periodPattern, type Journey } from './schema';

const quoted = (list: readonly unknown[]) => list.map((v) => `"${String(v)}"`).join(', ');

/** The patterns the journey schema names, so a pattern's words can say what it wants rather than the pattern. */
const patterns: Record<string, string> = {
  [String(idPattern)]: 'id',
  [String(periodPattern)]: 'period',
  [String(monthPattern)]: 'month',
};

/**
 * The particulars of a zod issue as catalogue values (see the `commands.problem.*` words): the limit and what it
 * limits, the kind expected, the choices, the unknown fields; a refinement says which rule by its `params.rule`.
 */
function zodValues(issue: z.core.$ZodIssue): ProblemValues {
  switch (issue.code) {
    case 'invalid_type':
      return {
        expected: String(issue.expected),
        given: 'input' in issue && issue.input === undefined ? 'missing' : 'other',
      };
    case 'too_big':
      return {
        origin: String(issue.origin),
        maximum: Number(issue.maximum),
        inclusive: issue.inclusive === false ? 'no' : 'yes',
      };
    case 'too_small':
      return {
        origin: String(issue.origin),
        minimum: Number(issue.minimum),
        inclusive: issue.inclusive === false ? 'no' : 'yes',
      };
    case 'invalid_format':
      return {
        format: issue.format,
        rule: (issue.format === 'regex' && patterns[String(issue.pattern)]) || 'other',
      };
    case 'not_multiple_of':
      return { divisor: Number(issue.divisor) };
    case 'unrecognized_keys':
      return { keys: quoted(issue.keys), count: issue.keys.length };
    case 'invalid_union':
      return 'discriminator' in issue && issue.discriminator
        ? {
            discriminator: String(issue.discriminator),
            options: quoted((issue as { options?: unknown[] }).options ?? []),
          }
        : {};
    case 'invalid_value':
      return { rule: 'choice', options: quoted(issue.values) };
    case 'custom': {
      const params = (issue.params ?? {}) as { rule?: unknown; max?: unknown };
      return {
        rule: typeof params.rule === 'string' ? params.rule : 'other',
        ...(typeof params.max === 'number' ? { max: params.max } : {}),
      };
    }
    default:
      return {};
  }
}

/** zod's issues as Problems with a path into the document. */
export function problemsFromZod(error: z.ZodError, prefix: ReadonlyArray<string | number> = []): Problem[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
    let message = issue.message;
    if (issue.code === 'unrecognized_keys')
      message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator) {
      message = `unknown ${String(issue.discriminator)}; ${issue.message}`;
    }
    return problem(
      issue.code === 'custom'
        ? 'invalid_value'
        : `invalid_${issue.code}`.replace('invalid_invalid_', 'invalid_'),
      path,
      message,
      'error',
      zodValues(issue),
    );
  });
}

/**
 * Reads a journey from plain data (parsed JSON or YAML): migrates old versions, checks the schema, then the
 * invariants. Every problem is listed, each with its path, so a user can fix them all in one pass.
 */
export function parseJourney(input: unknown): Result<Journey, Problem[]> {
  const migrated = migrateJourney(input);
  if (!migrated.ok) return migrated;
  const parsed = journeySchema.safeParse(migrated.value, { reportInput: true });
  if (!parsed.success) return err(problemsFromZod(parsed.error));
  const broken = checkInvariants(parsed.data);
  return broken.length > 0 ? err(broken) : ok(parsed.data);
}
