import {
  planPosterSheets,
  posterSize,
  sheetImagePlacement,
  renderSvg,
  type PosterSize,
  type SheetMode,
} from '@waymark/render';
import { renderOptionsFrom, renderOptionsQuery } from './render-options';
import { posterHierarchyOf } from '../hierarchy/poster-hierarchy';
import { z } from 'zod';
import { ApiFailure } from '../api-error';
import { route } from '../route-spec';
import {
  chromiumJobsQueued,
  oneChromiumAtATime,
  withChromiumPage,
  type ChromiumResult,
} from './improvement-pdf';
import { surveyBandsOf } from '../surveys/survey-bands';
import { audit, journeyOr404, workspaceOf } from './route-helpers';

/** CSS pixels per point: the drawing is sized in mm, which Chromium lays out at 96 px to the inch. */
const PX_PER_PT = 96 / 72;
/** Chromium cannot capture an image wider or taller than this, and a bigger one is no use to anyone. */
export const MAX_PNG_SIDE = 16_000;
const MAX_PNG_PIXELS = 120_000_000;

/**
 * How many device pixels per CSS pixel the PNG is drawn at: 2 (A3 at 192 dots per inch, sharp when printed or
 * projected) unless the image would be too large, then as much as fits.
 */
export function pngScale(size: PosterSize, wanted = 2): number {
  const w = size.width * PX_PER_PT;
  const h = size.height * PX_PER_PT;
  const bySide = MAX_PNG_SIDE / Math.max(w, h);
  const byArea = Math.sqrt(MAX_PNG_PIXELS / (w * h));
  return Math.min(wanted, bySide, byArea);
}

const page = (body: string, css = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Journey poster</title><style>` +
  `html,body{margin:0;padding:0;background:#fff}svg{display:block}${css}</style></head><body>${body}</body></html>`;

/** Where the PDF's page finds the drawing: every sheet shows this one image, laid out once. */
export const POSTER_URL = 'https://poster.waymark.invalid/poster.svg';

/**
 * The poster on A3 landscape sheets, one per page (one sheet, or a grid of sheets to join edge to edge): each
 * sheet crops the same image of the whole drawing, so even a 300-step poster of 34 sheets is drawn once.
 */
export function posterPdfHtml(size: PosterSize, mode: SheetMode): string {
  const plan = planPosterSheets(size, mode);
  const mm = (n: number) => `${Math.round(n * 1000) / 1000}mm`;
  const sheets = plan.sheets.map((_, i) => {
    const at = sheetImagePlacement(plan, size, i);
    const style = `left:${mm(at.left)};top:${mm(at.top)};width:${mm(at.width)};height:${mm(at.height)}`;
    return `<div class="sheet"><img alt="" src="${POSTER_URL}" style="${style}"></div>`;
  });
  return page(
    sheets.join(''),
    '@page{size:420mm 297mm;margin:0}.sheet{position:relative;width:420mm;height:297mm;overflow:hidden;' +
      'break-after:page}.sheet:last-child{break-after:auto}.sheet img{position:absolute;max-width:none}',
  );
}

const chromiumFailed = (result: { ok: false; message: string }) =>
  new ApiFailure('export_unavailable', result.message, 'format', {}, 503);

async function renderPoster(svg: string, format: 'pdf' | 'png', mode: SheetMode) {
  const size = posterSize(svg);
  if (!size) throw new Error('rendered SVG has no viewBox');
  const otherwise = 'download the SVG, or open the print view and print from your browser';
  let result: ChromiumResult<Uint8Array>;
  if (format === 'pdf') {
    result = await oneChromiumAtATime(() =>
      withChromiumPage(
        posterPdfHtml(size, mode),
        (p) => p.pdf({ width: '420mm', height: '297mm', printBackground: true, preferCSSPageSize: true }),
        { otherwise, files: { [POSTER_URL]: { contentType: 'image/svg+xml', body: svg } } },
      ),
    );
  } else {
    const width = Math.ceil(size.width * PX_PER_PT);
    const height = Math.ceil(size.height * PX_PER_PT);
    result = await oneChromiumAtATime(() =>
      withChromiumPage(page(svg), (p) => p.screenshot({ type: 'png', clip: { x: 0, y: 0, width, height } }), {
        otherwise,
        viewport: { width, height },
        deviceScaleFactor: pngScale(size),
      }),
    );
  }
  if (!result.ok) throw chromiumFailed(result);
  return result.value;
}

const mediaTypes = { pdf: 'application/pdf', png: 'image/png' } as const;
/** More posters than this waiting for Chromium and the next is refused (a 300-step poster takes ~20 s). */
export const MAX_QUEUED_POSTERS = 6;

export const posterRoutes = () => [
  route({
    method: 'get',
    path: '/api/workspaces/{ws}/journeys/{id}/poster',
    tag: 'Files',
    summary:
      'Download the journey poster drawn by Chromium: format=pdf (A3 landscape sheets; sheets=auto|fit|tile) or png (A3 at 192 dpi)',
    access: 'viewer',
    query: z.strictObject({
      format: z.enum(['pdf', 'png']),
      sheets: z.enum(['auto', 'fit', 'tile']).default('auto'),
      ...renderOptionsQuery,
    }),
    success: {
      description: 'the PDF or PNG file, with Content-Disposition: attachment',
      mediaType: 'application/octet-stream',
    },
    errors: ['journey_not_found', 'export_unavailable', 'export_busy'],
    async handle(input) {
      const j = await journeyOr404(input);
      if (chromiumJobsQueued() >= MAX_QUEUED_POSTERS) {
        input.c.header('Retry-After', '30');
        throw new ApiFailure(
          'export_busy',
          `the server is already drawing ${chromiumJobsQueued()} exports; try again in a minute`,
          'format',
          {},
          503,
        );
      }
      const format = input.query['format'] as 'pdf' | 'png';
      const sheets = (input.query['sheets'] ?? 'auto') as SheetMode;
      const options = {
        ...renderOptionsFrom(input.query, input.c.req.header('accept-language')),
        hierarchy: await posterHierarchyOf(input, j.id),
        surveyBands: await surveyBandsOf(input.deps, workspaceOf(input), j.id),
      };
      const bytes = await renderPoster(renderSvg(j.journey, options), format, sheets);
      await audit(input, 'journey.export', j.id, { format, version: j.version, sheets });
      return input.c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': mediaTypes[format],
        'Content-Disposition': `attachment; filename="${j.id}.${format}"`,
      });
    },
  }),
];
