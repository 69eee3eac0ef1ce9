import { readFileSync } from 'node:fs';
import { readJourneyText } from '@waymark/document';
import { buildBusinessCase, compareJourneys, type Comparison } from '@waymark/measure';
import { describe, expect, it } from 'vitest';
import { emptyBusinessCase, fieldId, savingsFromComparison } from './business-case-data';

const example = (name: string) => {
  const read = readJourneyText(
    readFileSync(new URL(`../../../../examples/${name}.yaml`, import.meta.url), 'utf8'),
  );
  if (!read.ok) throw new Error(name);
  return read.value;
};

describe('business case data', () => {
  it('given the Melton ASB comparison, where the desired journey adds costed contacts, then no saving is prefilled', () => {
    const c = compareJourneys(example('melton-asb-victim-current'), example('melton-asb-victim-desired'));
    expect(c.delta.cost).toBeGreaterThan(0);
    expect(savingsFromComparison(c)).toEqual([]);
  });

  it('given a comparison that saves £3.456 and 12 minutes a journey, then one time-released saving of £3.46 and 12 minutes', () => {
    const c = {
      current: { title: 'Now' },
      desired: { title: 'Then' },
      delta: { cost: -3.456, handlingMinutes: -12 },
    } as unknown as Comparison;
    expect(savingsFromComparison(c)).toEqual([
      {
        id: 'cost-per-journey',
        label: 'Lower cost per journey (Now → Then)',
        kind: 'time-released',
        perJourney: 3.46,
        minutesPerJourney: 12,
      },
    ]);
  });

  it('given an empty case with a volume and a cost, then it is a valid business case input', () => {
    const data = emptyBusinessCase('X');
    const built = buildBusinessCase({
      ...data.input,
      annualVolumes: 1000,
      savings: [{ id: 's', label: 's', kind: 'cash-releasing', perJourney: 20 }],
      costs: [{ id: 'c', label: 'c', kind: 'one-off', amount: 50_000, fromYear: 0 }],
      appraisalYears: 5,
    });
    expect(built.ok && built.value.npsv).toBe(4_030_105);
  });

  it('given an error path from the API, then the id of the field that holds it', () => {
    expect(fieldId('data.input.costs[0].amount')).toBe('bc-input-costs-0-amount');
    expect(fieldId('data.input.annualVolumes')).toBe('bc-input-annualVolumes');
  });
});
