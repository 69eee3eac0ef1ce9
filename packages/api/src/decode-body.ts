import { decodeText } from '@waymark/core';
import { ApiFailure } from './api-error';

/**
 * A request body's bytes as text by the one decoding rule of `@waymark/core` (decision 0011): UTF-8 with or
 * without a byte-order mark, UTF-16 with its mark; anything else is a 400 naming the line, column and byte of
 * the first bad byte — never replaced with U+FFFD and stored. The CLI reads files through the same rule, so an
 * import refused here is refused there with the same words.
 */
export function decodeBody(bytes: Uint8Array): string {
  const text = decodeText(bytes);
  if (text.ok) return text.value;
  const { code, message, line, column, byteOffset } = text.error;
  const located = code === 'not_utf8' || code === 'invalid_utf16';
  throw new ApiFailure(
    code,
    located ? `line ${line}, column ${column}: ${message}` : message,
    'body',
    located ? { line, column, byteOffset } : {},
    400,
  );
}
