import { describe, expect, it } from 'vitest';
import { parseJourney } from '../journey/parse';
import type { Journey } from '../journey/schema';
import { isBilingual, languagesOf, textIn } from '../journey/translations';
import { applyCommand } from './apply';
import { asbJourney, deepFreeze } from './asb-journey.fixture';
import { expectApplied, expectRefused } from './command-expect.fixture';

const bilingual = (languages: string[] = ['en', 'cy']): Journey => {
  const r = applyCommand(asbJourney(), { type: 'meta.update', patch: { languages } } as never);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return deepFreeze(r.value.journey);
};
const set = (target: unknown, field: string, value: string, language = 'cy') => ({
  type: 'translation.set',
  target,
  language,
  field,
  value,
});
const clear = (target: unknown, field: string, language = 'cy') => ({
  type: 'translation.clear',
  target,
  language,
  field,
});

describe('meta.languages', () => {
  it('given no languages, then the journey is in one language, English', () => {
    expect(languagesOf(asbJourney().meta)).toEqual(['en']);
    expect(isBilingual(asbJourney().meta)).toBe(false);
  });

  it('given en and cy, then the journey is bilingual with English first; undo removes the field', () => {
    const { journey, inverse } = expectApplied(deepFreeze(asbJourney()), {
      type: 'meta.update',
      patch: { languages: ['en', 'cy'] },
    });
    expect(languagesOf(journey.meta)).toEqual(['en', 'cy']);
    expect(inverse).toEqual({ type: 'meta.update', patch: {}, unset: ['languages'] });
  });

  it.each([
    [['en', 'en'], 'expected each language once'],
    [['fr'], 'expected a language code: en (English) or cy (Welsh)'],
    [[], 'expected at least one language'],
  ])('given %j, then it is refused with a plain reason', (languages, reason) => {
    const e = expectRefused(deepFreeze(asbJourney()), { type: 'meta.update', patch: { languages } });
    expect(e.message).toContain(reason);
  });
});

describe('translation.set and translation.clear', () => {
  it('given a Welsh card text, then the card carries it and the inverse clears it exactly', () => {
    const { journey, inverse } = expectApplied(
      bilingual(),
      set({ kind: 'card', id: 's1' }, 'text', ' Digwyddiad '),
    );
    const card = journey.cards.find((c) => c.id === 's1')!;
    expect(card).toMatchObject({ text: 'Incident occurs', translations: { cy: { text: 'Digwyddiad' } } });
    expect(textIn(card, 'text', 'cy', 'en')).toBe('Digwyddiad');
    expect(textIn(card, 'text', 'en', 'en')).toBe('Incident occurs');
    expect(inverse).toEqual(clear({ kind: 'card', id: 's1' }, 'text'));
  });

  it('given a second field, then both are kept and undo of a replacement restores the old text', () => {
    let j = bilingual();
    j = expectApplied(j, set({ kind: 'card', id: 's1' }, 'description', 'Mae rhywun yn ffonio')).journey;
    j = expectApplied(j, set({ kind: 'card', id: 's1' }, 'text', 'Digwyddiad')).journey;
    const { journey, inverse } = expectApplied(
      j,
      set({ kind: 'card', id: 's1' }, 'text', 'Digwyddiad arall'),
    );
    expect(inverse).toEqual(set({ kind: 'card', id: 's1' }, 'text', 'Digwyddiad'));
    expect(journey.cards.find((c) => c.id === 's1')).toMatchObject({
      translations: { cy: { text: 'Digwyddiad arall', description: 'Mae rhywun yn ffonio' } },
    });
  });

  it('given the last translated field is cleared, then no empty translations object is left', () => {
    const j = expectApplied(
      bilingual(),
      set({ kind: 'column', id: 'incident' }, 'label', 'Digwyddiad'),
    ).journey;
    const { journey, inverse } = expectApplied(j, clear({ kind: 'column', id: 'incident' }, 'label'));
    expect(journey.columns[0]).not.toHaveProperty('translations');
    expect(journey).toEqual(bilingual());
    expect(inverse).toEqual(set({ kind: 'column', id: 'incident' }, 'label', 'Digwyddiad'));
  });

  it('given clearing a field with no translation, then nothing changes and the inverse is the same clear', () => {
    const { journey, inverse } = expectApplied(bilingual(), clear({ kind: 'lane', id: 'steps' }, 'label'));
    expect(journey).toEqual(bilingual());
    expect(inverse).toEqual(clear({ kind: 'lane', id: 'steps' }, 'label'));
  });

  it('given the title, a stage and a lane, then each takes a translation', () => {
    let j = bilingual();
    j = expectApplied(j, set({ kind: 'meta' }, 'title', 'Dioddefwr ymddygiad gwrthgymdeithasol')).journey;
    j = expectApplied(j, set({ kind: 'stage', id: 'report' }, 'name', 'Rhoi gwybod')).journey;
    j = expectApplied(j, set({ kind: 'lane', id: 'steps' }, 'label', 'Camau allweddol')).journey;
    expect(j.meta.translations).toEqual({ cy: { title: 'Dioddefwr ymddygiad gwrthgymdeithasol' } });
    expect(j.stages[0]!.translations).toEqual({ cy: { name: 'Rhoi gwybod' } });
    expect(j.lanes[0]!.translations).toEqual({ cy: { label: 'Camau allweddol' } });
    // Parsing the saved document gives the same journey back.
    const again = parseJourney(JSON.parse(JSON.stringify(j)));
    expect(again.ok && again.value).toEqual(j);
  });

  it('given Welsh as the primary language, then English is the translation', () => {
    const { journey } = expectApplied(
      bilingual(['cy', 'en']),
      set({ kind: 'card', id: 's1' }, 'text', 'Incident', 'en'),
    );
    const card = journey.cards.find((c) => c.id === 's1')!;
    expect(textIn(card, 'text', 'cy', 'cy')).toBe('Incident occurs');
    expect(textIn(card, 'text', 'en', 'cy')).toBe('Incident');
  });

  it.each([
    [asbJourney(), set({ kind: 'card', id: 's1' }, 'text', 'Digwyddiad'), 'invalid_command @ language'],
    [bilingual(), set({ kind: 'card', id: 's1' }, 'text', 'Incident', 'en'), 'invalid_command @ language'],
    [bilingual(), set({ kind: 'card', id: 'nope' }, 'text', 'Digwyddiad'), 'card_not_found @ target.id'],
    [bilingual(), set({ kind: 'column', id: 'nope' }, 'label', 'Cam'), 'column_not_found @ target.id'],
    [bilingual(), set({ kind: 'card', id: 'e1' }, 'text', 'Da'), 'invalid_command @ field'],
    [bilingual(), set({ kind: 'card', id: 't1' }, 'channel', 'Ffôn'), 'invalid_command @ field'],
    [bilingual(), set({ kind: 'column', id: 'incident' }, 'label', 'x'.repeat(201)), 'invalid_patch @ value'],
    [bilingual(), set({ kind: 'card', id: 's1' }, 'text', '   '), 'invalid_command @ value'],
    [bilingual(), set({ kind: 'card', id: 's1' }, 'text', 'Testun', 'fr'), 'invalid_command @ language'],
  ])('given a bad translation command, then it is refused: %#', (j, command, where) => {
    const e = expectRefused(deepFreeze(j), command);
    expect(e.where).toBe(where);
    expect(e.message).not.toMatch(/Unrecognized|Too big|Invalid/);
  });

  it('given a too-long Welsh label, then the reason names the language and the limit', () => {
    const e = expectRefused(bilingual(), set({ kind: 'column', id: 'incident' }, 'label', 'x'.repeat(201)));
    expect(e.message).toMatch(/^Welsh label: /);
  });
});
