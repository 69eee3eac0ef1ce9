import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { serveNoWebAppPage, serveWebApp } from './static-files';

describe('serving the web app', () => {
  const root = mkdtempSync(join(tmpdir(), 'waymark-dist-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(root, 'assets', 'main-3f9a8b7c.js'), 'console.log(1)');
  const app = new Hono();
  app.get('/api/health', (c) => c.json({ status: 'ok' }));
  serveWebApp(app, root);

  it('given a hashed asset, then it is served with a year of caching', async () => {
    const res = await app.request('/assets/main-3f9a8b7c.js');
    expect([res.status, res.headers.get('content-type'), res.headers.get('cache-control')]).toEqual([
      200,
      'text/javascript; charset=utf-8',
      'public, max-age=31536000, immutable',
    ]);
  });
  it("given a path of the app's own, then index.html, revalidated each time; the API is left alone", async () => {
    const res = await app.request('/workspaces/demo/journeys/x');
    expect([await res.text(), res.headers.get('cache-control')]).toEqual([
      '<!doctype html><title>app</title>',
      'no-cache',
    ]);
    expect(await (await app.request('/api/health')).json()).toEqual({ status: 'ok' });
  });
  it('given a path that climbs out of the folder, then not a file outside it', async () => {
    const res = await app.request('/..%2f..%2fetc%2fpasswd');
    expect(await res.text()).not.toContain('root:');
  });
  it('given no built app, then the root page points to the API docs', async () => {
    const bare = new Hono();
    expect(serveWebApp(bare, join(root, 'missing'))).toBe(false);
    serveNoWebAppPage(bare);
    expect(await (await bare.request('/')).text()).toContain('/api/docs');
  });
});
