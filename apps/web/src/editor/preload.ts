/**
 * Opening a map straight from its address: the app starts fetching the journey and the editor's code while it
 * is still asking who is signed in, instead of one after the other. Small and dependency-free: the app's
 * entry imports it.
 */
const pending = new Map<string, Promise<unknown>>();
const journeyUrl = (ws: string, id: string) =>
  `/api/workspaces/${encodeURIComponent(ws)}/journeys/${encodeURIComponent(id)}`;

export function prefetchJourney(ws: string, id: string): void {
  const url = journeyUrl(ws, id);
  if (pending.has(url)) return;
  const request = fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } }).then(
    (r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))),
  );
  request.catch(() => undefined); // a failure is handled by the fallback in takePrefetched's caller
  pending.set(url, request);
}

/** The prefetched journey (once), or undefined when none was started. */
export function takePrefetched<T>(ws: string, id: string): Promise<T> | undefined {
  const url = journeyUrl(ws, id);
  const request = pending.get(url);
  pending.delete(url);
  return request as Promise<T> | undefined;
}
