import type { DeflatorProblemReason } from '@waymark/measure';
import { ApiError } from '../api/api-error';
import { t, type MessageId } from '../i18n';
import { errorText } from '../ui/field';

/**
 * A GDP deflator CSV the server refused, in the catalogue's words: each problem by its `reason` and `values`
 * (`costs.deflator.problem.<reason>`), naming the line and what was expected. The server's English `message` is
 * never shown.
 */

/** A problem as the API lists it under `problems`; `reason` and `values` are missing from an older server. */
export interface ShownDeflatorProblem {
  readonly path: string;
  readonly reason?: string;
  readonly values?: Readonly<Record<string, string | number>>;
}

const problemIds: Readonly<Record<DeflatorProblemReason, MessageId>> = {
  too_large: 'costs.deflator.problem.tooLarge',
  no_title: 'costs.deflator.problem.noTitle',
  bad_published: 'costs.deflator.problem.badPublished',
  bad_url: 'costs.deflator.problem.badUrl',
  no_header: 'costs.deflator.problem.noHeader',
  bad_header: 'costs.deflator.problem.badHeader',
  few_years: 'costs.deflator.problem.fewYears',
  too_many_years: 'costs.deflator.problem.tooManyYears',
  value_count: 'costs.deflator.problem.valueCount',
  bad_year: 'costs.deflator.problem.badYear',
  mixed_years: 'costs.deflator.problem.mixedYears',
  bad_index: 'costs.deflator.problem.badIndex',
  repeated_year: 'costs.deflator.problem.repeatedYear',
};

/** One problem in words, or null when its reason is not one this screen knows (or its values do not fit). */
export function deflatorProblemWords(p: ShownDeflatorProblem): string | null {
  if (typeof p.reason !== 'string' || !Object.hasOwn(problemIds, p.reason)) return null;
  const values = p.values ?? {};
  const got = typeof values.got === 'string' ? values.got : '';
  try {
    return t(problemIds[p.reason as DeflatorProblemReason], {
      ...values,
      given: got.trim() === '' ? 'no' : 'yes',
    });
  } catch {
    return null;
  }
}

/** What the form says when loading failed: a sentence, and the problems one by one when the server listed them. */
export interface DeflatorFailure {
  readonly message: string;
  readonly items: readonly string[];
}

/**
 * Loading a deflator failed: each listed problem in words under one sentence. A problem without a reason this
 * screen knows falls back to naming where it is (`line 3`), and an error without a list to the usual words.
 */
export function deflatorFailure(e: unknown): DeflatorFailure {
  const body = e instanceof ApiError ? e.body : null;
  const listed =
    typeof body === 'object' && body !== null && Array.isArray((body as { problems?: unknown }).problems)
      ? ((body as { problems: unknown[] }).problems.filter(
          (p) => typeof p === 'object' && p !== null && typeof (p as { path?: unknown }).path === 'string',
        ) as ShownDeflatorProblem[])
      : [];
  if (listed.length === 0) return { message: errorText(e), items: [] };
  const said = listed.map(deflatorProblemWords);
  if (said.every((s): s is string => s !== null))
    return { message: t('costs.deflator.notLoaded', { count: said.length }), items: said };
  return {
    message: t('costs.deflator.problems', { where: listed.map((p) => p.path).join(', ') }),
    items: [],
  };
}
