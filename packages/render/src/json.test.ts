import { parseJourney } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { renderJson } from './json';
import { ageJourney, buildJourney, datedJourney, stepsJourney, stepsJourneyInput } from './test-fixtures';

describe('renderJson', () => {
  it.each([
    ['steps', stepsJourney],
    ['dated', datedJourney],
    ['age', ageJourney],
  ])('given the %s journey, then the JSON parses back with parseJourney to an equal journey', (_, make) => {
    const journey = make();
    const out = renderJson(journey);
    const back = parseJourney(JSON.parse(out));
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.value).toEqual(journey);
    expect(renderJson(back.ok ? back.value : journey)).toBe(out);
  });

  it('then it is indented by two spaces and ends with a newline', () => {
    const out = renderJson(stepsJourney());
    expect(out.split('\n')[1]).toBe('  "schemaVersion": 2,');
    expect(out.endsWith('}\n')).toBe(true);
  });

  it('given the same journey written with its keys in another order, then the JSON is identical', () => {
    const input = stepsJourneyInput() as Record<string, unknown>;
    const reversed = Object.fromEntries(Object.entries(input).reverse());
    reversed.meta = Object.fromEntries(Object.entries(input.meta as object).reverse());
    expect(renderJson(buildJourney(reversed))).toBe(renderJson(buildJourney(input)));
  });
});
