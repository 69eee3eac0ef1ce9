import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { changeOfAddressScenario, contactLogCsv, writeGzipBomb } from '@waymark/analytics';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../../../server/test/server-process';
import { expectNoAxeViolations, type SignedInSession, startSignedIn } from './harness';

/**
 * Issue 5 in the web app, as an analyst would: the demo's contact log is there at first start; upload a
 * generated change-of-address log with a progress bar, map its columns, see the process map and figures,
 * filter by channel, attach it to the change-of-address journey and see the measured figures on its steps,
 * with axe (WCAG 2.2 AA rules) on every dataset page.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('Datasets, end to end in Chromium', () => {
  let session: SignedInSession;
  let server: ServerProcess;
  let page: Page;
  let dataDir: string;
  let logFile: string;
  let datasetUrl = '';
  const api = async (path: string): Promise<Json> =>
    (await (await page.request.get(`${server.url}${path}`)).json()) as Json;

  beforeAll(async () => {
    // Given: the built web app, a fresh server with the demo workspace, Chromium, and a generated log file.
    // the ratio check is off on this server, so a highly compressible log can keep an import busy
    session = await startSignedIn('datasets', { width: 1280, height: 800 }, { WAYMARK_EXPANSION_RATIO: '0' });
    ({ server, page, dataDir } = session);
    logFile = join(dataDir, 'moves-2025.csv');
    writeFileSync(
      logFile,
      contactLogCsv({
        events: 30_000,
        seed: 77,
        scenario: changeOfAddressScenario,
        openCases: 200,
        meanEventsPerCase: 6,
      }),
    );
  }, 240_000);
  afterAll(() => session?.stop());

  it('given a first start, when the event logs page opens from the workspace home, then the demo log is listed, attached to its journey', async () => {
    await page.goto(`${server.url}/w/demo`);
    await page.getByRole('link', { name: 'Event logs' }).click();
    await page.getByRole('heading', { name: 'Event logs', level: 1 }).waitFor();
    const row = page.getByRole('row', { name: /Change of address contacts \(generated demo\)/ });
    await row.waitFor();
    expect(await row.getByRole('link', { name: 'multi-service-change-of-address' }).count()).toBe(1);
    await expectNoAxeViolations(page);
  }, 60_000);

  it('given a log file, when uploaded on a slow link, then a progress bar counts up and the mapping step previews the file', async () => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 256 * 1024,
    });
    await page.locator('#log-file').setInputFiles(logFile);
    await page.getByRole('button', { name: 'Upload and preview' }).click();
    const bar = page.locator('progress#upload-progress');
    await bar.waitFor();
    await page.getByText(/% sent \(/).waitFor();
    const seen = Number(await bar.getAttribute('value'));
    expect(seen).toBeGreaterThanOrEqual(0);
    expect(seen).toBeLessThan(100);
    await page
      .getByRole('heading', { name: 'Map the columns of moves-2025.csv' })
      .waitFor({ timeout: 60_000 });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    // the suggested mapping, from the header
    expect(await page.getByLabel('Case reference').inputValue()).toBe('case_id');
    expect(await page.getByLabel('Organisation or team (optional)').inputValue()).toBe('team');
    expect(await page.getByRole('region', { name: 'First rows of the file' }).getByRole('row').count()).toBe(
      11,
    );
    await expectNoAxeViolations(page);
  }, 120_000);

  it('given the mapping, when imported, then the key figures, the process map and its table show the analysis', async () => {
    await page.getByLabel('Name of the dataset').fill('Moves 2025');
    await page.getByLabel('Outcome (optional)').selectOption('');
    await page.getByRole('button', { name: 'Import and analyse' }).click();
    await page.getByRole('heading', { name: 'Moves 2025', level: 1 }).waitFor({ timeout: 60_000 });
    datasetUrl = page.url();
    const id = decodeURIComponent(datasetUrl.split('/').pop() as string);
    const d = await api(`/api/workspaces/demo/datasets/${id}`);
    expect(d['events']).toBe(30_000);
    expect(d['mapping']).not.toHaveProperty('outcome');
    const figures = page.locator('.datasets-figures');
    expect(
      await figures.getByText(d['cases'].toLocaleString('en-GB'), { exact: true }).count(),
    ).toBeGreaterThan(0);
    const map = page.getByRole('group', { name: 'Process map' });
    await map.waitFor();
    // each activity is a focusable box named in full
    expect(
      await map.getByRole('img', { name: /^Report change of address: happened [\d,]+ times/ }).count(),
    ).toBe(1);
    const busiest = (d['result'].dfg.edges as Json[]).reduce((a, b) => (b['count'] > a['count'] ? b : a));
    await page.getByText(/The map as a table/).click();
    const row = page.getByRole('row', {
      name: new RegExp(`^${busiest['from']} ${busiest['to']} ${busiest['count'].toLocaleString('en-GB')} `),
    });
    expect(await row.count()).toBe(1);
    await expectNoAxeViolations(page);
  }, 120_000);

  it('given the dataset page, when filtered by first channel, then the figures are those of the cases that began on the web', async () => {
    const id = decodeURIComponent(datasetUrl.split('/').pop() as string);
    const web = await api(`/api/workspaces/demo/datasets/${id}?channel=Web`);
    const all = await api(`/api/workspaces/demo/datasets/${id}`);
    expect(web['result'].log.cases).toBeLessThan(all['result'].log.cases);
    // the whole log's segments: the web row counts the same cases the filter keeps
    await page.getByLabel('Show the figures').selectOption('channel');
    const segment = page.getByRole('row', {
      name: new RegExp(`^Web ${web['result'].log.cases.toLocaleString('en-GB')} `),
    });
    expect(await segment.count()).toBe(1);
    await page.getByLabel('First channel').selectOption('Web');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page
      .getByText(
        `Showing ${web['result'].log.cases.toLocaleString('en-GB')} of ${all['cases'].toLocaleString('en-GB')} cases (filtered).`,
      )
      .waitFor();
    await expectNoAxeViolations(page);
  }, 60_000);

  it('given the change-of-address journey, when the activities are mapped to its steps and attached, then its steps carry the measured figures', async () => {
    const id = decodeURIComponent(datasetUrl.split('/').pop() as string);
    await page.getByLabel('Journey', { exact: true }).selectOption('multi-service-change-of-address');
    await page.getByRole('button', { name: 'Map activities to steps' }).click();
    const select = page.getByRole('combobox', { name: 'Update council tax account' });
    await select.waitFor();
    expect(await select.inputValue()).toBe('council-tax-updated');
    await page.getByRole('combobox', { name: 'Report change of address' }).selectOption('reports-move');
    await page.getByRole('button', { name: 'Attach and write the figures' }).click();
    await page.getByText(/^Attached: the figures are on \d+ steps/).waitFor();
    const stored = await api('/api/workspaces/demo/journeys/multi-service-change-of-address');
    const cards = (stored['journey'].cards as Json[]).filter((c) => c['sourceId'] === `ds-${id}`);
    const reports = cards.find((c) => c['columnId'] === 'reports-move' && c['metric'] === 'contacts');
    expect(reports).toMatchObject({ kind: 'metric', origin: 'log', value: 1 });
    const table = page.getByRole('table', { name: 'Measured figures on the journey’s steps' });
    await table.waitFor();
    const tax = cards.find((c) => c['columnId'] === 'council-tax-updated' && c['metric'] === 'contacts')!;
    const row = table.getByRole('row', { name: /Council tax account moved/ });
    expect(await row.getByRole('cell').first().textContent()).toBe(
      tax['value'].toLocaleString('en-GB', { maximumFractionDigits: 2 }),
    );
    // the poster of the journey shows the new lane
    const svg = await (
      await page.request.get(
        `${server.url}/api/workspaces/demo/journeys/multi-service-change-of-address/export?format=svg`,
      )
    ).text();
    expect(svg).toContain('Measured: Moves 2025');
    await expectNoAxeViolations(page);
  }, 60_000);

  it('given a long import, when it is running, then a progress bar says how far it got, and Cancel stops it storing nothing and keeping the upload', async () => {
    // 1.5 GB of rows whose time is not a date (4 MB of gzip): every row is read and rejected, for many seconds
    const slowFile = join(dataDir, 'slow-calls.csv.gz');
    await writeGzipBomb(slowFile, {
      header: 'case,activity,timestamp\n',
      row: 'C-1,Visit,not a date\n',
      expandedBytes: 1536 * 1024 * 1024,
    });
    const before = ((await api('/api/workspaces/demo/datasets')) as Json)['items'].length as number;
    await page.goto(`${server.url}/w/demo/datasets`);
    await page.locator('#log-file').setInputFiles(slowFile);
    await page.getByRole('button', { name: 'Upload and preview' }).click();
    await page
      .getByRole('heading', { name: 'Map the columns of slow-calls.csv.gz' })
      .waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Import and analyse' }).click();
    const bar = page.locator('progress#import-progress');
    await bar.waitFor();
    await page.getByText(/^Reading the file: \d+% \([\d.]+ MB of [\d.]+ MB\)$/).waitFor({ timeout: 60_000 });
    expect(await page.getByLabel('Importing slow-calls.csv.gz').count()).toBe(1);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Cancel import' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'The import was cancelled; nothing was stored. The upload is kept for a day' })
      .waitFor();
    // the mapping is there to try again, nothing was stored
    await page.getByRole('button', { name: 'Import and analyse' }).waitFor();
    expect(await bar.count()).toBe(0);
    expect(((await api('/api/workspaces/demo/datasets')) as Json)['items']).toHaveLength(before);
    await expectNoAxeViolations(page);
  }, 180_000);

  it('given a log with a bad row and a column without a name, when imported, then the rejected row and the warning say what is wrong from the catalogue, in Welsh when the person chooses Cymraeg', async () => {
    const badFile = join(dataDir, 'bad-row.csv');
    writeFileSync(
      badFile,
      'case,activity,timestamp,\nC-1,Report,2026-01-05T09:00:00Z,\nC-1,Visit,2026-01-06T09:00:00Z,\nC-2,Report,2026-01-07T09:00:00Z,\nC-2,Visit,32/13/2024,\n',
    );
    await page.goto(`${server.url}/w/demo/datasets`);
    await page.locator('#log-file').setInputFiles(badFile);
    await page.getByRole('button', { name: 'Upload and preview' }).click();
    await page.getByRole('heading', { name: 'Map the columns of bad-row.csv' }).waitFor({ timeout: 60_000 });
    await page.getByLabel('Name of the dataset').fill('One bad row');
    // dates such as 03/04/2025 are read day first, as the mapping step suggests
    await page.getByRole('button', { name: 'Import and analyse' }).click();
    await page.getByRole('heading', { name: 'One bad row', level: 1 }).waitFor({ timeout: 60_000 });
    const cells = (region: string) =>
      page.getByRole('region', { name: region }).locator('tbody tr').first().locator('td').allInnerTexts();
    await page.getByRole('region', { name: 'Rejected rows' }).locator('tbody tr').first().waitFor();
    expect(await cells('Rejected rows')).toEqual([
      '5',
      'timestamp',
      '“32/13/2024” is not a date and time. Use the day first, for example 01/03/2024 09:30.',
    ]);
    // the importer's English (for the CLI and logs) is not what the page says
    expect(await page.getByText('is not a date-time').count()).toBe(0);
    const readWithCare = page.locator('.notice', {
      has: page.getByRole('heading', { name: 'Read with care' }),
    });
    expect(await readWithCare.locator('li').allInnerTexts()).toEqual([
      'Column 4 of the header has no name, so it was not read. Give it a name and import the file again if you need it.',
    ]);
    expect(await page.getByText('so it is not read').count()).toBe(0);
    await page.locator('header select').selectOption('cy');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('cy-GB');
    await expect
      .poll(() => cells('Rhesi a wrthodwyd'))
      .toEqual([
        '5',
        'timestamp',
        'Nid yw “32/13/2024” yn ddyddiad ac amser. Defnyddiwch y diwrnod yn gyntaf, er enghraifft 01/03/2024 09:30.',
      ]);
    expect(
      await page
        .locator('.notice', { has: page.getByRole('heading', { name: 'Darllenwch yn ofalus' }) })
        .locator('li')
        .allInnerTexts(),
    ).toEqual([
      'Nid oes enw gan golofn 4 yn y pennyn, felly ni chafodd ei darllen. Rhowch enw iddi a mewnforiwch y ffeil eto os oes ei hangen arnoch.',
    ]);
    await expectNoAxeViolations(page);
    await page.locator('header select').selectOption('en');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en-GB');
  }, 120_000);

  it('given a slow line, when Upload is pressed by keyboard, then the focus moves to Cancel, then to the mapping step, and a cancel brings it back to Upload', async () => {
    const smallFile = join(dataDir, 'focus-walk.csv');
    writeFileSync(
      smallFile,
      'case,activity,timestamp\nC-1,Report,2026-01-05T09:00:00Z\nC-1,Visit,2026-01-06T09:00:00Z\n',
    );
    const focusedIs = (locator: ReturnType<Page['locator']>) =>
      locator.evaluate((el) => el === document.activeElement).catch(() => false);
    const upload = page.getByRole('button', { name: 'Upload and preview' });
    const cancel = page.getByRole('button', { name: 'Cancel upload' });
    const startUpload = async () => {
      await page.goto(`${server.url}/w/demo/datasets`);
      await page.locator('#log-file').setInputFiles(smallFile);
      await page.locator('#log-file').focus();
      await page.keyboard.press('Tab');
      expect(await focusedIs(upload)).toBe(true);
      await page.keyboard.press('Enter');
      // while the file is on its way: Cancel has the focus (not the page body)
      await cancel.waitFor();
      await expect.poll(() => focusedIs(cancel)).toBe(true);
    };
    // slowLine's route.fetch() would send the request again without its file body (Chromium keeps a file
    // upload's bytes out of interception), so this holds the upload back and lets the browser send it: the
    // first a second, the second until it has been cancelled (held for a set time only, a loaded machine could
    // take longer than that to press Cancel, and the upload would finish first)
    const uploads = '**/api/workspaces/demo/datasets/uploads?*';
    let held = 0;
    let release = (): void => undefined;
    const cancelled = new Promise<void>((resolve) => (release = resolve));
    await page.route(uploads, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      held += 1;
      await (held === 1 ? new Promise((r) => setTimeout(r, 1000)) : cancelled);
      await route.continue().catch(() => undefined); // a cancelled upload is gone by then
    });
    const line = {
      answered: () => held,
      end: () => {
        release();
        return page.unroute(uploads);
      },
    };
    try {
      // finished: the focus is on the mapping step's first control
      await startUpload();
      await page
        .getByRole('heading', { name: 'Map the columns of focus-walk.csv' })
        .waitFor({ timeout: 60_000 });
      expect(line.answered()).toBe(1);
      await expect
        .poll(() => focusedIs(page.getByRole('region', { name: 'First rows of the file' })))
        .toBe(true);
      expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
      // cancelled: Enter on Cancel, and the focus is back on Upload, the cancel said in a status
      await startUpload();
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'The upload was cancelled.' }).waitFor();
      release();
      await upload.waitFor();
      await expect.poll(() => focusedIs(upload)).toBe(true);
      expect(await page.locator('#log-file').isDisabled()).toBe(false);
      await expectNoAxeViolations(page);
    } finally {
      await line.end();
    }
  }, 120_000);

  it('given a slow sign-in check, when Cancel is pressed before the file is sent, then nothing is uploaded and the cancel is said', async () => {
    // The upload first asks for the session's CSRF token: a Cancel pressed then used to be missed (the request
    // was not made yet), and the file was uploaded anyway, as a loaded machine showed
    const file = join(dataDir, 'cancel-early.csv');
    writeFileSync(file, 'case,activity,timestamp\nC-1,Report,2026-01-05T09:00:00Z\n');
    await page.goto(`${server.url}/w/demo/datasets`);
    await page.locator('#log-file').setInputFiles(file);
    const posts: string[] = [];
    const counted = (request: { method(): string; url(): string }) => {
      if (request.method() === 'POST' && request.url().includes('/datasets/uploads'))
        posts.push(request.url());
    };
    page.on('request', counted);
    const me = '**/api/auth/me';
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let asked = 0;
    await page.route(me, async (route) => {
      asked += 1;
      await released;
      await route.continue();
    });
    try {
      await page.getByRole('button', { name: 'Upload and preview' }).click();
      const cancel = page.getByRole('button', { name: 'Cancel upload' });
      await cancel.waitFor();
      await expect.poll(() => asked).toBeGreaterThan(0);
      await cancel.click();
      release();
      await page
        .getByRole('status')
        .filter({ hasText: 'The upload was cancelled.' })
        .waitFor({ timeout: 20_000 });
      await page.getByRole('button', { name: 'Upload and preview' }).waitFor();
      expect(posts).toEqual([]);
      const listed = await api('/api/workspaces/demo/datasets');
      expect(JSON.stringify(listed)).not.toContain('cancel-early.csv');
    } finally {
      release();
      page.off('request', counted);
      await page.unroute(me);
    }
  }, 60_000);
});
