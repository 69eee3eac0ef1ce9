/**
 * Removes personal details from a free-text answer before it is stored: email addresses, UK telephone numbers,
 * UK postcodes, National Insurance numbers and the name after "my name is" / "I'm called". Each is replaced by
 * a marker in square brackets, so a reader sees that something was taken out. Deliberately greedy: a quote
 * that loses a house number is better than one that keeps a telephone number.
 */
export interface Redaction {
  readonly text: string;
  /** How many details were replaced, by kind. */
  readonly removed: Readonly<Partial<Record<RedactionKind, number>>>;
}

export type RedactionKind = 'email' | 'phone' | 'postcode' | 'ni-number' | 'name';

const rules: readonly { kind: RedactionKind; pattern: RegExp; marker: string }[] = [
  { kind: 'email', pattern: /[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+/g, marker: '[email]' },
  // NI number: two letters, six digits (optionally in pairs), a letter A–D (any two letters: HMRC's examples use QQ)
  {
    kind: 'ni-number',
    pattern: /\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/gi,
    marker: '[NI number]',
  },
  // UK postcode (the GOV.UK pattern, space optional)
  {
    kind: 'postcode',
    pattern:
      /\b(?:GIR ?0AA|[A-PR-UWYZ](?:\d[A-HJKPSTUW\d]?|[A-HK-Y]\d[ABEHMNPRV-Y\d]?) ?\d[ABD-HJLNP-UW-Z]{2})\b/gi,
    marker: '[postcode]',
  },
  // UK telephone: +44 or 0, then 9–10 more digits with spaces, dots, dashes or brackets between
  {
    kind: 'phone',
    pattern: /(?:\+44\s?\(?0?\)?|\(?\b0)(?:[\s.()-]{0,2}\d){9,10}\b/g,
    marker: '[phone number]',
  },
];

const nameLead = /\b(my name is|my name's|my names|i am called|i'm called|call me)\s+/giu;
const firstWord = /[\p{L}][\p{L}'’-]*/uy;
const moreWords = /\s+\p{Lu}[\p{L}'’-]*/uy;

/** After "my name is" (any case) the next word, and up to two more that start with a capital letter. */
function redactNames(text: string): { text: string; count: number } {
  let out = '';
  let from = 0;
  let count = 0;
  nameLead.lastIndex = 0;
  for (let m = nameLead.exec(text); m; m = nameLead.exec(text)) {
    const at = m.index + m[0].length;
    firstWord.lastIndex = at;
    if (!firstWord.exec(text)) continue;
    let end = firstWord.lastIndex;
    for (let k = 0; k < 2; k++) {
      moreWords.lastIndex = end;
      if (!moreWords.exec(text)) break;
      end = moreWords.lastIndex;
    }
    out += text.slice(from, at) + '[name]';
    from = end;
    nameLead.lastIndex = end;
    count++;
  }
  return { text: out + text.slice(from), count };
}

export function redactPersonalDetails(input: string): Redaction {
  const removed: Partial<Record<RedactionKind, number>> = {};
  const named = redactNames(input);
  let text = named.text;
  if (named.count > 0) removed.name = named.count;
  for (const { kind, pattern, marker } of rules) {
    text = text.replace(pattern, () => {
      removed[kind] = (removed[kind] ?? 0) + 1;
      return marker;
    });
  }
  return { text, removed };
}
