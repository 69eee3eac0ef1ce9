import { readFileSync } from 'node:fs';
import { readJourneyText } from '@waymark/document';
import { compareJourneys } from '@waymark/measure';
import { describe, expect, it } from 'vitest';
import { figuresOfJourney } from './journey-figures';

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
