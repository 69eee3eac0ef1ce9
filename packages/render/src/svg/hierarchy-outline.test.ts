import { describe, expect, it } from 'vitest';
import { stepsJourney } from '../test-fixtures';
import { renderSvg } from './render-svg';
import { findAll, parseXml, type XmlNode } from './xml-tree.test-support';

/** Every line of text under `node`, one per tspan. */
const textOf = (node: XmlNode): string =>
  findAll(node, (n) => n.name === 'tspan')
    .map((n) => n.text)
    .join('\n');
const hierarchy = {
  childOfStep: { c2: 'Police report' },
  ancestors: ['Living in the borough', 'Trouble with a neighbour'],
};

describe('the poster shows where a journey sits (issue 14)', () => {
  it('given a step that opens a child journey, then the step header names it and an outline shows the journeys above', () => {
    const svg = parseXml(renderSvg(stepsJourney(), { hierarchy }));
    const all = textOf(svg);
    expect(all).toContain('Opens: Police report');
    const [outline] = findAll(svg, (n) => n.attributes['data-role'] === 'hierarchy-outline');
    expect(outline).toBeDefined();
    const words = textOf(outline!);
    expect(words).toMatch(
      /Where this journey sits\nLiving in the borough\nTrouble with a neighbour\n.*\(this map\)\n.*Police report/s,
    );
  });

  it('in Welsh, the words are Welsh', () => {
    const all = textOf(parseXml(renderSvg(stepsJourney(), { hierarchy, locale: 'cy' })));
    expect(all).toContain('Yn agor: Police report');
    expect(all).toContain('Ble mae’r daith hon yn eistedd');
  });

  it('given a journey that stands alone, then there is no outline and the drawing is as before', () => {
    const alone = renderSvg(stepsJourney(), { hierarchy: { childOfStep: {}, ancestors: [] } });
    expect(alone).toBe(renderSvg(stepsJourney()));
    expect(alone).not.toContain('hierarchy-outline');
  });
});
