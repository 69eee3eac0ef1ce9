/** Line and column (from 1) of where JSON.parse stopped, from its message's position or the text's end. */
export function jsonProblemPlace(text: string, e: unknown): { line: number; column: number } | null {
  const said = e instanceof Error ? e.message : '';
  const at = /at position (\d+)/.exec(said);
  const offset = at ? Number(at[1]) : /end of JSON input/.test(said) ? text.length : -1;
  if (offset < 0) return null;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Where JSON.parse stopped, as the catalogue's notJson messages take it: `hasPlace`, `line` and `column`. */
export function jsonPlaceValues(
  text: string,
  e: unknown,
): { hasPlace: 'yes' | 'no'; line: number; column: number } {
  const place = jsonProblemPlace(text, e);
  return { hasPlace: place ? 'yes' : 'no', line: place?.line ?? 0, column: place?.column ?? 0 };
}
