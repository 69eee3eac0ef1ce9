import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import type { DocPath, Problem } from '@waymark/core';
import type { LocatedProblem } from './located-problem';

interface Position {
  readonly line: number;
  readonly column: number;
}

const startOf = (node: unknown): number | undefined => {
  const range = (node as { range?: readonly number[] | null } | null)?.range;
  return range?.[0];
};

/**
 * The offset of the node a path points at: the key of a field (where a person looks), the start of an array
 * item, or, when the path leads somewhere the file does not have (a missing field), the deepest node it reaches.
 */
export function offsetOfPath(doc: Document, path: DocPath): number | undefined {
  let node: unknown = doc.contents;
  let at = startOf(node);
  for (const part of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(part));
      if (!pair) break;
      at = startOf(pair.key) ?? at;
      node = pair.value;
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part];
      if (item === undefined) break;
      at = startOf(item) ?? at;
      node = item;
    } else break;
  }
  return at;
}

/** zod reports unknown fields on their object; the first field named in the message is where to look. */
const focusPath = (p: Problem): DocPath => {
  if (p.code !== 'invalid_unrecognized_keys') return p.path;
  const key = p.message.match(/"([^"]+)"/)?.[1];
  return key === undefined ? p.path : [...p.path, key];
};

export function locateProblem(doc: Document, lines: LineCounter, p: Problem): LocatedProblem {
  const offset = offsetOfPath(doc, focusPath(p));
  if (offset === undefined) return p;
  const { line, col } = lines.linePos(offset);
  const position: Position = { line, column: col };
  return { ...p, ...position };
}
