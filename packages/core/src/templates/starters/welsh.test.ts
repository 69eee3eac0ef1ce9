import { describe, expect, it } from 'vitest';
import { parseJourney } from '../../journey/parse';
import { starterIn, starterTemplates, welshStarterWords } from './index';

describe('the starter templates in Welsh', () => {
  for (const s of starterTemplates) {
    it(`${s.id}: in Welsh, its name, stages, steps and lanes are Welsh, with the same ids, and it is a valid map`, () => {
      const cy = starterIn(s, 'cy');
      const en = s.body.journey;
      const j = cy.body.journey;
      expect(parseJourney(j).ok).toBe(true);
      expect(cy.name).toBe(welshStarterWords[s.id]?.name);
      expect(cy.name).not.toBe(s.name);
      expect(j.meta.title).toBe(cy.name);
      expect(cy.description).not.toBe(s.description);
      expect([j.meta.trigger, j.meta.outcome]).not.toContain(en.meta.trigger);
      // Every stage, step and lane has its Welsh word: none is left in English.
      expect(j.stages.map((x) => x.id)).toEqual(en.stages.map((x) => x.id));
      j.stages.forEach((x, i) => expect(x.name, x.id).not.toBe(en.stages[i]!.name));
      expect(j.columns.map((x) => x.id)).toEqual(en.columns.map((x) => x.id));
      j.columns.forEach((x, i) => expect(x.label, x.id).not.toBe(en.columns[i]!.label));
      j.lanes.forEach((x, i) => expect(x.label, x.id).not.toBe(en.lanes[i]!.label));
      // The steps' words have no leftover entries for steps the starter does not have.
      expect(Object.keys(welshStarterWords[s.id]!.steps).sort()).toEqual(en.columns.map((c) => c.id).sort());
      expect(j.cards).toEqual(en.cards);
    });
  }

  it('in English, or for a language without a twin, is the starter as written', () => {
    const s = starterTemplates[0]!;
    expect(starterIn(s, 'en')).toBe(s);
    expect(starterIn({ ...s, id: 'no-twin' }, 'cy').name).toBe(s.name);
  });
});
