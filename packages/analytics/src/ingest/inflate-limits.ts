import type { ImportLimits } from './limits';

/** The limits a gzip stream's expansion is held to (see readFileChunks). */
export type ExpansionLimits = Pick<ImportLimits, 'expandedBytes' | 'expansionRatio' | 'ratioFromBytes'>;

/** Whether `expanded` bytes out of `read` compressed bytes break a limit: which one, or undefined. */
export function overExpansion(
  expanded: number,
  read: number,
  limits: ExpansionLimits,
): 'size' | 'ratio' | undefined {
  if (expanded > limits.expandedBytes) return 'size';
  if (
    limits.expansionRatio > 0 &&
    expanded > limits.ratioFromBytes &&
    expanded > limits.expansionRatio * read
  )
    return 'ratio';
  return undefined;
}

/** What the decompressing worker (gunzip-worker.ts) sends, in order. */
export type InflateMessage =
  | { readonly kind: 'chunk'; readonly chunk: Uint8Array; readonly read: number }
  | { readonly kind: 'over'; readonly expanded: number; readonly read: number }
  | { readonly kind: 'error'; readonly message: string; readonly code?: string }
  | { readonly kind: 'end' };
