import type { ColumnId, Journey } from '@waymark/core';

/**
 * How a desired step lines up with a current one: by explicit link (the same column id — a desired journey
 * duplicated from the current keeps its ids), by name (to be confirmed by the user), or by the user.
 */
export interface AlignmentRow {
  readonly current: ColumnId | null;
  readonly desired: ColumnId | null;
  readonly how: 'id' | 'name' | 'user' | 'unmatched';
  /** Name matches are proposals until a person confirms them. */
  readonly confirmed: boolean;
}

const normalise = (label: string) =>
  label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Proposes an alignment in the desired journey's order, with removed current steps after their predecessor. */
export function proposeAlignment(current: Journey, desired: Journey): AlignmentRow[] {
  const currentIds = new Set<string>(current.columns.map((c) => c.id));
  const byName = new Map(current.columns.map((c) => [normalise(c.label), c.id]));
  const used = new Set<string>();
  const pairs = new Map<string, AlignmentRow>();
  for (const d of desired.columns) {
    if (currentIds.has(d.id)) {
      pairs.set(d.id, { current: d.id as ColumnId, desired: d.id, how: 'id', confirmed: true });
      used.add(d.id);
    }
  }
  for (const d of desired.columns) {
    if (pairs.has(d.id)) continue;
    const match = byName.get(normalise(d.label));
    if (match !== undefined && !used.has(match)) {
      pairs.set(d.id, { current: match, desired: d.id, how: 'name', confirmed: false });
      used.add(match);
    } else pairs.set(d.id, { current: null, desired: d.id, how: 'unmatched', confirmed: true });
  }
  return mergeInCurrentOrder(current, desired, pairs, used);
}

function mergeInCurrentOrder(
  current: Journey,
  desired: Journey,
  pairs: Map<string, AlignmentRow>,
  used: Set<string>,
): AlignmentRow[] {
  const rows: AlignmentRow[] = desired.columns.map((d) => pairs.get(d.id)!);
  // Place each removed current step just after the row holding its nearest matched predecessor.
  current.columns.forEach((c, i) => {
    if (used.has(c.id)) return;
    let at = 0;
    for (let k = i - 1; k >= 0; k -= 1) {
      const prev = current.columns[k]!.id;
      const idx = rows.findIndex((r) => r.current === prev);
      if (idx >= 0) {
        at = idx + 1;
        break;
      }
    }
    while (at < rows.length && rows[at]!.desired === null) at += 1;
    rows.splice(at, 0, { current: c.id, desired: null, how: 'unmatched', confirmed: true });
  });
  return rows;
}

/**
 * A user's decision: pair `currentId` with `desiredId` (confirming a name match or overriding it), or pass
 * `currentId: null` to mark the desired step as new. Other rows keep their pairing.
 */
export function alignSteps(
  current: Journey,
  desired: Journey,
  rows: readonly AlignmentRow[],
  desiredId: ColumnId,
  currentId: ColumnId | null,
): AlignmentRow[] {
  const pairs = new Map<string, AlignmentRow>();
  const used = new Set<string>();
  for (const r of rows) {
    if (r.desired === null || r.desired === desiredId) continue;
    const current = r.current === currentId ? null : r.current;
    pairs.set(
      r.desired,
      current === null ? { current: null, desired: r.desired, how: 'unmatched', confirmed: true } : r,
    );
    if (current !== null) used.add(current);
  }
  pairs.set(
    desiredId,
    currentId === null
      ? { current: null, desired: desiredId, how: 'unmatched', confirmed: true }
      : { current: currentId, desired: desiredId, how: 'user', confirmed: true },
  );
  if (currentId !== null) used.add(currentId);
  return mergeInCurrentOrder(current, desired, pairs, used);
}
