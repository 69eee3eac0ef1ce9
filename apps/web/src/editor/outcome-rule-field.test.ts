import { describe, expect, it } from 'vitest';
import { outcomeRuleOfInput } from './outcome-rule-field';

const typed = (activity: string, column = '', value = '') => outcomeRuleOfInput({ activity, column, value });

describe("the Successful Customer Outcome rule typed in the journey's details (issue 13 item 5)", () => {
  it('given an activity or a column and value, then that is the rule, trimmed', () => {
    expect(typed('  Benefit paid ')).toEqual({ rule: { activity: 'Benefit paid' } });
    expect(typed('', 'outcome', ' Resolved ')).toEqual({ rule: { dimension: 'outcome', value: 'Resolved' } });
  });

  it('given nothing, both, or half a condition, then the problem names the field to correct', () => {
    expect(typed('  ')).toEqual({ problem: 'nothing', field: 'activity' });
    expect(typed('Benefit paid', 'outcome', 'Resolved')).toEqual({ problem: 'both', field: 'activity' });
    expect(typed('', 'outcome', ' ')).toEqual({ problem: 'value-missing', field: 'value' });
    expect(typed('', '', 'Resolved')).toEqual({ problem: 'column-missing', field: 'column' });
    expect(typed('', 'postcode', 'AB1')).toEqual({ problem: 'unknown-column', field: 'column' });
  });

  it('given text longer than the journey keeps (300 characters), then it is refused before saving', () => {
    expect(typed('x'.repeat(301))).toEqual({ problem: 'too-long', field: 'activity' });
    expect(typed('', 'resource', 'y'.repeat(301))).toEqual({ problem: 'too-long', field: 'value' });
    expect(typed('x'.repeat(300))).toEqual({ rule: { activity: 'x'.repeat(300) } });
  });
});
