import type { JourneyCommand } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { coalesce, SAVE_DELAY_MS, SAVE_MAX_WAIT_MS, saveDueIn } from './autosave';

const text = (id: string, t: string): JourneyCommand => ({
  type: 'card.update',
  id: id as never,
  patch: { text: t },
});

describe('autosave batching', () => {
  it('given updates of one card in a row, when coalesced, then one update carries the last value', () => {
    expect(coalesce([text('a', 'H'), text('a', 'He'), text('a', 'Hello')])).toEqual([text('a', 'Hello')]);
  });

  it('given updates of different cards or with another command between, when coalesced, then their order and effect stay', () => {
    const remove: JourneyCommand = { type: 'card.remove', id: 'b' as never };
    const list = [text('a', '1'), text('b', '2'), remove, text('a', '3')];
    expect(coalesce(list)).toEqual(list);
  });

  it('given a field set then unset (and the reverse), when coalesced, then the later wins', () => {
    const set: JourneyCommand = { type: 'card.update', id: 'a' as never, patch: { note: 'n', text: 't' } };
    const unset: JourneyCommand = { type: 'card.update', id: 'a' as never, patch: {}, unset: ['note'] };
    expect(coalesce([set, unset])).toEqual([
      { type: 'card.update', id: 'a', patch: { text: 't' }, unset: ['note'] },
    ]);
    expect(coalesce([unset, set])).toEqual([
      { type: 'card.update', id: 'a', patch: { note: 'n', text: 't' } },
    ]);
  });

  it('given meta updates, when coalesced, then they merge too (no id)', () => {
    expect(
      coalesce([
        { type: 'meta.update', patch: { title: 'A' } },
        { type: 'meta.update', patch: { owner: 'B' } },
      ]),
    ).toEqual([{ type: 'meta.update', patch: { title: 'A', owner: 'B' } }]);
  });

  it('given edits, when is the next save due, then after the pause, but never later than the longest wait', () => {
    expect(saveDueIn(1000, null, null)).toBeNull();
    expect(saveDueIn(1000, 1000, 1000)).toBe(SAVE_DELAY_MS);
    expect(saveDueIn(1500, 1000, 1400)).toBe(1400 + SAVE_DELAY_MS - 1500);
    expect(saveDueIn(4800, 1000, 4700)).toBe(1000 + SAVE_MAX_WAIT_MS - 4800);
    expect(saveDueIn(9000, 1000, 1200)).toBe(0);
  });
});
