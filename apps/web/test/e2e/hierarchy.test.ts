import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createJourney,
  expectNoAxeViolations,
  slowLine,
  startSignedIn,
  type SignedInSession,
} from './harness';

/**
 * Issue 14 items 1 and 2 in the browser: a person links a step of a whole-problem journey to a child journey in
 * the editor and moves down and up the tree (keyboard and links); creates an opportunity from pain points in
 * two journeys and follows it to the idea, the business case and the indicator. axe finds nothing on the tree,
 * the opportunities list, an opportunity and the editor's panel.
 */
describe('journeys within journeys and opportunities across journeys', () => {
  let session: SignedInSession;
  beforeAll(async () => {
    session = await startSignedIn('hierarchy');
  }, 240_000);
  afterAll(() => session?.stop());

  const openEditor = async (page: Page, id: string, title: string) => {
    await page.goto(`${session.server.url}/w/demo/j/${id}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  };
  const openPanel = async (page: Page) => {
    await page.getByRole('button', { name: 'Linked journeys', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Linked journeys and opportunities' }).waitFor();
  };
  /** The ASB victims' current journey with its Linked journeys panel open, the waiting card chosen for a new opportunity. */
  const waitingCardForNewOpportunity = async (page: Page) => {
    await openEditor(
      page,
      'melton-asb-victim-current',
      'Victims of anti-social behaviour: "My Life Is Far From Quiet..." (current journey)',
    );
    await openPanel(page);
    const panel = page.locator('.side-panel');
    await panel.getByLabel('Card (pain point, moment of truth, quote or measure)').selectOption({
      label: 'Awaits response by authorities: Scared of retribution while waiting for a response',
    });
    await panel.getByLabel('Opportunity', { exact: true }).selectOption({ label: 'A new opportunity' });
    return panel;
  };
  const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

  it('given a new whole-problem journey, when a step is linked to a child journey, then the tree shows it and the person moves down and up', async () => {
    const { page, server } = session;
    await createJourney(session, { template: 'blank-current', id: 'bereavement', title: 'A bereavement' });
    await openEditor(page, 'bereavement', 'A bereavement');
    await openPanel(page);
    const panel = page.locator('.side-panel');
    await panel.getByText('This journey is not beneath another journey.').waitFor();
    const firstStep = await panel
      .getByLabel('Step of this map', { exact: true })
      .locator('option')
      .first()
      .textContent();
    await panel
      .getByLabel('Journey the step opens')
      .selectOption({ label: 'Victims of anti-social behaviour: desired journey' });
    await panel.getByRole('button', { name: 'Link step to journey' }).click();
    await panel.getByText('The step now opens that journey.').waitFor();
    await panel.getByRole('link', { name: 'Victims of anti-social behaviour: desired journey' }).waitFor();
    await expectNoAxeViolations(page);

    // A step opens one journey, and a journey sits beneath one step: both are refused in words.
    await panel
      .getByLabel('Journey the step opens')
      .selectOption({ label: 'Living in the borough: whole problems that cross our services' });
    await panel.getByRole('button', { name: 'Link step to journey' }).click();
    await panel
      .getByText('That step already opens another journey. Take that journey off the step first.')
      .waitFor();
    await panel.getByLabel('Step of this map', { exact: true }).selectOption({ label: 'Makes contact' });
    await panel.getByLabel('Journey the step opens').selectOption({
      label: 'Victims of anti-social behaviour: "My Life Is Far From Quiet..." (current journey)',
    });
    await panel.getByRole('button', { name: 'Link step to journey' }).click();
    await panel
      .getByText('That journey already opens from a step of another journey.', { exact: false })
      .waitFor();

    // The tree: one tab stop, arrow keys move, Enter opens.
    await panel.getByRole('link', { name: 'See all journeys as a tree' }).click();
    await page.getByRole('heading', { level: 1, name: 'Journeys within journeys' }).waitFor();
    const tree = page.getByRole('tree', { name: 'Journeys within journeys' });
    const parent = tree.getByRole('treeitem', { name: /^A bereavement/ });
    expect(await parent.getAttribute('aria-expanded')).toBe('true');
    const child = tree.getByRole('treeitem', { name: /^Victims of anti-social behaviour: desired journey/ });
    expect(await child.getAttribute('aria-level')).toBe('2');
    expect(await child.textContent()).toContain(`from the step “${firstStep}”`);
    expect(await tree.locator('[role=treeitem][tabindex="0"]').count()).toBe(1);
    await expectNoAxeViolations(page);
    await parent.focus();
    await page.keyboard.press('ArrowLeft');
    expect(await parent.getAttribute('aria-expanded')).toBe('false');
    expect(await child.count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await focusedText(page)).toMatch(/^Victims of anti-social behaviour: desired journey/);
    await page.keyboard.press('ArrowLeft');
    expect(await focusedText(page)).toMatch(/^A bereavement/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/w/demo/j/melton-asb-victim-desired`);
    await page
      .getByRole('heading', { level: 1, name: 'Victims of anti-social behaviour: desired journey' })
      .waitFor();

    // Down in the child, the panel names the journey above; its link goes back up.
    await openPanel(page);
    await page
      .locator('.side-panel')
      .getByText(`This journey opens from the step “${firstStep}” of`)
      .waitFor();
    await page.locator('.side-panel').getByRole('link', { name: 'A bereavement' }).click();
    await page.getByRole('heading', { level: 1, name: 'A bereavement' }).waitFor();
  }, 180_000);

  it('given pain points in two journeys, when an opportunity gathers them, then it leads on to the idea, business case and indicator', async () => {
    const { page, server } = session;
    let panel = await waitingCardForNewOpportunity(page);
    await panel.getByLabel('Title').fill('People wait without word from us');
    await panel.getByRole('button', { name: 'Add card to opportunity' }).click();
    await panel.getByText('The opportunity was made with this card as its evidence.').waitFor();
    await panel.getByRole('link', { name: 'People wait without word from us' }).waitFor();

    await openEditor(
      page,
      'multi-service-change-of-address',
      'Moving home: one change of address across housing, council tax and benefits',
    );
    await openPanel(page);
    panel = page.locator('.side-panel');
    await panel.getByLabel('Card (pain point, moment of truth, quote or measure)').selectOption({
      label: 'Entitlement verified with DWP: A week waiting for the DWP with no update',
    });
    await panel
      .getByLabel('Opportunity', { exact: true })
      .selectOption({ label: 'People wait without word from us' });
    await panel.getByRole('button', { name: 'Add card to opportunity' }).click();
    await panel.getByText('The card was added to the opportunity.').waitFor();
    // The link is seen from the journey's side too.
    await panel.getByRole('link', { name: 'People wait without word from us' }).click();

    await page.getByRole('heading', { level: 1, name: 'People wait without word from us' }).waitFor();
    const evidence = page.getByRole('region', { name: 'Evidence from journeys' });
    await evidence
      .getByRole('link', { name: 'Scared of retribution while waiting for a response' })
      .waitFor();
    await evidence.getByRole('link', { name: 'A week waiting for the DWP with no update' }).waitFor();
    await evidence
      .getByText(/in Moving home: one change of address .*, at the step “Entitlement verified with DWP”/)
      .waitFor();
    await expectNoAxeViolations(page);

    // It leads to the desired journey's idea, its business case and its indicator.
    const add = page.getByRole('form', { name: 'Add evidence or what it leads to' });
    const addLink = async (kind: string, target: string) => {
      await add
        .getByLabel('Journey', { exact: true })
        .selectOption({ label: 'Victims of anti-social behaviour: desired journey' });
      await add.getByLabel('What to link').selectOption({ label: kind });
      await add.getByLabel('Which one').selectOption({ label: target });
      await add.getByRole('button', { name: 'Add link' }).click();
      await page
        .getByRole('region', { name: 'What it leads to' })
        .getByRole('link', { name: target })
        .waitFor();
    };
    await addLink(
      'Idea',
      'Keep the victim informed at all stages, advise on available support, show empathy',
    );
    await addLink('Business case', 'Keep victims informed at every stage');
    await addLink('Indicator', 'Avoidable contact (NI14)');
    const change = page.getByRole('form', { name: 'Change status, priority or owner' });
    await change.getByLabel('Status').selectOption({ label: 'In progress' });
    await change.getByLabel('Owner').selectOption({ label: 'Administrator' });
    await change.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Your changes were saved.').waitFor();
    await expectNoAxeViolations(page);

    const leadsTo = page.getByRole('region', { name: 'What it leads to' });
    await leadsTo.getByRole('link', { name: /^Keep the victim informed at all stages/ }).click();
    await page.waitForURL(`${server.url}/w/demo/j/melton-asb-victim-desired/improve/ideas`);
    await page.getByRole('heading', { level: 1, name: 'Improvement ideas' }).waitFor();
    await page.goBack();
    await leadsTo.getByRole('link', { name: 'Keep victims informed at every stage' }).click();
    await page.getByRole('heading', { level: 1, name: 'Business case' }).waitFor();
    await page.goBack();
    await leadsTo.getByRole('link', { name: 'Avoidable contact (NI14)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Indicators' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Avoidable contact (NI14)' }).waitFor();

    // The list: high priority first; the demo's opportunity is there with its evidence from two journeys.
    await page.goto(`${server.url}/w/demo/opportunities`);
    await page.getByRole('heading', { level: 1, name: 'Opportunities' }).waitFor();
    const rows = page.getByRole('row');
    await rows.filter({ hasText: 'People wait without word from us' }).getByText('In progress').waitFor();
    await rows
      .filter({ hasText: 'People are left without news and have to chase us' })
      .getByText('4 pieces from 2 journeys')
      .waitFor();
    await expectNoAxeViolations(page);
  }, 180_000);

  it('given the demo workspace, when a manager goes from the portfolio to the worst journey’s step, then its opportunity leads to the idea, business case and indicator', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}/w/demo/portfolio`);
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    const sort = page.getByRole('button', { name: 'Sort by Lowest emotion' });
    const header = page.getByRole('columnheader', { name: /Lowest emotion/ });
    for (let i = 0; i < 2 && (await header.getAttribute('aria-sort')) !== 'ascending'; i++)
      await sort.click();
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const worst = page.locator('table tbody tr').first();
    await worst.getByRole('link', { name: /^-95 at / }).click();
    await page.waitForURL(/\/w\/demo\/j\/melton-asb-victim-current\?step=/);
    await page
      .getByRole('heading', {
        level: 1,
        name: 'Victims of anti-social behaviour: "My Life Is Far From Quiet..." (current journey)',
      })
      .waitFor();
    // The card itself says which opportunity it is evidence for.
    await page.locator('[data-card="pp-not-informed"]').click();
    await page.getByRole('heading', { name: 'Card details' }).waitFor();
    const cardSide = page.getByRole('region', { name: 'Opportunities this card is evidence for' });
    await cardSide.getByRole('link', { name: 'People are left without news and have to chase us' }).waitFor();
    await expectNoAxeViolations(page);
    await openPanel(page);
    const panel = page.locator('.side-panel');
    await panel.getByText('This journey opens from the step “Trouble with a neighbour” of').waitFor();
    await panel.getByRole('link', { name: 'People are left without news and have to chase us' }).click();

    await page
      .getByRole('heading', { level: 1, name: 'People are left without news and have to chase us' })
      .waitFor();
    const evidence = page.getByRole('region', { name: 'Evidence from journeys' });
    await evidence.getByRole('link', { name: /^Not kept informed during the investigation/ }).waitFor();
    // The customers' words behind it: the quotes in that step.
    await evidence
      .locator('blockquote', { hasText: 'How hard is it to keep me informed?' })
      .first()
      .waitFor();
    const leadsTo = page.getByRole('region', { name: 'What it leads to' });
    await leadsTo.getByRole('link', { name: /^Keep the victim informed at all stages/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Improvement ideas' }).waitFor();
    await page.goBack();
    await leadsTo.getByRole('link', { name: 'Keep victims informed at every stage' }).click();
    await page.getByRole('heading', { level: 1, name: 'Business case' }).waitFor();
    await page.goBack();
    await leadsTo.getByRole('link', { name: 'Avoidable contact (NI14)' }).click();
    await page.getByRole('heading', { level: 2, name: 'Avoidable contact (NI14)' }).waitFor();
  }, 180_000);
  it('when a person follows an opportunity’s evidence to its journey, then the map opens at that step with the focus and a mark on it, and its history lists the link', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}/w/demo/opportunities`);
    await page.getByRole('link', { name: 'People are left without news and have to chase us' }).click();
    const evidence = page.getByRole('region', { name: 'Evidence from journeys' });
    await evidence.getByRole('link', { name: /^Not kept informed during the investigation/ }).click();
    await page.waitForURL(/\/w\/demo\/j\/melton-asb-victim-current\?step=/);
    const step = new URL(page.url()).searchParams.get('step');
    await page.waitForFunction((s) => document.activeElement?.getAttribute('data-column-id') === s, step);
    const marked = page.locator('[data-step-target]');
    expect(await marked.getAttribute('data-column-id')).toBe(step);
    expect(await marked.evaluate((el) => getComputedStyle(el).boxShadow)).toContain('255, 221, 0');
    // The map's history lists the links made to it, who made them and when (links make no map version).
    await page.getByRole('button', { name: 'History', exact: true }).click();
    const history = page.getByRole('complementary', { name: 'History' });
    await history.getByRole('heading', { name: 'Links to other journeys and opportunities' }).waitFor();
    await history
      .getByText(
        /added “Not kept informed during the investigation.*” to the opportunity “People are left without news/,
      )
      .first()
      .waitFor();
    await expectNoAxeViolations(page);
  }, 60_000);

  /** A new opportunity of the demo workspace, made through the API; its id, the page's address and an API to it. */
  const newOpportunity = async (title: string) => {
    const { page, server } = session;
    const me = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as { csrfToken: string };
    const made = await page.request.post(`${server.url}/api/workspaces/demo/opportunities`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { title },
    });
    expect(made.status(), await made.text()).toBe(201);
    const { id, version } = (await made.json()) as { id: string; version: number };
    const api = `${server.url}/api/workspaces/demo/opportunities/${id}`;
    const stored = async () =>
      (await (await page.request.get(api)).json()) as {
        status: string;
        priority: string;
        owner: { name: string } | null;
        version: number;
        links: { target: string }[];
      };
    return { id, version, api, csrf: me.csrfToken, url: `${server.url}/w/demo/opportunities/${id}`, stored };
  };
  const summary = (page: Page) =>
    page.locator('.opportunity-summary dd').evaluateAll((dds) => dds.map((dd) => dd.textContent));

  it('given saves that are slow to answer, when Save is double-clicked and the form changed and saved again, then all are stored and nothing says someone else saved', async () => {
    const { page } = session;
    const o = await newOpportunity('Letters arrive after the visit');
    const line = await slowLine(page, `**/api/workspaces/demo/opportunities/${o.id}`, 'PATCH');
    const links = await slowLine(page, `**/api/workspaces/demo/opportunities/${o.id}/links`, 'POST');
    try {
      await page.goto(o.url);
      const change = page.getByRole('form', { name: 'Change status, priority or owner' });
      await change.getByLabel('Status').selectOption({ label: 'In progress' });
      await change.getByRole('button', { name: 'Save changes' }).dblclick();
      await change.getByLabel('Priority').selectOption({ label: 'High' });
      await change.getByRole('button', { name: 'Save changes' }).click();
      // A link added and the owner saved before the link's answer is back: the link made a version too.
      const add = page.getByRole('form', { name: 'Add evidence or what it leads to' });
      await add
        .getByLabel('Journey', { exact: true })
        .selectOption({ label: 'Victims of anti-social behaviour: desired journey' });
      await add.getByLabel('What to link').selectOption({ label: 'Idea' });
      await add.getByLabel('Which one').selectOption({
        label: 'Keep the victim informed at all stages, advise on available support, show empathy',
      });
      await add.getByRole('button', { name: 'Add link' }).click();
      await change.getByLabel('Owner').selectOption({ label: 'Administrator' });
      await change.getByRole('button', { name: 'Save changes' }).click();
      await expect
        .poll(
          async () => {
            const s = await o.stored();
            return [s.status, s.priority, s.owner?.name, s.links.length, s.version];
          },
          { timeout: 20_000 },
        )
        .toEqual(['in-progress', 'high', 'Administrator', 1, o.version + 5]);
      await expect.poll(() => line.answered(), { timeout: 15_000 }).toBe(4);
      await page.getByText('Your changes were saved.').waitFor();
      expect(links.answered()).toBe(1);
      expect(await page.getByText(/Someone else changed this/).count()).toBe(0);
      expect(await summary(page)).toEqual(['In progress', 'High', 'Administrator']);
      expect(await change.getByLabel('Status').inputValue()).toBe('in-progress');
      expect(await change.getByLabel('Priority').inputValue()).toBe('high');
      await page
        .getByRole('region', { name: 'What it leads to' })
        .getByRole('link', { name: /^Keep the victim informed at all stages/ })
        .waitFor();
    } finally {
      await line.end();
      await links.end();
    }
  }, 60_000);

  it('given someone else saved the opportunity meanwhile, when Save is double-clicked, then the first is refused, the second not sent, and the page shows their version and says so', async () => {
    const { page } = session;
    const o = await newOpportunity('Nobody says who has the case');
    await page.goto(o.url);
    const change = page.getByRole('form', { name: 'Change status, priority or owner' });
    await change.getByLabel('Priority').selectOption({ label: 'High' });
    const theirs = await page.request.patch(o.api, {
      headers: { 'x-csrf-token': o.csrf },
      data: { baseVersion: o.version, status: 'parked' },
    });
    expect(theirs.status(), await theirs.text()).toBe(200);
    const line = await slowLine(page, `**/api/workspaces/demo/opportunities/${o.id}`, 'PATCH');
    try {
      await change.getByRole('button', { name: 'Save changes' }).dblclick();
      await page.getByText(/Someone else changed this while you were working on it/).waitFor();
      // the second save, queued behind the refused one, would go at once: give it time to show if it does
      await new Promise((r) => setTimeout(r, 1500));
      expect(line.answered()).toBe(1);
      const stored = await o.stored();
      expect([stored.status, stored.priority, stored.version]).toEqual(['parked', 'medium', o.version + 1]);
      await expect.poll(() => summary(page)).toEqual(['Parked', 'Medium', 'No owner yet']);
      expect(await change.getByLabel('Status').inputValue()).toBe('parked');
      expect(await page.getByText('Your changes were saved.').count()).toBe(0);
    } finally {
      await line.end();
    }
  }, 60_000);

  /** After a double click whose answers are slow: a second request would have gone with the second click. */
  const answersCome = () => new Promise((r) => setTimeout(r, 1500));
  const isFocused = (button: ReturnType<Page['getByRole']>) =>
    button.evaluate((el) => el === document.activeElement);
  /**
   * Double-clicks `button` while its answer is held back, then waits for `done` and for any second answer.
   * Gives what the button was meanwhile: its aria-disabled and whether it kept the focus.
   */
  const doubleClickMeanwhile = async (page: Page, button: ReturnType<Page['getByRole']>, done: string) => {
    await button.dblclick();
    const meanwhile = [await button.getAttribute('aria-disabled'), await isFocused(button)];
    await page.getByText(done).waitFor();
    await answersCome();
    return meanwhile;
  };

  it('given answers slow to come, when Add card to opportunity (a new one) is double-clicked, then one opportunity is made, the button keeps the focus and no error shows', async () => {
    const { page, server } = session;
    const panel = await waitingCardForNewOpportunity(page);
    const title = 'Nobody rings back after a report';
    const made = await slowLine(page, '**/api/workspaces/demo/opportunities', 'POST');
    try {
      await panel.getByLabel('Title').fill(title);
      const add = panel.getByRole('button', { name: 'Add card to opportunity' });
      // Shown as busy meanwhile, and still focusable: the keyboard focus stays on it.
      const meanwhile = await doubleClickMeanwhile(
        page,
        add,
        'The opportunity was made with this card as its evidence.',
      );
      expect(made.answered()).toBe(1);
      const list = (await (
        await page.request.get(`${server.url}/api/workspaces/demo/opportunities`)
      ).json()) as { items: { title: string }[] };
      expect(list.items.filter((o) => o.title === title)).toHaveLength(1);
      expect(await panel.getByRole('link', { name: title }).count()).toBe(1);
      expect(await panel.getByRole('alert').count()).toBe(0);
      expect(meanwhile).toEqual(['true', true]);
      expect(await add.getAttribute('aria-disabled')).toBeNull();
    } finally {
      await made.end();
    }
  }, 60_000);

  it('given answers slow to come, when Start opportunity is double-clicked, then one opportunity is started', async () => {
    const { page, server } = session;
    const title = 'Letters go to the old address';
    const made = await slowLine(page, '**/api/workspaces/demo/opportunities', 'POST');
    try {
      await page.goto(`${server.url}/w/demo/opportunities`);
      const form = page.getByRole('form', { name: 'Start an opportunity' });
      await form.getByLabel('Title').fill(title);
      await form.getByRole('button', { name: 'Start opportunity' }).dblclick();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await answersCome();
      expect(made.answered()).toBe(1);
      const list = (await (
        await page.request.get(`${server.url}/api/workspaces/demo/opportunities`)
      ).json()) as { items: { title: string }[] };
      expect(list.items.filter((o) => o.title === title)).toHaveLength(1);
    } finally {
      await made.end();
    }
  }, 60_000);

  it('given answers slow to come, when Link the steps is double-clicked, then one step link is made and nothing says it is there already', async () => {
    const { page, server } = session;
    await createJourney(session, {
      template: 'blank-current',
      id: 'noise-report',
      title: 'Reporting a noise',
    });
    await openEditor(page, 'noise-report', 'Reporting a noise');
    await openPanel(page);
    const panel = page.locator('.side-panel');
    const linked = await slowLine(page, '**/api/workspaces/demo/step-links', 'POST');
    try {
      await panel
        .getByLabel('Journey it hands over to')
        .selectOption({ label: 'Victims of anti-social behaviour: desired journey' });
      await expect
        .poll(() => panel.getByLabel('Step of that journey').locator('option').count())
        .toBeGreaterThan(0);
      await panel.getByRole('button', { name: 'Link the steps' }).dblclick();
      await expect.poll(() => linked.answered(), { timeout: 15_000 }).toBeGreaterThan(0);
      await answersCome();
      expect(linked.answered()).toBe(1);
      await panel.getByText('The steps are linked. Both journeys show the link.').waitFor();
      const connections = (await (
        await page.request.get(`${server.url}/api/workspaces/demo/journeys/noise-report/connections`)
      ).json()) as { stepLinks: unknown[] };
      expect(connections.stepLinks).toHaveLength(1);
      expect(await panel.getByRole('alert').count()).toBe(0);
      expect(await panel.getByText('That link is there already.').count()).toBe(0);
    } finally {
      await linked.end();
    }
  }, 60_000);

  it('given the steps of the journey chosen slow to come, then no step of the journey chosen before is offered meanwhile, and the link goes to a step of the chosen one', async () => {
    const { page, server } = session;
    await createJourney(session, { template: 'blank-current', id: 'noise-slow', title: 'A slow noise' });
    await openEditor(page, 'noise-slow', 'A slow noise');
    await openPanel(page);
    const panel = page.locator('.side-panel');
    const toJourney = panel.getByLabel('Journey it hands over to');
    const toSteps = panel.getByLabel('Step of that journey').locator('option');
    await toJourney.selectOption({
      label: 'Victims of anti-social behaviour: "My Life Is Far From Quiet..." (current journey)',
    });
    await expect.poll(() => toSteps.count()).toBeGreaterThan(0);
    const desired = '**/api/workspaces/demo/journeys/melton-asb-victim-desired';
    await page.route(desired, async (route) => {
      if (route.request().method() === 'GET') await new Promise((r) => setTimeout(r, 3000));
      await route.continue();
    });
    try {
      await toJourney.selectOption({ label: 'Victims of anti-social behaviour: desired journey' });
      // while the desired journey's steps are on their way, the current journey's are not offered
      await expect.poll(() => toSteps.count(), { timeout: 2000 }).toBe(0);
      await expect.poll(() => toSteps.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    } finally {
      await page.unroute(desired);
    }
    await panel.getByRole('button', { name: 'Link the steps' }).click();
    await panel.getByText('The steps are linked. Both journeys show the link.').waitFor();
    const api = `${server.url}/api/workspaces/demo/journeys`;
    const { stepLinks } = (await (await page.request.get(`${api}/noise-slow/connections`)).json()) as {
      stepLinks: { toJourneyId: string; toStepId: string }[];
    };
    const { journey } = (await (await page.request.get(`${api}/melton-asb-victim-desired`)).json()) as {
      journey: { columns: { id: string }[] };
    };
    expect(stepLinks).toHaveLength(1);
    expect(stepLinks[0]?.toJourneyId).toBe('melton-asb-victim-desired');
    expect(journey.columns.map((c) => c.id)).toContain(stepLinks[0]?.toStepId);
  }, 60_000);

  it('given answers slow to come, when Add link is double-clicked on an opportunity, then the link is added once and nothing says it is there already', async () => {
    const { page } = session;
    const o = await newOpportunity('Calls are not returned');
    const links = await slowLine(page, `**/api/workspaces/demo/opportunities/${o.id}/links`, 'POST');
    try {
      await page.goto(o.url);
      const add = page.getByRole('form', { name: 'Add evidence or what it leads to' });
      await add
        .getByLabel('Journey', { exact: true })
        .selectOption({ label: 'Victims of anti-social behaviour: desired journey' });
      await add.getByLabel('What to link').selectOption({ label: 'Business case' });
      await add.getByLabel('Which one').selectOption({ label: 'Keep victims informed at every stage' });
      const button = add.getByRole('button', { name: 'Add link' });
      const meanwhile = await doubleClickMeanwhile(page, button, 'The link was added.');
      expect(links.answered()).toBe(1);
      const stored = await o.stored();
      expect([stored.links.length, stored.version]).toEqual([1, o.version + 1]);
      expect(await page.getByText('That link is there already.').count()).toBe(0);
      expect(await page.getByRole('alert').count()).toBe(0);
      await page
        .getByRole('region', { name: 'What it leads to' })
        .getByRole('link', { name: 'Keep victims informed at every stage' })
        .waitFor();
      expect(meanwhile).toEqual(['true', true]);
    } finally {
      await links.end();
    }
  }, 60_000);
});
