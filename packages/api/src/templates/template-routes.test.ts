import type { Journey } from '@waymark/core';
import type { WorkspaceId } from '@waymark/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type Client, type TestApi } from '../testing/test-api';

const json = { 'content-type': 'application/json' };

/** A map with a quote and its speaker, a respondent, an owner and a note: all personal data a template must drop. */
function mapWithPersonalData(): Journey {
  return {
    schemaVersion: 2,
    id: 'pothole',
    meta: {
      title: 'Report a pothole',
      journeyType: 'current',
      owner: 'Priya Shah',
      status: 'published',
      tags: [],
      objectives: [],
    },
    personas: [{ id: 'driver', name: 'Commuting driver' }],
    organisations: [],
    leverCategories: [],
    sources: [{ id: 'int-1', kind: 'interview', title: 'Interview with Mr Evans', people: 1 }],
    axis: { kind: 'steps' },
    stages: [],
    columns: [{ id: 'spots', label: 'Spots a pothole' }],
    lanes: [
      { id: 'steps', kind: 'step', label: 'Steps' },
      { id: 'feel', kind: 'feeling', label: 'Feelings' },
      { id: 'emo', kind: 'emotion', label: 'Emotion', personaId: 'driver' },
    ],
    cards: [
      {
        id: 's1',
        kind: 'step',
        laneId: 'steps',
        columnId: 'spots',
        text: 'Sees the pothole',
        note: 'Rang Mrs Lee back',
      },
      {
        id: 'q1',
        kind: 'feeling',
        laneId: 'feel',
        columnId: 'spots',
        text: 'Nobody fixes anything',
        mode: 'says',
        quote: true,
        source: 'Mr Evans, Ty Newydd',
        sourceId: 'int-1',
      },
      {
        id: 'e1',
        kind: 'emotion',
        laneId: 'emo',
        columnId: 'spots',
        score: -40,
        estimate: false,
        respondent: 'Resident 12',
      },
    ],
    links: [],
    ideas: [],
  } as unknown as Journey;
}

describe('templates, template packs and copying maps between workspaces', () => {
  let t: TestApi;
  let olive: Client;
  let vi: Client;
  beforeEach(async () => {
    // Given: Olive owns w1 (with a map holding personal data) and w2; Vi views w1 and w2 and edits w3.
    t = await createTestApi();
    await t.addUser('Olive', { ws: 'w1', role: 'owner' });
    await t.addUser('Olive', { ws: 'w2', role: 'owner' });
    await t.addUser('Vi', { ws: 'w1', role: 'viewer' });
    await t.addUser('Vi', { ws: 'w2', role: 'viewer' });
    await t.addUser('Vi', { ws: 'w3', role: 'editor' });
    olive = await t.signIn('Olive');
    vi = await t.signIn('Vi');
    const made = await olive.request('POST', '/api/workspaces/w1/journeys', {
      journey: mapWithPersonalData(),
    });
    expect(made.status, await made.clone().text()).toBe(201);
  });
  afterEach(() => t.close());

  const save = async (part: unknown, name = 'Pothole template') => {
    const res = await olive.request('POST', '/api/workspaces/w1/templates', {
      journeyId: 'pothole',
      name,
      part,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as { template: { id: string; kind: string }; removed: Record<string, number> };
  };

  it('saves a map as a template without its personal data and says what was taken out', async () => {
    const saved = await save({ kind: 'map' });
    expect(saved.removed).toEqual({
      quoteSources: 1,
      respondents: 1,
      ownerNames: 1,
      notes: 1,
      researchSources: 1,
    });
    const got = await olive.request('GET', `/api/workspaces/w1/templates/${saved.template.id}`);
    const text = await got.text();
    for (const personal of ['Priya', 'Mr Evans', 'Ty Newydd', 'Resident 12', 'Mrs Lee', 'int-1'])
      expect(text).not.toContain(personal);
    expect(text).toContain('Nobody fixes anything');
    const list = (await (await vi.request('GET', '/api/workspaces/w1/templates')).json()) as {
      items: { name: string; createdByName: string }[];
    };
    expect(list.items).toEqual([
      expect.objectContaining({ name: 'Pothole template', createdByName: 'Olive' }),
    ]);
  });

  it('puts the templates in the workspace export as a template pack that imports again', async () => {
    await save({ kind: 'map' });
    const res = await olive.request('GET', '/api/workspaces/w1/export');
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    // The tar's entries: 512-byte headers, the name at 0 and the size in octal at 124.
    const files = new Map<string, string>();
    for (let at = 0; at + 512 <= bytes.length;) {
      const header = bytes.subarray(at, at + 512);
      if (header.every((b) => b === 0)) break;
      const field = (from: number, length: number) =>
        new TextDecoder().decode(header.subarray(from, from + length)).replace(/\0.*$/s, '');
      const size = parseInt(field(124, 12), 8);
      files.set(field(0, 100), new TextDecoder().decode(bytes.subarray(at + 512, at + 512 + size)));
      at += 512 + Math.ceil(size / 512) * 512;
    }
    const pack = files.get('templates.json')!;
    expect(pack).not.toContain('Mr Evans');
    expect(files.get('README.txt')).toContain('templates.json');
    const imported = await olive.request('POST', '/api/workspaces/w2/template-pack', pack, json);
    expect(imported.status).toBe(201);
  });

  it('saves a lane set and a persona, and names a lane that is not on the map', async () => {
    expect((await save({ kind: 'lanes', laneIds: ['steps', 'emo'] })).template.kind).toBe('lanes');
    expect((await save({ kind: 'persona', personaId: 'driver' })).template.kind).toBe('persona');
    const res = await olive.request('POST', '/api/workspaces/w1/templates', {
      journeyId: 'pothole',
      name: 'x',
      part: { kind: 'lanes', laneIds: ['steps', 'ghost'] },
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; path: string } };
    expect([body.error.code, body.error.path]).toEqual(['invalid_template', 'part.laneIds[1]']);
  });

  it('exports a pack that imports into another workspace, where a map starts from it', async () => {
    const saved = await save({ kind: 'map' });
    await save({ kind: 'persona', personaId: 'driver' }, 'Driver');
    const exported = await olive.request('GET', '/api/workspaces/w1/template-pack');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toMatch(
      /attachment; filename="waymark-templates-Workspace-w1-\d{4}-\d\d-\d\d\.json"/,
    );
    const file = await exported.text();
    expect(JSON.parse(file)).toMatchObject({
      format: 'waymark-template-pack',
      formatVersion: 1,
      name: 'Workspace w1',
    });
    expect(file).not.toContain('Mr Evans');
    const one = await olive.request('GET', `/api/workspaces/w1/template-pack?ids=${saved.template.id}`);
    expect((JSON.parse(await one.text()) as { templates: unknown[] }).templates).toHaveLength(1);

    const imported = await olive.request('POST', '/api/workspaces/w2/template-pack', file, json);
    expect(imported.status, await imported.clone().text()).toBe(201);
    const body = (await imported.json()) as { imported: { id: string; name: string; kind: string }[] };
    expect(body.imported.map((i) => [i.name, i.kind]).sort()).toEqual([
      ['Driver', 'persona'],
      ['Pothole template', 'map'],
    ]);
    const map = body.imported.find((i) => i.kind === 'map')!;
    const got = (await (await olive.request('GET', `/api/workspaces/w2/templates/${map.id}`)).json()) as {
      template: { body: { journey: Journey } };
    };
    const started = await olive.request('POST', '/api/workspaces/w2/journeys', {
      journey: { ...got.template.body.journey, id: 'our-potholes' },
    });
    expect(started.status).toBe(201);
  });

  it('refuses a broken pack naming the field, and stores none of it', async () => {
    const pack = {
      format: 'waymark-template-pack',
      formatVersion: 1,
      templates: [
        { name: 'Fine', kind: 'persona', persona: { id: 'p', name: 'P' } },
        { name: 'Broken', kind: 'lanes', lanes: [{ id: 'l', kind: 'nonsense', label: 'L' }] },
      ],
    };
    const res = await olive.request('POST', '/api/workspaces/w2/template-pack', JSON.stringify(pack), json);
    expect(res.status).toBe(422);
    const body = (await res.json()) as {
      error: { code: string; path: string };
      problems: { path: string }[];
    };
    expect(body.error.code).toBe('invalid_template_pack');
    expect(body.error.path).toBe('templates[1].lanes[0].kind');
    expect((await (await olive.request('GET', '/api/workspaces/w2/templates')).json()) as unknown).toEqual({
      items: [],
    });
    const notJson = await olive.request('POST', '/api/workspaces/w2/template-pack', '{"format":', json);
    expect(((await notJson.json()) as { problems: { code: string }[] }).problems[0]?.code).toBe(
      'invalid_json',
    );
  });

  /** A raw request as Olive, for bodies that are bytes rather than text. */
  const rawAsOlive = async (body: Uint8Array<ArrayBuffer>) => {
    const signIn = await t.app.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'olive@example.org', password: 'correct horse battery' }),
    });
    const cookie = /waymark_session=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1] ?? '';
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    return t.app.request('/api/workspaces/w2/template-pack', {
      method: 'POST',
      headers: {
        cookie: `waymark_session=${cookie}`,
        'x-csrf-token': csrfToken,
        'content-type': 'application/json',
      },
      body,
    });
  };

  it('reads a pack saved as UTF-16 with a byte order mark, and refuses Latin-1 naming the line and column', async () => {
    await save({ kind: 'persona', personaId: 'driver' }, 'Gyrrwr ☕');
    const file = await (await olive.request('GET', '/api/workspaces/w1/template-pack')).text();
    const utf16 = new Uint8Array(2 + file.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < file.length; i++) {
      utf16[2 + i * 2] = file.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = file.charCodeAt(i) >> 8;
    }
    const read = await rawAsOlive(utf16);
    expect(read.status, await read.clone().text()).toBe(201);
    expect(((await read.json()) as { imported: { name: string }[] }).imported[0]?.name).toBe('Gyrrwr ☕');
    const latin1 = Uint8Array.from([
      ...new TextEncoder().encode('{"name": "Caf'),
      0xe9,
      ...new TextEncoder().encode('"}'),
    ]);
    const refused = await rawAsOlive(latin1);
    const body = (await refused.json()) as {
      error: { code: string; path: string };
      line: number;
      column: number;
    };
    expect([refused.status, body.error.code, body.error.path, body.line, body.column]).toEqual([
      400,
      'not_utf8',
      'body',
      1,
      14,
    ]);
  });

  it('refuses a pack over 5 MB as too large, and stores nothing', async () => {
    const huge = JSON.stringify({
      format: 'waymark-template-pack',
      formatVersion: 1,
      name: 'x'.repeat(6 * 1024 * 1024),
      templates: [],
    });
    const res = await rawAsOlive(new TextEncoder().encode(huge));
    const body = (await res.json()) as { error: { code: string }; problems: { code: string }[] };
    expect([res.status, body.error.code, body.problems[0]?.code]).toEqual([
      422,
      'invalid_template_pack',
      'pack_too_large',
    ]);
    expect(await t.stores.templates.listTemplates('w2' as WorkspaceId)).toEqual([]);
  });

  it('copies a map into a workspace where the person edits, keeping where it came from', async () => {
    t.caps.advance(60_000);
    const res = await vi.request('POST', '/api/workspaces/w1/journeys/pothole/copy', { toWorkspace: 'w3' });
    expect(res.status, await res.clone().text()).toBe(201);
    const copy = (await res.json()) as { workspace: string; id: string };
    expect(copy).toMatchObject({ workspace: 'w3', id: 'pothole' });
    const provenance = (await (
      await vi.request('GET', '/api/workspaces/w3/journeys/pothole/provenance')
    ).json()) as {
      provenance: Record<string, unknown>;
    };
    expect(provenance.provenance).toEqual({
      fromWorkspaceId: 'w1',
      fromWorkspaceName: 'Workspace w1',
      fromJourneyId: 'pothole',
      fromJourneyTitle: 'Report a pothole',
      fromVersion: 1,
      copiedAt: new Date(t.caps.clock()).toISOString(),
      copiedBy: 'u-vi',
      copiedByName: 'Vi',
    });
    const original = (await (
      await vi.request('GET', '/api/workspaces/w1/journeys/pothole/provenance')
    ).json()) as unknown;
    expect(original).toEqual({ provenance: null });
    // A second copy gets its own id.
    const again = await vi.request('POST', '/api/workspaces/w1/journeys/pothole/copy', { toWorkspace: 'w3' });
    expect(((await again.json()) as { id: string }).id).toBe('pothole-2');
  });

  it('refuses a copy into a workspace where the person only views, or does not belong', async () => {
    const viewer = await vi.request('POST', '/api/workspaces/w1/journeys/pothole/copy', {
      toWorkspace: 'w2',
    });
    expect([
      viewer.status,
      ((await viewer.json()) as { error: { code: string; path: string } }).error,
    ]).toEqual([403, expect.objectContaining({ code: 'forbidden', path: 'toWorkspace' })]);
    await t.addUser('Otto', { ws: 'w9', role: 'owner' });
    const outside = await vi.request('POST', '/api/workspaces/w1/journeys/pothole/copy', {
      toWorkspace: 'w9',
    });
    expect(outside.status).toBe(404);
    expect(await t.stores.journeys.listJourneys('w9' as WorkspaceId)).toEqual([]);
  });
});
