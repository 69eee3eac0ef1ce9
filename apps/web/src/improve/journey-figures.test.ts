import { readFileSync } from 'node:fs';
import { readJourneyText } from '@waymark/document';
import { compareJourneys } from '@waymark/measure';
import { describe, expect, it } from 'vitest';
import { figuresOfJourney, journeyChoices } from './journey-figures';

const desired = () => {
  const r = readJourneyText(
    readFileSync(new URL('../../../../examples/melton-asb-victim-desired.yaml', import.meta.url), 'utf8'),
  );
  if (!r.ok) throw new Error('example');
  return r.value;
};

describe('figures of a journey', () => {
  it('given the Melton desired journey, then its totals by indicator key, cost to the penny', () => {
    const j = desired();
    const t = compareJourneys(j, j).current.totals;
    const f = figuresOfJourney(j);
    expect(f['contacts-per-journey']).toBe(t.contacts);
    expect(f['cost-per-journey']).toBe(5.81);
    expect(f['hand-offs']).toBe(t.handOffs);
    expect(f['avoidable-percent']).toBe(Math.round((t.avoidableContacts / t.contacts) * 1000) / 10);
  });
});

describe('the journeys Compare offers (issue 11 item 7)', () => {
  it('given a desired journey titled "… (desired)", then its name is said once, the kind being its group', () => {
    const groups = journeyChoices([
      { id: 'd', title: 'Noise (desired)', journeyType: 'desired' },
      { id: 'c', title: 'Noise', journeyType: 'current' },
      { id: 'x', title: 'A case', journeyType: 'case' },
    ]);
    expect(groups.map((g) => g.journeyType)).toEqual(['current', 'desired', 'case']);
    const names = groups.flatMap((g) => g.items.map((i) => i.title));
    expect(names).toEqual(['Noise', 'Noise (desired)', 'A case']);
    expect(names.join(' ').match(/\(desired\)/g)).toHaveLength(1);
  });
});
