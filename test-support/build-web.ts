import { readdirSync, statSync } from 'node:fs';
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
  const { build } = await import('vite');
  await build({ configFile: join(root, 'apps/web/vite.config.ts'), logLevel: 'error' });
}
