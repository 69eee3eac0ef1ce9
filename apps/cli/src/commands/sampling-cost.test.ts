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

/** The example sample and model with a --rate-line the model has no built-up line for. */
const withRateLineWeb = (h: ReturnType<typeof harness>) =>
  h.runBare('sample.json', '--cost-model', 'model.json', '--rate-line', 'web', '--staff-hours', '10');

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
    expect(typo.err()).toBe(
      '✗ typo.json:\n  observations[1]: There is no category with the id “chse” in categories. Check the id (one of advise, rekey, chase), or add the category.\n',
    );
    const line = harness();
    expect(await withRateLineWeb(line)).toBe(exitCodes.invalid);
    expect(line.err()).toBe(
      '✗ --rate-line web: there is no built-up line “web” in the cost model “Melton 2026”. Give one of: telephone.\n',
    );
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

/** Runs sampling-cost on a sample (and cost model) written to files, in the language `env` chooses. */
async function refused(sample: unknown, env: Record<string, string> = {}, costModel: unknown = model) {
  const h = harness(env);
  writeFileSync(join(h.cwd, 'bad.json'), JSON.stringify(sample));
  writeFileSync(join(h.cwd, 'bad-model.json'), JSON.stringify(costModel));
  const code = await h.runBare(
    'bad.json',
    '--cost-model',
    'bad-model.json',
    '--rate-line',
    'telephone',
    '--staff-hours',
    '4950',
  );
  expect(code).toBe(exitCodes.invalid);
  expect(h.out()).toBe('');
  // never zod's or measure's English
  expect(h.err()).not.toMatch(/Invalid input|expected string, received|Unrecognized key|expected at least/);
  return h.err();
}

describe('waymark sampling-cost: a bad sample or cost model is said from the catalogue, in English and Welsh', () => {
  const observations = ['advise', 'rekey'];
  const cy = { WAYMARK_LANG: 'cy' };

  it('a category with a classification that is not one of the three', async () => {
    const sample = {
      categories: [categories[0], { ...categories[1]!, classification: 'admin' }],
      observations,
    };
    expect(await refused(sample)).toBe(
      '✗ bad.json:\n  categories[1].classification: Expected one of "value-added", "necessary-non-value-added", "waste". Choose one of them.\n',
    );
    expect(await refused(sample, cy)).toBe(
      '✗ bad.json:\n  categories[1].classification: Roedd disgwyl un o "value-added", "necessary-non-value-added", "waste". Dewiswch un ohonynt.\n',
    );
  });

  it('an empty list of categories', async () => {
    const sample = { categories: [], observations: [] };
    expect(await refused(sample)).toBe(
      '✗ bad.json:\n  categories: There are no categories. List at least one, each with an id, a label and a classification.\n',
    );
    expect(await refused(sample, cy)).toBe(
      '✗ bad.json:\n  categories: Nid oes categorïau. Rhestrwch un o leiaf, pob un ag id, label a dosbarthiad.\n',
    );
  });

  it('a field the sample does not have, and a category with no id', async () => {
    const sample = { categories: [{ ...categories[0]!, id: '' }], observations, extra: 1 };
    expect(await refused(sample)).toBe(
      '✗ bad.json:\n' +
        '  categories[0].id: This is empty: write some text.\n' +
        '  (file): Waymark does not know the field "extra". Check its spelling, or remove it.\n',
    );
    expect(await refused(sample, cy)).toBe(
      '✗ bad.json:\n' +
        '  categories[0].id: Mae hwn yn wag: ysgrifennwch ychydig o destun.\n' +
        '  (ffeil): Nid yw Waymark yn adnabod y maes "extra". Gwiriwch y sillafu, neu tynnwch ef.\n',
    );
  });

  it('an observation that is not text, and categories missing', async () => {
    expect(await refused({ categories, observations: ['advise', 7] })).toBe(
      '✗ bad.json:\n  observations[1]: This is the wrong kind of value: expected text. Check the value.\n',
    );
    expect(await refused({ categories, observations: ['advise', 7] }, cy)).toBe(
      '✗ bad.json:\n  observations[1]: Dyma’r math anghywir o werth: roedd disgwyl testun. Gwiriwch y gwerth.\n',
    );
    expect(await refused({ observations })).toBe(
      '✗ bad.json:\n  categories: This is missing: expected a list. Add it.\n',
    );
  });

  it('a category id used twice, a count of a category not listed, and no observations', async () => {
    const twice = { categories: [...categories, { ...categories[0]!, label: 'Again' }], observations };
    expect(await refused(twice)).toBe(
      '✗ bad.json:\n  categories[3].id: The id “advise” is used twice in categories; it is also at categories[0]. Give each one its own id.\n',
    );
    expect(await refused(twice, cy)).toBe(
      '✗ bad.json:\n  categories[3].id: Defnyddir yr id “advise” ddwywaith yn categories; mae hefyd yn categories[0]. Rhowch ei id ei hun i bob un.\n',
    );
    const counts = { categories, counts: { advise: 2, chse: 1 } };
    expect(await refused(counts)).toBe(
      '✗ bad.json:\n  counts.chse: There is no category with the id “chse” in categories. Check the id (one of advise, rekey, chase), or add the category.\n',
    );
    expect(await refused(counts, cy)).toBe(
      '✗ bad.json:\n  counts.chse: Nid oes categori gyda’r id “chse” yn categories. Gwiriwch yr id (un o advise, rekey, chase), neu ychwanegwch y categori.\n',
    );
    const none = { categories, observations: [] };
    expect(await refused(none)).toBe(
      '✗ bad.json:\n  observations: There are no observations. Record at least one, as “observations” (a list of category ids) or “counts”.\n',
    );
    expect(await refused(none, cy)).toBe(
      '✗ bad.json:\n  observations: Nid oes arsylwadau. Cofnodwch un o leiaf, fel “observations” (rhestr o ids categorïau) neu “counts”.\n',
    );
  });

  it('a cost model with a bad line, a field it does not have, or a line that costs staff time at nothing', async () => {
    const sample = { categories, observations };
    const line = model.lines[0]!;
    const badLine = { ...model, lines: [{ ...line, hoursPerYear: 0 }] };
    expect(await refused(sample, {}, badLine)).toBe(
      '✗ --cost-model bad-model.json, lines[0].hoursPerYear: expected productive hours a year, from 1 to 8760; got 0.\n',
    );
    expect(await refused(sample, cy, badLine)).toBe(
      '✗ --cost-model bad-model.json, lines[0].hoursPerYear: disgwylid oriau cynhyrchiol y flwyddyn, o 1 i 8760; cafwyd 0.\n',
    );
    expect(await refused(sample, {}, { ...model, owner: 'x' })).toBe(
      '✗ --cost-model bad-model.json: there is no field "owner" in a cost model. Check the spelling, or remove it.\n',
    );
    const free = { ...model, lines: [{ ...line, annualSalary: 0 }] };
    expect(await refused(sample, {}, free)).toBe(
      '✗ --rate-line telephone: the line “telephone” of --cost-model bad-model.json costs staff time at £0 an hour, so the time sampled would cost nothing. Give the line a salary above 0.\n',
    );
    expect(await refused(sample, cy, free)).toBe(
      '✗ --rate-line telephone: mae’r llinell “telephone” yn --cost-model bad-model.json yn costio amser staff ar £0 yr awr, felly ni fyddai’r amser a samplwyd yn costio dim. Rhowch gyflog uwchlaw 0 i’r llinell.\n',
    );
  });

  it('a rate line the model does not have, in Welsh', async () => {
    const h = harness({ WAYMARK_LANG: 'cy' });
    expect(await withRateLineWeb(h)).toBe(exitCodes.invalid);
    expect(h.err()).toBe(
      '✗ --rate-line web: nid oes llinell built-up “web” yn y model costau “Melton 2026”. Rhowch un o: telephone.\n',
    );
  });
});
