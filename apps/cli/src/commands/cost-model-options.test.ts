import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workedCheckCostModel, workedCheckTelephoneLine } from '@waymark/measure';
import { describe, expect, it } from 'vitest';
import { exitCodes } from '../command';
import { compareHarness } from './compare-harness.fixture';

const melton = {
  ...workedCheckCostModel,
  lines: [workedCheckTelephoneLine, { scope: 'channel', key: 'web', method: 'direct', unitCost: 0.2 }],
};

const harness = () => compareHarness('waymark-costs-', { 'melton.json': JSON.stringify(melton) });

describe('--cost-model and --price-year (issue 13 item 2)', () => {
  it('compare costs with a workspace model built up from staff time and names the model and price base', async () => {
    const h = harness();
    expect(await h.compare('--cost-model', 'melton.json', '-f', 'json')).toBe(exitCodes.ok);
    const c = JSON.parse(h.out());
    expect(c.current.totals.cost).toBe(3.19);
    expect(c.delta.cost).toBe(-2.99);
    expect(c.costBasis).toMatchObject({ kind: 'workspace', modelName: 'Melton 2026', shownIn: '2024' });
    const md = harness();
    expect(await md.compare('--cost-model', 'melton.json')).toBe(exitCodes.ok);
    expect(md.out()).toContain('Costs: Workspace model ‘Melton 2026’, 2024 prices.');
  });

  it('compare uprates the default Socitm 2011 table to 2024 prices with the GDP deflator', async () => {
    const h = harness();
    expect(await h.compare('--price-year', '2024', '-f', 'json')).toBe(exitCodes.ok);
    const c = JSON.parse(h.out());
    expect(c.current.totals.cost).toBe(4);
    expect(c.desired.totals.cost).toBe(0.21);
    expect(c.costBasis).toMatchObject({
      modelId: 'socitm-2011',
      priceYear: '2011',
      shownIn: '2024',
      uprated: true,
    });
  });

  it('refuses a bad model naming the file and field, a year the deflator lacks, and both kinds of costs at once', async () => {
    const h = harness();
    writeFileSync(
      join(h.cwd, 'bad.json'),
      JSON.stringify({ ...melton, lines: [{ ...melton.lines[0], hoursPerYear: 0 }] }),
    );
    const seeHelp = "\nRun 'waymark compare --help' for the options.\n";
    expect(await h.compare('--cost-model', 'bad.json')).toBe(exitCodes.usage);
    expect(h.err()).toBe(
      `waymark compare: --cost-model bad.json, lines[0].hoursPerYear: expected productive hours a year, from 1 to 8760; got 0.${seeHelp}`,
    );
    const year = harness();
    expect(await year.compare('--price-year', '2031')).toBe(exitCodes.usage);
    expect(year.err()).toBe(
      `waymark compare: costs cannot be shown in 2031 prices: the GDP deflator series “HM Treasury, GDP deflators at market prices, and money GDP: December 2025 (Quarterly National Accounts)” covers 1990 to 2024, which does not include 2031. Give a --price-year in that range, or a newer series with --deflator <file.csv>.${seeHelp}`,
    );
    const both = harness();
    expect(await both.compare('--costs', 'socitm-2011', '--cost-model', 'melton.json')).toBe(exitCodes.usage);
    expect(both.err()).toBe(
      `waymark compare: give --costs (a published table) or --cost-model (your own file), not both.${seeHelp}`,
    );
    const text = harness();
    writeFileSync(join(text.cwd, 'text.json'), 'name: Melton');
    expect(await text.compare('--cost-model', 'text.json')).toBe(exitCodes.usage);
    expect(text.err()).toBe(
      `waymark compare: --cost-model: text.json is not JSON. Check the brackets, quotes and commas there.${seeHelp}`,
    );
  });

  it('analyse prices a log’s contacts with the model and says so in its report', async () => {
    const h = harness();
    writeFileSync(
      join(h.cwd, 'log.csv'),
      'Ref,Action,When,Medium\nR-1,Report,2024-02-01T09:00:00Z,Phone\nR-1,Close,2024-02-03T09:00:00Z,Web\n',
    );
    const args = [
      'log.csv',
      '--case',
      'Ref',
      '--activity',
      'Action',
      '--timestamp',
      'When',
      '--channel',
      'Medium',
    ];
    expect(await h.analyse(...args, '--cost-model', 'melton.json', '--format', 'json')).toBe(exitCodes.ok);
    const r = JSON.parse(h.out());
    expect(r.channels.table.source).toBe('Workspace model ‘Melton 2026’, 2024 prices');
    expect(r.channels.totalCost).toBeCloseTo(3.39, 10);
  });
});
