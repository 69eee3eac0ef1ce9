import { describe, expect, it } from 'vitest';
import { buildBusinessCase, computeBusinessCase } from './business-case';
import { workedCheckInput, workedCheckScenario } from './business-case.fixture';
import { buildFiveCase, fiveCaseTextSchema } from './five-case';
import { switchingValue } from './switching-value';

const bc = (() => {
  const r = buildBusinessCase(workedCheckInput);
  if (!r.ok) throw new Error('expected ok');
  return r.value;
})();
const text = fiveCaseTextSchema.parse({ strategic: 'Residents chase progress by phone.' });

describe('buildFiveCase', () => {
  const sections = buildFiveCase(text, bc);

  it('given a business case, then five sections in HM Treasury order with the user text kept', () => {
    expect(sections.map((s) => s.key)).toEqual([
      'strategic',
      'economic',
      'commercial',
      'financial',
      'management',
    ]);
    expect(sections[0]).toMatchObject({
      title: 'Strategic case',
      text: 'Residents chase progress by phone.',
      figures: [],
    });
    expect(sections[2]!.text).toBe('');
  });

  it('then the economic case carries the worked check: PV benefits, NPSV and BCR', () => {
    const economic = Object.fromEntries(sections[1]!.figures.map((f) => [f.label, f.value]));
    expect(economic['Present value of benefits']).toEqual({ kind: 'money', amount: bc.pv.benefits });
    expect(economic['Net present social value']).toEqual({ kind: 'money', amount: 4_030_105 });
    expect(economic['Benefit-cost ratio']).toEqual({ kind: 'ratio', value: bc.bcr });
  });

  it('then the financial case shows undiscounted budgets: £50,000 out, £100,000 back, simple payback 2.5', () => {
    const financial = Object.fromEntries(sections[3]!.figures.map((f) => [f.label, f.value]));
    expect(financial['Costs over the period, with optimism bias (undiscounted)']).toEqual({
      kind: 'money',
      amount: 5_000_000,
    });
    expect(financial['Cash-releasing savings over the period (undiscounted)']).toEqual({
      kind: 'money',
      amount: 10_000_000,
    });
    expect(financial['Net effect on budgets over the period']).toEqual({ kind: 'money', amount: 5_000_000 });
    expect(financial['Simple payback (supplementary)']).toEqual({ kind: 'years', value: 2.5 });
  });

  it('given a switching value, then the economic case states it', () => {
    const scenario = workedCheckScenario();
    const sv = switchingValue(scenario, 'annualVolumes');
    if (!sv.ok) throw new Error('expected ok');
    const withSv = buildFiveCase(text, computeBusinessCase(scenario.input, scenario.schedule), sv.value);
    expect(withSv[1]!.figures.at(-1)!.label).toBe('Switching value: Journeys a year');
  });
});
