import {
  describeUnsafeCharacter,
  findUnsafeCharacter,
  findUnsafeText,
  problem,
  type DocPath,
} from '@waymark/core';
import { isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import type { LocatedProblem } from './located-problem';
import { offsetOfPath } from './source-map';

/** The source range of the scalar a path points at (the key's when the path ends at a key holding the text). */
function rangeOf(doc: Document, path: DocPath, inKey: boolean): readonly number[] | undefined {
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    const part = path[i]!;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(part));
      if (!pair) return undefined;
      if (inKey && i === path.length - 1) return (pair.key as { range?: number[] }).range;
      node = pair.value;
    } else if (isSeq(node) && typeof part === 'number') node = node.items[part];
    else return undefined;
  }
  return isScalar(node) ? (node.range ?? undefined) : undefined;
}

// YAML and JSON escapes that can stand for a control character: \0 \a \b \t \n \v \f \r \e \N \x.. \u.... \U........
// A pair of \u escapes that together write one character (an emoji) comes first, so its halves are not blamed.
const escape =
  /\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0abvfeN])/g;
const escapeValue = (e: string): string => {
  if (e.length === 12) return ' ';
  const hex = e.slice(2);
  switch (e[1]) {
    case 'x':
    case 'u':
    case 'U':
      return String.fromCharCode(parseInt(hex, 16) > 0xffff ? 0x20 : parseInt(hex, 16));
    case '0':
      return '\0';
    case 'a':
      return '\x07';
    case 'b':
      return '\b';
    case 'v':
      return '\v';
    case 'f':
      return '\f';
    case 'e':
      return '\x1b';
    default:
      return '\u0085';
  }
};

/** Where in the source the refused character is: written as itself, or as an escape that stands for it. */
function offsetInSource(text: string, range: readonly number[]): number | undefined {
  const raw = text.slice(range[0], range[1]);
  const direct = findUnsafeCharacter(raw);
  let best = direct ? direct.index : Infinity;
  for (const m of raw.matchAll(escape)) {
    if (m.index >= best) break;
    if (findUnsafeCharacter(escapeValue(m[0]))) best = m.index;
  }
  return Number.isFinite(best) ? range[0]! + best : undefined;
}

/** The catalogue values of a refused character: in a key or a text, which kind, its code point and position. */
export const unsafeValues = (
  where: 'key' | 'text',
  found: { readonly what: string; readonly codePoint: string; readonly index: number },
) => ({
  where,
  kind: found.what === 'a control character' ? 'control' : 'surrogate',
  codePoint: found.codePoint,
  position: found.index + 1,
});

/**
 * The first string or key of a read file that holds a character Waymark does not store (the rule of
 * `@waymark/core`: control characters other than tab and line breaks, lone surrogates), as a problem with its
 * field path and the line and column of the character itself (or of the escape that wrote it, like `\u0000`).
 */
export function unsafeCharacterProblem(
  data: unknown,
  doc: Document,
  lines: LineCounter,
  text: string,
): LocatedProblem | undefined {
  const found = findUnsafeText(data);
  if (!found) return undefined;
  const last = found.path[found.path.length - 1];
  const inKey = typeof last === 'string' && findUnsafeCharacter(last) !== null;
  const range = rangeOf(doc, found.path, inKey);
  const offset = (range && offsetInSource(text, range)) ?? offsetOfPath(doc, found.path);
  const what = inKey ? 'this field name' : 'this text';
  const p = problem(
    'unsafe_character',
    inKey ? found.path.slice(0, -1) : found.path,
    `${what} ${describeUnsafeCharacter(found)}`,
    'error',
    unsafeValues(inKey ? 'key' : 'text', found),
  );
  if (offset === undefined) return p;
  const { line, col } = lines.linePos(offset);
  return { ...p, line, column: col };
}
