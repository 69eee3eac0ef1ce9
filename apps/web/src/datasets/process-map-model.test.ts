import { describe, expect, it } from 'vitest';
import {
  activityRanking,
  defaultView,
  END,
  flowOrder,
  mapView,
  onLongestSegment,
  START,
  wrapLabel,
  type Dfg,
} from './process-map-model';

// Cases: 6 × A→B→C, 3 × A→B→D, 1 × A→E→C (E rare); C is followed by D twice and B repeats once.
const dfg: Dfg = {
  edges: [
    { from: 'A', to: 'B', count: 9, medianSeconds: 60, meanSeconds: 90 },
    { from: 'B', to: 'C', count: 6, medianSeconds: 120, meanSeconds: 150 },
    { from: 'B', to: 'D', count: 3, medianSeconds: 30, meanSeconds: 40 },
    { from: 'A', to: 'E', count: 1, medianSeconds: 10, meanSeconds: 10 },
    { from: 'E', to: 'C', count: 1, medianSeconds: 5, meanSeconds: 5 },
    { from: 'B', to: 'B', count: 1, medianSeconds: 5, meanSeconds: 5 },
    { from: 'C', to: 'D', count: 2, medianSeconds: 5, meanSeconds: 5 },
  ],
  startActivities: { A: 10 },
  endActivities: { C: 7, D: 3 },
};
const path = (v: { edges: readonly { from: string; to: string; count: number }[] }) =>
  v.edges.map((e) => `${e.from === START ? 'start' : e.from}>${e.to === END ? 'end' : e.to}:${e.count}`);

describe('the process map filters (activities and paths sliders)', () => {
  it('given a log, then activities are ranked by how many times they happened', () => {
    expect(activityRanking(dfg)).toEqual([
      { name: 'A', events: 10 },
      { name: 'B', events: 10 },
      { name: 'C', events: 7 },
      { name: 'D', events: 5 },
      { name: 'E', events: 1 },
    ]);
  });

  it('given the activities slider at 3, then only A, B, C and the paths between them (and start, end) are shown', () => {
    const v = mapView(dfg, 3, 99);
    expect(v.activities.map((a) => a.name)).toEqual(['A', 'B', 'C']);
    expect(path(v)).toEqual(['start>A:10', 'A>B:9', 'C>end:7', 'B>C:6']);
    expect(v.nodes).toEqual([START, 'A', 'B', 'C', END]);
    expect(v.eventShare).toBeCloseTo(27 / 33, 6);
    expect(v.totalActivities).toBe(5);
  });

  it('given all activities and the paths slider at its lowest, then each activity keeps only its busiest way in and out', () => {
    const low = mapView(dfg, 5, 0);
    expect(low.minPaths).toBe(8);
    expect(low.maxPaths).toBe(9);
    expect(low.shownPaths).toBe(8);
    expect(path(low)).toEqual([
      'start>A:10',
      'A>B:9',
      'C>end:7',
      'B>C:6',
      'B>D:3',
      'D>end:3',
      'A>E:1',
      'E>C:1',
    ]);
    // C's busiest way out is to the end, D's busiest way in is from B: C→D waits for the slider
    expect(path(low)).not.toContain('C>D:2');
  });

  it('given the paths slider moved up by one, then the next busiest path is added', () => {
    const low = mapView(dfg, 5, 0);
    const more = mapView(dfg, 5, low.minPaths + 1);
    expect(more.edges.length).toBe(low.edges.length + 1);
    expect(path(more)).toContain('C>D:2');
    expect(path(mapView(dfg, 5, 100)).length).toBe(9);
    // fewer activities, fewer nodes
    expect(mapView(dfg, 2, 100).nodes.length).toBeLessThan(mapView(dfg, 5, 100).nodes.length);
  });

  it('given a log, then the sliders start at the activities covering 90 % of events and the connecting paths and more', () => {
    const d = defaultView(dfg);
    expect(d.activities).toBe(4); // A, B, C cover 27 of 33 events (82 %); with D 32 of 33
    const v = mapView(dfg, d.activities, d.paths);
    expect(v.shownPaths).toBeGreaterThanOrEqual(v.minPaths);
  });

  it('given nodes no edge reaches, then flowOrder still places them before the end', () => {
    expect(flowOrder([], ['Z'])).toEqual(['Z']);
  });

  it('given a long label, then it wraps at spaces and no character is lost', () => {
    const measure = (s: string) => s.length * 10;
    const lines = wrapLabel('Update council tax account and send a letter', 100, measure);
    expect(lines.every((l) => measure(l) <= 100)).toBe(true);
    expect(lines.join(' ')).toBe('Update council tax account and send a letter');
    expect(wrapLabel('Supercalifragilistic', 50, measure).join('')).toBe('Supercalifragilistic');
  });

  it('given an arrow with a bend, then its number goes on the middle of its longest straight part', () => {
    expect(
      onLongestSegment([
        { x: 0, y: 0 },
        { x: 0, y: 10 },
        { x: 40, y: 10 },
      ]),
    ).toEqual({ x: 20, y: 10 });
    expect(onLongestSegment([{ x: 1, y: 1 }])).toBeNull();
  });
});
