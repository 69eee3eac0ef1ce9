import { parseJourney } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { journeyTemplates, slugify, templateIds } from './templates';

describe('journey templates', () => {
  it.each(templateIds)('given template %s, when built, then it is a valid journey', (id) => {
    const journey = journeyTemplates[id].build({ id: 'j-1', title: 'A journey', journeyType: 'current' });
    const parsed = parseJourney(journey);
    expect(parsed.ok ? [] : parsed.error).toEqual([]);
    expect(journey.lanes.length).toBeGreaterThan(3);
  });

  it('given a title with punctuation, when slugified, then the id is readable and valid', () => {
    expect(slugify('ASB: victim’s journey (2026)', 'x1')).toBe('asb-victim-s-journey-2026-x1');
    expect(slugify('!!!', 'x1')).toBe('journey-x1');
  });
});
