import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleJourney } from '@waymark/store';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../../../server/test/server-process';
import { expectNoAxeViolations, type SignedInSession, startSignedIn } from './harness';

/**
 * Issue 11 item 7 in the web app, as an analyst would: upload a small log whose every case takes 134 days,
 * read its process map with the sliders, the time on the arrows, a node's full name on focus and the key; attach
 * it to a journey and see Compare say 134 days, with the desired journey named once; axe on every page.
 */
const LONG = 'Officer visits the victim at home to assess the noise nuisance and agree next steps';
const day = (d: number, hour = 9) => new Date(Date.UTC(2026, 0, 5 + d, hour)).toISOString();
/** Three cases, each 134 days from its first to its last event, through six activities. */
const log = [
  'case,activity,timestamp,channel,team',
  ...[
    ['C1', 'Report noise', 0],
    ['C1', 'Chase progress', 9],
    ['C1', LONG, 30],
    ['C1', 'Send letter', 60],
    ['C1', 'Close case', 134],
    ['C2', 'Report noise', 0],
    ['C2', LONG, 20],
    ['C2', 'Close case', 134],
    ['C3', 'Report noise', 0],
    ['C3', 'Chase progress', 5],
    ['C3', 'Chase progress', 12],
    ['C3', LONG, 40],
    ['C3', 'Rare check', 70],
    ['C3', 'Close case', 134],
  ].map(([c, a, d]) => `${c},"${a}",${day(d as number)},Phone,Contact centre`),
].join('\n');
const stepOf: Record<string, string> = {
  'Report noise': 's1',
  'Chase progress': 's1',
  [LONG]: 's2',
  'Send letter': 's2',
  'Close case': 's3',
  'Rare check': 's3',
};

describe('Process map and Compare, end to end in Chromium', () => {
  let session: SignedInSession;
  let server: ServerProcess;
  let page: Page;
  const nodes = () => page.locator('g[data-activity]');

  beforeAll(async () => {
    // Given: the built web app, a fresh server, Chromium, a current journey and its desired one, and a log file.
    session = await startSignedIn('process-map', { width: 1280, height: 900 });
    ({ server, page } = session);
    const { csrfToken } = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as {
      csrfToken: string;
    };
    const current = sampleJourney('noise-current', { title: 'Noise' });
    const made = sampleJourney('noise-desired', { title: 'Noise (desired)', journeyType: 'desired' });
    const desired = { ...made, meta: { ...made.meta, basedOn: 'noise-current' } };
    for (const journey of [current, desired]) {
      const res = await page.request.post(`${server.url}/api/workspaces/demo/journeys`, {
        headers: { 'x-csrf-token': csrfToken },
        data: { journey },
      });
      expect(res.status(), await res.text()).toBe(201);
    }
    writeFileSync(join(session.dataDir, 'noise.csv'), log);
  }, 240_000);
  afterAll(() => session?.stop());

  it('given a small log, when imported, then its map starts from the most frequent activities and the sliders show fewer or more', async () => {
    await page.goto(`${server.url}/w/demo/datasets`);
    await page.locator('#log-file').setInputFiles(join(session.dataDir, 'noise.csv'));
    await page.getByRole('button', { name: 'Upload and preview' }).click();
    await page.getByRole('heading', { name: 'Map the columns of noise.csv' }).waitFor({ timeout: 60_000 });
    await page.getByLabel('Case reference').selectOption('case');
    await page.getByLabel('Activity', { exact: true }).selectOption('activity');
    await page.getByLabel('Time (or end time)').selectOption('timestamp');
    await page.getByLabel('Name of the dataset').fill('Noise log');
    await page.getByRole('button', { name: 'Import and analyse' }).click();
    await page.getByRole('heading', { name: 'Noise log', level: 1 }).waitFor({ timeout: 60_000 });

    const activities = page.getByLabel('Activities shown (most frequent first)');
    const paths = page.getByLabel('Paths shown (most frequent first)');
    await nodes().first().waitFor();
    const before = await nodes().count();
    expect(before).toBe(Number(await activities.inputValue()));
    // the visible value says how many of how many
    expect(await page.getByTestId('map-activities-value').textContent()).toMatch(
      new RegExp(`^${before} of 6 activities, \\d+% of events$`),
    );
    // Home: the fewest activities (the most frequent one); the map redraws with fewer boxes
    await activities.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => nodes().count()).toBe(1);
    expect(await page.getByTestId('map-activities-value').textContent()).toMatch(/^1 of 6 activities/);
    // End: every activity, then the paths slider at its lowest and highest draws fewer and more arrows
    await page.keyboard.press('End');
    await expect.poll(() => nodes().count()).toBe(6);
    const arrows = page.locator('svg path[marker-end]');
    await paths.focus();
    await page.keyboard.press('Home');
    await expect
      .poll(async () => Number(await paths.inputValue()))
      .toBe(Number(await paths.getAttribute('min')));
    await expect.poll(() => arrows.count()).toBe(Number(await paths.inputValue()));
    await page.keyboard.press('End');
    await expect.poll(() => arrows.count()).toBe(Number(await paths.getAttribute('max')));
    expect(Number(await paths.getAttribute('max'))).toBeGreaterThan(Number(await paths.getAttribute('min')));
    await expectNoAxeViolations(page);
  }, 120_000);

  it('given the map, when time is chosen, a node focused and the key read, then the arrows say days, the node its full name, the key what is drawn', async () => {
    const labels = page.locator('.datasets-map__edge text');
    expect(await labels.allTextContents()).toContain('3'); // Report noise starts 3 cases
    await page.getByLabel('Median time between').check();
    await expect
      .poll(async () => (await labels.allTextContents()).some((l) => /^\d+(\.\d)? days$/.test(l)))
      .toBe(true);
    // the long name is wrapped over lines in its box, not cut off, and read in full on focus
    const long = page.locator(`g[data-activity="${LONG}"]`);
    expect((await long.locator('text').allTextContents()).slice(0, -1).join(' ')).toBe(LONG);
    await long.focus();
    await expect
      .poll(() => page.getByTestId('map-details').textContent())
      .toContain(`${LONG}: happened 3 times`);
    expect(await long.getAttribute('aria-label')).toContain(LONG);
    const key = page.getByRole('group', { name: 'Key' });
    expect(await key.textContent()).toContain('Thicker arrows: paths taken more often.');
    expect(await key.textContent()).toContain(
      'Number on an arrow: the median time between the two activities.',
    );
    // zoomed in, the map is a region to scroll with the keys or drag; fit to width brings it back
    await page.getByRole('button', { name: 'Zoom in' }).click();
    const zoomed = page.getByRole('region', { name: /^Process map, zoomed/ });
    await zoomed.waitFor();
    expect(await page.getByText('Zoom 125%: drag the map or scroll to move around it').count()).toBe(1);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Fit to width' }).click();
    await expect.poll(() => zoomed.count()).toBe(0);
    // the same in words for screen readers
    await page.getByText(/^The map as a table/).click();
    const row = page
      .getByRole('table', { name: 'Activities shown on the map' })
      .getByRole('row', { name: new RegExp(`^${LONG} 3$`) });
    expect(await row.count()).toBe(1);
    await expectNoAxeViolations(page);
  }, 60_000);

  it('given the log attached to the current journey, when Compare opens, then elapsed time is the log’s 134 days and the desired journey is named once', async () => {
    await page.getByLabel('Journey', { exact: true }).selectOption('noise-current');
    await page.getByRole('button', { name: 'Map activities to steps' }).click();
    for (const [activity, step] of Object.entries(stepOf))
      await page.getByRole('combobox', { name: activity, exact: true }).selectOption(step);
    await page.getByRole('button', { name: 'Attach and write the figures' }).click();
    await page.getByText(/^Attached: the figures are on 3 steps/).waitFor();
    const measured = page.getByRole('table', { name: 'Measured figures on the journey’s steps' });
    await measured.waitFor();
    // the time spent reaching each step, per journey, in days: the three steps add up to the 134 days
    const elapsedOf = (step: number) =>
      measured
        .getByRole('row', { name: new RegExp(`^Step ${step} `) })
        .getByRole('cell')
        .nth(1)
        .textContent();
    expect([await elapsedOf(1), await elapsedOf(2), await elapsedOf(3)]).toEqual([
      '7 days',
      '33 days',
      '94 days',
    ]);
    await expectNoAxeViolations(page);

    await page.goto(`${server.url}/w/demo/j/noise-desired/improve/compare`);
    const elapsed = page.getByTestId('compare-totals').locator('tr[data-figure="elapsedDays"] td');
    await elapsed.first().waitFor();
    await expect.poll(() => elapsed.first().textContent()).toBe('134 days');
    expect(Number(await elapsed.first().getAttribute('data-value'))).toBeCloseTo(134, 1);
    const desiredNames = await page.locator('#compare-desired option').allTextContents();
    expect(desiredNames).toContain('Noise (desired)');
    expect(desiredNames.join(' ')).not.toContain('(desired) (desired)');
    expect(await page.locator('#compare-desired').inputValue()).toBe('noise-desired');
    await expectNoAxeViolations(page);
  }, 60_000);
});
