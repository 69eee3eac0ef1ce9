import { starterTemplates, type JourneyId, type TemplateBody } from '@waymark/core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Stores } from './open-store';
import type { UserId, WorkspaceId } from './records';
import { sampleJourney } from './sample-journey';
import type { NewTemplate } from './template-store';

export interface TemplateFixture {
  readonly stores: Stores;
  dispose(): Promise<void>;
}

const w1 = 'w1' as WorkspaceId;
const w2 = 'w2' as WorkspaceId;
const ann = 'ann' as UserId;
const at = (minute: number) => new Date(Date.UTC(2026, 11, 4, 15, minute)).toISOString();
const persona: TemplateBody = { kind: 'persona', persona: { id: 'victim', name: 'Repeat victim' } as never };
const map: TemplateBody = starterTemplates[0]!.body;

const template = (id: string, body: TemplateBody, minute: number, ws = w1): NewTemplate => ({
  workspaceId: ws,
  id,
  name: `Template ${id}`,
  description: 'A description',
  body,
  by: ann,
  at: at(minute),
});

/** The behaviour every TemplateStore must have; registered once per database, each test on a fresh one. */
export function templateStoreContract(open: () => Promise<TemplateFixture>): void {
  let fixture: TemplateFixture;
  let s: Stores;
  beforeEach(async () => {
    // Given: ann owns workspaces w1 ("Council") and w2 ("Other").
    fixture = await open();
    s = fixture.stores;
    await s.accounts.createUser({ id: ann, email: 'ann@example.org', name: 'Ann', at: at(0) });
    await s.accounts.createWorkspace({ id: w1, name: 'Council', ownerId: ann, at: at(0) });
    await s.accounts.createWorkspace({ id: w2, name: 'Other', ownerId: ann, at: at(0) });
  });
  afterEach(() => fixture.dispose());

  it('keeps templates per workspace, lists them newest first without bodies, and returns a body whole', async () => {
    expect(await s.templates.addTemplates([template('a', map, 1), template('b', persona, 2)])).toBe(true);
    expect(await s.templates.addTemplates([template('c', persona, 3, w2)])).toBe(true);
    const listed = await s.templates.listTemplates(w1);
    expect(listed.map((t) => [t.id, t.kind, t.createdByName])).toEqual([
      ['b', 'persona', 'Ann'],
      ['a', 'map', 'Ann'],
    ]);
    expect(listed[0]).not.toHaveProperty('body');
    const got = await s.templates.getTemplate(w1, 'a');
    expect(got?.body).toEqual(map);
    expect(got?.createdAt).toBe(at(1));
    expect(await s.templates.getTemplate(w2, 'a')).toBeNull();
    expect((await s.templates.getTemplates(w1, ['b', 'zz', 'a'])).map((t) => t.id)).toEqual(['b', 'a']);
  });

  it('saves a pack all or nothing: a taken id stores none of them', async () => {
    await s.templates.addTemplates([template('a', map, 1)]);
    expect(await s.templates.addTemplates([template('new', persona, 2), template('a', persona, 3)])).toBe(
      false,
    );
    expect((await s.templates.listTemplates(w1)).map((t) => t.id)).toEqual(['a']);
  });

  it('deletes a template in its own workspace only', async () => {
    await s.templates.addTemplates([template('a', map, 1)]);
    expect(await s.templates.deleteTemplate(w2, 'a')).toBe(false);
    expect(await s.templates.deleteTemplate(w1, 'a')).toBe(true);
    expect(await s.templates.listTemplates(w1)).toEqual([]);
  });

  it('keeps where a copied map came from, and forgets it with the map', async () => {
    const made = await s.journeys.createJourney({
      workspaceId: w2,
      journey: sampleJourney('copy'),
      kind: 'duplicate',
      commands: [],
      by: ann,
      at: at(5),
    });
    if (!made.ok) throw new Error(made.error.message);
    const provenance = {
      fromWorkspaceId: 'w1',
      fromWorkspaceName: 'Council',
      fromJourneyId: 'original',
      fromJourneyTitle: 'The original',
      fromVersion: 7,
      copiedAt: at(5),
      copiedBy: ann,
      copiedByName: 'Ann',
    };
    await s.templates.recordProvenance(w2, 'copy' as JourneyId, provenance);
    expect(await s.templates.getProvenance(w2, 'copy' as JourneyId)).toEqual(provenance);
    expect(await s.templates.getProvenance(w1, 'copy' as JourneyId)).toBeNull();
    await s.sql.query('DELETE FROM journeys WHERE workspace_id = $1', [w2]);
    expect(await s.templates.getProvenance(w2, 'copy' as JourneyId)).toBeNull();
  });
}
