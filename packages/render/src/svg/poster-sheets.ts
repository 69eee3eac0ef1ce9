import { num } from '../xml';
import { A3_LANDSCAPE, MM_PER_PT, theme } from './theme';

/** A drawing's size in points, from its viewBox. */
export interface PosterSize {
  readonly width: number;
  readonly height: number;
}

/** The part of the drawing one printed sheet shows, in the drawing's points. */
export interface SheetRegion {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** 1-based place of the sheet: across (column of sheets) and down (row of sheets). */
  readonly across: number;
  readonly down: number;
}

export type SheetMode = 'auto' | 'fit' | 'tile';

/** How a drawing goes onto A3 landscape sheets. */
export interface SheetPlan {
  readonly mode: 'one-sheet' | 'tiled';
  /** Printed size ÷ drawn size: 1 is full size, 0.5 half. */
  readonly scale: number;
  /** The smallest text as printed, in points (the drawing never draws text under 9 pt). */
  readonly smallestTextPt: number;
  readonly across: number;
  readonly down: number;
  readonly sheets: readonly SheetRegion[];
}

/** Text printed smaller than this is hard to read on a wall poster; below it `auto` splits the drawing. */
export const MIN_PRINTED_TEXT_PT = 6;

/** The width and height of `svg`'s viewBox, or null when it has none that reads. */
export function posterSize(svg: string): PosterSize | null {
  const open = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const box = /\sviewBox="\s*([-\d.]+)[\s,]+([-\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"/.exec(open);
  if (!box) return null;
  const width = Number(box[3]);
  const height = Number(box[4]);
  return width > 0 && height > 0 ? { width, height } : null;
}

/**
 * Plans the A3 landscape sheets for a drawing. `fit` scales it onto one sheet; `tile` keeps text at least
 * `minTextPt` (scaling down only as far as fitting the height on one row of sheets) and splits it into a grid
 * of sheets to join edge to edge; `auto` fits when the text stays legible and tiles otherwise.
 */
export function planPosterSheets(
  size: PosterSize,
  mode: SheetMode = 'auto',
  minTextPt = MIN_PRINTED_TEXT_PT,
): SheetPlan {
  const sheet = A3_LANDSCAPE;
  const smallest = theme.size.small;
  const fitScale = Math.min(1, sheet.width / size.width, sheet.height / size.height);
  const minScale = Math.min(1, minTextPt / smallest);
  if (mode === 'fit' || (mode === 'auto' && fitScale >= minScale - 1e-9)) {
    return {
      mode: 'one-sheet',
      scale: fitScale,
      smallestTextPt: smallest * fitScale,
      across: 1,
      down: 1,
      sheets: [{ x: 0, y: 0, width: size.width, height: size.height, across: 1, down: 1 }],
    };
  }
  const scale = Math.max(minScale, Math.min(1, sheet.height / size.height));
  const w = sheet.width / scale;
  const h = sheet.height / scale;
  // A sliver under a millimetre past a sheet's edge is not worth a sheet of paper.
  const count = (length: number, per: number) => Math.max(1, Math.ceil(length / per - 0.01));
  const across = count(size.width, w);
  const down = count(size.height, h);
  const sheets: SheetRegion[] = [];
  for (let r = 0; r < down; r += 1)
    for (let c = 0; c < across; c += 1)
      sheets.push({ x: c * w, y: r * h, width: w, height: h, across: c + 1, down: r + 1 });
  return { mode: 'tiled', scale, smallestTextPt: smallest * scale, across, down, sheets };
}

/**
 * The drawing on one A3 sheet: the root's size becomes the sheet and its viewBox the sheet's region, so a
 * one-sheet plan prints the whole drawing scaled to fit. Title and description stay for screen readers.
 */
export function posterSheetSvg(svg: string, region: SheetRegion): string {
  const open = /<svg\b[^>]*>/.exec(svg);
  if (!open) return svg;
  const tag = open[0]
    .replace(/\s(width|height|viewBox|preserveAspectRatio)="[^"]*"/g, '')
    .replace(
      /^<svg/,
      `<svg width="${num(A3_LANDSCAPE.width * MM_PER_PT)}mm" height="${num(A3_LANDSCAPE.height * MM_PER_PT)}mm"` +
        ` viewBox="${num(region.x)} ${num(region.y)} ${num(region.width)} ${num(region.height)}"` +
        ` preserveAspectRatio="xMidYMin meet"`,
    );
  return svg.slice(0, open.index) + tag + svg.slice(open.index + open[0].length);
}

/** Where the whole drawing, as one image, sits on a sheet: mm from the sheet's top left corner, and its size. */
export interface ImagePlacement {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * How to show sheet `index` of a plan by placing the whole drawing as an image and letting the sheet crop it.
 * Every sheet shows the same image, so a browser lays the drawing out once however many sheets there are
 * (copies of a large SVG, or `<use>` clones of it, are laid out once per sheet: minutes for 300 steps).
 * A drawing fitted on one sheet is centred across it.
 */
export function sheetImagePlacement(plan: SheetPlan, size: PosterSize, index: number): ImagePlacement {
  const sheet = plan.sheets[index];
  if (!sheet) throw new RangeError(`sheet ${index} of a plan of ${plan.sheets.length}`);
  const mm = plan.scale * MM_PER_PT;
  const width = size.width * mm;
  const height = size.height * mm;
  const sheetWidth = A3_LANDSCAPE.width * MM_PER_PT;
  const left = plan.mode === 'one-sheet' ? (sheetWidth - width) / 2 : -sheet.x * mm;
  return { left, top: -sheet.y * mm, width, height };
}
