/** How often an idle REST editor looks for someone else's saved changes. */
export const REFRESH_MS = 30_000;

/** Where the REST editor's reasons to look come from: a repeating timer and the window getting focus. */
export interface RefreshTriggers {
  /** Calls `run` every `ms` until the returned function is called. */
  readonly every: (run: () => void, ms: number) => () => void;
  /** Calls `run` whenever the window gets focus, until the returned function is called. */
  readonly onFocus: (run: () => void) => () => void;
}

export const windowTriggers: RefreshTriggers = {
  every(run, ms) {
    const timer = window.setInterval(run, ms);
    return () => window.clearInterval(timer);
  },
  onFocus(run) {
    window.addEventListener('focus', run);
    return () => window.removeEventListener('focus', run);
  },
};

/**
 * The REST editor's look for others' changes (decision 0007), only while it is the editor in use (decision
 * 0013: the live editor gets others' changes as they are stored, so the REST one stays quiet beside it and
 * starts when live can never connect). While `enabled`: `refresh` every REFRESH_MS and on window focus, and at
 * once when `atOnce` (taking over from live, the map may have changed since the page loaded). Returns the stop.
 */
export function watchForChanges(
  enabled: boolean,
  refresh: () => void,
  options: { readonly atOnce?: boolean; readonly triggers?: RefreshTriggers } = {},
): () => void {
  if (!enabled) return () => undefined;
  const triggers = options.triggers ?? windowTriggers;
  const stops = [triggers.every(refresh, REFRESH_MS), triggers.onFocus(refresh)];
  if (options.atOnce) refresh();
  return () => {
    for (const stop of stops) stop();
  };
}
