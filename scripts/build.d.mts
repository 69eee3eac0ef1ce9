export const repoRoot: string;
export const buildInfoName: string;
export const targets: Record<'cli' | 'server', { outdir: string; entryPoints: Record<string, string> }>;
/** Builds one target; returns the number of files written. */
export function buildTarget(name: 'cli' | 'server', options?: { quiet?: boolean }): Promise<number>;
