import { describe, expect, it } from 'vitest';
import { ageJourney, buildJourney, datedJourney, stepsJourney, stepsJourneyInput } from '../test-fixtures';
import { renderSvg } from './render-svg';
import { findAll, parseXml, texts, type XmlNode } from './xml-tree.test-support';

const byRole = (root: XmlNode, role: string) => findAll(root, (n) => n.attributes['data-role'] === role);
const pointsOf = (polyline: XmlNode) =>
  polyline.attributes.points!.split(' ').map((p) => p.split(',').map(Number) as [number, number]);

/** A journey of one text lane whose first column holds `text`. */
const oneCard = (text: string) =>
  buildJourney({
    schemaVersion: 2,
    id: 'one',
    meta: { title: 'One card', journeyType: 'current' },
    columns: [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
    ],
    lanes: [{ id: 'notes', kind: 'text', label: 'Notes' }],
    cards: [{ id: 'n', kind: 'text', laneId: 'notes', columnId: 'a', text }],
  });
const laneHeight = (svg: string) => {
  const lane = byRole(parseXml(svg), 'lane')[0]!;
  return Number(lane.children[0]!.attributes.height);
};

describe('renderSvg', () => {
  const journey = stepsJourney();
  const svg = renderSvg(journey);
  const root = parseXml(svg);

  it('given the steps journey, then it is well-formed SVG for A3 landscape, labelled for assistive technology', () => {
    expect(root.name).toBe('svg');
    expect(root.attributes.width).toBe('420mm');
    expect(root.attributes.role).toBe('img');
    const [titleId, descId] = root.attributes['aria-labelledby']!.split(' ');
    expect(findAll(root, (n) => n.name === 'title')[0]!.attributes.id).toBe(titleId);
    const desc = findAll(root, (n) => n.name === 'desc')[0]!;
    expect(desc.attributes.id).toBe(descId);
    expect(desc.text).toContain('Being told I');
  });

  it('then every step label, quote and source is real text, quotes in quotation marks', () => {
    const all = texts(root).join(' ');
    for (const column of journey.columns) expect(all).toContain(column.label);
    expect(all).toContain("“Not again. I've had enough”");
    expect(all).toContain('— Victim interview 3');
    expect(all).toContain('— Victims workshop, March 2009');
    expect(all).toContain('Leicestershire Police → Melton Borough Council');
    for (const category of ['Contact', 'Process', 'Comms']) expect(texts(root)).toContain(category);
    expect(all).toContain('£2.83');
    expect(all).toContain('☎ Telephone · Inbound');
    expect(all).toContain('Letter / post · Outbound');
  });

  it('then no text is smaller than 9 pt at print size', () => {
    const sizes = findAll(root, (n) => n.attributes['font-size'] !== undefined).map((n) =>
      Number(n.attributes['font-size']),
    );
    expect(sizes.length).toBeGreaterThan(20);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(9);
  });

  it('then each persona has a curve ordered left to right, and score 0 sits on the zero line', () => {
    const curves = byRole(root, 'emotion-curve');
    expect(curves.map((c) => c.attributes['data-series'])).toEqual(['persona:victim', 'persona:witness']);
    for (const curve of curves) {
      const xs = pointsOf(curve).map(([x]) => x);
      expect(xs).toEqual([...xs].sort((a, b) => a - b));
      expect(xs).toHaveLength(7);
    }
    const zero = byRole(root, 'zero-line')[0]!;
    const witness = pointsOf(curves[1]!);
    expect(witness[3]![1]).toBe(Number(zero.attributes.y1));
    const victim = pointsOf(curves[0]!);
    expect(victim[6]![1]).toBeGreaterThan(Number(zero.attributes.y1));
  });

  it('then the curves differ in dash pattern and point shape, and every point is labelled with its score', () => {
    const [a, b] = byRole(root, 'emotion-curve');
    expect(a!.attributes['stroke-dasharray']).not.toBe(b!.attributes['stroke-dasharray']);
    const points = byRole(root, 'emotion-point');
    expect(points).toHaveLength(14);
    const shapes = new Set(
      points.map((p) =>
        p.children
          .filter((c) => c.name !== 'text')
          .map((c) => c.name)
          .pop(),
      ),
    );
    expect(shapes.size).toBe(2);
    const first = points[0]!;
    expect(first.attributes['data-score']).toBe('-60');
    expect(texts(first)).toEqual(['−60 (estimate)']);
    expect(first.children.find((c) => c.name === 'circle')!.attributes.fill).toBe('#ffffff');
    expect(texts(points[1]!)).toEqual(['−80']);
  });

  it('then the moment of truth is starred in its column on the chart and in its lane', () => {
    const marks = byRole(root, 'moment-of-truth');
    expect(marks.map((m) => m.attributes['data-column'])).toEqual(['c6']);
    const onCurve = byRole(root, 'emotion-point').filter((p) => p.attributes['data-column'] === 'c6');
    for (const p of onCurve) expect(p.children[0]!.name).toBe('polygon');
  });

  it('then each link is a labelled curved arrow below the grid', () => {
    const links = byRole(root, 'link');
    expect(links.map((l) => l.attributes['data-kind'])).toEqual(['feedback-loop', 'outside-request']);
    expect(texts(links[1]!).join(' ')).toContain('Diary sheets (to Customer), wait 14 days');
    expect(links[0]!.children[0]!.attributes['marker-end']).toContain('wm-asb-victim-arrow');
  });

  it('given the same journey twice, then the output is byte-identical, even with another render between', () => {
    renderSvg(datedJourney());
    expect(renderSvg(stepsJourney())).toBe(svg);
  });

  it('given a 200-word card, then its row is taller than with a 3-word card and every word is drawn', () => {
    const long = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    const tall = renderSvg(oneCard(long));
    expect(laneHeight(tall)).toBeGreaterThan(laneHeight(renderSvg(oneCard('three short words'))) * 5);
    expect(texts(parseXml(tall)).join(' ')).toContain('word0 word1');
    expect(tall).toContain('word199');
  });

  it('given hostile strings, then they come out as inert text', () => {
    const input = stepsJourneyInput() as { meta: { title: string }; cards: Array<{ text?: string }> };
    input.meta.title = '<script>alert("x")</script> & Sons';
    input.cards[0]!.text = '"/><image href=x onerror=alert(1)>';
    const hostile = renderSvg(buildJourney(input));
    expect(hostile).not.toContain('<script');
    expect(hostile).not.toContain('<image');
    const tree = parseXml(hostile);
    expect(findAll(tree, (n) => n.name === 'title')[0]!.text).toBe(
      'Journey map: <script>alert("x")</script> & Sons',
    );
    expect(texts(tree)).toContain('"/><image href=x onerror=alert(1)>');
  });

  it('given a dated and an age journey, then columns are headed "Nov 2008" and "0–4", "5"', () => {
    const dated = texts(parseXml(renderSvg(datedJourney())));
    expect(dated).toContain('Nov 2008');
    expect(dated).toContain('Dec 2009');
    const ages = texts(parseXml(renderSvg(ageJourney())));
    expect(ages).toEqual(expect.arrayContaining(['0–4', '5', 'Family', 'Education', 'Moved to Melton']));
  });

  it('given many columns, then the sheet widens instead of the columns shrinking past their minimum', () => {
    const input = stepsJourneyInput() as { columns: Array<{ id: string; label: string }> };
    for (let i = 8; i <= 20; i++) input.columns.push({ id: `c${i}`, label: `Step ${i}` });
    const wide = parseXml(renderSvg(buildJourney(input)));
    expect(Number(wide.attributes.width!.replace('mm', ''))).toBeGreaterThan(420);
  });
});

describe('renderSvg: the "Key journey steps" lane (issue 11, item 8)', () => {
  const withSteps = (cards: { column: string; text: string; description?: string }[]) =>
    buildJourney({
      schemaVersion: 2,
      id: 'steps',
      meta: { title: 'Steps', journeyType: 'current' },
      columns: [
        { id: 'a', label: 'Investigation takes place' },
        { id: 'b', label: 'Reports incident' },
      ],
      lanes: [
        { id: 'steps', kind: 'step', label: 'Key journey steps' },
        { id: 'notes', kind: 'text', label: 'Notes' },
      ],
      cards: cards.map(({ column, ...c }, i) => ({
        id: `s${i}`,
        kind: 'step',
        laneId: 'steps',
        columnId: column,
        ...c,
      })),
    });
  const laneIds = (svg: string) => byRole(parseXml(svg), 'lane').map((n) => n.attributes['data-lane']);

  it('given step cards that only repeat the step headers (or none at all), then the lane is not printed as a second header or an empty row', () => {
    const repeats = renderSvg(
      withSteps([
        { column: 'a', text: 'Investigation takes' },
        { column: 'b', text: 'Reports Incident.' },
      ]),
    );
    expect(laneIds(repeats)).toEqual(['notes']);
    expect(texts(parseXml(repeats)).filter((t) => t === 'Reports Incident.')).toEqual([]);
    expect(laneIds(renderSvg(withSteps([])))).toEqual(['notes']);
  });

  it('given one step card with words of its own, then the lane is printed with that card and without the repeats', () => {
    const svg = renderSvg(
      withSteps([
        { column: 'a', text: 'Investigation takes' },
        { column: 'b', text: 'Reports incident', description: 'By phone, three times' },
      ]),
    );
    expect(laneIds(svg)).toEqual(['steps', 'notes']);
    const all = texts(parseXml(svg));
    expect(all).toContain('By phone, three times');
    expect(all).not.toContain('Investigation takes');
  });
});

describe('renderSvg sheet option', () => {
  it('given sheet "fit", then the drawing declares one A3 sheet and keeps its whole content in the viewBox', () => {
    const grown = parseXml(renderSvg(stepsJourney()));
    const fitted = parseXml(renderSvg(stepsJourney(), { sheet: 'fit' }));
    expect([fitted.attributes.width, fitted.attributes.height]).toEqual(['420mm', '297mm']);
    expect(fitted.attributes.viewBox).toBe(grown.attributes.viewBox);
    expect(Number(grown.attributes.height!.replace('mm', ''))).toBeGreaterThan(297);
  });
});
