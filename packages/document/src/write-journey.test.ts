import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findUnsafeCharacter, parseJourney, type Journey } from '@waymark/core';
import { readJourneyText } from './read-journey';
import { richJourney } from './rich-journey.fixture';
import { writeJourneyJson, writeJourneyYaml } from './write-journey';

const parsed = (input: unknown): Journey => {
  const r = parseJourney(input);
  if (!r.ok) throw new Error(JSON.stringify(r.error, null, 2));
  return r.value;
};

const reread = (text: string, fileName: string): Journey => {
  const r = readJourneyText(text, { fileName });
  if (!r.ok) throw new Error(JSON.stringify(r.error, null, 2));
  return r.value;
};

/** The same object with its keys in reverse order, at every level. */
const reversed = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(reversed)
    : typeof v === 'object' && v !== null
      ? Object.fromEntries(
          Object.entries(v)
            .reverse()
            .map(([k, x]) => [k, reversed(x)]),
        )
      : v;

describe('writeJourneyYaml / writeJourneyJson', () => {
  const journey = parsed(richJourney());

  it('given a rich journey, when written as YAML and read back, then nothing is lost', () => {
    expect(reread(writeJourneyYaml(journey), 'j.yaml')).toEqual(journey);
  });

  it('given a rich journey, when written as JSON and read back, then nothing is lost', () => {
    expect(reread(writeJourneyJson(journey), 'j.json')).toEqual(journey);
  });

  it('given YAML written from JSON written from YAML, then the text is identical (a fixed point)', () => {
    const yaml = writeJourneyYaml(journey);
    const again = writeJourneyYaml(reread(writeJourneyJson(reread(yaml, 'a.yaml')), 'b.json'));
    expect(again).toBe(yaml);
  });

  it('given the same journey with its keys in another order, then the output is the same text', () => {
    const shuffled = reversed(journey) as Journey;
    expect(Object.keys(shuffled)[0]).toBe('ideas');
    expect(writeJourneyYaml(shuffled)).toBe(writeJourneyYaml(journey));
    expect(writeJourneyJson(shuffled)).toBe(writeJourneyJson(journey));
  });

  it('puts id and kind first on a card and quotes what YAML 1.1 would misread', () => {
    const yaml = writeJourneyYaml(journey);
    expect(yaml.startsWith('schemaVersion: 2\nid: asb-victim-current\nmeta:\n')).toBe(true);
    expect(yaml).toContain('  - id: t1\n    kind: touchpoint\n    laneId: touch\n');
    expect(yaml).toContain('- "yes"');
    expect(yaml).toContain('- "2024-01-01"');
    expect(writeJourneyJson(journey).endsWith('}\n')).toBe(true);
  });

  it('given random text in a card and a title, then both formats read back the same (seeded)', () => {
    const text = fc
      .string({ unit: 'binary', minLength: 1, maxLength: 60 })
      .map((s) => s.trim())
      .filter((s) => s.length > 0 && !s.includes('\uFFFD') && findUnsafeCharacter(s) === null);
    fc.assert(
      fc.property(text, text, (title, cardText) => {
        const base = richJourney();
        const j = parsed({
          ...base,
          meta: { ...base.meta, title },
          cards: [{ ...base.cards![0]!, text: cardText }, ...base.cards!.slice(1)],
        });
        expect(reread(writeJourneyYaml(j), 'r.yaml')).toEqual(j);
        expect(reread(writeJourneyJson(j), 'r.json')).toEqual(j);
      }),
      { seed: 20261123, numRuns: 100 },
    );
  });
});
