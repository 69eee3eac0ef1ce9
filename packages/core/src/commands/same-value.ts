/**
 * Deep equality of JSON-like values, ignoring the order of object keys (the database does not keep it) and
 * treating a key that holds `undefined` as absent. Arrays compare in order.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as readonly unknown[];
    return a.length === other.length && a.every((x, i) => sameValue(x, other[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) if (!sameValue(ra[key], rb[key])) return false;
  return true;
}

/**
 * What turns `from` into `to` as an update: the fields of `to` that differ (`patch`) and the fields only
 * `from` has (`unset`), leaving out `fixed` ones; null when nothing differs.
 */
export function patchBetween(
  from: object,
  to: object,
  fixed: readonly string[] = [],
): { patch: Record<string, unknown>; unset: string[] } | null {
  const f = from as Record<string, unknown>;
  const t = to as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  const unset: string[] = [];
  for (const [key, value] of Object.entries(t)) {
    if (fixed.includes(key) || value === undefined) continue;
    if (!sameValue(f[key], value)) patch[key] = value;
  }
  for (const [key, value] of Object.entries(f)) {
    if (fixed.includes(key) || value === undefined) continue;
    if (t[key] === undefined) unset.push(key);
  }
  return Object.keys(patch).length === 0 && unset.length === 0 ? null : { patch, unset };
}
