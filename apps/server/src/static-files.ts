import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Env, Hono } from 'hono';

const mediaTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Files with a content hash in their name never change: cache them for a year; everything else revalidates. */
const isHashed = (path: string) =>
  /[.-][A-Za-z0-9_-]{8,}\.(js|css|woff2|svg|png)$/.test(path) || path.startsWith('/assets/');

/**
 * Serves the built web app from `root` (apps/web/dist) if it exists: its files, and index.html for any other
 * non-API path so the app's own routes work on reload. Returns whether it is being served.
 */
export function serveWebApp<E extends Env>(app: Hono<E>, root: string): boolean {
  if (!existsSync(join(root, 'index.html'))) return false;
  app.get('*', async (c, next) => {
    const path = decodeURIComponent(new URL(c.req.url).pathname);
    if (path.startsWith('/api/')) return next();
    const file = normalize(join(root, path));
    if (!file.startsWith(root + sep) && file !== root) return next();
    const found = await stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
    const served = found ? file : join(root, 'index.html');
    const body = await readFile(served);
    const cache = found && isHashed(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
    return c.body(body, 200, {
      'Content-Type': mediaTypes[extname(served)] ?? 'application/octet-stream',
      'Cache-Control': cache,
    });
  });
  return true;
}

/** Without a built web app, the root says so and points at the API, instead of a bare 404. */
export function serveNoWebAppPage<E extends Env>(app: Hono<E>): void {
  app.get('/', (c) =>
    c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Waymark</title></head>
<body><main><h1>Waymark is running</h1>
<p>The web app has not been built on this machine (<code>npm run build --workspace @waymark/web</code>), so only the API is
served. Sign in with <code>POST /api/auth/sign-in</code> and read the demo journeys under
<code>/api/workspaces/demo/journeys</code>.</p>
<p><a href="/api/docs">The API, endpoint by endpoint</a> · <a href="/api/openapi.json">OpenAPI document</a></p>
</main></body></html>`),
  );
}
