import { problem } from '@waymark/core';
import type { LocatedProblem } from './located-problem';

/** 20 MB: far above any hand-made journey, low enough that parsing stays quick and memory stays small. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

const KB = 1024;
const MB = 1024 * 1024;

/** "50.0 MB", "3.4 KB", "12 bytes"; a limit of whole megabytes reads "20 MB". */
export function formatSize(bytes: number): string {
  if (bytes >= MB) return Number.isInteger(bytes / MB) ? `${bytes / MB} MB` : `${(bytes / MB).toFixed(1)} MB`;
  if (bytes >= KB) return `${(bytes / KB).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

export function tooLargeProblem(bytes: number, maxBytes: number): LocatedProblem {
  const size = bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : formatSize(bytes);
  const limit = formatSize(maxBytes);
  return problem('file_too_large', [], `file is ${size}; the limit is ${limit}`, 'error', { size, limit });
}

/** UTF-8 length of a string without encoding it (pure, no Buffer). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Refuses text over the limit; counts bytes only when the character count leaves it in doubt. */
export function checkSize(text: string, maxBytes: number): LocatedProblem | undefined {
  if (text.length * 3 <= maxBytes) return undefined;
  const bytes = text.length > maxBytes ? text.length : utf8Length(text);
  return bytes > maxBytes ? tooLargeProblem(bytes, maxBytes) : undefined;
}

/**
 * A binary file read as text shows NUL bytes or runs of U+FFFD (bytes a decoder could not read as UTF-8).
 * A lone U+FFFD may be real text, so it passes here; the CLI, which has the bytes, checks the encoding itself.
 */
export function checkText(text: string): LocatedProblem | undefined {
  const nul = text.includes('\0');
  if (!nul && !/\uFFFD{4,}/.test(text)) return undefined;
  const why = nul ? 'it contains NUL bytes' : 'it contains bytes that are not UTF-8 text';
  return problem('not_text', [], `not a text file (${why}); expected a journey in YAML or JSON`, 'error', {
    reason: nul ? 'nul' : 'notUtf8',
  });
}
