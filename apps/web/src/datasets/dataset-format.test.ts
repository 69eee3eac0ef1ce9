import { describe, expect, it } from 'vitest';
import { END, formatDuration, mapGraph, START } from './dataset-format';

describe('dataset page formatting and the process map model', () => {
  it('given durations, when formatted, then each is in the unit a person would use', () => {
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(90)).toBe('1.5 min');
    expect(formatDuration(5 * 3600)).toBe('5 h');
    expect(formatDuration(3.25 * 86_400)).toBe('3.3 days');
    expect(formatDuration(null)).toBe('—');
  });

  it('given a directly-follows graph, when mapped with a limit, then the busiest edges between different activities are kept with start and end nodes', () => {
    const g = mapGraph(
      {
        edges: [
          { from: 'A', to: 'B', count: 5, medianSeconds: 60 },
          { from: 'B', to: 'C', count: 1, medianSeconds: 10 },
          { from: 'B', to: 'B', count: 2, medianSeconds: 5 },
        ],
        startActivities: { A: 6 },
        endActivities: { B: 4, C: 1 },
      },
      4,
    );
    expect(g.total).toBe(6);
    expect(g.shown).toBe(4);
    expect(g.edges.map((e) => `${e.from}>${e.to}:${e.count}`)).toEqual([
      `${START}>A:6`,
      'A>B:5',
      `B>${END}:4`,
      'B>C:1',
    ]);
    expect(g.all.map((e) => `${e.from}>${e.to}`)).toContain('B>B');
    expect(g.nodes).toEqual([START, 'A', 'B', 'C', END]);
  });
});
