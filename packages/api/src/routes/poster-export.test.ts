import type { Journey } from '@waymark/core';
import { posterSize, renderSvg } from '@waymark/render';
import { sampleJourney } from '@waymark/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type Client, type TestApi } from '../testing/test-api';
import { chromiumJobsQueued, oneChromiumAtATime } from './improvement-pdf';
import { MAX_PNG_SIDE, MAX_QUEUED_POSTERS, pngScale } from './poster-export';

const base = '/api/workspaces/w1/journeys';
const A3 = { width: 1190.55, height: 841.89 };

/** Pages of a PDF and the MediaBox of each, read from its page objects. */
function pdfPageBoxes(bytes: Uint8Array): number[][] {
  const text = Buffer.from(bytes).toString('latin1');
  const pages = text.split(/\/Type\s*\/Page(?!s)/).length - 1;
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*([-\d.\s]+)\]/g)].map((m) =>
    m[1]!.trim().split(/\s+/).map(Number),
  );
  return boxes.slice(-pages);
}
/** Width and height from a PNG's IHDR chunk, after checking its signature. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const b = Buffer.from(bytes);
  expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(b.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}
/** The sample journey with `n` steps. */
function wideJourney(id: string, n: number): Journey {
  const j = sampleJourney(id);
  return {
    ...j,
    columns: Array.from({ length: n }, (_, i) => ({
      ...j.columns[0]!,
      id: `c${i}` as never,
      label: `Step ${i}`,
    })),
    cards: [],
    links: [],
  } as Journey;
}

describe('journey poster export (PDF and PNG drawn by Chromium)', () => {
  let t: TestApi;
  let viewer: Client;
  beforeAll(async () => {
    // Given: w1 with a viewer, the sample journey j1 and a journey 40 steps wide.
    t = await createTestApi();
    await t.addUser('Ed', { ws: 'w1', role: 'editor' });
    await t.addUser('Vi', { ws: 'w1', role: 'viewer' });
    const ed = await t.signIn('Ed');
    for (const journey of [sampleJourney('j1'), wideJourney('wide', 40)])
      expect((await ed.request('POST', base, { journey })).status).toBe(201);
    viewer = await t.signIn('Vi');
  });
  afterAll(() => t.close());

  it('given a viewer, when the PDF is asked for, then one A3 landscape page, named, and the export audited', async () => {
    const res = await viewer.request('GET', `${base}/j1/poster?format=pdf`);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="j1.pdf"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const boxes = pdfPageBoxes(bytes);
    expect(boxes).toHaveLength(1);
    // Chromium sizes pages in whole CSS pixels: A3 comes out within a point of 420 × 297 mm.
    expect(Math.abs(boxes[0]![2]! - A3.width)).toBeLessThan(1);
    expect(Math.abs(boxes[0]![3]! - A3.height)).toBeLessThan(1);
    const audit = await t.stores.accounts.listAudit('w1' as never);
    expect(audit.find((e) => e.action === 'journey.export')?.detail).toMatchObject({
      format: 'pdf',
      sheets: 'auto',
    });
  }, 60_000);

  it('given a journey four sheets wide, when the PDF is asked for, then it is tiled over A3 pages; fit asks for one', async () => {
    const size = posterSize(renderSvg(wideJourney('wide', 40)))!;
    const tiled = pdfPageBoxes(
      new Uint8Array(await (await viewer.request('GET', `${base}/wide/poster?format=pdf`)).arrayBuffer()),
    );
    expect(tiled.length).toBe(
      Math.ceil(size.width / A3.width - 0.01) * Math.ceil(size.height / A3.height - 0.01),
    );
    expect(tiled.length).toBeGreaterThan(1);
    for (const box of tiled) {
      expect(Math.abs(box[2]! - A3.width)).toBeLessThan(1);
      expect(Math.abs(box[3]! - A3.height)).toBeLessThan(1);
    }
    const fit = await viewer.request('GET', `${base}/wide/poster?format=pdf&sheets=fit`);
    expect(pdfPageBoxes(new Uint8Array(await fit.arrayBuffer()))).toHaveLength(1);
  }, 90_000);

  it('given a viewer, when the PNG is asked for, then an image of the whole poster at twice its size', async () => {
    const res = await viewer.request('GET', `${base}/j1/poster?format=png`);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const size = posterSize(renderSvg(sampleJourney('j1')))!;
    const png = pngSize(new Uint8Array(await res.arrayBuffer()));
    expect(png.width).toBe(Math.ceil((size.width * 96) / 72) * 2);
    expect(png.height).toBe(Math.ceil((size.height * 96) / 72) * 2);
  }, 60_000);

  it('given an unknown format or sheet mode, then 400 naming the field and what was expected', async () => {
    const res = await viewer.request('GET', `${base}/j1/poster?format=gif`);
    const body = (await res.json()) as { error: { code: string; message: string; path: string } };
    expect(res.status).toBe(400);
    expect(body.error.message).toMatch(/format/);
    expect(body.error.message).toMatch(/pdf.*png|png.*pdf/);
    expect((await viewer.request('GET', `${base}/j1/poster?format=pdf&sheets=many`)).status).toBe(400);
  });

  it('given no such journey, then 404', async () => {
    expect((await viewer.request('GET', `${base}/nope/poster?format=png`)).status).toBe(404);
  });

  it('given no Chromium on the server, then 503 with what to do instead, and nothing audited for it', async () => {
    const before = (await t.stores.accounts.listAudit('w1' as never)).length;
    const saved = process.env['WAYMARK_CHROMIUM'];
    process.env['WAYMARK_CHROMIUM'] = '/nonexistent/chromium';
    try {
      const res = await viewer.request('GET', `${base}/j1/poster?format=pdf`);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect([res.status, body.error.code]).toEqual([503, 'export_unavailable']);
      expect(body.error.message).toMatch(/not installed; download the SVG, or open the print view/);
    } finally {
      if (saved === undefined) delete process.env['WAYMARK_CHROMIUM'];
      else process.env['WAYMARK_CHROMIUM'] = saved;
    }
    expect((await t.stores.accounts.listAudit('w1' as never)).length).toBe(before);
  });

  it('given six exports already waiting for Chromium, then the next is refused with 503 and Retry-After; afterwards it works', async () => {
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const waiting = Array.from({ length: MAX_QUEUED_POSTERS }, () => oneChromiumAtATime(() => gate));
    try {
      const res = await viewer.request('GET', `${base}/j1/poster?format=png`);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect([res.status, body.error.code, res.headers.get('retry-after')]).toEqual([
        503,
        'export_busy',
        '30',
      ]);
      expect(body.error.message).toMatch(/already drawing 6 exports; try again/);
    } finally {
      release();
      await Promise.all(waiting);
    }
    expect(chromiumJobsQueued()).toBe(0);
    expect((await viewer.request('GET', `${base}/j1/poster?format=png`)).status).toBe(200);
  }, 60_000);

  it('given posters of every size, then the PNG scale is 2 unless a side would pass the limit Chromium can draw', () => {
    expect(pngScale(A3)).toBe(2);
    const huge = { width: 30_000, height: 2_000 };
    const scale = pngScale(huge);
    expect(scale).toBeLessThan(1);
    expect(Math.round(((huge.width * 96) / 72) * scale)).toBeLessThanOrEqual(MAX_PNG_SIDE);
  });
});
