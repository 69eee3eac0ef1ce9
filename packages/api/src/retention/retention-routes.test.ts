import type { JourneyId } from '@waymark/core';
import type { WorkspaceId } from '@waymark/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type Client, type TestApi } from '../testing/test-api';
import { runRetentionPurge } from './retention-purge';

const ws = 'w1' as WorkspaceId;
const DAY = 86_400_000;

/** The files of a tar archive by name (ustar: 512-byte headers, the size in octal at 124). */
function untar(bytes: Uint8Array): Map<string, string> {
  const files = new Map<string, string>();
  const text = new TextDecoder();
  for (let at = 0; at + 512 <= bytes.length;) {
    const header = bytes.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = (from: number, length: number) =>
      text.decode(header.subarray(from, from + length)).replace(/\0.*$/s, '');
    const prefix = field(345, 155);
    const name = (prefix ? `${prefix}/` : '') + field(0, 100);
    const size = parseInt(field(124, 12), 8);
    files.set(name, text.decode(bytes.subarray(at + 512, at + 512 + size)));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

describe('retention routes', () => {
  let t: TestApi;
  let owner: Client;
  let editor: Client;
  beforeEach(async () => {
    // Given: Olive owns w1 ("Workspace w1") with a journey and a comment; Ed is an editor.
    t = await createTestApi();
    await t.addUser('Olive', { ws, role: 'owner' });
    await t.addUser('Ed', { ws, role: 'editor' });
    owner = await t.signIn('Olive');
    editor = await t.signIn('Ed');
    const made = await owner.request('POST', '/api/workspaces/w1/journeys', {
      template: 'blank-current',
      title: 'Report a pothole',
    });
    expect(made.status).toBe(201);
  });
  afterEach(() => t.close());

  it('given no choice yet, when an owner reads the periods, then the defaults come with their bounds', async () => {
    const res = await owner.request('GET', '/api/workspaces/w1/retention');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      days: Record<string, number>;
      usingDefaults: boolean;
      bounds: Record<string, unknown>;
    };
    expect(body.usingDefaults).toBe(true);
    expect(body.days).toEqual({
      deletedJourneys: 30,
      datasets: 365,
      rawUploads: 14,
      audit: 730,
      history: 730,
    });
    expect(body.bounds['audit']).toEqual({ min: 180, max: 3650 });
  });

  it('given periods out of bounds, when saved, then each is refused naming its field and bound', async () => {
    const res = await owner.request('PUT', '/api/workspaces/w1/retention', {
      deletedJourneys: 0,
      datasets: 365,
      rawUploads: 1.5,
      audit: 30,
      history: 99_999,
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { path: string };
      problems: Array<{ path: string; minimum?: number; maximum?: number }>;
    };
    expect(body.problems.map((p) => [p.path, p.minimum ?? p.maximum ?? null])).toEqual([
      ['deletedJourneys', 1],
      ['rawUploads', null],
      ['audit', 180],
      ['history', 3650],
    ]);
  });

  it('given valid periods, when an owner saves them, then they are kept and the change is audited', async () => {
    const days = { deletedJourneys: 14, datasets: 180, rawUploads: 3, audit: 365, history: 90 };
    const res = await owner.request('PUT', '/api/workspaces/w1/retention', days);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ days, usingDefaults: false, updatedBy: 'u-olive' });
    const [event] = await t.stores.accounts.listAudit(ws, { limit: 1 });
    expect(event).toMatchObject({ action: 'retention.update', actorId: 'u-olive', detail: days });
  });

  it('given the nightly purge, when run, then each workspace loses what is older than its own periods and the purge is audited with counts', async () => {
    await owner.request('PUT', '/api/workspaces/w1/retention', {
      deletedJourneys: 10,
      datasets: 365,
      rawUploads: 14,
      audit: 730,
      history: 730,
    });
    const [journey] = await t.stores.journeys.listJourneys(ws);
    expect((await owner.request('DELETE', `/api/workspaces/w1/journeys/${journey!.id}`)).status).toBe(200);
    // Eleven days later, past this workspace's 10 days (Waymark's default would keep it 30).
    const report = await runRetentionPurge(t.stores, new Date(t.caps.clock().getTime() + 11 * DAY));
    expect(report.totals).toEqual({
      deletedJourneys: 1,
      datasets: 0,
      rawUploads: 0,
      auditEntries: 0,
      versions: 0,
    });
    expect(await t.stores.journeys.getJourney(ws, journey!.id, { includeDeleted: true })).toBeNull();
    const [event] = await t.stores.accounts.listAudit(ws, { limit: 1 });
    expect(event).toMatchObject({
      action: 'retention.purge',
      actorId: null,
      detail: { deletedJourneys: 1, versions: 0 },
    });
    const instance = await t.stores.sql.query<{ action: string; detail: Record<string, number> }>(
      "SELECT action, detail FROM audit_events WHERE workspace_id IS NULL AND action = 'retention.purge'",
    );
    expect(instance).toEqual([
      { action: 'retention.purge', detail: expect.objectContaining({ deletedJourneys: 1, workspaces: 1 }) },
    ]);
  });

  it('given a bin period of 60 days, when a journey deleted 45 days ago is restored, then it comes back, and its deletion said 60 days', async () => {
    await owner.request('PUT', '/api/workspaces/w1/retention', {
      deletedJourneys: 60,
      datasets: 365,
      rawUploads: 14,
      audit: 730,
      history: 730,
    });
    const [journey] = await t.stores.journeys.listJourneys(ws);
    const gone = await owner.request('DELETE', `/api/workspaces/w1/journeys/${journey!.id}`);
    const { restorableUntil } = (await gone.json()) as { restorableUntil: string };
    expect(Date.parse(restorableUntil) - t.caps.clock().getTime()).toBe(60 * DAY);
    t.caps.advance(45 * DAY);
    const later = await t.signIn('Olive'); // the first session has long expired
    expect((await later.request('POST', `/api/workspaces/w1/journeys/${journey!.id}/undelete`)).status).toBe(
      200,
    );
  });

  it('given a workspace, when the owner exports it, then a tar holds a README, each journey as YAML, Markdown and CSV, comments, history, members and the audit trail', async () => {
    const [journey] = await t.stores.journeys.listJourneys(ws);
    const id = journey!.id as JourneyId;
    await t.stores.journeys.addComment({
      id: 'c1' as never,
      workspaceId: ws,
      journeyId: id,
      target: {},
      body: '=HYPERLINK("x") why so slow?',
      authorId: 'u-ed' as never,
      at: t.caps.clock().toISOString(),
    });
    const res = await owner.request('GET', '/api/workspaces/w1/export?locale=en');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-tar');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="waymark-w1-\d{4}-\d\d-\d\d\.tar"$/,
    );
    const files = untar(new Uint8Array(await res.arrayBuffer()));
    expect([...files.keys()].sort()).toEqual(
      [
        'README.txt',
        'audit.csv',
        'members.csv',
        `journeys/${id}/comments.csv`,
        `journeys/${id}/history.csv`,
        `journeys/${id}/journey.csv`,
        `journeys/${id}/journey.md`,
        `journeys/${id}/journey.yaml`,
      ].sort(),
    );
    expect(files.get('README.txt')).toContain('Export of the Waymark workspace Workspace w1');
    expect(files.get(`journeys/${id}/journey.yaml`)).toContain('Report a pothole');
    expect(files.get(`journeys/${id}/journey.md`)).toContain('# Report a pothole');
    expect(files.get(`journeys/${id}/comments.csv`)).toContain(`"'=HYPERLINK(""x"") why so slow?"`);
    expect(files.get('members.csv')).toContain('Olive,olive@example.org,owner');
    expect(files.get('audit.csv')).toContain('sign_in,Ed');
    const [event] = await t.stores.accounts.listAudit(ws, { limit: 1 });
    expect(event).toMatchObject({ action: 'workspace.export', actorId: 'u-olive' });
  });

  it('given an opportunity and a step link, when the owner exports, then opportunities, their links and the journey links are files a person can read', async () => {
    const [journey] = await t.stores.journeys.listJourneys(ws);
    const id = journey!.id as JourneyId;
    const stored = await t.stores.journeys.getJourney(ws, id);
    const step = stored!.journey.columns[0]!.id;
    const other = await owner.request('POST', '/api/workspaces/w1/journeys', {
      template: 'blank-current',
      title: 'Pay for a permit',
    });
    const otherId = ((await other.json()) as { id: string }).id;
    const made = await owner.request('POST', '/api/workspaces/w1/opportunities', {
      title: 'Fix it, first time',
      description: 'People report the same pothole twice',
      priority: 'high',
      links: [{ journeyId: id, kind: 'step', target: step }],
    });
    expect(made.status).toBe(201);
    const o = (await made.json()) as { id: string };
    const linked = await owner.request('POST', '/api/workspaces/w1/step-links', {
      fromJourneyId: id,
      fromStepId: step,
      toJourneyId: otherId,
      toStepId: step,
      label: 'Hands over',
    });
    expect(linked.status).toBe(201);
    const files = untar(
      new Uint8Array(await (await owner.request('GET', '/api/workspaces/w1/export?locale=en')).arrayBuffer()),
    );
    expect(files.get('opportunities.csv')).toContain(
      `${o.id},"Fix it, first time",People report the same pothole twice,,open,high,1,`,
    );
    expect(files.get('opportunity-links.csv')).toContain(`${o.id},${id},step,${step},`);
    expect(files.get('journey-links.csv')).toContain(
      `hands-over,${id},${step},${otherId},${step},Hands over,`,
    );
    expect(files.get('README.txt')).toContain('opportunities.csv');
  });

  it('given the export in Welsh, when downloaded, then its README is in Welsh', async () => {
    const files = untar(
      new Uint8Array(await (await owner.request('GET', '/api/workspaces/w1/export?locale=cy')).arrayBuffer()),
    );
    expect(files.get('README.txt')).toContain('Allforio gweithle Waymark Workspace w1');
  });

  it('given a name that does not match, when the owner deletes the workspace, then it is refused naming confirmName and nothing goes', async () => {
    const res = await owner.request('DELETE', '/api/workspaces/w1', { confirmName: 'Workspace w2' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { path: string } }).error.path).toBe('confirmName');
    expect(await t.stores.accounts.getWorkspace(ws)).not.toBeNull();
    expect(
      (await editor.request('DELETE', '/api/workspaces/w1', { confirmName: 'Workspace w1' })).status,
    ).toBe(403);
  });

  it('given the name typed, when the owner deletes the workspace, then it is gone and the deletion is audited at instance level', async () => {
    const res = await owner.request('DELETE', '/api/workspaces/w1', { confirmName: 'Workspace w1' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      deleted: { journeys: 1, datasets: 0, members: 2, auditEntries: 2, guests: 0 },
    });
    expect(await t.stores.accounts.getWorkspace(ws)).toBeNull();
    expect((await owner.request('GET', '/api/workspaces/w1/journeys')).status).toBe(404);
    const events = await t.stores.sql.query<{
      workspace_id: string | null;
      actor_id: string;
      target: string;
      detail: { name: string };
    }>("SELECT workspace_id, actor_id, target, detail FROM audit_events WHERE action = 'workspace.delete'");
    expect(events).toEqual([
      expect.objectContaining({
        workspace_id: null,
        actor_id: 'u-olive',
        target: 'w1',
        detail: expect.objectContaining({ name: 'Workspace w1', journeys: 1 }),
      }),
    ]);
  });
});
