import { parseJourney } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { buildFromTemplate, slugify, templateIds, templateLabel } from './templates';

describe('journey templates (from @waymark/core)', () => {
  it.each(templateIds)(
    'given template %s, when built as a desired journey, then it is a valid journey of that type',
    (id) => {
      const made = buildFromTemplate(id, {
        id: 'j-1',
        title: 'A journey',
        journeyType: 'desired',
        startMonth: '2026-11',
      });
      expect(made.ok).toBe(true);
      if (!made.ok) return;
      const parsed = parseJourney(made.journey);
      expect(parsed.ok ? [] : parsed.error).toEqual([]);
      expect(made.journey.meta).toMatchObject({ title: 'A journey', journeyType: 'desired' });
      expect(made.journey.lanes.length).toBeGreaterThan(2);
    },
  );

  it('given the Melton template, when listed, then it is first and named for the Melton map', () => {
    expect(templateIds[0]).toBe('melton');
    expect(templateLabel('melton')).toMatch(/Melton/);
  });

  it('given a bad id, when built, then the problem is said rather than thrown', () => {
    const made = buildFromTemplate('melton', {
      id: 'no spaces allowed',
      title: 'T',
      journeyType: 'current',
      startMonth: '2026-11',
    });
    expect(made.ok ? '' : made.message).toMatch(/expected an id/);
  });

  it('given a title with punctuation, when slugified, then the id is readable and valid', () => {
    expect(slugify('ASB: victim’s journey (2026)', 'x1')).toBe('asb-victim-s-journey-2026-x1');
    expect(slugify('!!!', 'x1')).toBe('journey-x1');
  });
});
