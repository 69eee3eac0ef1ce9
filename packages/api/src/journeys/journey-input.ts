import { formatPath, parseJourney, type Journey, type Problem } from '@waymark/core';
import { fail } from '../api-error';

/** A problem list as the API shows it: code, path as text, message, and the line when a file was read. */
export const problemBodies = (problems: readonly (Problem & { line?: number; column?: number })[]) =>
  problems.map((p) => ({
    code: p.code,
    path: formatPath(p.path),
    message: p.message,
    ...(p.line ? { line: p.line, column: p.column } : {}),
  }));

/** Throws `invalid_journey` (422) naming the first problem and listing them all. */
export function invalidJourney(
  problems: readonly (Problem & { line?: number; column?: number })[],
  prefix = 'journey',
): never {
  const errors = problems.filter((p) => p.severity === 'error');
  const first = errors[0] ?? problems[0]!;
  const path = first.path.length === 0 ? prefix : `${prefix}.${formatPath(first.path)}`.replace('.[', '[');
  const where = first.line ? ` (line ${first.line})` : '';
  const more =
    errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
  throw fail('invalid_journey', `${path}${where}: ${first.message}${more}`, path, {
    problems: problemBodies(problems),
  });
}

/** A journey from request data, or a 422 listing every problem. */
export function journeyFromBody(data: unknown): Journey {
  const parsed = parseJourney(data);
  if (!parsed.ok) invalidJourney(parsed.error);
  return parsed.value;
}

/** A readable id from a title: `Reporting ASB (victim)` → `reporting-asb-victim`. */
export const slugify = (title: string): string =>
  title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '') || 'journey';
