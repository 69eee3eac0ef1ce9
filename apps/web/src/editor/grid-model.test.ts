import type { Journey } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { cardsIn, drawnSlots, indexCells, moveCell, repeatsStepName, visibleColumns } from './grid-model';

describe('moveCell', () => {
  const size = { rows: 4, cols: 10 };
  it('given the first cell, when moving up or left, then it stays in the grid', () => {
    expect(moveCell({ row: 0, col: 0 }, 'ArrowUp', size)).toEqual({ row: 0, col: 0 });
    expect(moveCell({ row: 0, col: 0 }, 'ArrowLeft', size)).toEqual({ row: 0, col: 0 });
  });
  it('given a middle cell, when using arrows, Home, End and pages, then it moves as the grid pattern says', () => {
    const at = { row: 2, col: 4 };
    expect(moveCell(at, 'ArrowDown', size)).toEqual({ row: 3, col: 4 });
    expect(moveCell(at, 'ArrowRight', size)).toEqual({ row: 2, col: 5 });
    expect(moveCell(at, 'Home', size)).toEqual({ row: 2, col: 0 });
    expect(moveCell(at, 'End', size)).toEqual({ row: 2, col: 9 });
    expect(moveCell(at, 'End', size, true)).toEqual({ row: 3, col: 9 });
    expect(moveCell(at, 'Home', size, true)).toEqual({ row: 0, col: 0 });
    expect(moveCell(at, 'PageDown', size)).toEqual({ row: 2, col: 9 });
    expect(moveCell(at, 'PageUp', size)).toEqual({ row: 2, col: 0 });
  });
});

describe('visibleColumns', () => {
  it('given a scroll position, when computing the window, then it covers the viewport plus overscan', () => {
    expect(visibleColumns(1000, 800, 200, 300)).toEqual({ start: 3, end: 11 });
    expect(visibleColumns(0, 800, 200, 3)).toEqual({ start: 0, end: 3 });
  });
  it('given an active column far away, when computing the window, then it is included', () => {
    const { start, end } = visibleColumns(0, 800, 200, 300, 250);
    expect(start).toBe(0);
    expect(end).toBe(251);
  });
});

describe('indexCells', () => {
  it('given cards in cells, when indexed, then each cell lists its cards in order', () => {
    const journey = {
      cards: [
        { id: 'a', laneId: 'l1', columnId: 'c1', kind: 'text', text: 'A' },
        { id: 'b', laneId: 'l1', columnId: 'c2', kind: 'text', text: 'B' },
        { id: 'c', laneId: 'l1', columnId: 'c1', kind: 'text', text: 'C' },
      ],
    } as unknown as Journey;
    const index = indexCells(journey);
    expect(cardsIn(index, 'l1', 'c1').map((c) => c.id)).toEqual(['a', 'c']);
    expect(cardsIn(index, 'l2', 'c1')).toEqual([]);
  });
});

describe('drawnSlots', () => {
  it('given the active column far from the viewport, when drawn, then only the window and it, with spacers between', () => {
    expect(drawnSlots({ start: 100, end: 103 }, 300, 2)).toEqual([
      { spacer: 2 },
      { column: 2 },
      { spacer: 97 },
      { column: 100 },
      { column: 101 },
      { column: 102 },
      { spacer: 197 },
    ]);
  });
  it('given the active column inside the window or none, when drawn, then the window alone', () => {
    expect(drawnSlots({ start: 0, end: 2 }, 2, 1)).toEqual([{ column: 0 }, { column: 1 }]);
    expect(drawnSlots({ start: 1, end: 2 }, 3, null)).toEqual([{ spacer: 1 }, { column: 1 }, { spacer: 1 }]);
  });
});

describe('repeatsStepName', () => {
  it('knows a step card that only repeats its header, in any case or punctuation, or cut short', () => {
    expect(repeatsStepName('Incident occurs', 'Incident occurs')).toBe(true);
    expect(repeatsStepName('Reports incident.', 'Reports Incident')).toBe(true);
    expect(repeatsStepName('Being told I’m unreasonable', "Being told I'm unreasonable")).toBe(true);
    expect(repeatsStepName('Investigation takes', 'Investigation takes place')).toBe(true);
  });
  it('keeps a card that says more than the header, or only one word of it', () => {
    expect(
      repeatsStepName('Reports the incident once, to a single point of contact', 'Reports incident once'),
    ).toBe(false);
    expect(repeatsStepName('Investigation', 'Investigation takes place')).toBe(false);
    expect(repeatsStepName('', 'Step 1')).toBe(false);
  });
});
