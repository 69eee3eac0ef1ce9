import { parseJourney } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { renderSvg } from './render-svg';

describe('renderSvg smoke', () => {
  it('given a minimal journey, then it renders', () => {
    const r = parseJourney({
      schemaVersion: 2,
      id: 'asb',
      meta: { title: 'Victims <script>&', journeyType: 'current' },
      columns: [
        { id: 'a', label: 'Incident occurs' },
        { id: 'b', label: 'Reports' },
      ],
      lanes: [
        { id: 's', kind: 'step', label: 'Steps' },
        { id: 'e', kind: 'emotion', label: 'Satisfaction' },
      ],
      cards: [
        { id: 'c1', kind: 'step', laneId: 's', columnId: 'a', text: 'Incident occurs' },
        { id: 'c2', kind: 'emotion', laneId: 'e', columnId: 'a', score: -80 },
      ],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const svg = renderSvg(r.value);
    expect(svg).toContain('Incident occurs');
    expect(svg).not.toContain('<script>');
  });
});
