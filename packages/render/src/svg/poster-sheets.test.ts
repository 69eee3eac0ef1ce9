import { describe, expect, it } from 'vitest';
import { buildJourney } from '../test-fixtures';
import { planPosterSheets, posterSheetSvg, posterSize, sheetImagePlacement } from './poster-sheets';
import { renderSvg } from './render-svg';
import { A3_LANDSCAPE } from './theme';
import { findAll, parseXml } from './xml-tree.test-support';

const A3 = A3_LANDSCAPE;
/** A journey of `n` steps and one text lane. */
const wide = (n: number) =>
  buildJourney({
    schemaVersion: 2,
    id: 'wide',
    meta: { title: 'Wide', journeyType: 'current' },
    columns: Array.from({ length: n }, (_, i) => ({ id: `c${i}`, label: `Step ${i + 1}` })),
    lanes: [{ id: 'notes', kind: 'text', label: 'Notes' }],
    cards: [],
  });

describe('poster sheets', () => {
  it('given a rendered poster, then its size is read from the viewBox; without one, null', () => {
    const svg = renderSvg(wide(40));
    const size = posterSize(svg)!;
    expect(size.width).toBeGreaterThan(A3.width);
    expect(posterSize('<svg width="10"><g/></svg>')).toBeNull();
  });

  it('given a drawing of exactly A3, then one sheet at full size with 9 pt text', () => {
    const plan = planPosterSheets({ width: A3.width, height: A3.height });
    expect(plan).toMatchObject({ mode: 'one-sheet', scale: 1, across: 1, down: 1, smallestTextPt: 9 });
  });

  it('given a drawing a fifth wider than A3, then auto scales it onto one sheet with text still over 6 pt', () => {
    const plan = planPosterSheets({ width: A3.width * 1.2, height: A3.height });
    expect(plan.mode).toBe('one-sheet');
    expect(plan.scale).toBeCloseTo(1 / 1.2, 6);
    expect(plan.smallestTextPt).toBeCloseTo(7.5, 6);
  });

  it('given a drawing four A3s wide and one high, then auto tiles it four across at full size', () => {
    const plan = planPosterSheets({ width: A3.width * 4, height: A3.height });
    expect(plan).toMatchObject({ mode: 'tiled', scale: 1, across: 4, down: 1 });
    expect(plan.sheets.map((s) => Math.round(s.x))).toEqual(
      [0, 1, 2, 3].map((i) => Math.round(i * A3.width)),
    );
  });

  it('given a drawing 1.2 A3s high and very wide, then tiles shrink it so one row of sheets holds its height', () => {
    const plan = planPosterSheets({ width: A3.width * 5, height: A3.height * 1.2 });
    expect(plan.mode).toBe('tiled');
    expect(plan.down).toBe(1);
    expect(plan.scale).toBeCloseTo(1 / 1.2, 6);
    expect(plan.across).toBe(Math.ceil((5 * A3.width) / (A3.width * 1.2)));
    for (const s of plan.sheets) expect(s.height * plan.scale).toBeCloseTo(A3.height, 6);
  });

  it('given a drawing three A3s high, then tiles never shrink text under 6 pt: rows of sheets instead', () => {
    const plan = planPosterSheets({ width: A3.width * 3, height: A3.height * 3 });
    expect(plan.scale).toBeCloseTo(6 / 9, 6);
    expect(plan.smallestTextPt).toBeCloseTo(6, 6);
    expect(plan.down).toBe(Math.ceil(3 / 1.5));
    expect(plan.sheets).toHaveLength(plan.across * plan.down);
    expect(plan.sheets.at(-1)).toMatchObject({ across: plan.across, down: plan.down });
  });

  it('given fit asked for a huge drawing, then one sheet however small the text; tile asked for a small one, then one tile', () => {
    expect(planPosterSheets({ width: A3.width * 10, height: A3.height }, 'fit')).toMatchObject({
      mode: 'one-sheet',
      across: 1,
    });
    expect(planPosterSheets({ width: A3.width * 10, height: A3.height }, 'fit').smallestTextPt).toBeCloseTo(
      0.9,
      6,
    );
    expect(planPosterSheets({ width: 500, height: 400 }, 'tile')).toMatchObject({
      mode: 'tiled',
      across: 1,
      down: 1,
    });
  });

  it('given a poster fitted on one sheet, then the root is A3 in mm showing all of it, still titled', () => {
    const svg = renderSvg(wide(20));
    const plan = planPosterSheets(posterSize(svg)!, 'fit');
    const sheet = parseXml(posterSheetSvg(svg, plan.sheets[0]!));
    expect(sheet.attributes).toMatchObject({
      width: '420mm',
      height: '297mm',
      viewBox: `0 0 ${posterSize(svg)!.width} ${posterSize(svg)!.height}`,
      role: 'img',
    });
    expect(findAll(sheet, (n) => n.name === 'title')).toHaveLength(1);
  });

  it('given a tiled plan, then each sheet places the whole drawing so its region fills the sheet', () => {
    const size = { width: A3.width * 4, height: A3.height };
    const plan = planPosterSheets(size, 'tile');
    const mm = 25.4 / 72;
    const third = sheetImagePlacement(plan, size, 2);
    expect(third.left).toBeCloseTo(-2 * A3.width * mm, 6);
    expect(third.top).toBe(-0);
    expect(third.width).toBeCloseTo(4 * 420, 1);
    expect(third.height).toBeCloseTo(297, 1);
    expect(() => sheetImagePlacement(plan, size, 4)).toThrow(RangeError);
  });

  it('given a drawing fitted on one sheet, then it is centred across the sheet', () => {
    const size = { width: A3.width, height: A3.height * 2 };
    const plan = planPosterSheets(size, 'fit');
    const at = sheetImagePlacement(plan, size, 0);
    expect(at.height).toBeCloseTo(297, 3);
    expect(at.width).toBeCloseTo(210, 3);
    expect(at.left).toBeCloseTo(105, 3);
  });
});
