import type { JourneyCommand } from '@waymark/core';
import { sampleJourney, type WorkspaceId } from '@waymark/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type Client, type TestApi } from '../testing/test-api';

const base = '/api/workspaces/w1/journeys';
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const step = (id: string, columnId: string, text: string): JourneyCommand =>
  ({ type: 'card.add', item: { id, kind: 'step', laneId: 'steps', columnId, text } }) as JourneyCommand;

describe('a group’s copy of a map, and merging it back (API)', () => {
  let t: TestApi;
  let owner: Client;
  beforeEach(async () => {
    t = await createTestApi();
    await t.addUser('Fay', { ws: 'w1', role: 'owner' });
    owner = await t.signIn('Fay');
    const res = await owner.request('POST', base, {
      journey: sampleJourney('intake', { title: 'Intake', steps: 4 }),
    });
    expect(res.status).toBe(201);
  });
  afterEach(() => t.close());

  const edit = async (client: Client, id: string, commands: JourneyCommand[]) => {
    const current = (await (await client.request('GET', `${base}/${id}`)).json()) as Json;
    const res = await client.request('POST', `${base}/${id}/commands`, {
      baseVersion: current['version'],
      commands,
    });
    expect(res.status, await res.clone().text()).toBe(200);
  };
  const makeCopy = async (group = 'Group 2', client = owner) => {
    const res = await client.request('POST', `${base}/intake/group-copies`, { group });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as Json;
  };
  const cardIds = async (id: string) =>
    ((await (await owner.request('GET', `${base}/${id}`)).json()) as Json)['journey'].cards.map(
      (c: { id: string }) => c.id,
    );

  it('makes a copy titled with the group that remembers the map and version it came from', async () => {
    await edit(owner, 'intake', [step('m-0', 's1', 'Before the workshop')]);
    const copy = await makeCopy();
    expect(copy['id']).toBe('intake-group-2');
    expect(copy['journey'].meta.title).toBe('Intake — Group 2');
    expect(copy['copyOf']).toEqual({ id: 'intake', version: 2 });
    const [first] = await t.stores.journeys.history('w1' as WorkspaceId, 'intake-group-2' as never);
    expect(first).toMatchObject({
      kind: 'duplicate',
      detail: { from: 'intake', fromVersion: 2, group: 'Group 2' },
    });
    const audit = await t.stores.accounts.listAudit('w1' as WorkspaceId);
    expect(audit.some((a) => a.action === 'journey.group_copy' && a.target === 'intake-group-2')).toBe(true);
    // A second group of the same name gets its own id rather than a refusal.
    expect((await makeCopy())['id']).toBe('intake-group-2-2');
  });

  it('tells anyone who can read the map whether it is a group copy, and of which map', async () => {
    await makeCopy();
    await t.addUser('Vic', { ws: 'w1', role: 'viewer' });
    const vic = await t.signIn('Vic');
    const copy = await vic.request('GET', `${base}/intake-group-2/group-copy`);
    expect(copy.status).toBe(200);
    expect(await copy.json()).toEqual({ groupCopy: { from: 'intake', fromVersion: 1, group: 'Group 2' } });
    const main = await vic.request('GET', `${base}/intake/group-copy`);
    expect(await main.json()).toEqual({ groupCopy: null });
    await t.addUser('Oz', { ws: 'w2', role: 'owner' });
    const other = await t.signIn('Oz');
    expect((await other.request('GET', `${base}/intake-group-2/group-copy`)).status).toBe(404);
  });

  it('merges cleanly: the preview says what will be added, the merge adds it as one edit and bins the copy', async () => {
    await makeCopy();
    await edit(owner, 'intake-group-2', [step('g-1', 's2', 'Fills in the form'), step('g-2', 's3', 'Waits')]);
    await edit(owner, 'intake', [step('m-1', 's1', 'Meanwhile on the main map')]);

    const preview = (await (await owner.request('GET', `${base}/intake-group-2/group-merge`)).json()) as Json;
    expect(preview['added']).toEqual([
      { change: 'Add card “Fills in the form” at step “Step 2”', version: 2 },
      { change: 'Add card “Waits” at step “Step 3”', version: 2 },
    ]);
    expect(preview['skipped']).toEqual([]);
    expect(preview['into']).toMatchObject({ id: 'intake', version: 2, title: 'Intake' });
    expect(await cardIds('intake')).not.toContain('g-1'); // the preview changed nothing

    const res = await owner.request('POST', `${base}/intake-group-2/group-merge`, {});
    expect(res.status).toBe(200);
    const merged = (await res.json()) as Json;
    expect(merged).toMatchObject({ merged: true, copyDeleted: true, version: 3 });
    expect(await cardIds('intake')).toEqual(expect.arrayContaining(['m-1', 'g-1', 'g-2']));
    const history = await t.stores.journeys.history('w1' as WorkspaceId, 'intake' as never, { after: 2 });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      kind: 'commands',
      by: { id: 'u-fay' },
      detail: { groupMerge: { copy: 'intake-group-2', group: 'Group 2', copyVersion: 2 } },
    });
    expect(history[0]!.commands).toEqual([
      {
        type: 'batch',
        label: 'Group 2’s work merged',
        commands: [step('g-1', 's2', 'Fills in the form'), step('g-2', 's3', 'Waits')],
      },
    ]);
    expect((await owner.request('GET', `${base}/intake-group-2`)).status).toBe(404); // in the bin
    const audit = await t.stores.accounts.listAudit('w1' as WorkspaceId);
    expect(audit.find((a) => a.action === 'journey.group_merge')).toMatchObject({
      target: 'intake',
      detail: { copy: 'intake-group-2', applied: 2, skipped: 0 },
    });
  });

  it('reports by name and reason what was made on a step deleted meanwhile, and applies the rest', async () => {
    await makeCopy();
    await edit(owner, 'intake-group-2', [step('g-lost', 's2', 'Waits on hold')]);
    await edit(owner, 'intake-group-2', [step('g-kept', 's4', 'Gets a reply')]);
    await edit(owner, 'intake', [{ type: 'column.remove', id: 's2' } as unknown as JourneyCommand]);
    const res = await owner.request('POST', `${base}/intake-group-2/group-merge`, { keepCopy: true });
    const merged = (await res.json()) as Json;
    expect(merged['skipped']).toEqual([
      {
        change: 'Add card “Waits on hold” at step “Step 2”',
        version: 2,
        reason: 'its step is no longer on the main map: someone removed it while the group was working',
      },
    ]);
    expect(merged['added']).toEqual([{ change: 'Add card “Gets a reply” at step “Step 4”', version: 3 }]);
    const ids = await cardIds('intake');
    expect(ids).toContain('g-kept');
    expect(ids).not.toContain('g-lost');
    // Kept, so a second merge replays only what the group does after the first.
    expect(merged['copyDeleted']).toBe(false);
    await edit(owner, 'intake-group-2', [step('g-later', 's1', 'Later')]);
    const again = (await (
      await owner.request('POST', `${base}/intake-group-2/group-merge`, {})
    ).json()) as Json;
    expect(again['added']).toEqual([{ change: 'Add card “Later” at step “Step 1”', version: 4 }]);
    expect(again['skipped']).toEqual([]);
    expect((await cardIds('intake')).filter((id: string) => id === 'g-kept')).toHaveLength(1);
  });

  it('gives a card a new id when the main map has used its id meanwhile', async () => {
    await makeCopy();
    await edit(owner, 'intake-group-2', [step('card-7', 's3', 'The group’s card')]);
    await edit(owner, 'intake', [step('card-7', 's1', 'The main map’s card')]);
    const merged = (await (
      await owner.request('POST', `${base}/intake-group-2/group-merge`, {})
    ).json()) as Json;
    expect(merged['renamed']).toEqual([{ from: 'card-7', to: 'card-7-group-2' }]);
    const cards = merged['journey'].cards as { id: string; text: string }[];
    expect(cards.find((c) => c.id === 'card-7')?.text).toBe('The main map’s card');
    expect(cards.find((c) => c.id === 'card-7-group-2')?.text).toBe('The group’s card');
  });

  it('merging a copy with no changes stores nothing', async () => {
    await makeCopy();
    const merged = (await (
      await owner.request('POST', `${base}/intake-group-2/group-merge`, {})
    ).json()) as Json;
    expect(merged).toMatchObject({ merged: false, version: 1, added: [], skipped: [] });
  });

  it('refuses to merge a map that is not a group copy, and to copy a copy', async () => {
    const dup = await owner.request('POST', `${base}/intake/duplicate`, {});
    const dupId = ((await dup.json()) as Json)['id'];
    const res = await owner.request('POST', `${base}/${dupId}/group-merge`, {});
    expect(res.status).toBe(422);
    const body = (await res.json()) as Json;
    expect(body['error'].code).toBe('not_a_group_copy');
    expect(body['error'].message).toMatch(/is not a group’s copy of a map/);
    await makeCopy();
    const again = await owner.request('POST', `${base}/intake-group-2/group-copies`, { group: 'Group 3' });
    expect(again.status).toBe(422);
    expect(((await again.json()) as Json)['error'].code).toBe('already_a_group_copy');
  });

  it('refuses viewers and commenters, and people of another workspace, and changes nothing', async () => {
    await makeCopy();
    await edit(owner, 'intake-group-2', [step('g-1', 's2', 'Fills in the form')]);
    await t.addUser('Cal', { ws: 'w1', role: 'commenter' });
    await t.addUser('Vic', { ws: 'w1', role: 'viewer' });
    await t.addUser('Oz', { ws: 'w2', role: 'owner' });
    for (const name of ['Cal', 'Vic']) {
      const c = await t.signIn(name);
      expect((await c.request('POST', `${base}/intake/group-copies`, { group: 'Mine' })).status).toBe(403);
      expect((await c.request('GET', `${base}/intake-group-2/group-merge`)).status).toBe(403);
      expect((await c.request('POST', `${base}/intake-group-2/group-merge`, {})).status).toBe(403);
    }
    const other = await t.signIn('Oz');
    expect((await other.request('POST', `${base}/intake/group-copies`, { group: 'Mine' })).status).toBe(404);
    expect((await other.request('POST', `${base}/intake-group-2/group-merge`, {})).status).toBe(404);
    // Another workspace's own journey of the same id cannot reach w1's copy either.
    await other.request('POST', '/api/workspaces/w2/journeys', { journey: sampleJourney('intake') });
    const cross = await other.request('POST', '/api/workspaces/w2/journeys/intake-group-2/group-merge', {});
    expect(cross.status).toBe(404);
    expect(await cardIds('intake')).not.toContain('g-1');
    expect(await cardIds('intake-group-2')).toContain('g-1');
  });

  it('an editor (not only an owner) may copy and merge', async () => {
    await t.addUser('Ed', { ws: 'w1', role: 'editor' });
    const ed = await t.signIn('Ed');
    await makeCopy('Group 1', ed);
    await edit(ed, 'intake-group-1', [step('e-1', 's1', 'By Ed')]);
    expect((await ed.request('POST', `${base}/intake-group-1/group-merge`, {})).status).toBe(200);
    expect(await cardIds('intake')).toContain('e-1');
  });
});
