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

function harness(env: Record<string, string> = {}) {
  const cwd = mkdtempSync(join(tmpdir(), 'waymark-sampling-'));
  let out = '';
  let err = '';
  const ctx = {
    cwd,
    env,
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
    cwd,
    out: () => out,
    err: () => err,
  };
}

describe('waymark sampling-cost (issue 13 item 6)', () => {
  it('reproduces worked check 3 to the penny, naming the model and price base', async () => {
    const h = harness();
    expect(await h.run('sample.json'), h.err()).toBe(exitCodes.ok);
    expect(h.out()).toContain('| Advising the resident | value-added | 45.0 % | 2,227.5 | £54,756.00 |');
    expect(h.out()).toContain(
      '| Re-keying forms | necessary, not value-added | 30.0 % | 1,485.0 | £36,504.00 |',
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

  it('given a small sample, then the whole report in English and in Welsh, every word from the catalogue', async () => {
    const small = (env: Record<string, string>) => {
      const h = harness(env);
      writeFileSync(
        join(h.cwd, 'small.json'),
        JSON.stringify({
          categories: [categories[0], { ...categories[2]!, label: 'Chasing | calling back' }],
          counts: { advise: 3, chase: 1 },
        }),
      );
      return h;
    };
    const en = small({});
    expect(await en.run('small.json'), en.err()).toBe(exitCodes.ok);
    expect(en.out()).toBe(
      [
        '# Cost per activity from sampling',
        '',
        '4 observations standing for 4,950 staff hours a year, at £24.58 an hour (loaded).',
        '',
        '| Activity | Classification | Share | Hours a year | Cost a year | 95 % interval |',
        '| --- | --- | --- | --- | --- | --- |',
        '| Advising the resident | value-added | 75.0 % | 3,712.5 | £91,260.00 | £36,582.10 to £116,132.94 |',
        '| Chasing \\| calling back | waste | 25.0 % | 1,237.5 | £30,420.00 | £5,547.06 to £85,097.90 |',
        '',
        'Cost of non-value-added time: £30,420.00 a year.',
        'Waste (a saving of staff time released): £30,420.00 a year.',
        '',
        'Costs: Workspace model ‘Melton 2026’, 2024 prices.',
        '',
      ].join('\n'),
    );
    const cy = small({ WAYMARK_LANG: 'cy' });
    expect(await cy.run('small.json'), cy.err()).toBe(exitCodes.ok);
    expect(cy.out()).toBe(
      [
        '# Cost pob gweithgaredd o’r samplu',
        '',
        '4 arsylwad yn cynrychioli 4,950 awr staff y flwyddyn, ar £24.58 yr awr (cyfradd wedi’i llwytho).',
        '',
        '| Gweithgaredd | Dosbarthiad | Cyfran | Oriau’r flwyddyn | Cost y flwyddyn | Cyfwng 95 % |',
        '| --- | --- | --- | --- | --- | --- |',
        '| Advising the resident | gwerth ychwanegol | 75.0 % | 3,712.5 | £91,260.00 | £36,582.10 i £116,132.94 |',
        '| Chasing \\| calling back | gwastraff | 25.0 % | 1,237.5 | £30,420.00 | £5,547.06 i £85,097.90 |',
        '',
        'Cost amser nad yw’n ychwanegu gwerth: £30,420.00 y flwyddyn.',
        'Gwastraff (arbediad o amser staff a ryddheir): £30,420.00 y flwyddyn.',
        '',
        'Costau: Model y man gwaith ‘Melton 2026’, prisiau 2024.',
        '',
      ].join('\n'),
    );
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
