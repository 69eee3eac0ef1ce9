import { describe, expect, it } from 'vitest';
import { stepsJourney } from '../test-fixtures';
import { renderSvg } from './render-svg';
import { scoreY } from './lanes/emotion-lane';
import { findAll, parseXml, texts } from './xml-tree.test-support';

describe('the survey band on the poster, print view and share view (issue 13 item 3)', () => {
  const journey = stepsJourney();
  const step = journey.columns[0]!.id;

  it('given a surveyed step, then its interval is shaded behind the curve at the right heights, with its n and the legend', () => {
    const svg = renderSvg(journey, { surveyBands: [{ stepId: step, low: -40, high: 10, n: 23 }] });
    const root = parseXml(svg);
    const bands = findAll(root, (n) => n.attributes['data-role'] === 'survey-band');
    expect(bands.map((b) => b.attributes['data-column'])).toEqual([step]);
    expect(texts(bands[0]!)).toEqual(['survey n=23']);
    const rect = bands[0]!.children.find((c) => c.name === 'rect')!;
    // the lane's top, from the zero line: scoreY(top, 0) is that line's y
    const zero = findAll(root, (n) => n.attributes['data-role'] === 'zero-line')[0]!;
    const top = Number(zero.attributes.y1) - (scoreY(0, 0) - 0);
    expect(Number(rect.attributes.y)).toBeCloseTo(scoreY(top, 10), 1);
    expect(Number(rect.attributes.y) + Number(rect.attributes.height)).toBeCloseTo(scoreY(top, -40), 1);
    expect(svg).toContain('Shaded band: survey, 95% interval');
    // workshop estimates stay marked as estimates beside it
    expect(svg).toContain('Hollow point: estimate');
    expect(svg).toContain('−60 (estimate)');
  });

  it('given no survey, then no band and no band legend; in Welsh, the legend is in Welsh', () => {
    expect(renderSvg(journey)).not.toContain('survey-band');
    expect(renderSvg(journey)).not.toContain('Shaded band');
    const cy = renderSvg(journey, { locale: 'cy', surveyBands: [{ stepId: step, low: 0, high: 20, n: 5 }] });
    expect(cy).toContain('cyfwng 95%');
    expect(cy).toContain('arolwg n=5');
  });
});
