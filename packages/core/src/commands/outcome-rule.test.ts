import { describe, expect, it } from 'vitest';
import { journeySchema } from '../journey/schema';
import { asbJourney, deepFreeze } from './asb-journey.fixture';
import { expectApplied, expectRefused } from './command-expect.fixture';

const journey = () => deepFreeze(asbJourney());

describe('the Successful Customer Outcome rule stored on the journey (issue 13 item 5)', () => {
  it('given meta.update with an activity rule, then it is stored and the inverse removes it', () => {
    const { journey: next, inverse } = expectApplied(journey(), {
      type: 'meta.update',
      patch: { outcomeRule: { activity: 'Case closed' } },
    });
    expect(next.meta.outcomeRule).toEqual({ activity: 'Case closed' });
    expect(inverse).toEqual({ type: 'meta.update', patch: {}, unset: ['outcomeRule'] });
    expect(journeySchema.parse(next).meta.outcomeRule).toEqual({ activity: 'Case closed' });
  });

  it('given a column=value condition, then it replaces an activity rule and undoing restores the activity', () => {
    const withActivity = expectApplied(journey(), {
      type: 'meta.update',
      patch: { outcomeRule: { activity: 'Case closed' } },
    }).journey;
    const { journey: next, inverse } = expectApplied(withActivity, {
      type: 'meta.update',
      patch: { outcomeRule: { dimension: 'outcome', value: 'Resolved' } },
    });
    expect(next.meta.outcomeRule).toEqual({ dimension: 'outcome', value: 'Resolved' });
    expect(expectApplied(next, inverse).journey.meta.outcomeRule).toEqual({ activity: 'Case closed' });
  });

  it('given an empty activity or an unknown column, then the patch is refused naming the field', () => {
    expect(
      expectRefused(journey(), { type: 'meta.update', patch: { outcomeRule: { activity: '  ' } } } as never)
        .where,
    ).toMatch(/^invalid_command @ patch\.outcomeRule/);
    expect(
      expectRefused(journey(), {
        type: 'meta.update',
        patch: { outcomeRule: { dimension: 'postcode', value: 'x' } },
      } as never).where,
    ).toMatch(/^invalid_command @ patch\.outcomeRule/);
  });

  it('given a journey saved before the field existed, then it parses with no rule (no migration)', () => {
    expect(journeySchema.parse(journey()).meta.outcomeRule).toBeUndefined();
  });
});
