import { describe, expect, it } from 'vitest';
import { formatPath, problem } from '@waymark/core';
import { formatProblems, type LocatedProblem } from './located-problem';
import { readJourneySource, readJourneyText } from './read-journey';

/** A small valid journey; each test breaks one line of it. */
const yaml = `schemaVersion: 2
id: asb
meta:
  title: Victims of ASB
  journeyType: current
columns:
  - id: incident
    label: Incident occurs
  - id: reports
    label: Reports incident
lanes:
  - id: steps
    kind: step
    label: Steps
  - id: emotion
    kind: emotion
    label: Satisfaction
cards:
  - id: s1
    kind: step
    laneId: steps
    columnId: incident
    text: Incident occurs
  - id: e1
    kind: emotion
    laneId: emotion
    columnId: reports
    score: -40
links:
  - id: back
    kind: feedback-loop
    from: { columnId: reports }
    to: { kind: column, columnId: incident }
`;

const problemsOf = (text: string, fileName = 'j.yaml', maxBytes?: number): LocatedProblem[] => {
  const r = readJourneyText(text, { fileName, maxBytes });
  if (r.ok) throw new Error('expected problems, the journey was read');
  return r.error;
};
const summary = (p: LocatedProblem) => `${p.code} ${formatPath(p.path)} @${p.line}:${p.column}`;

describe('readJourneyText', () => {
  it('given a valid YAML journey, then it is read with defaults filled in', () => {
    const r = readJourneyText(yaml, { fileName: 'j.yaml' });
    expect(r.ok && r.value.cards.map((c) => c.id)).toEqual(['s1', 'e1']);
  });

  it('given a score of 150, then the problem points at the score line', () => {
    const [p, ...rest] = problemsOf(yaml.replace('score: -40', 'score: 150'));
    expect(rest).toEqual([]);
    expect(summary(p!)).toBe('invalid_too_big cards[1].score @28:5');
    expect(formatProblems([p!], 'x.yaml')).toEqual([
      'x.yaml:28:5 cards[1].score: expected a score from -100 to 100',
    ]);
  });

  it('given an unknown lane kind, then the lane kind line is named', () => {
    const found = problemsOf(yaml.replace('kind: step\n    label: Steps', 'kind: sticky\n    label: Steps'));
    expect(found.map(summary)).toContain('invalid_value lanes[0].kind @13:5');
  });

  it('given a card in a missing column and a link to nothing, then both are located', () => {
    const text = yaml
      .replace('columnId: incident\n    text', 'columnId: nowhere\n    text')
      .replace('columnId: incident }', 'columnId: gone }');
    expect(problemsOf(text).map(summary)).toEqual([
      'column_not_found cards[0].columnId @22:5',
      'column_not_found links[0].to.columnId @33:25',
    ]);
  });

  it('given an unknown field, then the field itself is pointed at', () => {
    const [p] = problemsOf(
      yaml.replace('  journeyType: current\n', '  journeyType: current\n  colour: red\n'),
    );
    expect(summary(p!)).toBe('invalid_unrecognized_keys meta @6:3');
    expect(p!.message).toContain('"colour"');
  });

  it('given malformed YAML, then the message names the line', () => {
    const [p] = problemsOf(yaml.replace('  - id: reports', '  - id: [reports'));
    expect(p!.code).toBe('invalid_yaml');
    expect(p!.line).toBeGreaterThanOrEqual(9);
    expect(p!.message).toMatch(/^not valid YAML: /);
  });

  it('given a duplicate key and a second document, then each is refused with its line', () => {
    expect(problemsOf(yaml.replace('id: asb\n', 'id: asb\nid: other\n')).map(summary)).toEqual([
      'duplicate_key (document) @3:1',
    ]);
    expect(problemsOf(yaml + '---\nid: two\n').map(summary)).toEqual(['multiple_documents (document) @34:1']);
  });

  it('given aliases that expand hugely, then they are refused before the data is built', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const n of ['b', 'c', 'd', 'e', 'f', 'g']) {
      const prev = levels[levels.length - 1]![0];
      levels.push(`${n}: &${n} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    expect(problemsOf(levels.join('\n')).map((p) => p.code)).toEqual(['alias_limit']);
  });

  it('given a 50 MB text, then it is refused with its size and the limit', () => {
    const [p] = problemsOf('#'.repeat(50 * 1024 * 1024));
    expect(p!.message).toBe('file is 50.0 MB; the limit is 20 MB');
    expect(problemsOf(yaml, 'j.yaml', 100)[0]!.code).toBe('file_too_large');
  });

  it('given a binary file or an empty one, then it is refused as such', () => {
    expect(problemsOf('PK\u0003\u0004\u0000\u0000binary').map((p) => p.message)).toEqual([
      'not a text file (it contains NUL bytes); expected a journey in YAML or JSON',
    ]);
    expect(problemsOf('\uFFFD\uFFFD\uFFFD\uFFFD\uFFFDPNG')[0]!.code).toBe('not_text');
    expect(problemsOf('  \n')[0]!.code).toBe('empty_document');
  });

  it('given JSON with a score of 150, then the problem has the JSON line and column', () => {
    const r = readJourneyText(yaml, { fileName: 'j.yaml' });
    if (!r.ok) throw new Error('fixture');
    const json = JSON.stringify(
      { ...r.value, cards: [r.value.cards[0], { ...r.value.cards[1], score: 150 }] },
      null,
      2,
    );
    const [p] = problemsOf(json, 'j.json');
    const line = json.split('\n').findIndex((l) => l.includes('"score": 150')) + 1;
    expect(summary(p!)).toBe(`invalid_too_big cards[1].score @${line}:7`);
  });

  it('given malformed JSON, then it is refused with line and column, also for JSON that YAML would accept', () => {
    expect(problemsOf('{\n  "id": "x",\n  "meta": }\n', 'j.json').map(summary)).toEqual([
      'invalid_json (document) @3:11',
    ]);
    const [trailing] = problemsOf('{\n  "id": "x",\n}\n', 'j.json');
    expect(trailing!.code).toBe('invalid_json');
    expect(trailing!.line).toBe(3);
  });

  it('given JSON text without an extension, then the content decides and a BOM is ignored', () => {
    const r = readJourneyText(yaml, {});
    if (!r.ok) throw new Error('fixture');
    const again = readJourneyText(`\uFEFF${JSON.stringify(r.value)}`);
    expect(again.ok && again.value).toEqual(r.value);
  });
});

describe('readJourneySource', () => {
  it('given a valid journey, then a finding made afterwards is located at its node', () => {
    const r = readJourneySource(yaml, { fileName: 'j.yaml' });
    if (!r.ok) throw new Error('fixture');
    const located = r.value.locate(
      problem('feedback_loop_forward', ['links', 0, 'to', 'columnId'], 'goes forward', 'warning'),
    );
    expect(summary(located)).toBe('feedback_loop_forward links[0].to.columnId @33:25');
    expect(located.severity).toBe('warning');
  });
});
