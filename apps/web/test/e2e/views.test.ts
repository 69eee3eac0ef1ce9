import { readFileSync } from 'node:fs';
import type { Journey } from '@waymark/core';
import { readJourneyText } from '@waymark/document';
import {
  planPosterSheets,
  posterSize,
  renderCsv,
  renderMarkdown,
  renderMermaid,
  renderSvg,
} from '@waymark/render';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../../../server/test/server-process';
import {
  expectNoAxeViolations,
  newPage,
  pdfPages,
  type SignedInSession,
  signInAs,
  startSignedIn,
} from './harness';

/**
 * Issue 4 §3–§4 end to end on the demo workspace's Melton ASB victim journey: presentation mode by keyboard
 * with the emotion curve growing, the A3 print view, a share link used signed out and then withdrawn, and
 * every export downloaded from the menu and checked as a file; axe (WCAG 2.2 AA rules) on every view; and the
 * print view, Share dialogue and presentation mode again in Welsh.
 */
const journeyId = 'melton-asb-victim-current';
const A3 = { width: 1190.55, height: 841.89 };

/** The MediaBox of each page of a PDF. */
const mediaBoxes = (pdf: Buffer) =>
  [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*([-\d.\s]+)\]/g)].map((m) =>
    m[1]!.trim().split(/\s+/).map(Number),
  );
/** Width and height from the IHDR chunk of a PNG, after checking its signature. */
function pngSize(png: Buffer) {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The journey with its steps repeated `times` times (new ids), as a long map would be. */
function widen(journey: Journey, times: number, id: string): Journey {
  const copies = Array.from({ length: times }, (_, k) => k);
  const col = (c: string, k: number) => (k === 0 ? c : `${c}-${k}`);
  return {
    ...journey,
    id: id as Journey['id'],
    meta: { ...journey.meta, title: `${journey.meta.title} ×${times}` },
    // Stages must stand together, so the long map has none.
    stages: [],
    columns: copies.flatMap((k) =>
      journey.columns.map(({ stageId: _stage, ...c }) => ({ ...c, id: col(c.id, k) as never })),
    ),
    cards: copies.flatMap((k) =>
      journey.cards.map((c) => ({ ...c, id: col(c.id, k) as never, columnId: col(c.columnId, k) as never })),
    ),
    links: [],
  } as Journey;
}

describe('presentation, print, share and exports, end to end in Chromium', () => {
  let session: SignedInSession;
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let journey: Journey;
  const view = (name: string) => `${server.url}/w/demo/j/${journeyId}/${name}`;

  beforeAll(async () => {
    // Given: the built web app, a fresh server with the demo workspace (examples/ loaded), Chromium, and the
    // administrator (owner of the demo workspace) signed in.
    session = await startSignedIn('views', { width: 1280, height: 800 });
    ({ server, browser, page } = session);
    const res = await page.request.get(`${server.url}/api/workspaces/demo/journeys/${journeyId}`);
    journey = ((await res.json()) as { journey: Journey }).journey;
  }, 240_000);
  afterAll(() => session?.stop());

  const download = async (label: string) => {
    await page.getByRole('button', { name: 'Export' }).click();
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: label }).click(),
    ]);
    return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
  };
  const curvePoints = () => page.locator('[data-role="curve-point"]').count();
  const heading = () => page.getByRole('heading', { level: 1 }).textContent();

  it('given the Melton journey, when presented and stepped by keyboard, then one step at a time and the curve grows', async () => {
    await page.goto(view('present'));
    await expect.poll(heading).toBe('Incident occurs');
    expect(await curvePoints()).toBe(1);
    expect(await page.getByText('“Not again”').count()).toBe(1);
    await expectNoAxeViolations(page);

    const steps: [string, string, number][] = [
      ['ArrowRight', 'Reports Incident', 2],
      ['PageDown', 'Awaits response by authorities', 3],
      [' ', 'Investigation takes place', 4],
      ['ArrowLeft', 'Awaits response by authorities', 3],
      ['End', 'Perpetrator carries on', 7],
      ['PageUp', 'Being told I’m unreasonable'.replace('’', "'"), 6],
      ['Home', 'Incident occurs', 1],
    ];
    for (const [key, title, points] of steps) {
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      await expect.poll(heading, { message: `after ${key}` }).toBe(title);
      expect(await curvePoints(), `points after ${key}`).toBe(points);
      expect(await page.locator('[data-role="curve-point"][data-current="true"]').count()).toBe(1);
    }
    // The score is there as a number and a word, and the step change was announced.
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.locator('[aria-live="polite"]').textContent())
      .toBe(
        'Step 2 of 7: Reports Incident. Emotion −60, poor (estimate). Moment of truth: First report of a repeat incident.',
      );
    expect(await page.locator('.step-details__scores').textContent()).toMatch(/−60.*poor \(estimate\)/);
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect.poll(heading).toBe('Awaits response by authorities');
    await page.getByRole('button', { name: 'Previous step' }).click();
    await expect.poll(heading).toBe('Reports Incident');
    await page.getByLabel('Go to step').selectOption({ label: '5 / 7: No information passed to victim' });
    await expect.poll(heading).toBe('No information passed to victim');
    expect(await curvePoints()).toBe(5);
    await page.getByRole('button', { name: 'First step' }).click();
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect.poll(heading).toBe('Reports Incident');
    await expectNoAxeViolations(page);

    // Full screen through the Fullscreen API, and back; the presentation goes on either way.
    await page.getByRole('button', { name: 'Full screen' }).click();
    await expect
      .poll(() => page.evaluate(() => document.fullscreenElement?.className ?? null))
      .toBe('present');
    await page.getByRole('button', { name: 'Exit full screen' }).click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
    await page.keyboard.press('ArrowRight');
    await expect.poll(heading).toBe('Awaits response by authorities');

    await page.keyboard.press('Escape');
    await page.waitForURL(`${server.url}/w/demo/j/${journeyId}`);
  }, 90_000);

  it('given the print view, then the A3 landscape poster, and the browser prints it on one A3 sheet', async () => {
    await page.goto(view('print'));
    const sheet = page.locator('.print-sheet__paper svg');
    await sheet.first().waitFor();
    expect(await sheet.count()).toBe(1);
    expect(await sheet.getAttribute('width')).toBe('420mm');
    expect(await sheet.getAttribute('height')).toBe('297mm');
    expect(await sheet.getAttribute('aria-labelledby')).toBeTruthy();
    expect(
      await page.getByRole('status').filter({ hasText: 'Prints on one A3 landscape sheet' }).count(),
    ).toBe(1);
    await expectNoAxeViolations(page);

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    // Back to no emulation: page.pdf() prints with print media unless screen is emulated.
    await page.emulateMedia({ media: null });
    const printed = Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(pdfPages(printed)).toBe(1);
    const [box] = mediaBoxes(printed);
    expect(Math.abs(box![2]! - A3.width)).toBeLessThan(1);
    expect(Math.abs(box![3]! - A3.height)).toBeLessThan(1);

    // A map five times as long: too big for one legible sheet, so tiled; the browser prints every sheet.
    const { csrfToken } = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as {
      csrfToken: string;
    };
    const wide = widen(journey, 5, 'melton-five-times');
    const made = await page.request.post(`${server.url}/api/workspaces/demo/journeys`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { journey: wide },
    });
    expect(made.status(), await made.text()).toBe(201);
    const plan = planPosterSheets(posterSize(renderSvg(wide))!, 'auto');
    expect(plan.sheets.length).toBeGreaterThan(1);
    await page.goto(`${server.url}/w/demo/j/melton-five-times/print`);
    const tiles = page.locator('.print-sheet__paper img');
    await expect.poll(() => tiles.count()).toBe(plan.sheets.length);
    expect(await page.locator('.print-view__plan').textContent()).toContain(
      `prints on ${plan.sheets.length} A3 landscape sheets`,
    );
    // Every tile shows the one SVG image (laid out once), cropped to its sheet; only the first is described.
    expect(new Set(await tiles.evaluateAll((els) => els.map((e) => (e as HTMLImageElement).src))).size).toBe(
      1,
    );
    expect(await tiles.evaluateAll((els) => els.every((e) => (e as HTMLImageElement).naturalWidth > 0))).toBe(
      true,
    );
    expect(await page.getByRole('img', { name: /^Journey map: .*split over/ }).count()).toBe(1);
    const tiled = Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(pdfPages(tiled)).toBe(plan.sheets.length);
    for (const box of mediaBoxes(tiled)) expect(Math.abs(box[2]! - A3.width)).toBeLessThan(1);
    await expectNoAxeViolations(page);
    // Fit on one sheet: one page again, scaled down, and the page says how small the text gets.
    await page.getByLabel('Fit on one sheet').check();
    await expect.poll(() => sheet.count()).toBe(1);
    expect(await tiles.count()).toBe(0);
    expect(await page.locator('.print-view__plan').textContent()).toMatch(
      /^Prints on one A3 landscape sheet scaled to \d+%/,
    );
    // The PDF from this view's Export menu follows the sheet choice.
    expect(pdfPages((await download('PDF, A3 landscape')).bytes)).toBe(1);
    await page.getByLabel('Split over sheets').check();
    expect(pdfPages((await download('PDF, A3 landscape')).bytes)).toBe(
      planPosterSheets(posterSize(renderSvg(wide))!, 'tile').sheets.length,
    );
  }, 90_000);

  it('given the export menu, when each format is downloaded, then PNG and PDF are images of the poster and the text formats parse', async () => {
    await page.goto(view('print'));
    await page.getByRole('button', { name: 'Export' }).click();
    expect(await page.getByRole('button', { name: 'Export' }).getAttribute('aria-expanded')).toBe('true');
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('button', { name: 'Export' }).getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Export/);
    const stem = 'victims-of-anti-social-behaviour-my-life-is-far-from-quiet-current-journey';

    const png = await download('PNG image');
    expect(png.name).toBe(`${stem}.png`);
    const size = pngSize(png.bytes);
    // A3 landscape (at least) at 192 dots per inch: twice 420 mm × 297 mm at 96 px to the inch.
    expect(size.width).toBeGreaterThanOrEqual(3174);
    expect(size.height).toBeGreaterThanOrEqual(2244);
    expect(size.width / size.height).toBeGreaterThan(1);

    const pdf = await download('PDF, A3 landscape');
    expect(pdf.name).toBe(`${stem}.pdf`);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPages(pdf.bytes)).toBeGreaterThanOrEqual(1);
    for (const box of mediaBoxes(pdf.bytes)) {
      expect(Math.abs(box[2]! - A3.width)).toBeLessThan(1);
      expect(Math.abs(box[3]! - A3.height)).toBeLessThan(1);
    }

    const svg = await download('SVG drawing');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.getElementsByTagName('parsererror').length,
        root: doc.documentElement.nodeName,
        curves: doc.querySelectorAll('[data-role="emotion-point"]').length,
      };
    }, svg.bytes.toString('utf8'));
    expect(parsed).toEqual({ error: 0, root: 'svg', curves: 7 });

    const csv = await download('CSV spreadsheet');
    expect(csv.name).toBe(`${stem}.csv`);
    expect(csv.bytes.toString('utf8')).toBe(renderCsv(journey));
    const rows = csv.bytes.toString('utf8').trimEnd().split('\n');
    expect(rows.length).toBeGreaterThan(journey.cards.length);

    const json = await download('Journey JSON');
    const read = readJourneyText(json.bytes.toString('utf8'), { format: 'json' });
    expect(read.ok && read.value).toEqual(journey);

    const mermaid = await download('Mermaid diagram');
    expect(mermaid.name).toBe(`${stem}.mmd`);
    const text = mermaid.bytes.toString('utf8');
    expect(text.split('\n')[0]).toBe('journey');
    expect(text).toBe(renderMermaid(journey));

    const yaml = await download('Journey YAML');
    const fromYaml = readJourneyText(yaml.bytes.toString('utf8'), { format: 'yaml' });
    expect(fromYaml.ok && fromYaml.value).toEqual(journey);
    const markdown = await download('Markdown report');
    expect(markdown.name).toBe(`${stem}.md`);
    expect(markdown.bytes.toString('utf8')).toBe(renderMarkdown(journey));
    await expectNoAxeViolations(page);
  }, 180_000);

  it('given a share link made in the Share dialogue, then it opens signed out read-only; once withdrawn, it is refused', async () => {
    await page.goto(view('print'));
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share a read-only link' });
    await dialog.getByLabel('The link works for').selectOption('7');
    await dialog.getByRole('button', { name: 'Create link' }).click();
    const linkField = dialog.getByLabel('New link (shown only now)');
    await linkField.waitFor();
    const url = await linkField.inputValue();
    expect(url).toMatch(new RegExp(`^${server.url}/share/[A-Za-z0-9_-]{20,}$`));
    await expect.poll(() => dialog.getByRole('cell', { name: 'Works' }).count()).toBe(1);
    await expectNoAxeViolations(page);

    const stranger = await newPage(browser);
    try {
      await stranger.goto(url);
      await stranger.getByRole('heading', { level: 1, name: journey.meta.title }).waitFor();
      expect(await stranger.locator('.share-view__poster svg').count()).toBe(1);
      const stepTitles = await stranger.locator('.share-view__step h3').allTextContents();
      expect(stepTitles.map((t) => t.split(' · ')[0])).toEqual(journey.columns.map((c) => c.label));
      expect(
        await stranger.getByText('I’m worried beyond belief'.replace('’', "'"), { exact: false }).count(),
      ).toBeGreaterThan(0);
      // Read only, and nothing of the workspace: no form controls (but the reader's own choice of language),
      // no sign-out, no workspace links.
      expect(
        await stranger
          .locator('input, textarea, select:not(.language-choice__select), [contenteditable="true"]')
          .count(),
      ).toBe(0);
      expect(await stranger.getByLabel('Language', { exact: true }).count()).toBe(1);
      expect(await stranger.getByRole('button').count()).toBe(0);
      expect(await stranger.locator('a[href^="/w/"]').count()).toBe(0);
      await expectNoAxeViolations(stranger);

      await dialog.getByRole('button', { name: /^Withdraw/ }).click();
      await expect.poll(() => dialog.getByRole('cell', { name: 'Withdrawn' }).count()).toBe(1);
      await stranger.reload();
      await stranger.getByRole('heading', { level: 1, name: 'This link does not work' }).waitFor();
      expect(await stranger.getByText(journey.meta.title).count()).toBe(0);
      await expectNoAxeViolations(stranger);
      await stranger.goto(`${server.url}/share/not-a-real-token`);
      await stranger.getByRole('heading', { level: 1, name: 'This link does not work' }).waitFor();
    } finally {
      await stranger.context().close();
    }
  }, 120_000);

  it('given a member with the viewer role, then they may present, print and export, but not share', async () => {
    const { csrfToken } = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as {
      csrfToken: string;
    };
    const added = await page.request.post(`${server.url}/api/workspaces/demo/members`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { email: 'views-viewer@example.org', role: 'viewer' },
    });
    expect(added.status(), await added.text()).toBe(201);
    const { oneTimePassword } = (await added.json()) as { oneTimePassword: string };
    const viewer = await newPage(browser);
    try {
      await signInAs(viewer, server, 'views-viewer@example.org', oneTimePassword);
      await viewer.goto(view('print'));
      await viewer.getByRole('button', { name: 'Print' }).waitFor();
      expect(await viewer.getByRole('button', { name: 'Export' }).count()).toBe(1);
      expect(await viewer.getByRole('button', { name: 'Share' }).count()).toBe(0);
      const shares = await viewer.request.get(
        `${server.url}/api/workspaces/demo/journeys/${journeyId}/shares`,
      );
      expect(shares.status()).toBe(403);
      await viewer.goto(view('present'));
      await expect
        .poll(() => viewer.getByRole('heading', { level: 1 }).textContent())
        .toBe('Incident occurs');
    } finally {
      await viewer.context().close();
    }
  }, 60_000);

  it('given Cymraeg chosen, then the print view, the Share dialogue and presentation mode speak Welsh, and axe finds nothing', async () => {
    const lang = () => page.evaluate(() => document.documentElement.lang);
    const chooser = () => page.locator('select.language-choice__select');
    // Print and presentation are bare pages: the choice is made in the header of the workspace's home page.
    await page.goto(`${server.url}/w/demo`);
    await chooser().selectOption('cy');
    await expect.poll(lang).toBe('cy-GB');
    try {
      await page.goto(view('print'));
      await page
        .getByRole('heading', { level: 1, name: `Argraffu'r poster: ${journey.meta.title}` })
        .waitFor();
      await expect.poll(() => page.getByRole('button', { name: 'Argraffu', exact: true }).count()).toBe(1);
      await expect.poll(() => page.getByLabel('Ffitio ar un ddalen').count()).toBe(1);
      await expect
        .poll(() =>
          page.getByRole('status').filter({ hasText: 'Yn argraffu ar un ddalen A3 tirlun' }).count(),
        )
        .toBe(1);
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: 'Rhannu', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Rhannu dolen darllen yn unig' });
      const works = dialog.getByLabel("Mae'r ddolen yn gweithio am");
      expect(await works.locator('option').allTextContents()).toEqual([
        '1 diwrnod',
        '1 wythnos',
        '30 diwrnod',
        '90 diwrnod',
        '1 flwyddyn (yr hiraf a ganiateir)',
      ]);
      await works.selectOption('7');
      await dialog.getByRole('button', { name: 'Creu dolen' }).click();
      await dialog.getByLabel('Dolen newydd (dim ond nawr y caiff ei dangos)').waitFor();
      await expect
        .poll(() => dialog.getByText(/^Mae'r ddolen wedi'i chreu\. Mae'n gweithio tan /).count())
        .toBe(1);
      await expect.poll(() => dialog.getByRole('heading', { name: "Dolenni i'r daith hon" }).count()).toBe(1);
      await expect.poll(() => dialog.getByRole('columnheader', { name: 'Crëwyd' }).count()).toBe(1);
      await expectNoAxeViolations(page);
      await dialog.getByRole('button', { name: /^Tynnu'n ôl y ddolen a grëwyd / }).click();
      await expect
        .poll(() => dialog.getByText(/wedi'i thynnu'n ôl: peidiodd â gweithio ar unwaith\.$/).count())
        .toBe(1);
      await dialog.getByRole('button', { name: 'Cau', exact: true }).click();

      await page.goto(view('present'));
      await expect.poll(heading).toBe('Incident occurs');
      expect(await page.getByRole('navigation', { name: 'Cyflwyniad' }).count()).toBe(1);
      await page.keyboard.press('ArrowRight');
      await expect
        .poll(() => page.locator('[aria-live="polite"]').textContent())
        .toBe(
          'Cam 2 o 7: Reports Incident. Emosiwn −60, gwael (amcangyfrif). Eiliad dyngedfennol: First report of a repeat incident.',
        );
      expect(await page.locator('.present__meta').textContent()).toMatch(/^Cam 2 o 7/);
      expect(await page.locator('.step-details__scores').textContent()).toMatch(/−60.*gwael \(amcangyfrif\)/);
      await page.getByRole('button', { name: 'Y cam Nesaf' }).click();
      await expect.poll(heading).toBe('Awaits response by authorities');
      expect(await page.getByRole('link', { name: 'Gadael y cyflwyniad' }).count()).toBe(1);
      await expectNoAxeViolations(page);
    } finally {
      // The choice is kept on the account: back to English for whatever runs next with this session.
      await page.goto(`${server.url}/w/demo`);
      await chooser().selectOption('en');
      await expect.poll(lang).toBe('en-GB');
    }
  }, 120_000);
});
