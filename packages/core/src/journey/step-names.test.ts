import { describe, expect, it } from 'vitest';
import type { CardOf } from './cards';
import type { Column } from './schema';
import { stepCardAddsNothing } from './step-names';

const column: Column = {
  id: 'c',
  label: 'Reports incident',
  translations: { cy: { label: 'Adrodd am ddigwyddiad' } },
} as Column;
const card = (extra: Partial<CardOf<'step'>>): CardOf<'step'> =>
  ({
    id: 's',
    kind: 'step',
    laneId: 'l',
    columnId: 'c',
    text: 'Reports Incident',
    ...extra,
  }) as CardOf<'step'>;

describe('stepCardAddsNothing', () => {
  it('given a card that repeats its step’s name in every language it has, then it adds nothing', () => {
    expect(stepCardAddsNothing(card({}), column)).toBe(true);
    expect(
      stepCardAddsNothing(card({ translations: { cy: { text: 'Adrodd am ddigwyddiad' } } }), column),
    ).toBe(true);
  });

  it('given a description, a flag, other words, or a translation with words of its own, then it adds something', () => {
    expect(stepCardAddsNothing(card({ description: 'By phone' }), column)).toBe(false);
    expect(stepCardAddsNothing(card({ flags: ['moment-of-truth'] } as never), column)).toBe(false);
    expect(stepCardAddsNothing(card({ text: 'Reports incident to the police by phone' }), column)).toBe(
      false,
    );
    expect(stepCardAddsNothing(card({ translations: { cy: { text: 'Ffonio’r heddlu' } } }), column)).toBe(
      false,
    );
    expect(
      stepCardAddsNothing(
        card({ translations: { cy: { text: 'Adrodd', description: 'Dros y ffôn' } } }),
        column,
      ),
    ).toBe(false);
  });
});
