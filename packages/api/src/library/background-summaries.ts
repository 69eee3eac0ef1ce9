import type { JourneyRevision, JourneyStore, LibraryStore, WorkspaceId } from '@waymark/store';
import type { ApiDeps } from '../deps';
import { SUMMARY_FORMAT } from './journey-summary';
import { refreshLibrary } from './library';

/**
 * Summaries kept up to date in the background (issue 14 item 3; decision 0039). A request computes at most
 * `INLINE_SUMMARIES` summaries itself (the few just edited); more — after a bulk import, or at start after a
 * change of summary format — are queued here and computed one at a time between requests, and the portfolio
 * and search say how many are still being worked out.
 */
export const INLINE_SUMMARIES = 3;

/** After this many summaries written in the background, the database's statistics are refreshed. */
const ANALYSE_EVERY = 50;

/** How long a save waits before its summary is computed, so a burst of edits is summarised once. */
export const SAVE_SETTLE_MS = 1000;

type LibraryDeps = Pick<ApiDeps, 'journeys' | 'clock'> & { readonly library: LibraryStore };

interface Background {
  readonly deps: LibraryDeps;
  /** Journeys waiting, latest revision each, in the order they came. */
  readonly queue: Map<string, JourneyRevision>;
  running: Promise<void> | null;
  timer: ReturnType<typeof setTimeout> | null;
  stopped: boolean;
}

const backgrounds = new WeakMap<LibraryStore, Background>();
const keyOf = (r: { readonly workspaceId: string; readonly journeyId: string }) =>
  `${r.workspaceId}\u0000${r.journeyId}`;

function backgroundOf(deps: LibraryDeps): Background {
  let bg = backgrounds.get(deps.library);
  if (!bg) {
    bg = { deps, queue: new Map(), running: null, timer: null, stopped: false };
    backgrounds.set(deps.library, bg);
  }
  return bg;
}

/** Yields to the event loop, so requests are answered between two summaries. */
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

async function drain(bg: Background): Promise<void> {
  let written = 0;
  while (bg.queue.size > 0 && !bg.stopped) {
    const [key, revision] = bg.queue.entries().next().value!;
    bg.queue.delete(key);
    try {
      // The same shared, once-per-version work as a request's (a request computing it meanwhile is joined).
      await refreshLibrary(bg.deps, [revision.workspaceId], [revision], { analyse: false });
      written++;
      if (written % ANALYSE_EVERY === 0) await bg.deps.library.analyse();
    } catch {
      // Left stale: the next request or start queues it again. A closed database ends the loop.
      if (bg.stopped) return;
    }
    await yieldToRequests();
  }
  if (written > 0 && written % ANALYSE_EVERY !== 0 && written >= 20 && !bg.stopped)
    await bg.deps.library.analyse().catch(() => undefined);
}

function start(bg: Background): void {
  if (bg.running || bg.stopped) return;
  bg.running = drain(bg).finally(() => {
    bg.running = null;
    // Saved while the last one was being written.
    if (bg.queue.size > 0 && !bg.stopped) start(bg);
  });
}

/**
 * Queues these journeys' summaries to be computed in the background, after `delayMs` (a save's settling time)
 * or at once. Never waits for them.
 */
export function summariseInBackground(
  deps: LibraryDeps,
  revisions: readonly JourneyRevision[],
  delayMs = 0,
): void {
  const bg = backgroundOf(deps);
  if (bg.stopped) return;
  for (const r of revisions) {
    const key = keyOf(r);
    bg.queue.delete(key);
    bg.queue.set(key, r);
  }
  if (bg.running || revisions.length === 0) return;
  if (delayMs <= 0) {
    if (bg.timer) clearTimeout(bg.timer);
    bg.timer = null;
    start(bg);
  } else if (!bg.timer) {
    bg.timer = setTimeout(() => {
      bg.timer = null;
      start(bg);
    }, delayMs);
    bg.timer.unref?.();
  }
}

/** How many of these workspaces' journeys wait in the background queue. */
export function queuedSummaries(library: LibraryStore, workspaceIds: readonly WorkspaceId[]): number {
  const bg = backgrounds.get(library);
  if (!bg) return 0;
  const wanted = new Set<string>(workspaceIds);
  let n = 0;
  for (const r of bg.queue.values()) if (wanted.has(r.workspaceId)) n++;
  return n;
}

/** Resolves when nothing is queued or being computed (tests, the benchmark). */
export async function backgroundSummariesSettled(library: LibraryStore): Promise<void> {
  const bg = backgrounds.get(library);
  if (!bg) return;
  while ((bg.running || bg.timer || bg.queue.size > 0) && !bg.stopped) {
    if (bg.timer) {
      clearTimeout(bg.timer);
      bg.timer = null;
      start(bg);
    }
    await bg.running;
    await yieldToRequests();
  }
}

/** Stops the background work before the database closes: what is queued is left (it is stale, so found again). */
export async function stopBackgroundSummaries(library: LibraryStore): Promise<void> {
  const bg = backgrounds.get(library);
  if (!bg) return;
  bg.stopped = true;
  bg.queue.clear();
  if (bg.timer) clearTimeout(bg.timer);
  bg.timer = null;
  await bg.running;
}

/**
 * Queues every journey whose summary is missing, of another version or of an older format, in every workspace
 * — at server start, in the background: requests are answered meanwhile. Resolves once they are queued.
 */
export async function catchUpSummaries(deps: LibraryDeps & Pick<ApiDeps, 'accounts'>): Promise<number> {
  const workspaces = await deps.accounts.listAllWorkspaces();
  const stale = await deps.library.staleJourneys(
    workspaces.map((w) => w.id),
    SUMMARY_FORMAT,
  );
  summariseInBackground(deps, stale);
  return stale.length;
}

/**
 * The journey store, telling the background queue of every journey saved (created or given a new version) —
 * whichever way it was changed: the REST routes, the live socket, the CLI's push, imports, restores, merges.
 */
export function summariseOnSave(
  journeys: JourneyStore,
  library: LibraryStore,
  deps: LibraryDeps,
): JourneyStore {
  const saved = (r: { workspaceId: WorkspaceId; journeyId: JourneyRevision['journeyId']; version: number }) =>
    summariseInBackground({ ...deps, library }, [r], SAVE_SETTLE_MS);
  return {
    ...journeys,
    async createJourney(input) {
      const result = await journeys.createJourney(input);
      if (result.ok)
        saved({ workspaceId: input.workspaceId, journeyId: result.value.id, version: result.value.version });
      return result;
    },
    async appendVersion(input) {
      const result = await journeys.appendVersion(input);
      if (result.ok)
        saved({ workspaceId: input.workspaceId, journeyId: result.value.id, version: result.value.version });
      return result;
    },
  };
}
