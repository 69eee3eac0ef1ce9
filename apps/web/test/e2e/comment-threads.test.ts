import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  createJourney,
  expectNoAxeViolations,
  startSignedIn,
  type SignedInSession,
} from './harness';

/**
 * Issue 11 item 5, comment threads (decision 0018), as two officers would use them: the administrator comments on
 * a step and mentions Bea with the "@" picker by keyboard; Bea signs in, finds it in her things to look at on the
 * home page, opens it (the map opens at the thread, which counts as seen) and replies; the administrator sees
 * the reply in their own list, resolves the thread (folded away but listed) and reopens it.
 */
describe('comment threads in Chromium', () => {
  let session: SignedInSession;
  let bea: Page;
  const mapPath = '/w/demo/j/threads-e2e';

  beforeAll(async () => {
    session = await startSignedIn('threads');
    await createJourney(session, {
      template: 'blank-current',
      id: 'threads-e2e',
      title: 'Blue badge renewals',
    });
    bea = await addMember(session, { email: 'bea@example.org', role: 'commenter', name: 'Bea Jones' });
  }, 240_000);
  afterAll(() => session?.stop());

  const side = (p: Page) => p.getByRole('complementary');
  const things = (p: Page) => p.getByRole('region', { name: /^Things to look at/ });
  const comments = async () =>
    (
      (await (
        await session.page.request.get(
          `${session.server.url}/api/workspaces/demo/journeys/threads-e2e/comments`,
        )
      ).json()) as {
        items: {
          id: string;
          parentId: string | null;
          body: string;
          mentions: { name: string }[];
          resolvedAt: string | null;
        }[];
      }
    ).items;

  it('given the administrator mentions Bea, when she opens it from things to look at and replies, then the administrator sees the reply, resolves and reopens the thread', async () => {
    const { page, server } = session;

    // The administrator comments on a step and mentions Bea, choosing her from the list by keyboard.
    await page.goto(`${server.url}${mapPath}`);
    await page.getByRole('button', { name: /^Comments on step Need arises/ }).click();
    const box = side(page).getByLabel(/^Comment on the step/);
    await box.click();
    await box.pressSequentially('Could you check the wording here, @be');
    const list = side(page).getByRole('listbox', { name: 'Members you can mention' });
    await list.waitFor();
    expect(await list.getByRole('option').allTextContents()).toEqual(['Bea Jones']);
    expect(await box.getAttribute('aria-activedescendant')).toBe(
      await list.getByRole('option', { name: 'Bea Jones' }).getAttribute('id'),
    );
    await expectNoAxeViolations(page);
    await box.press('Enter');
    await list.waitFor({ state: 'detached' });
    await box.pressSequentially('please?');
    expect(await box.inputValue()).toBe('Could you check the wording here, @Bea Jones please?');
    await side(page).getByRole('button', { name: 'Add comment' }).click();
    await expect.poll(() => side(page).getByText('Mentions Bea Jones').count(), { timeout: 10_000 }).toBe(1);
    const [root] = await comments();
    expect(root?.mentions.map((m) => m.name)).toEqual(['Bea Jones']);
    await expectNoAxeViolations(page);

    // Bea sees it, new, in her things to look at on the home page.
    await bea.goto(`${server.url}/w/demo`);
    const mention = things(bea).getByRole('link', {
      name: 'Administrator mentioned you on “Blue badge renewals”',
    });
    await mention.waitFor();
    expect(await things(bea).getByText('New', { exact: true }).count()).toBe(1);
    await expectNoAxeViolations(bea);

    // Opening it shows the map with that thread in the comments panel; she replies.
    await mention.click();
    await bea.waitForURL(/\/w\/demo\/j\/threads-e2e\?comment=/);
    await side(bea).getByText('This is the thread you opened.').waitFor();
    const reply = side(bea).getByLabel('Reply to the thread started by Administrator');
    await reply.fill('Checked: the wording is right.');
    await side(bea).getByRole('button', { name: 'Reply', exact: true }).click();
    await expect
      .poll(() => side(bea).getByText('Checked: the wording is right.').count(), { timeout: 10_000 })
      .toBe(1);
    expect((await comments()).map((c) => [c.parentId, c.body])).toEqual([
      [null, 'Could you check the wording here, @Bea Jones please?'],
      [root!.id, 'Checked: the wording is right.'],
    ]);
    await expectNoAxeViolations(bea);

    // Back on her home page the thread is seen.
    await bea.goto(`${server.url}/w/demo`);
    await mention.waitFor();
    expect(await things(bea).getByText('Seen', { exact: true }).count()).toBe(1);
    expect(await things(bea).getByText('New', { exact: true }).count()).toBe(0);

    // The administrator finds Bea's reply in their own list and opens it.
    await page.goto(`${server.url}/w/demo`);
    const replied = things(page).getByRole('link', { name: 'Bea Jones replied on “Blue badge renewals”' });
    await replied.waitFor();
    await expectNoAxeViolations(page);
    await replied.click();
    await side(page).getByText('Checked: the wording is right.').waitFor();

    // Resolved: folded away under "Resolved threads", still listed; reopened: open again.
    await side(page).getByRole('button', { name: 'Resolve thread' }).click();
    const resolvedHeading = side(page).getByRole('heading', { name: 'Resolved threads' });
    await resolvedHeading.waitFor();
    expect((await comments())[0]?.resolvedAt).not.toBeNull();
    const summary = side(page).locator('summary', { hasText: 'Resolved thread by Administrator' });
    await summary.waitFor();
    expect(await side(page).getByRole('button', { name: 'Reopen thread' }).isVisible()).toBe(
      // the thread that was opened from the list shows unfolded
      true,
    );
    await expectNoAxeViolations(page);
    await side(page).getByRole('button', { name: 'Reopen thread' }).click();
    await resolvedHeading.waitFor({ state: 'detached' });
    expect((await comments())[0]?.resolvedAt).toBeNull();
    expect(await side(page).getByLabel('Reply to the thread started by Administrator').count()).toBe(1);
  }, 180_000);
});
