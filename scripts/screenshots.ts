/**
 * `npm run screenshots`: regenerates the editor screenshots in docs/screenshots/ from the demo workspace.
 *
 * Builds the web app for production (unless SKIP_BUILD=1), starts a server on a fresh temporary data
 * directory (the demo workspace holds the examples/ journeys), signs in with the first-start password in
 * Debian's Chromium at 1440×900, and saves:
 *   editor-melton.png           the Melton ASB victim current journey in the editor, fitted to the window
 *   editor-melton-panel.png     the same at 100% with a quote's details open
 *   editor-melton-desired.png   the desired journey fitted to the window: its touchpoints with channel icons
 *   editor-melton-compact.png   the current journey at the compact density, fitted to the window
 *   editor-melton-zoom200.png   the current journey as a 1280 px window at 200 % zoom shows it (640 CSS px), whole page
 * The look (lane kinds in colour and shape, persona initials, quiet cells, density) is decision 0022.
 */
import { join } from 'node:path';
import { ADMIN, buildWebForProduction, repoRoot, withDemoServer } from './browser-run.ts';

const out = join(repoRoot, 'docs/screenshots');
buildWebForProduction();
await withDemoServer(async (server, browser, password) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('Email address').fill(ADMIN);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.goto(`${server.url}/w/demo/j/melton-asb-victim-current`);
  await page.getByTestId('map-grid').waitFor();
  await page.getByRole('button', { name: 'Fit' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, 'editor-melton.png') });
  await page.getByRole('button', { name: '100%' }).click();
  await page.locator('[data-card="f-had-enough"]').click();
  await page.getByRole('heading', { name: 'Card details' }).waitFor();
  await page.screenshot({ path: join(out, 'editor-melton-panel.png') });
  // The current journey has no touchpoints; the desired one's lane shows the drawn channel icons.
  await page.goto(`${server.url}/w/demo/j/melton-asb-victim-desired`);
  await page.getByTestId('map-grid').waitFor();
  await page.getByRole('button', { name: 'Fit' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, 'editor-melton-desired.png') });
  // The compact density (remembered in the browser, so put back after).
  await page.goto(`${server.url}/w/demo/j/melton-asb-victim-current`);
  await page.getByTestId('map-grid').waitFor();
  await page.getByLabel('Density', { exact: true }).selectOption('compact');
  await page.getByRole('button', { name: 'Fit' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, 'editor-melton-compact.png') });
  await page.getByLabel('Density', { exact: true }).selectOption('comfortable');
  // 200 % zoom: a 1280 × 800 window at 200 % is 640 × 400 CSS pixels drawn at twice the density.
  const zoomed = await browser.newContext({
    viewport: { width: 640, height: 400 },
    deviceScaleFactor: 2,
    storageState: await context.storageState(),
  });
  const small = await zoomed.newPage();
  await small.goto(`${server.url}/w/demo/j/melton-asb-victim-current`);
  await small.getByTestId('map-grid').waitFor();
  await small.waitForTimeout(300);
  await small.screenshot({ path: join(out, 'editor-melton-zoom200.png'), fullPage: true });
  await zoomed.close();
  console.log(`Saved the editor screenshots (editor-melton*.png) in ${out}`);
});
