import { createTranslator } from '@waymark/i18n';
import { describe, expect, it } from 'vitest';
import { buildBusinessCase, computeBusinessCase } from './business-case';
import { workedCheckInput, workedCheckScenario } from './business-case.fixture';
import { renderBusinessCaseHtml, type BusinessCaseReport } from './business-case-report';
import { buildFiveCase, fiveCaseTextSchema } from './five-case';
import { balancedScorecard } from './scorecard';
import { tornado } from './sensitivity';
import { switchingValue } from './switching-value';

function report(overrides: Partial<BusinessCaseReport> = {}): BusinessCaseReport {
  const scenario = workedCheckScenario();
  const bc = computeBusinessCase(scenario.input, scenario.schedule);
  const bars = tornado(scenario, 10);
  const sv = switchingValue(scenario, 'annualVolumes');
  if (!bars.ok || !sv.ok) throw new Error('expected ok');
  return {
    title: 'Online reporting of anti-social behaviour',
    generatedOn: '2026-11-23',
    organisation: 'Melton Borough Council',
    businessCase: bc,
    fiveCase: buildFiveCase(fiveCaseTextSchema.parse({ strategic: 'Para one.\n\nPara two.' }), bc, sv.value),
    scorecard: balancedScorecard(
      [{ id: 'b', perspective: 'citizen', description: 'Feel listened to', money: 'non-monetary' }],
      {},
    ),
    tornado: bars.value,
    switching: sv.value,
    ...overrides,
  };
}

describe('renderBusinessCaseHtml', () => {
  const html = renderBusinessCaseHtml(report());

  it('given Welsh words, then headings, the Five Case, figures’ names and units are Welsh, money and numbers unchanged', () => {
    const cy = createTranslator('cy');
    const scenario = workedCheckScenario();
    const bc = computeBusinessCase(scenario.input, scenario.schedule);
    const bars = tornado(scenario, 10, cy);
    const sv = switchingValue(scenario, 'annualVolumes', 0.005, cy);
    if (!bars.ok || !sv.ok) throw new Error('expected ok');
    const out = renderBusinessCaseHtml(
      report({
        fiveCase: buildFiveCase(fiveCaseTextSchema.parse({}), bc, sv.value, cy),
        scorecard: balancedScorecard([], {}, cy),
        tornado: bars.value,
        switching: sv.value,
      }),
      cy,
    );
    expect(out).toContain('<html lang="cy-GB">');
    expect(out).toContain('<h2>Crynodeb</h2>');
    expect(out).toContain('<h3>Achos strategol</h3>');
    expect(out).toContain('A oes achos cymhellol dros newid?');
    expect(out).toMatch(/Cymhareb budd a chost<\/th><td[^>]*>1\.81</);
    expect(out).toContain('Teithiau’r flwyddyn');
    expect(out).toContain('£90,301.05');
    expect(out).toContain('Cynhyrchwyd 23 Tachwedd 2026');
    for (const english of [
      'Summary',
      'Strategic case',
      'Benefit-cost ratio',
      'Journeys a year',
      'To be written',
    ])
      expect(out).not.toContain(english);
  });

  it('given the worked check, then the headline figures of domain.md §7 appear', () => {
    expect(html).toContain('£90,301.05');
    expect(html).toContain('£50,000.00');
    expect(html).toContain('£40,301.05');
    expect(html).toMatch(/Benefit-cost ratio<\/th><td[^>]*>1\.81</);
    expect(html).toMatch(/Simple payback \(supplementary\)<\/th><td[^>]*>2\.5 years</);
  });

  it('then it is a complete document for A4 with semantic tables, inline styles and no scripts', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain('@page{size:A4');
    expect(html).toContain('<th scope="col"');
    expect(html).toContain('<caption');
    expect(html).toMatch(/<td style="[^"]*text-align:right/);
    expect(html).not.toMatch(/<script|javascript:|on\w+=/i);
  });

  it('then all five cases appear in order, with paragraphs kept and missing text marked', () => {
    const order = [
      'Strategic case',
      'Economic case',
      'Commercial case',
      'Financial case',
      'Management case',
    ].map((h) => html.indexOf(`<h3>${h}</h3>`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain('<p>Para one.</p>\n<p>Para two.</p>');
    expect(html).toContain('<em>To be written.</em>');
  });

  it('then the yearly table, sensitivity, switching value and scorecard are there', () => {
    expect(html).toContain('0.9662'); // 1/1.035
    expect(html).toContain('Journeys a year');
    expect(html).toMatch(/falls to zero when Journeys a year is 553\.70/);
    expect(html).toContain('Feel listened to');
    expect(html).toContain('totals may not sum because of rounding');
  });

  it('given text with markup, then it is escaped, not injected', () => {
    const out = renderBusinessCaseHtml(report({ title: '<script>alert(1)</script> & co' }));
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(out).not.toContain('<script>');
  });

  it('given no sensitivity or scorecard, then those sections are left out', () => {
    const bc = buildBusinessCase(workedCheckInput);
    if (!bc.ok) throw new Error('expected ok');
    const out = renderBusinessCaseHtml({
      title: 'T',
      generatedOn: '2026-11-23',
      businessCase: bc.value,
      fiveCase: [],
    });
    expect(out).not.toContain('<h2>Sensitivity</h2>');
    expect(out).not.toContain('Balanced Scorecard');
  });
});
