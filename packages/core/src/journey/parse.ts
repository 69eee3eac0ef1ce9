import type { z } from 'zod';
import { problem, type Problem } from '../problem';
import { err, ok, type Result } from '../result';
import { checkInvariants } from './invariants';
import { migrateJourney } from './migrations';
import { journeySchema, type Journey } from './schema';

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
  const parsed = journeySchema.safeParse(migrated.value);
  if (!parsed.success) return err(problemsFromZod(parsed.error));
  const broken = checkInvariants(parsed.data);
  return broken.length > 0 ? err(broken) : ok(parsed.data);
}
