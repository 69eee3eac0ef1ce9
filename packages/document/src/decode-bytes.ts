import { decodeText, err, ok, problem, type Result } from '@waymark/core';
import type { LocatedProblem } from './located-problem';

/**
 * The bytes of a journey file as text, by the one decoding rule of `@waymark/core` (UTF-8 with or without a
 * byte-order mark, UTF-16 with its mark; anything else refused with the line and column of the first bad
 * byte, never replaced). The CLI reads files and the API reads import bodies through this same function.
 */
export function decodeJourneyBytes(bytes: Uint8Array): Result<string, LocatedProblem> {
  const text = decodeText(bytes);
  if (text.ok) return ok(text.value);
  const { code, message, line, column, byteOffset } = text.error;
  const values = { ...text.error.values, byte: byteOffset + 1, line };
  // a binary file has no line worth pointing at
  if (code === 'not_text' || code === 'utf16_without_bom')
    return err(problem(code, [], message, 'error', values));
  return err({ ...problem(code, [], message, 'error', values), line, column });
}
