import { describe, expect, it } from 'vitest';
import { parseJourney } from '../journey/parse';
import { contentDescription, guidanceOf, isTemplateGuidance } from './guidance';
import { createJourneyFromTemplate, templateNames } from './registry';

const make = (name: (typeof templateNames)[number], startMonth?: string) => {
  const made = createJourneyFromTemplate(name, {
    id: 'j',
    title: 'T',
    ...(startMonth ? { startMonth } : {}),
  });
  if (!made.ok) throw new Error(name);
  return made.value;
};

describe('template guidance is a hint, not content (issue 11 item 4)', () => {
  it.each(templateNames)(
    'given a new map from the %s template, then its advice is guidance and no description',
    (name) => {
      const journey = make(name);
      const all = [...journey.columns, ...journey.lanes];
      expect(all.some((x) => x.guidance)).toBe(true);
      for (const x of all) expect(contentDescription(x)).toBeUndefined();
    },
  );

  it('given a map an earlier Waymark made, with the advice stored as descriptions, when read, then it becomes guidance', () => {
    for (const name of templateNames) {
      for (const startMonth of [undefined, '2024-04']) {
        const today = make(name, startMonth);
        // What the templates wrote before schema 2 had `guidance`: the same words, as descriptions.
        const earlier = {
          ...today,
          columns: today.columns.map(({ guidance, ...c }) =>
            guidance ? { ...c, description: guidance } : c,
          ),
          lanes: today.lanes.map(({ guidance, ...l }) => (guidance ? { ...l, description: guidance } : l)),
        };
        expect(earlier.columns.every((c) => isTemplateGuidance(c.description ?? 'x') || !c.description)).toBe(
          true,
        );
        const read = parseJourney(JSON.parse(JSON.stringify(earlier)));
        expect(read.ok && read.value).toEqual(today);
      }
    }
  });

  it('given a description someone wrote, when read, then it stays content and is not taken for guidance', () => {
    const today = make('melton');
    const doc = {
      ...today,
      columns: today.columns.map((c, i) =>
        i === 0 ? { ...c, description: 'The victim rings the police or the council.' } : c,
      ),
    };
    const read = parseJourney(doc);
    if (!read.ok) throw new Error('parse');
    const first = read.value.columns[0]!;
    expect(contentDescription(first)).toBe('The victim rings the police or the council.');
    expect(guidanceOf(first)).toMatch(/^Name this key journey step as the customer would say it/);
  });

  it('given a stored map not read through parse, then guidance in a description is still told apart', () => {
    const stored = { description: make('melton').columns[0]!.guidance };
    expect(contentDescription(stored)).toBeUndefined();
    expect(guidanceOf(stored)).toBe(stored.description);
  });
});
