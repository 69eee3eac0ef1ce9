import { createTranslator } from '@waymark/i18n';
import { describe, expect, it } from 'vitest';
import {
  buildUp,
  costBasisLabel,
  parseCostModel,
  publishedCostModels,
  resolveCostModel,
  type CostModel,
} from './cost-model';
import { workedCheckAdviser } from './cost-model-examples';

const adviser = workedCheckAdviser;

const melton: CostModel = {
  id: 'melton-2026',
  kind: 'workspace',
  name: 'Melton 2026',
  priceYear: '2024',
  lines: [
    { scope: 'channel', key: 'telephone', method: 'built-up', ...adviser },
    { scope: 'channel', key: 'letter', method: 'direct', unitCost: 1.1 },
    { scope: 'activity', key: 'Re-key a form', method: 'direct', unitCost: 0.555 },
  ],
};

describe('building up a unit cost from staff time', () => {
  it('loads the salary with on-costs and overheads, spreads it over productive hours, and rounds once', () => {
    const b = buildUp(adviser);
    expect(b.salaryWithOnCosts).toBeCloseTo(33_800, 9);
    expect(b.fullyLoadedSalary).toBeCloseTo(40_560, 9);
    expect(b.loadedHourlyRate).toBeCloseTo(40_560 / 1650, 12);
    expect(b.unitCost).toBeCloseTo((7.5 / 60) * (40_560 / 1650) + 0.12, 12);
    expect(b.unitCostPence).toBe(319);
  });
});

describe('a workspace cost model', () => {
  it('is checked field by field, naming each problem', () => {
    const r = parseCostModel({
      name: '',
      priceYear: '2026-28',
      lines: [
        { scope: 'channel', key: 'pigeon', method: 'direct', unitCost: 1 },
        {
          scope: 'channel',
          key: 'web',
          method: 'built-up',
          staffMinutes: -1,
          annualSalary: 'lots',
          onCostsPercent: 30,
          overheadsPercent: 20,
          hoursPerYear: 0,
        },
        { scope: 'activity', key: 'A', method: 'direct', unitCost: 1 },
        { scope: 'activity', key: 'a', method: 'direct', unitCost: 2 },
        { scope: 'activity', key: 'b', method: 'guess' },
      ],
    });
    expect(r.ok).toBe(false);
    const got = r.ok ? [] : r.error.map((e) => e.path);
    expect(got).toEqual(
      expect.arrayContaining([
        'name',
        'priceYear',

        'lines[1].staffMinutes',
        'lines[1].annualSalary',
        'lines[1].hoursPerYear',
        'lines[4].method',
      ]),
    );
    const keys = parseCostModel({
      name: 'Keys',
      priceYear: '2026-27',
      lines: [
        { scope: 'channel', key: 'pigeon', method: 'direct', unitCost: 1 },
        { scope: 'activity', key: 'A', method: 'direct', unitCost: 1 },
        { scope: 'activity', key: 'a', method: 'direct', unitCost: 2 },
      ],
    });
    expect(keys.ok ? [] : keys.error.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'lines[0].key: expected a channel: face-to-face, telephone, web, email, letter, app, sms, social-media, home-visit, third-party',
      'lines[2].key: expected each activity once; "a" is repeated',
    ]);
  });

  it('resolves to channel unit costs (letter priced as post) and activity unit costs, each to the penny', () => {
    const r = resolveCostModel(melton);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.table.perContact).toEqual({ telephone: 3.19, post: 1.1 });
    expect(r.value.activities).toEqual({ 'Re-key a form': 0.56 });
    expect(costBasisLabel(r.value.basis)).toBe('Workspace model ‘Melton 2026’, 2024 prices');
    expect(costBasisLabel(r.value.basis, createTranslator('cy'))).toBe(
      'Model y man gwaith ‘Melton 2026’, prisiau 2024',
    );
  });
});

describe('the published tables as read-only defaults', () => {
  it('carry their year and source; a table without a year cannot be uprated and says so', () => {
    const socitm = publishedCostModels.find((m) => m.id === 'socitm-2011')!;
    expect(socitm).toMatchObject({
      kind: 'published',
      priceYear: '2011',
      source: 'Socitm Insight channel value benchmarking',
    });
    const pwc = publishedCostModels.find((m) => m.id === 'pwc-london-south-east')!;
    expect(pwc.lines.find((l) => l.key === 'letter')).toMatchObject({ method: 'direct', unitCost: 12.1 });
    const r = resolveCostModel(pwc, { toPriceYear: '2024' });
    expect(r.ok ? [] : r.error.map((e) => e.path)).toEqual(['priceYear']);
    const asIs = resolveCostModel(pwc);
    expect(asIs.ok && costBasisLabel(asIs.value.basis)).toBe(
      'PwC, 19 London and South East councils (price year not stated)',
    );
  });

  it('uprate Socitm 2011 to 2024 prices with the GDP deflator and name the deflator used', () => {
    const socitm = publishedCostModels.find((m) => m.id === 'socitm-2011')!;
    const r = resolveCostModel(socitm, { toPriceYear: '2024' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.table.perContact).toEqual({ 'face-to-face': 12.17, telephone: 4, web: 0.21 });
    expect(r.value.basis.deflator?.published).toBe('2025-12');
    expect(costBasisLabel(r.value.basis)).toBe(
      'Socitm Insight channel value benchmarking 2011, uprated to 2024 prices',
    );
  });
});
