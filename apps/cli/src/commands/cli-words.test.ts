import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { channelIds } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { exitCodes } from '../command';
import { compareHarness } from './compare-harness.fixture';

/**
 * `waymark compare`'s own words, the cost-model and deflator files' problems (for compare and analyse) and
 * node's parseArgs errors (for both) come from the message catalogue, in English or Welsh (WAYMARK_LANG, LC_ALL
 * or LANG), naming the option, the file and the place.
 */

const model = {
  name: 'Desk 2024',
  priceYear: '2024',
  lines: [{ scope: 'channel', key: 'telephone', method: 'direct', unitCost: 3 }],
};

const harness = (env: Record<string, string> = {}) =>
  compareHarness('waymark-cli-words-', { 'desk.json': JSON.stringify(model) }, env);

const compareHelp = "\nRun 'waymark compare --help' for the options.\n";
const analyseHelp = "\nRun 'waymark analyse --help' for the options.\n";

describe('waymark compare and analyse, given options node cannot parse, in English', () => {
  it('given an option that does not exist, then compare and analyse name it', async () => {
    const c = harness();
    expect(await c.compare('--colour', 'red')).toBe(exitCodes.usage);
    expect(c.err()).toBe(
      `waymark compare: there is no option --colour. Check how it is spelt.${compareHelp}`,
    );
    const a = harness();
    expect(await a.analyse('log.csv', '--colour', 'red')).toBe(exitCodes.usage);
    expect(a.err()).toBe(
      `waymark analyse: there is no option --colour. Check how it is spelt.${analyseHelp}`,
    );
  });

  it('given an option without its value, or a value for a switch, then the option by its long name', async () => {
    const h = harness();
    expect(await h.compare('-f')).toBe(exitCodes.usage);
    expect(h.err()).toBe(`waymark compare: --format needs a value after it.${compareHelp}`);
    const s = harness();
    expect(await s.compare('--force=yes')).toBe(exitCodes.usage);
    expect(s.err()).toBe(
      `waymark compare: --force takes no value: give it on its own, without = and a value.${compareHelp}`,
    );
    const a = harness();
    expect(await a.analyse('log.csv', '--tz')).toBe(exitCodes.usage);
    expect(a.err()).toBe(`waymark analyse: --tz needs a value after it.${analyseHelp}`);
  });
});

describe('waymark compare, given options that do not go together, in English', () => {
  it('given no journeys, then it asks for two', async () => {
    const h = harness();
    expect(await h.compareAlone()).toBe(exitCodes.usage);
    expect(h.err()).toBe(
      `waymark compare: give two journey files, the current journey then the desired one; got none.${compareHelp}`,
    );
  });

  it('given --survey-map without --survey, or an unknown --costs table, then what to give instead', async () => {
    const m = harness();
    expect(await m.compare('--survey-map', 'map.json')).toBe(exitCodes.usage);
    expect(m.err()).toBe(
      `waymark compare: --survey-map needs --survey <export>: add the survey responses it maps, or leave --survey-map out.${compareHelp}`,
    );
    const t = harness();
    expect(await t.compare('--costs', 'socitm-2099')).toBe(exitCodes.usage);
    expect(t.err()).toBe(
      `waymark compare: there is no cost table "socitm-2099". Give one of: socitm-2011, socitm-2008-medians, pwc-london-south-east.${compareHelp}`,
    );
  });

  it('given a --price-year that is not a year, then the form it takes', async () => {
    const h = harness();
    expect(await h.compare('--price-year', 'soon')).toBe(exitCodes.usage);
    expect(h.err()).toBe(
      `waymark compare: --price-year must be a year such as 2024, or a financial year such as 2024-25; got "soon".${compareHelp}`,
    );
  });
});

describe('a cost model or deflator file that cannot be used, in English', () => {
  it('given a cost model that is missing, not UTF-8, or not one JSON object, then the file and what to do', async () => {
    const missing = harness();
    expect(await missing.compare('--cost-model', 'nowhere.json')).toBe(exitCodes.usage);
    expect(missing.err()).toBe(
      `waymark compare: --cost-model: cannot read nowhere.json: there is no such file. Check its name and folder.${compareHelp}`,
    );
    const latin = harness();
    latin.write(
      'latin.json',
      Uint8Array.from('{"name": "Caf\u00e9"}', (c) => c.charCodeAt(0)),
    );
    expect(await latin.compare('--cost-model', 'latin.json')).toBe(exitCodes.usage);
    expect(latin.err()).toBe(
      `waymark compare: --cost-model: latin.json is not UTF-8 text: line 1, column 14 holds a character saved in another encoding. Save the file as UTF-8 and try again.${compareHelp}`,
    );
    const comma = harness();
    comma.write('comma.json', '{\n  "name": "Desk",\n}\n');
    expect(await comma.compare('--cost-model', 'comma.json')).toBe(exitCodes.usage);
    expect(comma.err()).toBe(
      `waymark compare: --cost-model: comma.json is not JSON: the problem is at line 3, column 1. Check the brackets, quotes and commas there.${compareHelp}`,
    );
    const list = harness();
    list.write('list.json', '[]');
    expect(await list.compare('--cost-model', 'list.json')).toBe(exitCodes.usage);
    expect(list.err()).toBe(
      `waymark compare: --cost-model list.json must hold one JSON object with a name, a price year and lines, such as {"name": "Desk 2024", "priceYear": "2024", "lines": [...]}.${compareHelp}`,
    );
  });

  it('given a cost model with bad fields, then each field on a line of its own with what was expected', async () => {
    const h = harness();
    h.write(
      'bad.json',
      JSON.stringify({
        name: 'Desk',
        priceYear: 2024,
        lines: [{ scope: 'channel', key: 'pigeon', method: 'direct', unitCost: -1, colour: 'red' }],
      }),
    );
    expect(await h.compare('--cost-model', 'bad.json')).toBe(exitCodes.usage);
    expect(h.err()).toBe(
      [
        'waymark compare: --cost-model bad.json, priceYear: expected a price year such as 2024 or 2024-25, in quotes; got 2024.',
        '  --cost-model bad.json, lines[0].unitCost: expected the unit cost in pounds, a number 0 or more; got -1.',
        '  --cost-model bad.json, lines[0]: there is no field "colour" in a cost model. Check the spelling, or remove it.',
      ].join('\n') + compareHelp,
    );
    const pigeon = harness();
    pigeon.write('pigeon.json', JSON.stringify({ ...model, lines: [{ ...model.lines[0], key: 'pigeon' }] }));
    expect(await pigeon.compare('--cost-model', 'pigeon.json')).toBe(exitCodes.usage);
    expect(pigeon.err()).toBe(
      `waymark compare: --cost-model pigeon.json, lines[0].key: expected a channel: ${channelIds.join(', ')}; got "pigeon".${compareHelp}`,
    );
  });

  it('given a deflator file without its header, or with lines that are not years, then the file and the line', async () => {
    const h = harness();
    h.write('rates.csv', 'when,rate\n2024,100\n');
    expect(
      await h.compare('--cost-model', 'desk.json', '--price-year', '2026', '--deflator', 'rates.csv'),
    ).toBe(exitCodes.usage);
    expect(h.err()).toBe(
      `waymark compare: --deflator rates.csv, line 1: expected the header “year,index”; got “when,rate”.${compareHelp}`,
    );
    const a = harness();
    a.write('mixed.csv', 'year,index\n2024,100\n2025-26,104\n2026\n2024,101\n');
    expect(await a.analyse('log.csv', '--price-year', '2026', '--deflator', 'mixed.csv')).toBe(
      exitCodes.invalid,
    );
    expect(a.err()).toBe(
      [
        'waymark analyse: --deflator mixed.csv, line 3: expected only calendar years such as 2024, as on the lines above; got “2025-26”.',
        '  --deflator mixed.csv, line 4: expected two values, a year and an index, such as 2024,100; got 1.',
        '  --deflator mixed.csv, line 5: 2024 is given more than once, first on line 2. Give each year once.\n',
      ].join('\n'),
    );
  });

  it('given an empty deflator file, a header alone, too many years, or a line whose year or index is not one, then what was expected and what it got', async () => {
    const deflator = async (name: string, text: string) => {
      const h = harness();
      h.write(name, text);
      expect(await h.analyse('log.csv', '--price-year', '2026', '--deflator', name)).toBe(exitCodes.invalid);
      return h.err();
    };
    expect(await deflator('empty.csv', '\n\n')).toBe(
      'waymark analyse: --deflator empty.csv: the file is empty. It needs the header “year,index” and then one year a line, such as 2024,100.\n',
    );
    expect(await deflator('alone.csv', 'year,index\n')).toBe(
      'waymark analyse: --deflator alone.csv: expected at least two years after the header; got 0.\n',
    );
    const many = `year,index\n${Array.from({ length: 401 }, (_, i) => `${1600 + i},${i + 1}`).join('\n')}\n`;
    expect(await deflator('many.csv', many)).toBe(
      'waymark analyse: --deflator many.csv: expected at most 400 years; got 401.\n',
    );
    expect(await deflator('words.csv', 'year,index\nlast year,99\n2024,-4\n')).toBe(
      [
        'waymark analyse: --deflator words.csv, line 2: expected a year such as 2024 or 2024-25; got “last year”.',
        '  --deflator words.csv, line 3: expected an index above zero, such as 70.834; got “-4”.\n',
      ].join('\n'),
    );
  });

  it('given a deflator that is a folder, then to give a CSV file', async () => {
    const h = harness();
    mkdirSync(join(h.cwd, 'series'));
    expect(await h.analyse('log.csv', '--price-year', '2026', '--deflator', 'series')).toBe(
      exitCodes.invalid,
    );
    expect(h.err()).toBe(
      'waymark analyse: --deflator: cannot read series: it is a folder. Give the name of a CSV file.\n',
    );
  });
});

describe('waymark compare --log, given a log it cannot import', () => {
  it('given an empty log, then the catalogue’s words for it, naming the log as typed', async () => {
    const h = harness();
    h.write('empty.csv', '');
    expect(await h.compare('--log', 'empty.csv')).toBe(exitCodes.invalid);
    expect(h.err()).toBe(
      'waymark compare: --log empty.csv: the file is empty. Export or save the log again, with a header row and its events.\n',
    );
  });

  it('given a log in another encoding, then the line, column and byte, in Welsh too', async () => {
    const bytes = Uint8Array.from('case,activity,timestamp\nA,Caf\u00e9,2026-01-05T09:00:00Z\n', (c) =>
      c.charCodeAt(0),
    );
    const en = harness();
    en.write('cp1252.csv', bytes);
    expect(await en.compare('--log', 'cp1252.csv')).toBe(exitCodes.invalid);
    expect(en.err()).toBe(
      'waymark compare: --log cp1252.csv: line 2, column 6: byte 30 of the file (0xE9) is not UTF-8 text, so the file is probably saved in another encoding such as Windows-1252 (Excel’s ‘CSV’ rather than ‘CSV UTF-8’). Save it as UTF-8 and try again.\n',
    );
    const cy = harness({ WAYMARK_LANG: 'cy' });
    cy.write('cp1252.csv', bytes);
    expect(await cy.compare('--log', 'cp1252.csv')).toBe(exitCodes.invalid);
    expect(cy.err()).toBe(
      'waymark compare: --log cp1252.csv: llinell 2, colofn 6: nid yw beit 30 o’r ffeil (0xE9) yn destun UTF-8, felly mae’n debyg bod y ffeil wedi’i chadw mewn amgodiad arall fel Windows-1252 (‘CSV’ Excel yn hytrach na ‘CSV UTF-8’). Cadwch hi fel UTF-8 a rhowch gynnig arall arni.\n',
    );
  });

  it('given a log that is not there, then it names the log once, as typed', async () => {
    const h = harness();
    expect(await h.compare('--log', 'logs/none.csv')).toBe(exitCodes.io);
    expect(h.err()).toBe(
      'waymark compare: --log: cannot read logs/none.csv: there is no such file. Check its name and folder.\n',
    );
  });
});

describe('waymark compare --survey, given files it cannot use', () => {
  it('given a survey export that is not there, then it names it and what to check', async () => {
    const h = harness();
    expect(await h.compare('--survey', 'answers.csv')).toBe(exitCodes.io);
    expect(h.err()).toBe(
      'waymark compare: --survey: cannot read answers.csv: there is no such file. Check its name and folder.\n',
    );
  });

  it('given a mapping whose question has an unknown kind, then the question and the kinds, in English and Welsh', async () => {
    for (const [env, said] of [
      [{}, 'questions[0].kind must be one of rating, ces, nps, text; got "stars".'],
      [
        { WAYMARK_LANG: 'cy' },
        'rhaid i questions[0].kind fod yn un o rating, ces, nps, text; cafwyd "stars".',
      ],
    ] as const) {
      const h = harness(env);
      h.write('answers.csv', 'Respondent,How satisfied were you?\nR1,4\n');
      h.write(
        'map.json',
        JSON.stringify({ questions: [{ column: 'How satisfied were you?', kind: 'stars' }] }),
      );
      expect(await h.compare('--survey', 'answers.csv', '--survey-map', 'map.json')).toBe(exitCodes.invalid);
      expect(h.err()).toBe(`waymark compare: --survey-map map.json: ${said}\n`);
    }
  });
});

describe('in Welsh (WAYMARK_LANG=cy or LANG=cy_GB.UTF-8)', () => {
  const cyCompareHelp = "\nRhedwch 'waymark compare --help' i weld yr opsiynau.\n";
  it('given an option that does not exist, then compare and analyse name it in Welsh', async () => {
    const c = harness({ WAYMARK_LANG: 'cy' });
    expect(await c.compare('--colour', 'red')).toBe(exitCodes.usage);
    expect(c.err()).toBe(
      `waymark compare: nid oes opsiwn --colour. Gwiriwch sut mae wedi’i sillafu.${cyCompareHelp}`,
    );
    const a = harness({ LANG: 'cy_GB.UTF-8' });
    expect(await a.analyse('log.csv', '--colour')).toBe(exitCodes.usage);
    expect(a.err()).toBe(
      "waymark analyse: nid oes opsiwn --colour. Gwiriwch sut mae wedi’i sillafu.\nRhedwch 'waymark analyse --help' i weld yr opsiynau.\n",
    );
  });

  it('given one journey, then it asks for two in Welsh', async () => {
    const h = harness({ WAYMARK_LANG: 'cy' });
    expect(await h.compareAlone('now.yaml')).toBe(exitCodes.usage);
    expect(h.err()).toBe(
      `waymark compare: rhowch ddwy ffeil taith, y daith bresennol ac yna’r un a ddymunir; cafwyd un.${cyCompareHelp}`,
    );
  });

  it('given a cost model field and a deflator line that cannot be used, then what was expected in Welsh', async () => {
    const h = harness({ WAYMARK_LANG: 'cy' });
    h.write('bad.json', JSON.stringify({ ...model, lines: [{ ...model.lines[0], unitCost: 'three' }] }));
    expect(await h.compare('--cost-model', 'bad.json')).toBe(exitCodes.usage);
    expect(h.err()).toBe(
      `waymark compare: --cost-model bad.json, lines[0].unitCost: disgwylid y gost uned mewn punnoedd, rhif 0 neu fwy; cafwyd "three".${cyCompareHelp}`,
    );
    const d = harness({ WAYMARK_LANG: 'cy' });
    d.write('bad.csv', 'year,index\n2024,100\n2026,about 110\n');
    expect(await d.compare('--price-year', '2026', '--deflator', 'bad.csv')).toBe(exitCodes.usage);
    expect(d.err()).toBe(
      `waymark compare: --deflator bad.csv, llinell 3: disgwylid mynegai uwchlaw sero, fel 70.834; cafwyd “about 110”.${cyCompareHelp}`,
    );
    const r = harness({ WAYMARK_LANG: 'cy' });
    r.write('twice.csv', 'year,index\n2024,100\n2025,103\n2024,101\n');
    expect(await r.compare('--price-year', '2026', '--deflator', 'twice.csv')).toBe(exitCodes.usage);
    expect(r.err()).toBe(
      `waymark compare: --deflator twice.csv, llinell 4: rhoddir 2024 fwy nag unwaith, gyntaf ar linell 2. Rhowch bob blwyddyn unwaith.${cyCompareHelp}`,
    );
  });

  it('given --sco without --log, then what to add in Welsh', async () => {
    const h = harness({ WAYMARK_LANG: 'cy' });
    expect(await h.compare('--sco', 'Paid')).toBe(exitCodes.usage);
    expect(h.err()).toBe(
      `waymark compare: Mae angen --log <file> ar --sco: ychwanegwch y log digwyddiadau i ganfod y Canlyniad Llwyddiannus i’r Cwsmer ynddo, neu gadewch --sco allan.${cyCompareHelp}`,
    );
  });
});
