import { describe, expect, it } from 'vitest';
import { renderMermaid } from './mermaid';
import { buildJourney, datedJourney, stepsJourney, stepsJourneyInput } from './test-fixtures';

const tasks = (text: string) => text.split('\n').filter((l) => /^ {4}[^%]/.test(l));

describe('renderMermaid', () => {
  it('given the steps journey, then it is a journey diagram with a section per stage and a task per persona and step', () => {
    const out = renderMermaid(stepsJourney());
    const lines = out.split('\n');
    expect(lines[0]).toBe('journey');
    expect(lines[1]).toBe('  title Victims of anti-social behaviour∶ “My life is far from quiet”');
    expect(lines.filter((l) => l.startsWith('  section '))).toEqual([
      '  section Report',
      '  section Investigation',
      '  section Outcome',
    ]);
    expect(tasks(out)).toHaveLength(14);
    expect(tasks(out)[0]).toBe('    Incident occurs: 2: Repeat victim');
    expect(out.endsWith('\n')).toBe(true);
  });

  it('then every score is a whole number from 1 to 5, −100 → 1 and 0 → 3', () => {
    const out = renderMermaid(stepsJourney());
    const scores = tasks(out).map((t) => Number(t.split(': ')[1]));
    for (const s of scores) expect([1, 2, 3, 4, 5]).toContain(s);
    expect(tasks(out)).toContain('    Perpetrator carries on: 1: Repeat victim');
    expect(tasks(out)).toContain('    Investigation takes place: 3: Neighbour who witnessed');
  });

  it('given a column without a score, then it gets a neutral 3 and a comment saying so', () => {
    const out = renderMermaid(datedJourney());
    expect(out).toContain('    %% no score recorded for this step\n    Nov 2008 Recommendation received: 3');
  });

  it('given colons, semicolons, hashes and newlines in names, then no line breaks the grammar', () => {
    const input = stepsJourneyInput() as {
      columns: Array<{ label: string }>;
      personas: Array<{ name: string }>;
    };
    input.columns[0]!.label = 'Step: one; two #3\nand four';
    input.personas[0]!.name = 'Victim, aged 70: retired';
    const out = renderMermaid(buildJourney(input));
    const first = tasks(out)[0]!;
    expect(first).toBe('    Step∶ one, two ＃3 and four: 2: Victim  aged 70∶ retired');
    expect(first.split(':')).toHaveLength(3);
  });
});

describe('renderMermaid keywords', () => {
  it('given a step named like a Mermaid keyword, then it cannot be read as one', () => {
    const input = stepsJourneyInput() as { columns: Array<{ label: string }> };
    input.columns[0]!.label = 'Section 8 notice served';
    input.columns[1]!.label = 'title deeds checked';
    const out = tasks(renderMermaid(buildJourney(input)));
    expect(out[0]).toBe('    – Section 8 notice served: 2: Repeat victim');
    expect(out[2]).toBe('    – title deeds checked: 1: Repeat victim');
  });
});
