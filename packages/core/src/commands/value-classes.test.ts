import { describe, expect, it } from 'vitest';
import { journeySchema, MAX_VALUE_CLASSES } from '../journey/schema';
import { asbJourney, deepFreeze } from './asb-journey.fixture';
import { expectApplied, expectRefused } from './command-expect.fixture';

const journey = () => deepFreeze(asbJourney());

describe("the log's activities classed as value-added, necessary or waste (issue 13 item 5)", () => {
  it('given meta.update with a classification, then it is stored, parses, and the inverse removes it', () => {
    const classes = { 'Benefit paid': 'value-added', 'Claim received': 'necessary', 'Chase claim': 'waste' };
    const { journey: next, inverse } = expectApplied(journey(), {
      type: 'meta.update',
      patch: { valueClasses: classes },
    });
    expect(next.meta.valueClasses).toEqual(classes);
    expect(inverse).toEqual({ type: 'meta.update', patch: {}, unset: ['valueClasses'] });
    expect(journeySchema.parse(next).meta.valueClasses).toEqual(classes);
  });

  it('given a second classification, then it replaces the first and undoing restores it', () => {
    const first = expectApplied(journey(), {
      type: 'meta.update',
      patch: { valueClasses: { 'Benefit paid': 'value-added' } },
    }).journey;
    const { journey: next, inverse } = expectApplied(first, {
      type: 'meta.update',
      patch: { valueClasses: { 'Benefit paid': 'necessary', 'Chase claim': 'waste' } },
    });
    expect(next.meta.valueClasses).toEqual({ 'Benefit paid': 'necessary', 'Chase claim': 'waste' });
    expect(expectApplied(next, inverse).journey.meta.valueClasses).toEqual({ 'Benefit paid': 'value-added' });
  });

  it('given an unknown class, then the refusal names the activity and says what was expected', () => {
    const refused = expectRefused(journey(), {
      type: 'meta.update',
      patch: { valueClasses: { 'Benefit paid': 'value-added', 'Chase claim': 'useless' } },
    });
    expect(refused.where).toBe('invalid_command @ patch.valueClasses["Chase claim"]');
    expect(refused.message).toMatch(/expected value-added, necessary or waste/);
  });

  it('given an empty activity name or too many activities, then the patch is refused', () => {
    expect(
      expectRefused(journey(), { type: 'meta.update', patch: { valueClasses: { '  ': 'waste' } } }).where,
    ).toMatch(/^invalid_command @ patch\.valueClasses/);
    const many = Object.fromEntries(
      Array.from({ length: MAX_VALUE_CLASSES + 1 }, (_, i) => [`Activity ${i}`, 'waste']),
    );
    expect(expectRefused(journey(), { type: 'meta.update', patch: { valueClasses: many } }).message).toMatch(
      /at most 2000 activities/,
    );
  });

  it('given a journey saved before the field existed, then it parses with no classification', () => {
    expect(journeySchema.parse(journey()).meta.valueClasses).toBeUndefined();
  });
});
