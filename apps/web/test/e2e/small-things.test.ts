import type { Journey } from '@waymark/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  createJourney,
  expectNoAxeViolations,
  newPage,
  startSignedIn,
  type SignedInSession,
} from './harness';

/**
 * Issue 11 item 8: the small things that add up, each on a person's path. The editor: "Add step" puts you in the
 * new step's name; the history quotes words as they were and asks before a restore; the journey type can be
 * changed, with what that means said first and the focus left where it is; the lever category field is spelt
 * right. Improve: journeys with the same title can be told apart, Compare preselects the journey's own
 * counterpart, the sampling page fits a phone, the ideas list's buttons line up; and a dated poster header says
 * its month once.
 */
describe('small things, in Chromium', () => {
  let session: SignedInSession;
  let ed: Page;
  const ws = '/api/workspaces/demo/journeys';

  beforeAll(async () => {
    session = await startSignedIn('small-things');
    await createJourney(session, { template: 'blank-current', id: 'small-e2e', title: 'Small things' });
    ed = await addMember(session, { email: 'ed@example.org', role: 'editor', name: 'Ed' });
  }, 240_000);
  afterAll(() => session?.stop());

  const csrf = async (page: Page) =>
    ((await (await page.request.get(`${session.server.url}/api/auth/me`)).json()) as { csrfToken: string })
      .csrfToken;
  const stored = async (id: string) =>
    (await (await session.page.request.get(`${session.server.url}${ws}/${id}`)).json()) as {
      version: number;
      journey: Journey;
    };
  /** Sends commands as the person of `page`, as a script or another tab would. */
  const send = async (page: Page, id: string, commands: unknown[]) => {
    const { version } = await stored(id);
    const res = await page.request.post(`${session.server.url}${ws}/${id}/commands`, {
      headers: { 'x-csrf-token': await csrf(page) },
      data: { baseVersion: version, commands },
    });
    expect(res.status(), await res.text()).toBe(200);
  };
  const status = (page: Page) => page.getByTestId('save-status').textContent();
  const allSaved = (page: Page) =>
    expect.poll(() => status(page), { timeout: 15_000 }).toBe('All changes saved');
  const openMap = async (page: Page, id: string) => {
    await page.goto(`${session.server.url}/w/demo/j/${id}`);
    await page.getByRole('group', { name: 'Edit' }).waitFor({ timeout: 20_000 });
  };

  describe('the editor', () => {
    it('given a map, when "Add step" is pressed, then focus is in the new step’s name with its words selected, and what is typed names the step', async () => {
      const { page } = session;
      await openMap(page, 'small-e2e');
      const before = (await stored('small-e2e')).journey.columns.length;
      await page.getByRole('group', { name: 'Edit' }).getByRole('button', { name: 'Add step' }).click();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.tagName), { timeout: 10_000 })
        .toBe('INPUT');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement;
        return {
          value: el.value,
          selected: el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0),
          label: el.labels?.[0]?.textContent ?? '',
          inPanel: el.closest('aside') !== null,
        };
      });
      expect(focused.inPanel).toBe(true);
      expect(focused.label).toBe(`Step ${before + 1} name`);
      expect(focused.value).not.toMatch(/^Step \d+$/);
      expect(focused.selected).toBe(focused.value);
      await page.keyboard.type('Checks the form');
      await page.keyboard.press('Enter');
      await allSaved(page);
      await expect
        .poll(async () => (await stored('small-e2e')).journey.columns.map((c) => c.label).at(-1), {
          timeout: 10_000,
        })
        .toBe('Checks the form');
      expect((await stored('small-e2e')).journey.columns.length).toBe(before + 1);
      await expectNoAxeViolations(page);
    }, 90_000);

    it('given the lever categories in "Steps & lanes", then each name field is labelled "Lever category name"', async () => {
      const { page } = session;
      await openMap(page, 'melton-asb-victim-current');
      await page.getByRole('button', { name: 'Steps & lanes' }).click();
      const panel = page.getByRole('complementary');
      await panel.getByRole('heading', { name: /^Lever categories/ }).waitFor();
      expect(await panel.getByLabel('Lever category name').count()).toBeGreaterThan(0);
      expect(await panel.getByText(/categorie name/).count()).toBe(0);
    }, 60_000);

    it('given a card whose words two people changed, then each history entry quotes the words as they were then; a restore asks first and Cancel leaves the map alone', async () => {
      const { page } = session;
      const lane = (await stored('small-e2e')).journey.lanes.find((l) => l.kind === 'pain-point')!;
      const column = (await stored('small-e2e')).journey.columns[0]!;
      await send(page, 'small-e2e', [
        {
          type: 'card.add',
          item: {
            id: 'pain-hx',
            kind: 'pain-point',
            laneId: lane.id,
            columnId: column.id,
            text: 'Letter sent',
          },
        },
      ]);
      await send(page, 'small-e2e', [
        { type: 'card.update', id: 'pain-hx', patch: { text: 'Letter unclear' } },
      ]);
      await send(ed, 'small-e2e', [
        { type: 'card.update', id: 'pain-hx', patch: { text: 'Letter never arrived' } },
      ]);
      const latest = (await stored('small-e2e')).version;

      await openMap(page, 'small-e2e');
      await page.getByRole('button', { name: 'History', exact: true }).click();
      const history = page.getByRole('complementary', { name: 'History' });
      const adminEntry = history.locator(`li.history-item[data-version="${latest - 1}"]`);
      await adminEntry.waitFor({ timeout: 15_000 });
      // The admin's own edit, under the admin's name, quotes the words the admin wrote, not Ed's later ones.
      const adminWords = (await adminEntry.textContent()) ?? '';
      const expand = adminEntry.getByRole('button', { name: /^Show the \d+ edits/ });
      const edits = (await expand.count()) > 0 ? (await expand.click(), adminEntry) : adminEntry;
      const shown =
        adminWords +
        ((await edits
          .locator('.history-edits')
          .textContent()
          .catch(() => '')) ?? '');
      expect(shown).toContain('“Letter unclear”');
      expect(shown).not.toContain('Letter never arrived');
      const edEntry = history.locator(`li.history-item[data-version="${latest}"]`);
      expect(await edEntry.textContent()).toContain('“Letter never arrived”');

      // One click on restore does not restore: it asks, saying what will change; Cancel leaves the map.
      await adminEntry
        .getByRole('button', { name: /^Restore the map as it was at / })
        .first()
        .click();
      const confirm = history.getByRole('region', { name: /^Restore the map as it was at/ });
      await expect
        .poll(() => confirm.getByText('1 card will change back to how it was.').count(), { timeout: 15_000 })
        .toBe(1);
      expect((await stored('small-e2e')).version).toBe(latest);
      await expectNoAxeViolations(page);
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      expect(await confirm.count()).toBe(0);
      expect((await stored('small-e2e')).version).toBe(latest);
    }, 120_000);

    it('given a current journey, when its type is changed in the details, then what that means is said first; Cancel keeps it, confirming makes it a case with dated columns', async () => {
      const { page } = session;
      await createJourney(session, { template: 'blank-current', id: 'type-e2e', title: 'Type change' });
      await openMap(page, 'type-e2e');
      await page.getByRole('button', { name: 'Details', exact: true }).click();
      const type = page.getByRole('complementary').getByLabel('Journey type');
      expect(await type.inputValue()).toBe('current');
      const focused = () => type.evaluate((el) => el === document.activeElement);
      await type.focus();
      await type.selectOption('life-course');
      const ask = page.getByRole('region', { name: /^Change this journey to a life course/ });
      await ask.waitFor({ timeout: 10_000 });
      expect(await ask.textContent()).toMatch(/ages/);
      // Choosing never moves the focus (WCAG 3.2.2): the question is said in the status, after the select,
      // and the select stays usable, its question following its value.
      expect(await focused()).toBe(true);
      expect(await page.getByRole('complementary').getByRole('status').first().textContent()).toMatch(
        /^To change this journey to a life course, press the Change button below/,
      );
      expect(await type.isEnabled()).toBe(true);
      await type.selectOption('case');
      await page.getByRole('region', { name: /^Change this journey to a case/ }).waitFor({ timeout: 10_000 });
      expect(await ask.count()).toBe(0);
      // choosing the saved type again takes the question away, and nothing is changed
      await type.selectOption('current');
      await expect
        .poll(() => page.getByRole('region', { name: /^Change this journey to/ }).count(), {
          timeout: 10_000,
        })
        .toBe(0);
      expect((await stored('type-e2e')).journey.meta.journeyType).toBe('current');
      // by keyboard: Tab reaches the question's buttons, Escape cancels it and gives the focus back
      await type.selectOption('life-course');
      await ask.waitFor({ timeout: 10_000 });
      await page.keyboard.press('Tab');
      expect(
        await ask
          .getByRole('button', { name: /^Change to a life course/ })
          .evaluate((el) => el === document.activeElement),
      ).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => ask.count(), { timeout: 10_000 }).toBe(0);
      await expect.poll(focused, { timeout: 10_000 }).toBe(true);
      expect(await type.inputValue()).toBe('current');
      await type.evaluate((el) => (el as HTMLElement).blur());
      await type.selectOption('life-course');
      await ask.waitFor({ timeout: 10_000 });
      await ask.getByRole('button', { name: 'Cancel' }).click();
      expect(await type.inputValue()).toBe('current');
      await expect.poll(focused, { timeout: 10_000 }).toBe(true);
      expect((await stored('type-e2e')).journey.meta.journeyType).toBe('current');

      await type.selectOption('case');
      const toCase = page.getByRole('region', { name: /^Change this journey to a case/ });
      await toCase.waitFor({ timeout: 10_000 });
      expect(await toCase.textContent()).toMatch(/dates/);
      await expectNoAxeViolations(page);
      await toCase.getByRole('button', { name: /^Change to a case/ }).click();
      await allSaved(page);
      await expect
        .poll(async () => (await stored('type-e2e')).journey.meta.journeyType, { timeout: 10_000 })
        .toBe('case');
      expect((await stored('type-e2e')).journey.axis.kind).toBe('dates');
      expect(await type.inputValue()).toBe('case');
      await expect.poll(focused, { timeout: 10_000 }).toBe(true);
      // Undo takes the whole change back at once.
      await page.getByRole('group', { name: 'Edit' }).getByRole('button', { name: 'Undo' }).click();
      await allSaved(page);
      await expect
        .poll(async () => (await stored('type-e2e')).journey.axis.kind, { timeout: 10_000 })
        .toBe('steps');
      expect((await stored('type-e2e')).journey.meta.journeyType).toBe('current');
    }, 90_000);
  });

  describe('Improve and print', () => {
    it('given two journeys with the same title, then the pickers tell them apart, and Compare preselects the journey’s own desired one or none', async () => {
      const { page, server } = session;
      for (const id of ['dfg-a', 'dfg-b'])
        await createJourney(session, { template: 'blank-current', id, title: 'DFG' });
      const copy = await page.request.post(`${server.url}${ws}/dfg-b/duplicate`, {
        headers: { 'x-csrf-token': await csrf(page) },
        data: { id: 'dfg-b-desired', title: 'DFG to be', journeyType: 'desired' },
      });
      expect(copy.status(), await copy.text()).toBe(201);

      await page.goto(`${server.url}/w/demo/j/dfg-b/improve/compare`);
      const current = page.getByRole('combobox', { name: 'Current journey', exact: true });
      const desired = page.getByRole('combobox', { name: 'Desired journey', exact: true });
      await current.waitFor({ timeout: 15_000 });
      await expect.poll(() => desired.inputValue(), { timeout: 10_000 }).toBe('dfg-b-desired');
      expect(await current.inputValue()).toBe('dfg-b');
      const texts = await current.locator('option').allTextContents();
      const dfg = texts.filter((t) => t.startsWith('DFG —'));
      expect(dfg.length).toBe(2);
      expect(new Set(dfg).size).toBe(2);
      expect(dfg[0]).toMatch(/^DFG — Current \(as is\), (Draft, )?updated /);
      await page.getByTestId('compare-totals').waitFor({ timeout: 15_000 });
      await expectNoAxeViolations(page);

      // A current journey with no desired journey of its own: nothing unrelated is chosen for it.
      await page.goto(`${server.url}/w/demo/j/dfg-a/improve/compare`);
      await current.waitFor({ timeout: 15_000 });
      await expect.poll(() => current.inputValue(), { timeout: 10_000 }).toBe('dfg-a');
      expect(await desired.inputValue()).toBe('');
      expect(await page.getByTestId('compare-totals').count()).toBe(0);
      await expectNoAxeViolations(page);
    }, 120_000);

    it('given a phone 375 px wide, then the sampling page does not scroll sideways', async () => {
      const phone = await newPage(session.browser, { width: 375, height: 740 });
      await phone.context().addCookies(await session.page.context().cookies());
      await phone.goto(`${session.server.url}/w/demo/j/melton-asb-victim-current/improve/sampling`);
      await phone.getByRole('heading', { name: 'Activity sampling' }).waitFor({ timeout: 40_000 });
      await phone.getByRole('heading', { name: 'Plan the study' }).waitFor({ timeout: 40_000 });
      // A few taps, so the profile with its table is on the page too.
      const taps = phone.locator('button.improve-tap');
      for (let i = 0; i < 3; i++) await taps.nth(i % (await taps.count())).click();
      await phone.getByRole('table').first().waitFor({ timeout: 10_000 });
      const wide = await phone.evaluate(() => {
        const over = [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > 376)
          .slice(0, 5)
          .map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`);
        return { width: document.documentElement.scrollWidth, over };
      });
      expect(wide.width, wide.over.join('\n')).toBeLessThanOrEqual(375);
      await expectNoAxeViolations(phone);
      await phone.context().close();
    }, 90_000);

    it('given ideas in the list, then each row’s Edit and Remove buttons sit on one line', async () => {
      const { page, server } = session;
      await page.goto(`${server.url}/w/demo/j/melton-asb-victim-desired/improve/ideas`);
      const rows = page.locator('table.improve-table').first().locator('tbody tr');
      await rows.first().getByRole('button', { name: /^Edit/ }).waitFor({ timeout: 20_000 });
      // both buttons of a row measured in one frame, so a shift of the page between two reads cannot show
      const pairs = await rows.evaluateAll((trs) =>
        trs.slice(0, 3).map((tr) => {
          const box = (name: RegExp) => {
            const b = [...tr.querySelectorAll('button')].find((el) =>
              name.test(el.getAttribute('aria-label') ?? el.textContent ?? ''),
            );
            const r = b?.getBoundingClientRect();
            return r ? { y: r.y, height: r.height } : null;
          };
          return { edit: box(/^Edit/), remove: box(/^Remove/) };
        }),
      );
      expect(pairs.length).toBeGreaterThan(0);
      for (const { edit, remove } of pairs) {
        expect(edit && remove).toBeTruthy();
        expect(Math.abs(edit!.y - remove!.y)).toBeLessThan(1);
        expect(Math.abs(edit!.height - remove!.height)).toBeLessThan(1);
      }
      await expectNoAxeViolations(page);
    }, 60_000);

    it('given the dated case map, when printed, then a column named for its month shows the month once', async () => {
      const { page, server } = session;
      await page.goto(`${server.url}/w/demo/j/melton-disabled-adaptations-case/print`);
      await page.getByLabel('Fit on one sheet').check({ timeout: 20_000 });
      const header = page.locator('[data-role="grid-header"] [data-column="m-2009-03"]').first();
      await header.waitFor({ state: 'attached', timeout: 20_000 });
      const words = (await header.locator('text').allTextContents()).join(' ');
      expect(words).toContain('Mar 2009');
      expect(words).not.toContain('March 2009');
    }, 60_000);

    it('given Melton’s map, whose "Key journey steps" only repeat the step names, when printed, then the poster shows each step name once and no empty row', async () => {
      const { page, server } = session;
      await page.goto(`${server.url}/w/demo/j/melton-asb-victim-current/print`);
      await page.getByLabel('Fit on one sheet').check({ timeout: 20_000 });
      const poster = page.locator('svg[role="img"]').first();
      await poster.locator('[data-role="lane"]').first().waitFor({ state: 'attached', timeout: 20_000 });
      const lanes = await poster
        .locator('[data-role="lane"]')
        .evaluateAll((all) => all.map((l) => l.getAttribute('data-kind')));
      expect(lanes).not.toContain('step');
      expect(lanes).toContain('emotion');
      const all = await poster.locator('text').allTextContents();
      expect(all.filter((t) => t === 'Reports Incident')).toHaveLength(1);
      await expectNoAxeViolations(page);
    }, 60_000);
  });
});
