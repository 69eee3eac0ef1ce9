import { describe, expect, it } from 'vitest';
import {
  averageCostPerContact,
  avoidableContactCost,
  costTables,
  costTableSchema,
  defaultCostTableId,
  localUnitCost,
  overrideCostTable,
} from './channel-costs';
import { poundsToPence } from './money';

const socitm2011 = costTables.find((t) => t.id === defaultCostTableId)!;

describe('averageCostPerContact and avoidableContactCost (domain.md §5 worked check)', () => {
  it('given 10,000 contacts, 30 % avoidable, 70/20/10 phone/f2f/web at 2011 costs, then £3.72 and £11,160 a year', () => {
    const average = averageCostPerContact({ telephone: 70, 'face-to-face': 20, web: 10 }, socitm2011);
    expect(average.ok).toBe(true);
    if (!average.ok) return;
    // 0.7 × 2.83 + 0.2 × 8.62 + 0.1 × 0.15 = 1.981 + 1.724 + 0.015
    expect(poundsToPence(average.value)).toBe(372);
    expect(poundsToPence(avoidableContactCost(10_000, 0.3, average.value))).toBe(1_116_000);
  });

  it('given shares rather than percentages, then the same average', () => {
    const a = averageCostPerContact({ telephone: 0.7, 'face-to-face': 0.2, web: 0.1 }, socitm2011);
    expect(a.ok && poundsToPence(a.value)).toBe(372);
  });

  it('given a channel the table has no figure for, then an error naming it', () => {
    expect(averageCostPerContact({ email: 5, telephone: 5 }, socitm2011)).toEqual({
      ok: false,
      error: [
        {
          code: 'invalid_input',
          path: 'mix.email',
          message: 'expected a channel costed in table socitm-2011; add a local cost for it',
        },
      ],
    });
  });

  it('given no weight at all or a negative weight, then errors', () => {
    expect(averageCostPerContact({}, socitm2011)).toMatchObject({ ok: false, error: [{ path: 'mix' }] });
    expect(averageCostPerContact({ web: -1 }, socitm2011)).toMatchObject({
      ok: false,
      error: [{ path: 'mix.web' }],
    });
  });

  it('refuses an avoidable share outside 0..1 (a bug in the caller)', () => {
    expect(() => avoidableContactCost(10, 30, 1)).toThrow(/0..1/);
  });
});

describe('cost tables', () => {
  it('every built-in table is valid, sourced and uniquely named', () => {
    for (const table of costTables) expect(costTableSchema.safeParse(table).success).toBe(true);
    expect(new Set(costTables.map((t) => t.id)).size).toBe(costTables.length);
  });

  it('given a local email cost, then the overridden table costs email and says so', () => {
    const email = localUnitCost(6, 0.5, 0.2); // 6 min × £0.50/min × 1.2
    expect(email).toBeCloseTo(3.6, 10);
    const table = overrideCostTable(socitm2011, { email }, 'local-2026');
    expect(table.perContact.email).toBeCloseTo(3.6, 10);
    expect(table.perContact.telephone).toBe(2.83);
    expect(table.source).toMatch(/local figures for email/);
    const average = averageCostPerContact({ email: 1, web: 1 }, table);
    expect(average.ok && poundsToPence(average.value)).toBe(poundsToPence((3.6 + 0.15) / 2));
  });
});
