import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJourney, expectNoAxeViolations, startSignedIn, type SignedInSession } from './harness';

/**
 * Issue 14 item 5 in the browser: an officer saves a map as a template (its quote's source taken out, and told
 * so), downloads the template pack, imports it into another workspace and starts a map from it; a broken pack is
 * refused naming the field; a map copied into another workspace says where it came from; and a map starts from
 * the anti-social behaviour starter. axe finds nothing on the templates page.
 */
describe('templates and sharing across organisations', () => {
  let session: SignedInSession;
  let other = '';
  let csrf = '';
  beforeAll(async () => {
    session = await startSignedIn('templates');
    const { page, server } = session;
    csrf = ((await (await page.request.get(`${server.url}/api/auth/me`)).json()) as { csrfToken: string })
      .csrfToken;
    const made = await page.request.post(`${server.url}/api/workspaces`, {
      headers: { 'x-csrf-token': csrf },
      data: { name: 'Neighbouring council' },
    });
    expect(made.status(), await made.text()).toBe(201);
    other = ((await made.json()) as { id: string }).id;
    await createJourney(session, { template: 'blank-current', id: 'potholes', title: 'Report a pothole' });
    // A quote with the name of who said it: personal data a template must not carry.
    const quote = await page.request.post(`${server.url}/api/workspaces/demo/journeys/potholes/commands`, {
      headers: { 'x-csrf-token': csrf },
      data: {
        baseVersion: 1,
        commands: [
          {
            type: 'card.add',
            item: {
              id: 'q1',
              kind: 'feeling',
              laneId: 'feelings',
              columnId: 'need',
              text: 'Nobody rang me back',
              quote: true,
              source: 'Mrs Jones of Station Road',
            },
          },
        ],
      },
    });
    expect(quote.status(), await quote.text()).toBe(200);
    await createJourney(session, { template: 'blank-current', id: 'bin-rounds', title: 'Bin rounds' });
    const persona = await page.request.post(
      `${server.url}/api/workspaces/demo/journeys/bin-rounds/commands`,
      {
        headers: { 'x-csrf-token': csrf },
        data: {
          baseVersion: 1,
          commands: [{ type: 'persona.add', item: { id: 'carer', name: 'Unpaid carer' } }],
        },
      },
    );
    expect(persona.status(), await persona.text()).toBe(200);
  }, 240_000);
  afterAll(() => session?.stop());

  it('given a map with a quote, when the officer saves it as a template, exports the pack and imports it into another workspace, then a map starts from it there', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}/w/demo`);
    await page.getByRole('link', { name: 'Templates', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Templates' }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByLabel('Map', { exact: true }).selectOption({ label: 'Report a pothole' });
    await page.getByLabel('Template name').fill('Pothole reports');
    await page.getByRole('button', { name: 'Save as template' }).click();
    await page.getByText('Saved Pothole reports as a template.').waitFor();
    await page.getByText('1 quote’s source').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Pothole reports' }).waitFor();
    await expectNoAxeViolations(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the template pack' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^waymark-templates-Demo-\d{4}-\d\d-\d\d\.json$/);
    const file = (await download.path())!;
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'waymark-template-pack', formatVersion: 1 });
    expect(text).toContain('Nobody rang me back');
    expect(text).not.toContain('Mrs Jones');

    // The other council: a broken file is refused naming the field, then the real pack imports.
    await page.goto(`${server.url}/w/${other}/templates`);
    await page.getByRole('heading', { level: 1, name: 'Templates' }).waitFor();
    const broken = {
      format: 'waymark-template-pack',
      formatVersion: 1,
      templates: [{ name: 'Bad', kind: 'persona', persona: { id: 'p' } }],
    };
    await page.getByLabel('Template pack file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    await page.getByRole('button', { name: 'Import templates' }).click();
    await page.getByRole('heading', { name: 'Problems in the file' }).waitFor();
    await page.getByText('templates[0].persona.name:').waitFor();
    await expectNoAxeViolations(page);

    await page.getByLabel('Template pack file').setInputFiles(file);
    await page.getByRole('button', { name: 'Import templates' }).click();
    await page.getByText('Imported 1 template.').waitFor();
    await page.getByRole('button', { name: 'Start a map from Pothole reports' }).click();
    await page.getByLabel('Title of the new map').fill('Our pothole reports');
    await page.getByRole('button', { name: 'Start the map' }).click();
    await page.getByRole('heading', { level: 1, name: 'Our pothole reports' }).waitFor();
    expect(page.url()).toContain(`/w/${other}/j/our-pothole-reports-`);
    await page.getByText('Nobody rang me back').first().waitFor();
  }, 180_000);

  it('given a map with a persona, when the officer saves the persona as a template and adds it to another map, then that map has it', async () => {
    const { page, server } = session;
    // From the map itself: "Save as template" opens the templates page with this map chosen.
    await page.goto(`${server.url}/w/demo/j/bin-rounds`);
    await page.getByRole('link', { name: 'Save as template' }).click();
    await page.getByRole('heading', { level: 1, name: 'Templates' }).waitFor();
    await page.getByLabel('Template name').waitFor();
    expect(await page.getByLabel('Map', { exact: true }).inputValue()).toBe('bin-rounds');
    await page.getByLabel('One of its personas').check();
    await page.getByLabel('Persona to keep').selectOption({ label: 'Unpaid carer' });
    await page.getByLabel('Template name').fill('Carer persona');
    await page.getByRole('button', { name: 'Save as template' }).click();
    await page.getByText('Saved Carer persona as a template.').waitFor();
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 3, name: 'Carer persona' }) });
    await card.getByLabel('Map to add it to').selectOption({ label: 'Report a pothole' });
    await card.getByRole('button', { name: 'Add Carer persona to the map' }).click();
    await page.getByText('Added Carer persona to Report a pothole.').waitFor();
    const map = await page.request.get(`${server.url}/api/workspaces/demo/journeys/potholes`);
    const journey = ((await map.json()) as { journey: { personas: { name: string }[] } }).journey;
    expect(journey.personas.map((p) => p.name)).toEqual(['Unpaid carer']);
    await expectNoAxeViolations(page);
  }, 120_000);

  it('given a map, when the officer copies it into another workspace, then the copy says where it came from', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}/w/demo/templates`);
    await page.getByLabel('Map to copy').selectOption({ label: 'Report a pothole' });
    await page.getByLabel('Workspace to copy it to').selectOption({ label: 'Neighbouring council' });
    await page.getByRole('button', { name: 'Copy the map' }).click();
    await page.getByText('Copied Report a pothole to Neighbouring council.').waitFor();
    await page.getByRole('link', { name: 'Open the copy' }).click();
    await page.getByRole('heading', { level: 1, name: 'Report a pothole' }).waitFor();
    expect(page.url()).toContain(`/w/${other}/j/potholes`);
    const note = page.locator('.provenance-note');
    await note.waitFor();
    expect(await note.textContent()).toMatch(
      /^Copied from “Report a pothole” \(version 3\) in Demo, by .+ on .+\.$/,
    );
    await expectNoAxeViolations(page);
  }, 120_000);

  it('given the starter templates, when the officer starts a map from anti-social behaviour, then the map has its steps', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}/w/demo/templates`);
    const starter = page.getByRole('listitem').filter({
      has: page.getByRole('heading', { level: 3, name: 'Anti-social behaviour: reporting and resolution' }),
    });
    await starter.getByText('Preview').click();
    await starter.getByText('Case closed or reviewed').waitFor();
    await starter.getByText('Where this comes from').click();
    await starter.getByText(/www\.gov\.uk\/report-antisocial-behaviour/).waitFor();
    await page
      .getByRole('button', { name: 'Start a map from Anti-social behaviour: reporting and resolution' })
      .click();
    await page.getByLabel('Title of the new map').fill('ASB in Eastfield');
    await page.getByRole('button', { name: 'Start the map' }).click();
    await page.getByRole('heading', { level: 1, name: 'ASB in Eastfield' }).waitFor();
    await page.getByText('Risk assessed').first().waitFor();
    await page.getByText('Passed between agencies, each asking for the story again').first().waitFor();
  }, 120_000);
  it('given a person whose language is Welsh, then the starters are offered in Welsh: names and steps', async () => {
    const { page, server } = session;
    const set = (locale: string) =>
      page.request.patch(`${server.url}/api/auth/me`, {
        headers: { 'x-csrf-token': csrf },
        data: { locale },
      });
    expect((await set('cy')).status()).toBe(200);
    try {
      await page.goto(`${server.url}/w/demo/templates`);
      const starter = page.getByRole('listitem').filter({
        has: page.getByRole('heading', {
          level: 3,
          name: 'Ymddygiad gwrthgymdeithasol: rhoi gwybod a datrys',
        }),
      });
      await starter.locator('details summary').first().click();
      await starter.getByText('Cau neu adolygu’r achos').waitFor();
      expect(
        await page.getByRole('heading', { level: 3, name: 'Council tax: moving in and paying' }).count(),
      ).toBe(0);
    } finally {
      await set('en');
    }
  }, 60_000);
});
