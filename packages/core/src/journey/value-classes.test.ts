import { describe, expect, it } from 'vitest';
import { checkValueClasses, suggestValueClass } from './value-classes';

describe('suggested classes from the NI14 rules (issue 13 item 5)', () => {
  it('given chasing or a transfer, then waste is suggested with its NI14 category; otherwise nothing', () => {
    expect(suggestValueClass('Chase progress')).toEqual({ valueClass: 'waste', category: 'PC' });
    expect(suggestValueClass('Where is my claim? call')).toEqual({ valueClass: 'waste', category: 'PC' });
    expect(suggestValueClass('Transferred to housing')).toEqual({ valueClass: 'waste', category: 'MD' });
    expect(suggestValueClass('Benefit paid')).toBeUndefined();
    expect(suggestValueClass('Claim received')).toBeUndefined();
  });
});

describe("checking a person's classification before it is saved", () => {
  it('given classes and unclassified activities, then only the classed ones are kept', () => {
    expect(
      checkValueClasses({ 'Benefit paid': 'value-added', 'Claim received': 'necessary', Other: '' }),
    ).toEqual({ classes: { 'Benefit paid': 'value-added', 'Claim received': 'necessary' }, problems: [] });
  });

  it('given nothing classed, then there is no classification to store', () => {
    expect(checkValueClasses({ A: '', B: '' })).toEqual({ classes: undefined, problems: [] });
  });

  it('given a bad class or a name the journey cannot hold, then each problem names its activity', () => {
    const long = 'x'.repeat(301);
    const r = checkValueClasses({ A: 'useless', [long]: 'waste', '  ': 'necessary', B: 'waste' });
    expect(r.classes).toEqual({ B: 'waste' });
    expect(r.problems).toEqual([
      { activity: 'A', code: 'unknown-class', found: 'useless' },
      { activity: long, code: 'name-too-long', max: 300 },
      { activity: '  ', code: 'name-empty' },
    ]);
  });
});
