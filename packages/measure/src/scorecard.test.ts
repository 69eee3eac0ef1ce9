import { describe, expect, it } from 'vitest';
import { buildBusinessCase } from './business-case';
import { workedCheckInput } from './business-case.fixture';
import { parseInput } from './input-error';
import { balancedScorecard, benefitsFromBusinessCase, benefitSchema, type Benefit } from './scorecard';

const benefits: Benefit[] = [
  {
    id: 'b1',
    perspective: 'internal-process',
    description: 'Less avoidable contact',
    figureKey: 'avoidable-percent',
    expected: 20,
    unit: '%',
    money: 'non-monetary',
  },
  { id: 'b2', perspective: 'citizen', description: 'Residents feel listened to', money: 'non-monetary' },
  {
    id: 'b3',
    perspective: 'outcome',
    description: 'Fewer repeat incidents',
    figureKey: 'repeat-incidents',
    money: 'non-monetary',
  },
];

describe('balancedScorecard', () => {
  const rows = balancedScorecard(benefits, { 'avoidable-percent': 30 });

  it('given benefits, then five perspectives in order with outcome at the top', () => {
    expect(rows.map((r) => r.perspective)).toEqual([
      'outcome',
      'citizen',
      'internal-process',
      'financial',
      'capacity',
    ]);
    expect(rows[4]!.benefits).toEqual([]);
  });

  it('then linked benefits carry the journey figure now, and only linked ones with a target count as quantified', () => {
    const process = rows[2]!.benefits[0]!;
    expect(process).toMatchObject({ id: 'b1', current: 30, expected: 20, quantified: true });
    expect(rows[1]!.benefits[0]).toMatchObject({ id: 'b2', current: null, quantified: false });
    expect(rows[0]!.benefits[0]).toMatchObject({ id: 'b3', current: null, quantified: false });
  });

  it('given a bad perspective, then the error says which ones exist', () => {
    const r = parseInput(benefitSchema, { id: 'x', perspective: 'people', description: 'd' });
    expect(r).toMatchObject({
      ok: false,
      error: [{ path: 'perspective', message: expect.stringContaining('internal-process') }],
    });
  });
});

describe('benefitsFromBusinessCase', () => {
  it('given the worked check, then a £20,000 cash-releasing financial benefit', () => {
    const bc = buildBusinessCase(workedCheckInput);
    if (!bc.ok) throw new Error('expected ok');
    expect(benefitsFromBusinessCase(bc.value)).toEqual([
      expect.objectContaining({ perspective: 'financial', expected: 20_000, money: 'cash-releasing' }),
    ]);
  });

  it('given time released with minutes, then financial (non-cashable) and capacity benefits too', () => {
    const bc = buildBusinessCase({
      ...workedCheckInput,
      savings: [
        { id: 't', label: 'Officer time', kind: 'time-released', perJourney: 4, minutesPerJourney: 6 },
      ],
    });
    if (!bc.ok) throw new Error('expected ok');
    const list = benefitsFromBusinessCase(bc.value);
    expect(list.map((b) => [b.perspective, b.money, b.expected])).toEqual([
      ['financial', 'time-released', 4_000],
      ['capacity', 'time-released', 100],
    ]);
  });
});
