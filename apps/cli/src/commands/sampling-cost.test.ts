import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workedCheckCostModel } from '@waymark/measure';
import { describe, expect, it } from 'vitest';
import { exitCodes } from '../command';
import { samplingCostCommand } from './sampling-cost';

// docs/worked-checks/costs.md check 3: 200 observations of 3 advisers (4,950 hours), check 1's loaded rate.
const model = workedCheckCostModel;
const categories = [
  { id: 'advise', label: 'Advising the resident', classification: 'value-added' },
  { id: 'rekey', label: 'Re-keying forms', classification: 'necessary-non-value-added' },
  { id: 'chase', label: 'Answering progress chasers', classification: 'waste' },
];

function harness() {
  const cwd = mkdtempSync(join(tmpdir(), 'waymark-sampling-'));
  let out = '';
  let err = '';
  const ctx = {
    cwd,
    env: {},
    stdout: (t: string) => void (out += t),
    stderr: (t: string) => void (err += t),
  };
  writeFileSync(join(cwd, 'model.json'), JSON.stringify(model));
  const observations = [
    ...Array<string>(90).fill('advise'),
    ...Array<string>(60).fill('rekey'),
    ...Array<string>(50).fill('chase'),
  ];
  writeFileSync(join(cwd, 'sample.json'), JSON.stringify({ categories, observations }));
  writeFileSync(
    join(cwd, 'counts.json'),
    JSON.stringify({ categories, counts: { advise: 90, rekey: 60, chase: 50 } }),
  );
  writeFileSync(join(cwd, 'typo.json'), JSON.stringify({ categories, observations: ['advise', 'chse'] }));
  const base = ['--cost-model', 'model.json', '--rate-line', 'telephone', '--staff-hours', '4950'];
  return {
    run: (...a: string[]) => samplingCostCommand.run([...a, ...base], ctx),
    runBare: (...a: string[]) => samplingCostCommand.run(a, ctx),
    out: () => out,
    err: () => err,
  };
}

describe('waymark sampling-cost (issue 13 item 6)', () => {
  it('reproduces worked check 3 to the penny, naming the model and price base', async () => {
    const h = harness();
    expect(await h.run('sample.json'), h.err()).toBe(exitCodes.ok);
    expect(h.out()).toContain('| Advising the resident | value-added | 45.0 % | 2227.5 | £54,756.00 |');
    expect(h.out()).toContain(
      '| Re-keying forms | necessary-non-value-added | 30.0 % | 1485.0 | £36,504.00 |',
    );
    expect(h.out()).toContain('Cost of non-value-added time: £66,924.00 a year.');
    expect(h.out()).toContain('Waste (a saving of staff time released): £30,420.00 a year.');
    expect(h.out()).toContain('Costs: Workspace model ‘Melton 2026’, 2024 prices.');
    const j = harness();
    expect(await j.run('counts.json', '-f', 'json')).toBe(exitCodes.ok);
    const json = JSON.parse(j.out());
    expect(json.wasteCost).toBe('30420.00');
    expect(json.nonValueAddedCost).toBe('66924.00');
    expect(json.costBasis).toMatchObject({ modelName: 'Melton 2026', priceYear: '2024' });
  });

  it('bad input is refused naming what is wrong', async () => {
    const typo = harness();
    expect(await typo.run('typo.json')).toBe(exitCodes.invalid);
    expect(typo.err()).toContain('observations[1]: expected one of advise, rekey, chase');
    const line = harness();
    expect(
      await line.runBare(
        'sample.json',
        '--cost-model',
        'model.json',
        '--rate-line',
        'web',
        '--staff-hours',
        '10',
      ),
    ).toBe(exitCodes.invalid);
    expect(line.err()).toContain('expected one of the built-up lines of "Melton 2026": telephone');
    const hours = harness();
    expect(
      await hours.runBare(
        'sample.json',
        '--cost-model',
        'model.json',
        '--rate-line',
        'telephone',
        '--staff-hours',
        'lots',
      ),
    ).toBe(exitCodes.usage);
    expect(hours.err()).toBe(
      'waymark sampling-cost: --staff-hours must be the staff hours a year the sample stands for, a number above 0; got "lots".' +
        "\nRun 'waymark sampling-cost --help' for the options.\n",
    );
    const missing = harness();
    expect(await missing.run('nowhere.json')).toBe(exitCodes.io);
    expect(missing.err()).toBe('✗ nowhere.json: there is no such file. Check its name and folder.\n');
  });
});
