import { problemMessageId, type MessageId } from '@waymark/i18n';
import { namespaces } from '@waymark/i18n';
import { t } from '../i18n';

/** One problem of a template pack as the API lists it. */
export interface PackProblem {
  readonly code: string;
  readonly path: string;
}

const camel = (code: string) => code.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const known = { ...namespaces.templates.en, ...namespaces.errors.en } as Record<string, string>;

/**
 * A template pack's problem in words: the field as the file names it (`templates[1].lanes[0].kind`, which the
 * person needs to find it in the file) and what is wrong, from the templates namespace for the file's own
 * problems, the errors namespace for validation problems, else a plain sentence.
 */
export function packProblemWords(problem: PackProblem): string {
  const field =
    problem.path === '(document)' || problem.path === '' ? t('templates.import.wholeFile') : problem.path;
  const own = `templates.problem.${camel(problem.code)}`;
  const validation = problemMessageId(problem.code) as string;
  const words =
    own in known
      ? t(own as MessageId)
      : validation in known
        ? t(validation as MessageId, { field: t('errors.field.value') })
        : t('templates.problem.other');
  return t('templates.import.problem', { field, words });
}

/** The problems listed in an API error's body, if any. */
export function packProblemsOf(body: unknown): PackProblem[] {
  if (typeof body !== 'object' || body === null || !('problems' in body)) return [];
  const list = (body as { problems: unknown }).problems;
  return Array.isArray(list)
    ? list.flatMap((p: unknown) =>
        typeof p === 'object' && p !== null && 'code' in p && 'path' in p
          ? [{ code: String((p as PackProblem).code), path: String((p as PackProblem).path) }]
          : [],
      )
    : [];
}
