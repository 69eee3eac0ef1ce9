import { describe, expect, it } from 'vitest';
import { parseJourney } from '../../journey/parse';
import { journeyFromTemplateBody } from '../pack';
import { starterTemplates } from './index';

describe('starter templates for council services', () => {
  it('cover the seven services asked for', () => {
    expect(starterTemplates.map((s) => s.id)).toEqual([
      'council-tax',
      'housing-repairs',
      'missed-bin',
      'disabled-facilities-grant',
      'school-admissions',
      'adult-social-care-assessment',
      'anti-social-behaviour',
    ]);
  });

  for (const s of starterTemplates) {
    describe(s.name, () => {
      const j = s.body.journey;
      it('is a valid map with steps, touchpoints, pain points and avoidable contact types', () => {
        expect(parseJourney(j).ok).toBe(true);
        expect(j.columns.length).toBeGreaterThanOrEqual(5);
        for (const column of j.columns) {
          const here = j.cards.filter((c) => c.columnId === column.id);
          expect(
            here.some((c) => c.kind === 'step'),
            column.id,
          ).toBe(true);
          expect(
            here.some((c) => c.kind === 'touchpoint'),
            column.id,
          ).toBe(true);
          expect(
            here.some((c) => c.kind === 'pain-point'),
            column.id,
          ).toBe(true);
        }
        expect(j.cards.some((c) => c.kind === 'touchpoint' && c.avoidableCategory !== undefined)).toBe(true);
      });

      it('cites public guidance and invents no figures, scores or quotes', () => {
        expect(s.source).toMatch(/https:\/\/www\.gov\.uk\//);
        for (const card of j.cards) {
          expect(['metric', 'emotion', 'feeling']).not.toContain(card.kind);
          if (card.kind === 'touchpoint') {
            expect(card.contacts).toBeUndefined();
            expect(card.handlingMinutes).toBeUndefined();
          }
        }
        expect(j.sources).toEqual([]);
      });

      it('starts a new map with the id and title given', () => {
        const made = journeyFromTemplateBody(s.body, { id: `${s.id}-ours`, title: 'Our version' });
        expect(made.ok && [made.value.id, made.value.meta.title, made.value.columns.length]).toEqual([
          `${s.id}-ours`,
          'Our version',
          j.columns.length,
        ]);
      });
    });
  }
});
