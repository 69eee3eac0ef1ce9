import type { Card, Journey } from '@waymark/core';

/** The cards of each cell, keyed by lane and column, in the journey's order. Built once per journey change. */
export type CellIndex = ReadonlyMap<string, readonly Card[]>;

export const cellKey = (laneId: string, columnId: string) => `${laneId}\u0000${columnId}`;

export function indexCells(journey: Journey): CellIndex {
  const out = new Map<string, Card[]>();
  for (const card of journey.cards) {
    const key = cellKey(card.laneId, card.columnId);
    const list = out.get(key);
    if (list) list.push(card);
    else out.set(key, [card]);
  }
  return out;
}

export const cardsIn = (index: CellIndex, laneId: string, columnId: string): readonly Card[] =>
  index.get(cellKey(laneId, columnId)) ?? [];

/** A cell of the editor grid. Row 0 is the column headers; rows 1… are the lanes. Column 0 is the lane headers. */
export interface CellPosition {
  readonly row: number;
  readonly col: number;
}

export type NavigationKey =
  'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End' | 'PageUp' | 'PageDown';
export const navigationKeys: readonly string[] = [
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageUp',
  'PageDown',
];

/** Where a navigation key moves the active cell (WAI-ARIA grid pattern); clamped to the grid. */
export function moveCell(
  from: CellPosition,
  key: NavigationKey,
  size: { rows: number; cols: number },
  ctrl = false,
): CellPosition {
  const clamp = (value: number, max: number) => Math.max(0, Math.min(max - 1, value));
  switch (key) {
    case 'ArrowUp':
      return { ...from, row: clamp(from.row - 1, size.rows) };
    case 'ArrowDown':
      return { ...from, row: clamp(from.row + 1, size.rows) };
    case 'ArrowLeft':
      return { ...from, col: clamp(from.col - 1, size.cols) };
    case 'ArrowRight':
      return { ...from, col: clamp(from.col + 1, size.cols) };
    case 'Home':
      return ctrl ? { row: 0, col: 0 } : { ...from, col: 0 };
    case 'End':
      return ctrl ? { row: size.rows - 1, col: size.cols - 1 } : { ...from, col: size.cols - 1 };
    case 'PageUp':
      return { ...from, col: clamp(from.col - 5, size.cols) };
    case 'PageDown':
      return { ...from, col: clamp(from.col + 5, size.cols) };
  }
}

/**
 * The columns to draw for a horizontal scroll position: the visible ones plus `overscan` either side,
 * always including `keep` (the active column), so the focused cell is never virtualised away.
 */
export function visibleColumns(
  scrollLeft: number,
  viewportWidth: number,
  columnWidth: number,
  count: number,
  keep: number | null = null,
  overscan = 2,
): { start: number; end: number } {
  if (count === 0) return { start: 0, end: 0 };
  let start = Math.max(0, Math.floor(scrollLeft / columnWidth) - overscan);
  let end = Math.min(count, Math.ceil((scrollLeft + viewportWidth) / columnWidth) + overscan);
  if (keep !== null && keep >= 0 && keep < count) {
    start = Math.min(start, keep);
    end = Math.max(end, keep + 1);
  }
  return { start, end };
}

/** What a virtualised row draws, left to right: runs of skipped columns (as spacers) and drawn columns. */
export type DrawnSlot = { readonly spacer: number } | { readonly column: number };

/**
 * The columns to draw: the window around the viewport (`visibleColumns` without `keep`) and, apart from it,
 * the active column when it is elsewhere — so the focused cell stays in the DOM without drawing everything
 * between it and the viewport. Gaps become spacers of that many columns.
 */
export function drawnSlots(
  around: { start: number; end: number },
  count: number,
  keep: number | null,
): DrawnSlot[] {
  const columns = new Set<number>();
  for (let i = around.start; i < around.end; i++) columns.add(i);
  if (keep !== null && keep >= 0 && keep < count) columns.add(keep);
  const slots: DrawnSlot[] = [];
  let next = 0;
  for (const column of [...columns].sort((a, b) => a - b)) {
    if (column > next) slots.push({ spacer: column - next });
    slots.push({ column });
    next = column + 1;
  }
  if (count > next) slots.push({ spacer: count - next });
  return slots;
}

/** Whether a "Key journey steps" card only repeats its step's name: one rule for the editor and the poster. */
export { repeatsStepName } from '@waymark/core';
