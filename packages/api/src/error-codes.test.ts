/**
 * Every error code a person can be shown has words, in English and in Welsh (decision 0017, "Error messages"):
 * the API's codes (`errorStatus`), every code a refused command carries (`commandErrorCodes`), the live route's
 * own refusals, and the validation problems the API lists, produced here by zod itself so a zod upgrade that
 * adds or renames an issue code fails this test rather than reaching a person as a code.
 */
import { commandErrorCodes } from '@waymark/core';
import { problemCodesFromZod } from '@waymark/core/testing';
import { describe, expect, it } from 'vitest';
import { errorStatus } from './api-error';
import { ssoErrorCodes } from './sso/oidc-flow';
import { errorMessageId, problemMessageId, messagesFor, locales } from '@waymark/i18n';

/** Codes the live route sends in a `rejected` or `error` message besides the API's and the reducer's. */
const liveCodes = ['structure_locked', 'invalid_message'];

/**
 * The problem codes the API lists (`problems[].code`), as the API makes them from zod's issues, each made by zod
 * itself. (`invalid_element` has words too, but zod 4 reports a bad map or set entry as the entry's own issue, and
 * the API's bodies hold neither.)
 */
const problemCodes = problemCodesFromZod;

describe('every error code has words', () => {
  const codes = [...Object.keys(errorStatus), ...commandErrorCodes, ...liveCodes];

  it('lists a code for each kind of refusal the reducer makes', () => {
    for (const code of ['invalid_patch', 'card_not_found', 'column_not_found', 'lever_category_in_use'])
      expect(commandErrorCodes).toContain(code);
  });

  it.each(locales)('%s: every API, reducer and live code', (locale) => {
    const messages = messagesFor(locale);
    const missing = codes.filter((code) => !messages[errorMessageId(code)]?.trim());
    expect(missing).toEqual([]);
  });

  it.each(locales)('%s: every validation problem code the API can return', (locale) => {
    const messages = messagesFor(locale);
    const found = problemCodes();
    expect(found).toContain('invalid_too_big');
    const missing = found.filter((code) => !messages[problemMessageId(code)]?.trim());
    expect(missing).toEqual([]);
  });

  it('ids are the code in camelCase under errors.code / errors.problem', () => {
    expect(errorMessageId('lever_category_in_use')).toBe('errors.code.leverCategoryInUse');
    expect(problemMessageId('invalid_too_big')).toBe('errors.problem.invalidTooBig');
  });

  it('every single sign-on refusal the server sends back (?sso_error=<code>) has words in English and Welsh', () => {
    for (const locale of locales) {
      const words = messagesFor(locale) as Record<string, string>;
      const missing = ssoErrorCodes
        .map((code) => `sso.error.${code.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())}`)
        .filter((id) => !(id in words));
      expect(missing, locale).toEqual([]);
    }
  });
});
