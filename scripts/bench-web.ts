/**
 * `npm run bench:web`: the editor on a large journey in headless Chromium (issue 4 §7).
 *
 * Builds the web app for production (unless SKIP_BUILD=1), starts a server on a fresh temporary data directory, stores a
 * deterministic 300-column × 12-lane journey (every cell filled; one card per cell, emotion scores on a
 * curve) and, RUNS times (default 5) in a fresh page each:
 *   1. time to interactive: from navigation start to the grid drawn AND answering a key. In the page, a
 *      MutationObserver notes when the first cell exists; the driver then focuses it and presses ArrowRight,
 *      and the page notes the keydown and the moment focus lands on the next cell. Interactive = grid drawn
 *      + that key's response time. (The driver's own view, with its polling and round trips on a busy
 *      machine, is printed too, as is the editor's performance mark `waymark:editor-interactive`.)
 *   2. typing latency: 50 keystrokes into a cell's quick-entry box and 50 into a card's text field in the
 *      details panel; per key, from the keydown event to the first animation frame after its input event.
 * Prints medians over runs (and per-key p95) and the production bundle size (gzip), and writes
 * bench-out/web.json. Targets: interactive ≤ 1500 ms; typing < 50 ms per key (ideally one frame, ≈16 ms).
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { signIn } from '../apps/server/test/server-process.ts';
import { ADMIN, buildWebForProduction, repoRoot as root, withDemoServer } from './browser-run.ts';
import { COLUMNS, largeJourney } from './bench-web-journey.ts';

const runs = Number(process.env['RUNS'] ?? 5);
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;
const round = (n: number) => Math.round(n * 10) / 10;

/** Per-key latency: keydown → the first animation frame after that key's input event, collected in the page. */
async function typingLatency(page: Page, selector: string): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __lat: number[]; __down: number };
    w.__lat = [];
    document.addEventListener('keydown', (e) => (w.__down = e.timeStamp), true);
    document.addEventListener(
      'input',
      () => {
        const down = w.__down;
        requestAnimationFrame(() => w.__lat.push(performance.now() - down));
      },
      true,
    );
  });
  await page.focus(selector);
  for (let i = 0; i < 50; i++) {
    await page.keyboard.type(String.fromCharCode(97 + (i % 26)));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  }
  return page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
}

/**
 * The production bundle as served: the entry script and stylesheet index.html names, and each lazy chunk
 * (newest build of it, should an older one linger in dist/), in bytes and gzip.
 */
async function bundleSize() {
  const dist = join(root, 'apps/web/dist');
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const entry = new Set([...html.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((m) => m[1]!));
  const newest = new Map<string, { file: string; mtime: number }>();
  for (const file of await readdir(join(dist, 'assets'))) {
    const key = file.replace(/-[\w-]{8}\.(js|css)$/, '.$1');
    const { mtimeMs } = await stat(join(dist, 'assets', file));
    const known = newest.get(key);
    if (entry.has(file) || !known || (!entry.has(known.file) && known.mtime < mtimeMs))
      newest.set(key, { file, mtime: mtimeMs });
  }
  const sizes = await Promise.all(
    [...newest.values()].map(async ({ file }) => {
      const bytes = await readFile(join(dist, 'assets', file));
      return { file, raw: bytes.length, gzip: gzipSync(bytes).length };
    }),
  );
  const kb = (n: number) => round(n / 1024);
  const sum = (pick: (file: string) => boolean) =>
    kb(sizes.filter((s) => pick(s.file)).reduce((a, b) => a + b.gzip, 0));
  return {
    totalGzipKb: sum(() => true),
    initialGzipKb: sum((f) => entry.has(f)),
    editorGzipKb: sum((f) => f.startsWith('editor-page-')),
    files: sizes.map((s) => ({ ...s, gzipKb: kb(s.gzip) })),
  };
}

buildWebForProduction();
await withDemoServer(async (server, browser, password) => {
  const call = await signIn(server.url, ADMIN, password);
  const made = await call('POST', '/api/workspaces/demo/journeys', { journey: largeJourney() });
  if (made.status !== 201)
    throw new Error(`could not store the bench journey: ${made.status} ${await made.text()}`);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const signed = await context.request.post(`${server.url}/api/auth/sign-in`, {
    data: { email: ADMIN, password },
  });
  if (!signed.ok()) throw new Error(`browser sign-in failed: ${signed.status()}`);
  const results: { interactive: number; driver: number; mark: number; quick: number[]; field: number[] }[] =
    [];
  for (let run = 0; run < runs; run++) {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __t: Record<string, number> };
      w.__t = {};
      new MutationObserver((_, observer) => {
        if (document.querySelector('[data-cell="1:1"]')) {
          w.__t['grid'] = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
      document.addEventListener('keydown', (e) => (w.__t['key'] ??= e.timeStamp), true);
      document.addEventListener('focusin', (e) => {
        if ((e.target as HTMLElement).dataset?.['cell'] === '1:2') w.__t['moved'] ??= performance.now();
      });
    });
    await page.goto(`${server.url}/w/demo/j/bench-300`, { waitUntil: 'commit' });
    await page.waitForSelector('[data-cell="1:1"]');
    await page.focus('[data-cell="1:1"]');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      () => (document.activeElement as HTMLElement | null)?.dataset['cell'] === '1:2',
    );
    const driver = await page.evaluate(() => performance.now());
    const t = await page.evaluate(() => (window as unknown as { __t: Record<string, number> }).__t);
    const interactive = t['grid']! + (t['moved']! - t['key']!);
    const mark = await page.evaluate(
      () => performance.getEntriesByName('waymark:editor-interactive')[0]?.startTime ?? NaN,
    );
    const fetched = await page.evaluate(
      () =>
        performance
          .getEntriesByType('resource')
          .find((e): e is PerformanceResourceTiming => e.name.endsWith('/journeys/bench-300'))?.responseEnd ??
        NaN,
    );
    const quick = await typingLatency(page, '[data-cell="1:2"] .quick-entry');
    await page.locator('[data-card="steps-s3"]').click();
    const field = await typingLatency(page, '.side-panel textarea');
    results.push({ interactive, driver, mark, quick, field });
    console.log(
      `run ${run + 1}: interactive ${round(interactive)} ms (journey fetched ${round(fetched)} ms, grid mark ${round(mark)} ms, seen by the driver ${round(driver)} ms); typing median ${round(median(quick))} ms in a cell, ${round(median(field))} ms in a card field`,
    );
    await page.close();
  }
  const bundle = await bundleSize();
  const summary = {
    journey: { columns: COLUMNS, lanes: 12, cards: COLUMNS * 12 },
    runs,
    interactiveMs: round(median(results.map((r) => r.interactive))),
    gridMarkMs: round(median(results.map((r) => r.mark))),
    driverMs: round(median(results.map((r) => r.driver))),
    typingCellMs: {
      median: round(median(results.flatMap((r) => r.quick))),
      p95: round(p95(results.flatMap((r) => r.quick))),
    },
    typingFieldMs: {
      median: round(median(results.flatMap((r) => r.field))),
      p95: round(p95(results.flatMap((r) => r.field))),
    },
    bundle: {
      totalGzipKb: bundle.totalGzipKb,
      initialGzipKb: bundle.initialGzipKb,
      editorGzipKb: bundle.editorGzipKb,
    },
  };
  console.log(
    [
      `300 columns × 12 lanes (${COLUMNS * 12} cards), medians of ${runs} runs:`,
      `  time to interactive (navigation start → grid answers a key): ${summary.interactiveMs} ms (target ≤ 1500)`,
      `  grid first drawn (performance mark): ${summary.gridMarkMs} ms; seen by the test driver: ${summary.driverMs} ms`,
      `  typing in a cell's quick entry: median ${summary.typingCellMs.median} ms, p95 ${summary.typingCellMs.p95} ms per key (target < 50)`,
      `  typing in a card's text field: median ${summary.typingFieldMs.median} ms, p95 ${summary.typingFieldMs.p95} ms per key`,
      `  bundle (gzip): ${summary.bundle.totalGzipKb} kB in all; initial (entry JS+CSS) ${summary.bundle.initialGzipKb} kB; editor chunk (JS+CSS) ${summary.bundle.editorGzipKb} kB`,
    ].join('\n'),
  );
  await mkdir(join(root, 'bench-out'), { recursive: true });
  await writeFile(
    join(root, 'bench-out/web.json'),
    `${JSON.stringify({ ...summary, files: bundle.files }, null, 2)}\n`,
  );
});
