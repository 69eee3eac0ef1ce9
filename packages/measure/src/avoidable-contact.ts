import { err, ok, type Result } from '@waymark/core';
import { inputError, type InputError } from './input-error';
import { wilsonInterval, type Proportion } from './wilson';

/** An avoidable-contact category (domain.md §4); configurable, each flagged avoidable or not. */
export interface ContactCategory {
  readonly code: string;
  readonly label: string;
  readonly avoidable: boolean;
}

export const defaultContactCategories: readonly ContactCategory[] = [
  { code: 'PC', label: 'progress chasing', avoidable: true },
  { code: 'RP', label: 'repeat or duplicate contact about the same request', avoidable: true },
  { code: 'CL', label: 'seeking clarification', avoidable: true },
  { code: 'MD', label: 'misdirected, wrong number, transferred', avoidable: true },
  { code: 'NR', label: 'not resolved at first point of contact', avoidable: true },
  { code: 'SS', label: 'information should have been available; self-service failed', avoidable: true },
  { code: 'RI', label: 're-supplying information already given', avoidable: true },
  { code: 'ER', label: 'made in error, nugatory', avoidable: true },
  { code: 'FD', label: 'other failure demand', avoidable: true },
];

function checkCounts(part: number, whole: number, partName: string, wholeName: string): InputError[] {
  const errors: InputError[] = [];
  if (!Number.isInteger(whole) || whole < 0)
    errors.push(inputError(wholeName, 'expected a whole number ≥ 0'));
  if (!Number.isInteger(part) || part < 0) errors.push(inputError(partName, 'expected a whole number ≥ 0'));
  else if (part > whole) errors.push(inputError(partName, `expected no more than ${wholeName} (${whole})`));
  return errors;
}

/** NI14: avoidable contacts / all contacts, with its Wilson interval. `percent` = estimate × 100. */
export function avoidableContactShare(
  avoidable: number,
  contacts: number,
  confidence = 0.95,
): Result<Proportion & { readonly percent: number }, readonly InputError[]> {
  const errors = checkCounts(avoidable, contacts, 'avoidable', 'contacts');
  if (errors.length > 0) return err(errors);
  const p = wilsonInterval(avoidable, contacts, confidence);
  return ok({ ...p, percent: p.estimate * 100 });
}

/** Count coded contacts: a contact is avoidable when its category code is flagged avoidable. */
export function countAvoidable(
  categoryCodes: readonly (string | null)[],
  categories: readonly ContactCategory[] = defaultContactCategories,
): { readonly avoidable: number; readonly contacts: number } {
  const avoidableCodes = new Set(categories.filter((c) => c.avoidable).map((c) => c.code));
  const avoidable = categoryCodes.filter((code) => code !== null && avoidableCodes.has(code)).length;
  return { avoidable, contacts: categoryCodes.length };
}

/** Contacts per resolved request (NI14's draft form; ideal 1.0). */
export function contactsPerResolvedRequest(
  contacts: number,
  resolvedRequests: number,
): Result<number, readonly InputError[]> {
  const errors: InputError[] = [];
  if (!Number.isInteger(contacts) || contacts < 0)
    errors.push(inputError('contacts', 'expected a whole number ≥ 0'));
  if (!Number.isInteger(resolvedRequests) || resolvedRequests < 1) {
    errors.push(inputError('resolvedRequests', 'expected at least one resolved request'));
  }
  return errors.length > 0 ? err(errors) : ok(contacts / resolvedRequests);
}

/** First-contact resolution = requests resolved at the first contact / requests, with its Wilson interval. */
export function firstContactResolution(
  resolvedAtFirstContact: number,
  requests: number,
  confidence = 0.95,
): Result<Proportion, readonly InputError[]> {
  const errors = checkCounts(resolvedAtFirstContact, requests, 'resolvedAtFirstContact', 'requests');
  return errors.length > 0 ? err(errors) : ok(wilsonInterval(resolvedAtFirstContact, requests, confidence));
}
