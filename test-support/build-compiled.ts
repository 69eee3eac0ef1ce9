import { ensureBuilt } from '../scripts/build-freshness.mjs';

/**
 * Vitest global setup: tests that start the real `waymark` bin or `npm start`'s server run the compiled
 * output (apps/cli/dist, apps/server/dist), so rebuild it here, once, if any source it was built from
 * changed; test files running in parallel then never rebuild it side by side. Current output costs a stat
 * of each source.
 */
export async function setup(): Promise<void> {
  await ensureBuilt('cli');
  await ensureBuilt('server');
}
