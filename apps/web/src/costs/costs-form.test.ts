import { describe, expect, it } from 'vitest';
import { emptyLine, readDraft, readNumber, workingOf, type ModelDraft } from './costs-form';

const line = {
  ...emptyLine(),
  staffMinutes: '7.5',
  annualSalary: '£26,000',
  onCostsPercent: '30',
  overheadsPercent: '20%',
  hoursPerYear: '1,650',
  nonStaffCost: '0.12',
};

describe('the cost model form', () => {
  it('reads typed numbers as people type them, and shows the build-up to the penny', () => {
    expect(readNumber('£26,000')).toBe(26000);
    expect(readNumber('')).toBeNaN();
    expect(workingOf(line)).toBe(
      '£26,000.00 × (1 + 30 %) × (1 + 20 %) ÷ 1,650 hours = £24.58 an hour. 7.5 minutes of that = £3.07, plus £0.12 other costs = £3.19 each.',
    );
    expect(workingOf({ ...line, annualSalary: 'lots' })).toBeNull();
    expect(workingOf({ ...line, method: 'direct', unitCost: '2.5' })).toBe('Entered as £2.50 each.');
  });

  it('gives the model the API takes, or each problem at its field in the catalogue’s words', () => {
    const draft: ModelDraft = { name: 'Melton 2026', priceYear: '2024', lines: [line] };
    const ok = readDraft(draft);
    expect(ok.ok && ok.model.lines[0]).toMatchObject({
      annualSalary: 26000,
      hoursPerYear: 1650,
      nonStaffCost: 0.12,
    });
    const bad = readDraft({
      name: '',
      priceYear: 'next year',
      lines: [
        { ...line, annualSalary: 'lots', hoursPerYear: '0' },
        { ...line, scope: 'activity', key: 'Re-key' },
        { ...line, scope: 'activity', key: 're-key' },
      ],
    });
    expect(bad.ok ? {} : bad.problems).toEqual({
      name: 'costs.error.name',
      priceYear: 'costs.error.priceYear',
      'lines[0].annualSalary': 'costs.error.annualSalary',
      'lines[0].hoursPerYear': 'costs.error.hoursPerYear',
    });
    const repeated = readDraft({ ...draft, lines: [line, { ...line }] });
    expect(repeated.ok ? {} : repeated.problems).toEqual({ 'lines[1].key': 'costs.error.repeated' });
  });
});
