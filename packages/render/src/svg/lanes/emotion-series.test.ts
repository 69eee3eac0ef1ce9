import { describe, expect, it } from 'vitest';
import { buildJourney } from '../../test-fixtures';
import { createContext } from '../context';
import type { LaneRenderers } from '../lane-renderer';
import { laneRenderers } from '../lane-renderers';
import { emotionSeries } from './emotion-series';

const journey = buildJourney({
  schemaVersion: 2,
  id: 'survey',
  meta: { title: 'Survey', journeyType: 'current' },
  columns: [
    { id: 'a', label: 'A' },
    { id: 'b', label: 'B' },
    { id: 'c', label: 'C' },
  ],
  lanes: [{ id: 'e', kind: 'emotion', label: 'Satisfaction' }],
  cards: [
    { id: 'r2b', kind: 'emotion', laneId: 'e', columnId: 'b', score: 10, respondent: 'R2' },
    { id: 'r1c', kind: 'emotion', laneId: 'e', columnId: 'c', score: -20, respondent: 'R1' },
    { id: 'r1a', kind: 'emotion', laneId: 'e', columnId: 'a', score: 30, respondent: 'R1' },
    { id: 'x', kind: 'emotion', laneId: 'e', columnId: 'a', score: 0 },
  ],
});

describe('emotionSeries', () => {
  it('given scores by respondent in any order, then one series per respondent in column order, unnamed ones under the lane', () => {
    const ctx = createContext(journey);
    const series = emotionSeries(
      journey.lanes[0]!,
      journey.cards.filter((c) => c.kind === 'emotion'),
      ctx,
    );
    expect(series.map((s) => [s.label, s.points.map((p) => p.card.id)])).toEqual([
      ['R2', ['r2b']],
      ['R1', ['r1a', 'r1c']],
      ['Satisfaction', ['x']],
    ]);
  });

  it('a renderer table missing a lane kind does not compile', () => {
    const { step: _step, ...rest } = laneRenderers;
    // @ts-expect-error every lane kind needs a renderer
    const incomplete: LaneRenderers = rest;
    expect(Object.keys(incomplete)).not.toContain('step');
  });
});
