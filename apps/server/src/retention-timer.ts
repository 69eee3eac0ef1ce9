import { runRetentionPurge } from '@waymark/api';
import type { Stores } from '@waymark/store';

/** The hour (UTC) the purge runs each night: quiet for UK users. */
export const PURGE_HOUR_UTC = 2;

/** Milliseconds from `now` to the next `hour`:00 UTC (a full day when it is that moment exactly). */
export function msUntilNextHour(now: Date, hour: number): number {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour));
  if (next.getTime() <= now.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  return next.getTime() - now.getTime();
}

/**
 * Runs the retention purge (issue 12 item 4) every night at PURGE_HOUR_UTC in this process. `afterPurge` lets
 * the composition root forget what its caches held of removed journeys. Returns a function that stops it.
 */
export function startNightlyPurge(
  stores: Pick<Stores, 'retention' | 'accounts'>,
  clock: () => Date,
  afterPurge: () => Promise<void>,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    timer = setTimeout(() => void run(), msUntilNextHour(clock(), PURGE_HOUR_UTC));
    timer.unref();
  };
  const run = async () => {
    try {
      const report = await runRetentionPurge(stores, clock());
      if (report.workspaces.length > 0) await afterPurge();
    } catch (error) {
      // Logged by its message only: the database's error may carry people's data.
      console.error(`the nightly retention purge failed: ${(error as Error).message}`);
    } finally {
      schedule();
    }
  };
  schedule();
  return () => clearTimeout(timer);
}
