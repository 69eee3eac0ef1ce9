import type { DocPath } from '../problem';

/**
 * The one rule for characters in text that Waymark stores, everywhere (API bodies, journey files, event
 * logs, the CLI): tab, line feed and carriage return are text; every other control character (C0, DEL,
 * C1) and every lone UTF-16 surrogate is refused, with the field and position named. Nothing is stripped
 * or replaced silently. PostgreSQL's jsonb cannot store U+0000 or a lone surrogate at all, and the others
 * are invisible in the editor and in exports, so they are refused rather than kept.
 */
export interface UnsafeCharacter {
  /** Where the text is: keys of objects and indexes of arrays from the value's root. */
  readonly path: DocPath;
  /** Position of the character in the text, counted in characters (UTF-16 code units) from 0. */
  readonly index: number;
  /** The character as U+XXXX. */
  readonly codePoint: string;
  /** What kind of character it is, in words. */
  readonly what: 'a control character' | 'half of a character pair (a lone surrogate)';
}

// C0 except \t \n \r, DEL and C1; then surrogates, checked for pairing below.
// eslint-disable-next-line no-control-regex
const suspect = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF]/;

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first character in `text` that the rule refuses, or null. */
export function findUnsafeCharacter(text: string): Omit<UnsafeCharacter, 'path'> | null {
  if (!suspect.test(text)) return null;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return { index: i, codePoint: hex(code), what: 'half of a character pair (a lone surrogate)' };
    }
    if (code >= 0xdc00 && code <= 0xdfff)
      return { index: i, codePoint: hex(code), what: 'half of a character pair (a lone surrogate)' };
    if (code === 0x09 || code === 0x0a || code === 0x0d) continue;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f))
      return { index: i, codePoint: hex(code), what: 'a control character' };
  }
  return null;
}

/**
 * Walks a parsed value (JSON or YAML: objects, arrays, strings, numbers...) and returns the first string or
 * object key that holds a character the rule refuses, or null. Depth-first in document order, so the first
 * problem a person would meet reading the file is the one named.
 */
export function findUnsafeText(value: unknown, path: DocPath = []): UnsafeCharacter | null {
  if (typeof value === 'string') {
    const found = findUnsafeCharacter(value);
    return found ? { path, ...found } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const inKey = findUnsafeCharacter(key);
      if (inKey) return { path: [...path, key], ...inKey };
      const found = findUnsafeText(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** The plain-English sentence for a refused character, e.g. for an API error or a CLI problem. */
export function describeUnsafeCharacter(found: Omit<UnsafeCharacter, 'path'>): string {
  return `contains ${found.what} (${found.codePoint}) at position ${found.index + 1}, which Waymark does not store; remove it and try again`;
}
