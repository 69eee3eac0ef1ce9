import { cpSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Vitest global setup: the browser tests drive the built web app (apps/web/dist, as `npm start` serves it),
 * so build it first whenever any web or shared-package source is newer than the last build.
 * A run of unit tests alone pays one directory walk.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'apps/web/dist/index.html');
const sources = [
  'apps/web/src',
  'apps/web/index.html',
  'packages/core/src',
  'packages/render/src',
  'packages/measure/src',
  'packages/i18n/src',
  'packages/i18n/messages',
];

function newest(path: string): number {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name === 'dist') continue;
    max = Math.max(max, newest(join(path, name)));
  }
  return max;
}

export async function setup(): Promise<void> {
  const built = statSync(dist, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const changed = Math.max(...sources.map((s) => newest(join(root, s))));
  if (built > changed) return;
  // Build beside dist and merge into it, index.html last: a server that another test run is driving keeps
  // finding the assets of the page it already loaded (vite's emptyOutDir would pull them away mid-test).
  const staging = join(root, 'apps/web', `.dist-${process.pid}`);
  const { build } = await import('vite');
  // Vitest sets NODE_ENV=test, with which Vite bundles React's development build (several times slower to
  // render); the browser tests drive what `npm start` serves, the production build.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({
      configFile: join(root, 'apps/web/vite.config.ts'),
      logLevel: 'error',
      build: { outDir: staging, emptyOutDir: true },
    });
    const index = join(staging, 'index.html');
    renameSync(index, `${staging}.index.html`);
    cpSync(staging, join(root, 'apps/web/dist'), { recursive: true });
    renameSync(`${staging}.index.html`, dist);
  } finally {
    process.env['NODE_ENV'] = nodeEnv;
    rmSync(staging, { recursive: true, force: true });
    rmSync(`${staging}.index.html`, { force: true });
  }
}
