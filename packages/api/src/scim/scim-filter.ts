import { badRequest } from './scim-protocol';

/** One `attribute eq value` of a filter; the attribute as written, without a schema prefix, lower-cased. */
export interface FilterTerm {
  readonly attribute: string;
  readonly value: string;
}

const token = /\s*(?:("(?:[^"\\]|\\.)*")|([^\s"]+))/y;

/**
 * Parses the filters Entra ID sends (`userName eq "x"`, `externalId eq "x"`, `displayName eq "x"`,
 * `id eq "g" and members eq "u"`): equality terms joined by `and`. Anything else is refused as invalidFilter,
 * naming what could not be read, rather than answered wrongly.
 */
export function parseFilter(filter: string): FilterTerm[] {
  const words: { text: string; quoted: boolean }[] = [];
  let at = 0;
  for (;;) {
    token.lastIndex = at;
    const m = token.exec(filter);
    if (!m) break;
    words.push(m[1] ? { text: m[1], quoted: true } : { text: m[2]!, quoted: false });
    at = token.lastIndex;
  }
  if (filter.slice(at).trim() !== '' || words.length === 0)
    throw badRequest('invalidFilter', `cannot read the filter: ${filter}`);
  const terms: FilterTerm[] = [];
  for (let i = 0; i < words.length; i += 4) {
    const [attribute, op, value, joiner] = words.slice(i, i + 4);
    if (!attribute || attribute.quoted || !op || !value)
      throw badRequest('invalidFilter', `expected "attribute eq value" in the filter: ${filter}`);
    if (op.text.toLowerCase() !== 'eq')
      throw badRequest('invalidFilter', `only the eq operator is supported, not "${op.text}"`);
    if (joiner && joiner.text.toLowerCase() !== 'and')
      throw badRequest('invalidFilter', `only "and" may join terms, not "${joiner.text}"`);
    if (joiner && i + 4 >= words.length) throw badRequest('invalidFilter', `the filter ends after "and"`);
    terms.push({
      attribute: stripSchema(attribute.text).toLowerCase(),
      value: value.quoted ? (JSON.parse(value.text) as string) : value.text,
    });
  }
  return terms;
}

/** `urn:ietf:params:scim:schemas:core:2.0:User:userName` → `userName`. */
export const stripSchema = (path: string): string =>
  path.replace(/^urn:ietf:params:scim:schemas:core:2\.0:(User|Group):/i, '');
