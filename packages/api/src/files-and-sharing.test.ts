import { sampleJourney } from '@waymark/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultLimits } from './deps';
import { apiRoutes } from './routes/all-routes';
import { clientWith, createTestApi, type Client, type TestApi } from './testing/test-api';
import { scimRouteKeys } from './scim/scim-openapi';

type ErrorBody = { error: { code: string; message: string; path: string | null } };
const base = '/api/workspaces/w1';

describe('files, comments, share links and the API description', () => {
  let t: TestApi;
  let ed: Client;
  beforeEach(async () => {
    t = await createTestApi();
    await t.addUser('Ed', { ws: 'w1', role: 'owner' });
    ed = await t.signIn('Ed');
    expect((await ed.request('POST', `${base}/journeys`, { journey: sampleJourney('j1') })).status).toBe(201);
  });
  afterEach(() => t.close());

  it('given a journey, when exported as YAML and imported as a new id, then the same journey comes back; exports are audited', async () => {
    const res = await ed.request('GET', `${base}/journeys/j1/export?format=yaml`);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="j1.yaml"');
    const yaml = (await res.text()).replace('id: j1', 'id: j1-copy');
    const imported = await ed.request('POST', `${base}/import`, yaml, { 'content-type': 'application/yaml' });
    expect([imported.status, await imported.json()]).toEqual([201, { id: 'j1-copy', version: 1 }]);
    const copy = await t.stores.journeys.getJourney('w1' as never, 'j1-copy' as never);
    expect(copy?.journey).toEqual({ ...sampleJourney('j1'), id: 'j1-copy' });
    expect((await t.stores.accounts.listAudit('w1' as never)).map((e) => e.action)).toContain(
      'journey.export',
    );
  });

  it('given each export format, then a file of its kind with a download name', async () => {
    const expected: Record<string, [string, RegExp, string]> = {
      svg: ['image/svg+xml; charset=utf-8', /^<svg/, 'j1.svg'],
      mermaid: ['text/vnd.mermaid; charset=utf-8', /journey/, 'j1.mmd'],
      md: ['text/markdown; charset=utf-8', /Journey j1/, 'j1.md'],
      csv: ['text/csv; charset=utf-8; header=present', /^journeyId,columnId.*\nj1,s1,Step 1,/s, 'j1.csv'],
      json: ['application/json; charset=utf-8', /"schemaVersion": ?2/, 'j1.json'],
    };
    for (const [format, [type, body, name]] of Object.entries(expected)) {
      const res = await ed.request('GET', `${base}/journeys/j1/export?format=${format}`);
      expect([res.status, res.headers.get('content-type'), res.headers.get('content-disposition')]).toEqual([
        200,
        type,
        `attachment; filename="${name}"`,
      ]);
      expect(await res.text()).toMatch(body);
    }
  });

  it('given a broken file, when imported, then 422 with the line, and an existing id is 409', async () => {
    const broken = await ed.request(
      'POST',
      `${base}/import`,
      'schemaVersion: 2\nid: x\nmeta:\n  title: X\n  journeyType: sideways\ncolumns: []\nlanes: []\n',
    );
    const body = (await broken.json()) as ErrorBody & { problems: { line?: number; path: string }[] };
    expect([broken.status, body.error.code]).toEqual([422, 'invalid_journey']);
    expect(body.problems.some((p) => p.path === 'meta.journeyType' && p.line === 5)).toBe(true);
    const again = await ed.request('POST', `${base}/import`, JSON.stringify(sampleJourney('j1')), {
      'content-type': 'application/json',
    });
    expect(again.status).toBe(409);
    const unknown = await ed.request('GET', `${base}/journeys/j1/export?format=docx`);
    expect([unknown.status, ((await unknown.json()) as ErrorBody).error.path]).toEqual([400, 'format']);
  });

  it('given comments on a card and a step, then they list, resolve and reopen; a missing target is 422', async () => {
    const made = await ed.request('POST', `${base}/journeys/j1/comments`, {
      target: { cardId: 's1-step' },
      body: 'Is this the first contact?',
    });
    const comment = (await made.json()) as { id: string; author: { name: string } };
    expect([made.status, comment.author.name]).toEqual([201, 'Ed']);
    await ed.request('POST', `${base}/journeys/j1/comments`, {
      target: { columnId: 's2' },
      body: 'Long wait here',
    });
    const missing = await ed.request('POST', `${base}/journeys/j1/comments`, {
      target: { cardId: 'ghost' },
      body: 'x',
    });
    expect([missing.status, ((await missing.json()) as ErrorBody).error.path]).toEqual([
      422,
      'target.cardId',
    ]);
    const resolved = await ed.request('PATCH', `${base}/journeys/j1/comments/${comment.id}`, {
      resolved: true,
    });
    expect(((await resolved.json()) as { resolvedBy: { name: string } }).resolvedBy.name).toBe('Ed');
    const list = (await (await ed.request('GET', `${base}/journeys/j1/comments`)).json()) as {
      items: { resolvedAt: string | null }[];
    };
    expect(list.items.map((c) => c.resolvedAt !== null)).toEqual([true, false]);
  });

  it('given a share link, then anyone with it reads the journey until it expires or is revoked', async () => {
    const anon = clientWith(t.app, {});
    const expiresAt = new Date(t.caps.clock().getTime() + 3_600_000).toISOString();
    const made = (await (await ed.request('POST', `${base}/journeys/j1/shares`, { expiresAt })).json()) as {
      id: string;
      token: string;
      url: string;
    };
    expect(made.url).toBe(`http://localhost/share/${made.token}`);
    const read = await anon.request('GET', `/api/share/${made.token}`);
    expect(await read.json()).toEqual({ journey: sampleJourney('j1'), title: 'Journey j1', surveyBands: [] });
    const listed = (await (await ed.request('GET', `${base}/journeys/j1/shares`)).json()) as {
      items: Record<string, unknown>[];
    };
    expect(Object.keys(listed.items[0]!)).not.toContain('token');
    t.caps.advance(3_600_001);
    expect((await anon.request('GET', `/api/share/${made.token}`)).status).toBe(404);
    const past = await ed.request('POST', `${base}/journeys/j1/shares`, {
      expiresAt: '2020-01-01T00:00:00Z',
    });
    expect([past.status, ((await past.json()) as ErrorBody).error.path]).toEqual([400, 'expiresAt']);
  });

  it('given a revoked share link, then 404, and both are in the audit log', async () => {
    const expiresAt = new Date(t.caps.clock().getTime() + 3_600_000).toISOString();
    const made = (await (await ed.request('POST', `${base}/journeys/j1/shares`, { expiresAt })).json()) as {
      id: string;
      token: string;
    };
    expect((await ed.request('DELETE', `${base}/journeys/j1/shares/${made.id}`)).status).toBe(200);
    expect((await clientWith(t.app, {}).request('GET', `/api/share/${made.token}`)).status).toBe(404);
    const audit = (await (await ed.request('GET', `${base}/audit`)).json()) as {
      items: { action: string }[];
    };
    expect(audit.items.map((e) => e.action).slice(0, 2)).toEqual(['share.revoke', 'share.create']);
  });

  it('given the route table, then the OpenAPI document describes every route and the docs page lists them without scripts', async () => {
    const anon = clientWith(t.app, {});
    const doc = (await (await anon.request('GET', '/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const described = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m} ${path}`),
    );
    expect(described.sort()).toEqual(
      [...apiRoutes(defaultLimits).map((r) => `${r.method} ${r.path}`), ...scimRouteKeys].sort(),
    );
    const commands = doc.paths['/api/workspaces/{ws}/journeys/{id}/commands']!['post'] as {
      requestBody: { content: { 'application/json': { schema: { properties: Record<string, unknown> } } } };
    };
    expect(Object.keys(commands.requestBody.content['application/json'].schema.properties)).toEqual([
      'baseVersion',
      'commands',
    ]);
    const page = await (await anon.request('GET', '/api/docs')).text();
    expect(page).toContain('/api/workspaces/{ws}/journeys/{id}/commands');
    expect(page).not.toContain('<script');
  });
});
