import { err, ok, problem, type Result } from '@waymark/core';
import type { LocatedProblem } from '@waymark/document';

const notText = (): LocatedProblem =>
  problem(
    'not_text',
    [],
    'not a text file (it contains NUL bytes or bytes that are not text); expected a journey in YAML or JSON',
  );

/**
 * Bytes to text: UTF-8 (a BOM is dropped), or UTF-16 with its BOM (Notepad's "Unicode"). Bytes that are not
 * UTF-8 are refused with their line and column, since a file saved as Windows-1252 would otherwise turn "£"
 * into "�" without a word.
 */
export function decodeText(bytes: Uint8Array): Result<string, LocatedProblem> {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return ok(new TextDecoder('utf-16le').decode(bytes));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return ok(new TextDecoder('utf-16be').decode(bytes));
  if (bytes.includes(0)) return err(notText());
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const bad = text.indexOf('\uFFFD');
    const replaced = text.length - text.replaceAll('\uFFFD', '').length;
    if (replaced > 8 && replaced * 20 > Math.min(text.length, 4096)) return err(notText());
    const before = text.slice(0, bad);
    const line = before.split('\n').length;
    return err({
      ...problem(
        'not_utf8',
        [],
        'this character is not UTF-8 (the file may be saved as Windows-1252 or Latin-1); save it as UTF-8 and try again',
      ),
      line,
      column: bad - before.lastIndexOf('\n'),
    });
  }
}
