/** Why `target` needs building (a sentence), or undefined when its dist is current. */
export function staleReason(target: 'cli' | 'server', root?: string): string | undefined;
/** Rebuilds `target` if it is missing or older than its sources; returns the dist folder's URL. */
export function ensureBuilt(target: 'cli' | 'server'): Promise<URL>;
