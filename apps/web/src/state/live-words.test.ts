import { createJourneyFromTemplate, type Journey, type JourneyCommand } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { setLocale } from '../i18n';
import { droppedInWords, replacedInWords } from './live-words';

const made = createJourneyFromTemplate('melton', { id: 'j', title: 'ASB' });
if (!made.ok) throw new Error('template');
const seen: Journey = {
  ...made.value,
  cards: [{ id: 'c1', kind: 'pain-point', laneId: 'pain-points', columnId: 'step-3', text: 'On hold' }],
} as unknown as Journey;
const without = (j: Journey, columnId: string): Journey => ({
  ...j,
  columns: j.columns.filter((c) => c.id !== columnId),
  cards: j.cards.filter((c) => c.columnId !== columnId),
});
const cmd = (c: unknown) => c as JourneyCommand;

describe('live notices in words', () => {
  it('given words of mine replaced, then who changed what is said with my words, a score or nothing', () => {
    expect(replacedInWords('card', 'text', 'Bob', 'Phoned twice')).toBe(
      'Bob changed this card’s text after you. Your words: “Phoned twice”',
    );
    expect(replacedInWords('column', 'label', 'Bob', 'Outcome')).toBe(
      'Bob changed this step’s name after you. Your words: “Outcome”',
    );
    expect(replacedInWords('card', 'score', 'Bob', -40)).toBe(
      'Bob changed this card’s score after you. Yours: -40',
    );
    expect(replacedInWords('meta', 'title', 'Bob', undefined)).toBe(
      'Bob changed this journey’s title after you. You had left it empty.',
    );
  });

  it('given edits that no longer apply, then each says what it was and which deleted thing it was on, never an id', () => {
    const now = without(seen, 'step-3');
    const add = cmd({
      type: 'card.add',
      item: { id: 'n1', kind: 'pain-point', laneId: 'pain-points', columnId: 'step-3', text: 'Gave up' },
    });
    expect(droppedInWords(seen, now, [add], 'Ann', 'no column with id "step-3"')).toBe(
      'Your new card “Gave up” was not added, because Ann deleted the step “Step 3” it was on. Add it to another step if you still need it.',
    );
    const move = cmd({ type: 'card.move', id: 'c1', columnId: 'step-1' });
    expect(droppedInWords(seen, now, [move], null, 'no card')).toBe(
      'Your move of the card “On hold” was not kept, because someone else deleted that card.',
    );
    const rename = cmd({ type: 'column.update', id: 'step-3', patch: { label: 'Waits' } });
    expect(droppedInWords(seen, now, [rename], 'Ann', 'x')).toBe(
      'Your change to the step “Step 3” (“Waits”) was not kept, because Ann deleted that step.',
    );
    // Nothing deleted explains it: the reason (already the catalogue's words), as a sentence.
    expect(droppedInWords(seen, seen, [rename], null, 'Your role does not allow that')).toBe(
      'Your change to the step “Step 3” (“Waits”) was not kept. Your role does not allow that.',
    );
    expect(droppedInWords(seen, now, [add], 'Ann', '')).not.toMatch(/step-3|n1/);
  });

  it('in Welsh, the same notices in Welsh', () => {
    setLocale('cy');
    try {
      expect(replacedInWords('card', 'text', 'Bob', 'Phoned twice')).toBe(
        'Newidiodd Bob y testun ar ôl i chi (cerdyn). Eich geiriau: “Phoned twice”',
      );
    } finally {
      setLocale('en');
    }
  });
});
