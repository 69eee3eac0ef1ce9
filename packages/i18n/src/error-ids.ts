import type { MessageId } from './namespaces.ts';
import datasetsEn from '../messages/en/datasets.json' with { type: 'json' };

const camel = (code: string) => code.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The catalogue id of an error code's words: `version_conflict` → `errors.code.versionConflict`. */
export const errorMessageId = (code: string): MessageId => `errors.code.${camel(code)}` as MessageId;

/** The id of a validation problem's words: `invalid_too_big` → `errors.problem.invalidTooBig`. */
export const problemMessageId = (code: string): MessageId => `errors.problem.${camel(code)}` as MessageId;

/** The id of a workshop refusal's words: `not_facilitator` → `workshop.refused.notFacilitator`. */
export const workshopRefusalMessageId = (code: string): MessageId =>
  `workshop.refused.${camel(code)}` as MessageId;

const datasetIds = datasetsEn as Record<string, string>;

/**
 * The id of an event log problem's words, `datasets.<kind>.<code>` (`bad_timestamp` → `datasets.rejection.badTimestamp`,
 * `date_order_guessed` → `datasets.warning.dateOrderGuessed`),
 * or null when the code is not one the catalogue has words for (nor a code at all); never the `.unknown` fallback.
 */
export function datasetProblemMessageId(
  kind: 'rejection' | 'importError' | 'warning',
  code: unknown,
): MessageId | null {
  if (typeof code !== 'string' || !/^[a-z][a-z0-9_]*$/.test(code)) return null;
  const id = `datasets.${kind}.${camel(code)}`;
  return id in datasetIds && !id.endsWith('.unknown') ? (id as MessageId) : null;
}
