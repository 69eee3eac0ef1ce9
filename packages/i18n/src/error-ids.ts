import type { MessageId } from './namespaces.ts';

const camel = (code: string) => code.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The catalogue id of an error code's words: `version_conflict` → `errors.code.versionConflict`. */
export const errorMessageId = (code: string): MessageId => `errors.code.${camel(code)}` as MessageId;

/** The id of a validation problem's words: `invalid_too_big` → `errors.problem.invalidTooBig`. */
export const problemMessageId = (code: string): MessageId => `errors.problem.${camel(code)}` as MessageId;

/** The id of a workshop refusal's words: `not_facilitator` → `workshop.refused.notFacilitator`. */
export const workshopRefusalMessageId = (code: string): MessageId =>
  `workshop.refused.${camel(code)}` as MessageId;
