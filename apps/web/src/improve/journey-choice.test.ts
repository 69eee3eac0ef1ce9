import { describe, expect, it } from 'vitest';
import type { Journey } from '@waymark/core';
import { counterpartPick, journeyChoiceLabel, type JourneyListItem } from './journey-choice';

const item = (id: string, title: string, journeyType = 'current', updatedAt = '2026-12-03T10:00:00Z') =>
  ({ id, title, journeyType, status: 'draft', updatedAt }) as JourneyListItem;
const doc = (id: string, title: string, journeyType: string, basedOn?: string) =>
  ({ id, meta: { title, journeyType, ...(basedOn ? { basedOn } : {}) } }) as unknown as Journey;

describe('journeys in pickers', () => {
  it('given two journeys with one title, then each is named with its type, status and date; a title of its own stays as it is', () => {
    const all = [item('a', 'DFG'), item('b', 'DFG', 'desired', '2026-11-01T10:00:00Z'), item('c', 'ASB')];
    expect(journeyChoiceLabel(all[0]!, all)).toBe('DFG — Current (as is), Draft, updated 3 Dec 2026');
    expect(journeyChoiceLabel(all[1]!, all)).toBe('DFG — Desired (to be), Draft, updated 1 Nov 2026');
    expect(journeyChoiceLabel(all[2]!, all)).toBe('ASB');
  });

  it('given two alike in everything but their id, then the id tells them apart', () => {
    const all = [item('a', 'DFG'), item('b', 'dfg ')];
    expect(journeyChoiceLabel(all[1]!, all)).toBe('dfg  — Current (as is), Draft, updated 3 Dec 2026 (b)');
  });
});

describe('what Compare starts with', () => {
  const list = [
    item('asb', 'ASB'),
    item('asb-desired', 'ASB to be', 'desired', '2026-12-04T10:00:00Z'),
    item('dfg', 'DFG'),
    item('dfg-to-be', 'DFG to be', 'desired'),
    item('lone', 'Lone'),
    item('dup', 'Same'),
    item('dup-d', 'Same', 'desired'),
  ];
  const docs: Record<string, Journey> = {
    'asb-desired': doc('asb-desired', 'ASB to be', 'desired', 'asb'),
    'dfg-to-be': doc('dfg-to-be', 'DFG to be', 'desired', 'dfg'),
    'dup-d': doc('dup-d', 'Same', 'desired'),
  };
  const load = (id: string) => Promise.resolve(docs[id] ?? null);

  it('given a current journey, then its own desired journey is chosen, not the newest unrelated one', async () => {
    expect(await counterpartPick(doc('dfg', 'DFG', 'current'), list, load)).toEqual({
      current: 'dfg',
      desired: 'dfg-to-be',
    });
  });
  it('given a current journey with no desired journey made from it, then one of the same title, or none', async () => {
    expect(await counterpartPick(doc('dup', 'Same', 'current'), list, load)).toEqual({
      current: 'dup',
      desired: 'dup-d',
    });
    expect(await counterpartPick(doc('lone', 'Lone', 'current'), list, load)).toEqual({
      current: 'lone',
      desired: '',
    });
  });
  it('given a desired journey, then the current one it was made from, else one of the same title, else none', async () => {
    expect(await counterpartPick(docs['dfg-to-be']!, list, load)).toEqual({
      current: 'dfg',
      desired: 'dfg-to-be',
    });
    expect(await counterpartPick(docs['dup-d']!, list, load)).toEqual({ current: 'dup', desired: 'dup-d' });
    expect(await counterpartPick(doc('x', 'Nothing like it', 'desired'), list, load)).toEqual({
      current: '',
      desired: 'x',
    });
  });
});
