import { httpStatusKind, type ListedProblemBody as ListedProblem } from '@waymark/core';
import { errorMessageId, namespaces, problemMessageId, type MessageId } from '@waymark/i18n';
import { t } from '../i18n';

/**
 * Errors in words people use (decision 0017, "Error messages"): every message comes from the catalogue by the
 * error's code, the field it is about (named as the screen names it) and the limit it broke. The server's and
 * zod's own English is never shown: an unknown code falls back to plain words by HTTP status.
 */

const known = namespaces.errors.en as Record<string, string>;
const has = (id: string): id is MessageId => id in known;

/** A validation issue as zod reports it (the parts the words need). */
export interface Issue {
  readonly code: string;
  readonly origin?: string;
  readonly expected?: string;
  readonly maximum?: number | bigint;
  readonly minimum?: number | bigint;
}

/** The segments of a path the server formats as `commands[0].patch.title`. */
export function pathSegments(path: string | null | undefined): (string | number)[] {
  if (!path) return [];
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(m[3]);
  }
  return out;
}

/**
 * What the screen calls a field: `errors.field.<noun>.<key>` ("Card text"), else `errors.field.<key>`
 * ("Title"), else "The value". `noun` is the command's (card, meta, column…) when known.
 */
export function fieldName(noun: string | null, key: string | null): string {
  if (key !== null) {
    if (noun !== null && has(`errors.field.${noun}.${key}`))
      return t(`errors.field.${noun}.${key}` as MessageId);
    if (has(`errors.field.${key}`)) return t(`errors.field.${key}` as MessageId);
  }
  return t('errors.field.value');
}

/** The last named key of a path (`commands[0].patch.title` → title), the field a problem is about. */
export const fieldKey = (path: readonly (string | number)[]): string | null =>
  [...path].reverse().find((p): p is string => typeof p === 'string') ?? null;

const num = (n: number | bigint | undefined) => (n === undefined ? undefined : Number(n));

/** A problem code as the API lists it, from zod's issue code (the same rule as core's problemsFromZod). */
export const problemCode = (issueCode: string) =>
  issueCode === 'custom' ? 'invalid_value' : `invalid_${issueCode}`.replace('invalid_invalid_', 'invalid_');

/**
 * One zod issue about `field` in words, with its limit: "Title is too long. Use 200 characters or fewer (you
 * have 5,000)." `value` is what was given, for the count.
 */
export function issueWords(issue: Issue, field: string, value?: unknown): string {
  const max = num(issue.maximum);
  const min = num(issue.minimum);
  const origin = issue.origin;
  if (issue.code === 'too_big' && max !== undefined) {
    if (origin === 'string')
      return typeof value === 'string'
        ? t('errors.tooLong', { field, max, count: value.trim().length })
        : t('errors.tooLongNoCount', { field, max });
    if (origin === 'array' || origin === 'set') return t('errors.tooMany', { field, max });
    if (origin === 'number' || origin === 'bigint') return t('errors.tooHigh', { field, max });
  }
  if (issue.code === 'too_small' && min !== undefined) {
    if (origin === 'string' && min <= 1) return t('errors.empty', { field });
    if (origin === 'array' || origin === 'set') return t('errors.tooFew', { field, min });
    if (origin === 'number' || origin === 'bigint') return t('errors.tooLow', { field, min });
  }
  if (issue.code === 'invalid_type') {
    if (issue.expected === 'int') return t('errors.notWhole', { field });
    if (issue.expected === 'number' && typeof value === 'string') return t('errors.notANumber', { field });
  }
  return problemWords(problemCode(issue.code), field);
}

/** A validation problem the API listed (`problems[].code`, e.g. `invalid_too_big`) about `field`. */
export function problemWords(code: string, field: string): string {
  const id = problemMessageId(code);
  return has(id) ? t(id, { field }) : t('errors.code.invalidRequest');
}

/** A status in words: the web app's own for no answer (0) and 410, else by core's one table of status kinds. */
const byStatus = (status: number): string => {
  if (status === 0) return t('errors.status.network');
  if (status === 410) return t('errors.status.gone');
  const kind = httpStatusKind(status);
  return kind === 'other' ? t('errors.status.other', { status }) : t(`errors.status.${kind}`);
};

/** The words of an error code, or null when the catalogue has none for it. */
export function codeWords(code: string | null | undefined): string | null {
  if (!code) return null;
  const id = errorMessageId(code);
  return has(id) ? t(id) : null;
}

/**
 * A failed request in words: by the first listed validation problem (with the field it names), else by the
 * error's code, else by the HTTP status. Never the server's own message.
 */
export function apiErrorWords(
  status: number,
  code: string | null,
  path: string | null,
  body: unknown,
): string {
  const problems = (body as { problems?: unknown } | null)?.problems;
  const first = Array.isArray(problems) ? (problems[0] as ListedProblem | undefined) : undefined;
  if (first && typeof first.code === 'string' && first.code !== 'invalid_unrecognized_keys') {
    const key = fieldKey(pathSegments(typeof first.path === 'string' ? first.path : path));
    const field = fieldName(null, key);
    const sized = first.code === 'invalid_too_big' || first.code === 'invalid_too_small';
    if (sized && typeof first.origin === 'string') {
      const issue: Issue = {
        code: first.code.slice('invalid_'.length),
        origin: first.origin,
        ...(typeof first.maximum === 'number' ? { maximum: first.maximum } : {}),
        ...(typeof first.minimum === 'number' ? { minimum: first.minimum } : {}),
      };
      return issueWords(issue, field);
    }
    const id = problemMessageId(first.code);
    if (has(id)) return t(id, { field });
  }
  const reason = (body as { reason?: unknown } | null)?.reason;
  if (code === 'weak_password' && typeof reason === 'string') {
    const id = `errors.password.${reason.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())}`;
    if (has(id)) return t(id);
  }
  return codeWords(code) ?? byStatus(status);
}

/** A thrown error whose message is already the catalogue's words (`new WordsError(t('…'))`), shown as it is. */
export class WordsError extends Error {
  override readonly name = 'WordsError';
}

/**
 * Any thrown thing in words: an ApiError's or a WordsError's own (already catalogue) words, else the plain
 * fallback. A library's or a programmer's message (a TypeError, "Unexpected token") is never shown.
 */
export function unknownErrorWords(error: unknown): string {
  if (error instanceof Error && (error.name === 'ApiError' || error.name === 'WordsError'))
    return error.message;
  if (error instanceof TypeError) return t('errors.status.network');
  return t('errors.unknown');
}
