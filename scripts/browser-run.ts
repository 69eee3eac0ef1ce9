import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { adminPassword, startServerProcess, type ServerProcess } from '../apps/server/test/server-process.ts';

/** Shared by `npm run bench:web` and `npm run screenshots`: a production build, a demo server, Chromium. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const ADMIN = 'admin@example.org';

/**
 * Builds apps/web for production unless SKIP_BUILD=1. NODE_ENV=production explicitly: a build started with
 * NODE_ENV=test (as from a test run) bundles React's development build, several times slower to render.
 */
export function buildWebForProduction(): void {
  if (process.env['SKIP_BUILD'] === '1') return;
  execFileSync('npx', ['vite', 'build'], {
    cwd: join(repoRoot, 'apps/web'),
    stdio: 'ignore',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

/** A server on a fresh temporary data directory (the demo workspace loaded) and Chromium; both closed after. */
export async function withDemoServer<T>(
  run: (server: ServerProcess, browser: Browser, password: string) => Promise<T>,
): Promise<T> {
  const dataDir = await mkdtemp(join(tmpdir(), 'waymark-browser-run-'));
  const server = await startServerProcess({ WAYMARK_DATA: dataDir, WAYMARK_ADMIN_EMAIL: ADMIN });
  const browser = await chromium.launch({
    executablePath: process.env['WAYMARK_CHROMIUM'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  try {
    // The printed password is one-time: it is used once to choose the password `run` gets.
    return await run(server, browser, await adminPassword(server, ADMIN));
  } finally {
    await browser.close();
    server.child.kill('SIGTERM');
    await server.exited;
    await rm(dataDir, { recursive: true, force: true });
  }
}
