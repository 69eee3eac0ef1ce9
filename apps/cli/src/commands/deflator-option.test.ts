import { describe, expect, it } from 'vitest';
import { exitCodes } from '../command';
import { compareHarness } from './compare-harness.fixture';

// Issue 13 item 2: --deflator <file.csv> uprates with a newer GDP deflator series than the shipped one.
const model = {
  name: 'Desk 2024',
  priceYear: '2024',
  lines: [
    { scope: 'channel', key: 'telephone', method: 'direct', unitCost: 3 },
    { scope: 'channel', key: 'web', method: 'direct', unitCost: 0.2 },
  ],
};

const harness = () =>
  compareHarness('waymark-deflator-', {
    'desk.json': JSON.stringify(model),
    'newer.csv': 'year,index\n2024,100\n2026,110\n',
    'bad.csv': 'year,index\n2024,100\n2026,about 110\n',
  });

describe('--deflator <file.csv>', () => {
  it('compare uprates with the series in the file and names it in the cost basis', async () => {
    const h = harness();
    const args = [
      '--cost-model',
      'desk.json',
      '--price-year',
      '2026',
      '--deflator',
      'newer.csv',
      '-f',
      'json',
    ];
    expect(await h.compare(...args), h.err()).toBe(exitCodes.ok);
    const c = JSON.parse(h.out());
    // £3.00 × 110 ÷ 100 = £3.30; £0.20 × 1.1 = £0.22
    expect(c.current.totals.cost).toBe(3.3);
    expect(c.desired.totals.cost).toBe(0.22);
    expect(c.costBasis).toMatchObject({
      priceYear: '2024',
      shownIn: '2026',
      uprated: true,
      deflator: { title: 'GDP deflator series from newer.csv' },
    });
  });

  it('a bad file is refused naming the option, the file and the line', async () => {
    const h = harness();
    const code = await h.compare(
      '--cost-model',
      'desk.json',
      '--price-year',
      '2026',
      '--deflator',
      'bad.csv',
    );
    expect(code).not.toBe(exitCodes.ok);
    const seeHelp = "\nRun 'waymark compare --help' for the options.\n";
    expect(h.err()).toBe(
      `waymark compare: --deflator bad.csv, line 3: expected an index above zero, such as 70.834; got “about 110”.${seeHelp}`,
    );
    const missing = harness();
    await missing.compare('--price-year', '2026', '--deflator', 'nowhere.csv');
    expect(missing.err()).toBe(
      `waymark compare: --deflator: cannot read nowhere.csv: there is no such file. Check its name and folder.${seeHelp}`,
    );
    const alone = harness();
    await alone.compare('--deflator', 'newer.csv');
    expect(alone.err()).toBe(
      `waymark compare: --deflator newer.csv needs --price-year <year> too: the year whose prices to show costs in.${seeHelp}`,
    );
  });

  it('analyse takes --deflator too, and refuses a bad file by line', async () => {
    const h = harness();
    const code = await h.analyse('log.csv', '--price-year', '2026', '--deflator', 'bad.csv');
    expect(code).not.toBe(exitCodes.ok);
    expect(h.err()).toBe(
      'waymark analyse: --deflator bad.csv, line 3: expected an index above zero, such as 70.834; got “about 110”.\n',
    );
  });
});
