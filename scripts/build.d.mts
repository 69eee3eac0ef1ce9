import type { Plugin } from 'esbuild';
export const repoRoot: string;
export const buildInfoName: string;
export const targets: Record<'cli' | 'server', { outdir: string; entryPoints: Record<string, string> }>;
/** Builds one target; returns the number of files written. */
export function buildTarget(name: 'cli' | 'server', options?: { quiet?: boolean }): Promise<number>;
/** Every worker module under packages/ (a source's `startWorker(import.meta.url, 'name', …)`): name to source. */
export function findWorkers(): Record<string, string>;
/** The esbuild plugin that bundles @waymark/* and keeps every other bare import external. */
export const externalPackages: Plugin;
