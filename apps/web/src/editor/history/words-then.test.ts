import { describe, expect, it } from 'vitest';
import { createJourneyFromTemplate, type Journey, type JourneyCommand } from '@waymark/core';
import type { HistoryVersion } from './group-history';
import { wordsThen } from './words-then';

const ann = { id: 'u-ann', name: 'Ann' };
const v = (version: number, ...commands: unknown[]): HistoryVersion => ({
  version,
  kind: 'commands',
  at: `2026-12-03T10:${String(version).padStart(2, '0')}:00Z`,
  by: ann,
  commands: commands as JourneyCommand[],
});

function template(): Journey {
  const made = createJourneyFromTemplate('melton', { id: 'words-then', title: 'Words then' } as never);
  if (!made.ok) throw new Error('template');
  return made.value;
}

describe('history entries quote words as they were then', () => {
  it('given a card added, changed and changed again, then each entry quotes its own words, not the words now', () => {
    const base = template();
    const lane = base.lanes.find((l) => l.kind === 'pain-point')!;
    const item = {
      id: 'p1',
      kind: 'pain-point',
      laneId: lane.id,
      columnId: base.columns[0]!.id,
      text: 'Sent',
    };
    const now = { ...base, cards: [...base.cards, { ...item, text: 'Never arrived' }] } as Journey;
    const words = wordsThen(
      [
        v(2, { type: 'card.add', item }),
        v(3, { type: 'card.update', id: 'p1', patch: { text: 'Unclear' } }),
        v(4, { type: 'card.update', id: 'p1', patch: { severity: 3 } }),
        v(5, { type: 'card.update', id: 'p1', patch: { text: 'Never arrived' } }),
      ],
      now,
    );
    expect(words.get(2)).toEqual(['Added card “Sent”']);
    expect(words.get(3)).toEqual(['Changed card “Unclear” (text)']);
    expect(words.get(4)).toEqual(['Changed card “Unclear” (severity)']);
    expect(words.get(5)).toEqual(['Changed card “Never arrived” (text)']);
  });

  it('given an item from before the loaded history, then it is quoted as now only where nothing changed it since, and a removal quotes what was removed', () => {
    const base = template();
    const [first, second] = base.columns;
    const now = {
      ...base,
      columns: base.columns
        .filter((c) => c.id !== second!.id)
        .map((c) => (c.id === first!.id ? { ...c, label: 'Later name' } : c)),
    } as Journey;
    const words = wordsThen(
      [
        v(7, { type: 'column.update', id: first!.id, patch: {}, unset: ['stageId'] }),
        v(8, { type: 'column.update', id: first!.id, patch: { label: 'Later name' } }),
        v(9, { type: 'column.update', id: second!.id, patch: { label: 'Renamed' } }),
        v(10, { type: 'column.remove', id: second!.id }),
      ],
      now,
    );
    // Version 7 happened before the rename of version 8, whose old name is not in the loaded history.
    expect(words.get(7)).toEqual(['Changed step (stageId)']);
    expect(words.get(8)).toEqual(['Changed step “Later name” (label)']);
    expect(words.get(10)).toEqual(['Removed step “Renamed”']);
  });

  it('given a batch, then its edits are quoted as they were', () => {
    const base = template();
    const lane = base.lanes.find((l) => l.kind === 'pain-point')!;
    const item = {
      id: 'p2',
      kind: 'pain-point',
      laneId: lane.id,
      columnId: base.columns[0]!.id,
      text: 'First',
    };
    const words = wordsThen(
      [
        v(2, { type: 'card.add', item }),
        v(3, { type: 'batch', commands: [{ type: 'card.update', id: 'p2', patch: { text: 'Second' } }] }),
        v(4, { type: 'card.remove', id: 'p2' }),
      ],
      base,
    );
    expect(words.get(3)).toEqual(['1 change: Changed card “Second” (text)']);
    expect(words.get(4)).toEqual(['Removed card “Second”']);
  });
});
