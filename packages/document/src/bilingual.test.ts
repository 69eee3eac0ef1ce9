import { describe, expect, it } from 'vitest';
import { formatProblems } from './located-problem';
import { readJourneyText } from './read-journey';
import { writeJourneyJson, writeJourneyYaml } from './write-journey';

/** A journey in English and Welsh, as a council would write it by hand (decision 0023). */
const yaml = `schemaVersion: 2
id: council-tax
meta:
  title: Paying council tax
  journeyType: current
  languages: [en, cy]
  translations:
    cy:
      title: Talu'r dreth gyngor
stages:
  - id: pay
    name: Pay
    translations: { cy: { name: Talu } }
columns:
  - id: bill
    label: Gets the bill
    stageId: pay
    translations:
      cy: { label: Cael y bil, description: Daw'r bil drwy'r post }
lanes:
  - id: steps
    kind: step
    label: Steps
    translations: { cy: { label: Camau } }
  - id: says
    kind: feeling
    label: Quotes
cards:
  - id: s1
    kind: step
    laneId: steps
    columnId: bill
    text: Opens the letter
    translations: { cy: { text: Agor y llythyr } }
  - id: q1
    kind: feeling
    laneId: says
    columnId: bill
    text: I did not know what I owed
    quote: true
    translations: { cy: { text: "Doeddwn i ddim yn gwybod faint oedd arna i" } }
`;

const read = (text: string, fileName: string) => {
  const r = readJourneyText(text, { fileName });
  if (!r.ok) throw new Error(formatProblems(r.error, fileName).join('\n'));
  return r.value;
};

describe('a bilingual journey file', () => {
  it('given YAML with languages and Welsh translations, then it reads, and YAML and JSON written from it read back the same', () => {
    const journey = read(yaml, 'council-tax.yaml');
    expect(journey.meta.languages).toEqual(['en', 'cy']);
    expect(journey.columns[0]!.translations).toEqual({
      cy: { label: 'Cael y bil', description: "Daw'r bil drwy'r post" },
    });
    expect(read(writeJourneyYaml(journey), 'again.yaml')).toEqual(journey);
    expect(read(writeJourneyJson(journey), 'again.json')).toEqual(journey);
    expect(writeJourneyYaml(journey)).toContain('Doeddwn i ddim yn gwybod faint oedd arna i');
  });

  it.each([
    ['languages: [en, cy]', 'languages: [en, fr]', 'expected a language code: en (English) or cy (Welsh)'],
    ['languages: [en, cy]', 'languages: [en, en]', 'expected each language once'],
    ['cy: { text: Agor y llythyr }', 'cy: { colour: Coch }', 'colour'],
    ['cy: { text: Agor y llythyr }', 'fr: { text: Ouvre la lettre }', 'fr'],
  ])(
    'given a bad translation (%s → %s), then the problem says where and what was expected',
    (good, bad, words) => {
      const text = yaml.replace(good, bad);
      const r = readJourneyText(text, { fileName: 'bad.yaml' });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(formatProblems(r.error, 'bad.yaml').join('\n')).toContain(words);
    },
  );
});
