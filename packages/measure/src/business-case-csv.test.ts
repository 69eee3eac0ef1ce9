import { describe, expect, it } from 'vitest';
import { buildBusinessCase, type BusinessCase } from './business-case';
import { renderBusinessCaseCsv, renderBusinessCaseLinesCsv } from './business-case-csv';
import { workedCheckInput } from './business-case.fixture';
import type { BusinessCaseInputDraft } from './business-case-input';

function build(input: BusinessCaseInputDraft): BusinessCase {
  const r = buildBusinessCase(input);
  if (!r.ok) throw new Error('expected ok');
  return r.value;
}

describe('renderBusinessCaseCsv', () => {
  const lines = renderBusinessCaseCsv(build(workedCheckInput)).split('\r\n');

  it('given the worked check, then a header, years 0–5 and a present-value row, CRLF-terminated', () => {
    expect(lines).toHaveLength(9); // header + 6 years + PV + trailing ''
    expect(lines.at(-1)).toBe('');
    expect(lines[0]!.split(',')[0]).toBe('Year');
  });

  it('then year 0 shows the £50,000 cost as a plain negative number and PV row the §7 figures', () => {
    expect(lines[1]).toBe('0,,,0.00,0.00,0.00,50000.00,0.00,50000.00,-50000.00,1,0.00,50000.00,-50000.00');
    expect(lines[7]).toBe(
      'Present value,,,90301.05,0.00,90301.05,50000.00,0.00,50000.00,40301.05,,90301.05,50000.00,40301.05',
    );
  });
});

describe('renderBusinessCaseLinesCsv', () => {
  it('given labels with commas and formula starts, then quoted and guarded, with optimism bias on its own row', () => {
    const bc = build({
      ...workedCheckInput,
      appraisalYears: 2,
      savings: [{ id: 's', label: '=cmd|calc', kind: 'cash-releasing', perYear: 100 }],
      costs: [
        {
          id: 'c',
          label: 'Kit, and set-up',
          kind: 'one-off',
          amount: 10,
          fromYear: 0,
          optimismBiasPercent: 50,
        },
      ],
    });
    expect(renderBusinessCaseLinesCsv(bc)).toBe(
      [
        'Line,Label,Kind,Year 0 (£),Year 1 (£),Year 2 (£)',
        "s,'=cmd|calc,cash-releasing,0.00,100.00,100.00",
        'c,"Kit, and set-up",one-off,10.00,0.00,0.00',
        'c.optimism-bias,"Kit, and set-up: optimism bias",optimism-bias,5.00,0.00,0.00',
        '',
      ].join('\r\n'),
    );
  });
});
