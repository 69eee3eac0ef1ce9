import { err, ok, type Result } from '../result';

/**
 * The one rule for turning the bytes of a file into text, used by every reader (journey files, event logs)
 * in the API and the CLI alike, so the same file gets the same verdict everywhere:
 *
 * - UTF-8, with or without a byte-order mark (the mark is not part of the text);
 * - UTF-16 little- or big-endian WITH a byte-order mark (Notepad's and Excel's "Unicode"), decoded exactly;
 * - anything else is refused, never guessed and never repaired: a byte that is not UTF-8 is named with its
 *   line, column and byte offset (a file saved as Windows-1252 would otherwise turn "£" into "�" without a
 *   word); a zero byte means a binary file or UTF-16 without its mark.
 *
 * Event logs may name another encoding explicitly (Windows-1252); that is a choice, not a guess.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface TextDecodingProblem {
  readonly code: 'not_utf8' | 'not_text' | 'utf16_without_bom' | 'invalid_utf16';
  /** 1-based line and column (in characters) of the first byte that could not be read; the message leaves them to the caller. */
  readonly line: number;
  readonly column: number;
  /** 0-based offset of that byte in the file. */
  readonly byteOffset: number;
  readonly message: string;
  /** What the words need beyond the place: `reason` (a zero byte, a binary file, an unpaired half) and the byte's hex. */
  readonly values?: Readonly<Record<string, string | number>>;
}

/** The encoding the rule reads a file as, from its first bytes, and how many bytes of mark to skip. */
export function textEncodingOf(head: Uint8Array): { encoding: TextEncodingName; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  return { encoding: 'utf-8', bom: 0 };
}

/**
 * The offset of the first byte in bytes[start, end) that does not begin (or continue) a valid UTF-8
 * sequence — overlong forms, surrogates and code points past U+10FFFF included — or -1. With `final` false a
 * sequence cut off by `end` is not an error (the rest is in the next chunk).
 */
export function firstInvalidUtf8(bytes: Uint8Array, start = 0, end = bytes.length, final = true): number {
  let i = start;
  while (i < end) {
    const c = bytes[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    let len: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) len = 2;
    else if (c >= 0xe0 && c <= 0xef) {
      len = 3;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      len = 4;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k < len; k++) {
      if (i + k >= end) return final ? i : -1;
      const b = bytes[i + k] as number;
      if (k === 1 ? b < lo || b > hi : (b & 0xc0) !== 0x80) return i;
    }
    i += len;
  }
  return -1;
}

/** Line (1-based, counting LF) and column (1-based, in characters) of byte `offset` of UTF-8 bytes. */
export function positionOfByte(
  bytes: Uint8Array,
  offset: number,
  startLine = 1,
): { line: number; column: number } {
  let line = startLine;
  let lineStart = 0;
  for (let i = bytes.indexOf(10); i >= 0 && i < offset; i = bytes.indexOf(10, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  let column = 1;
  // a byte-order mark is not a character of the first line
  if (lineStart === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf && offset >= 3) column--;
  for (let i = lineStart; i < offset; i++) if (((bytes[i] as number) & 0xc0) !== 0x80) column++;
  return { line, column };
}

const hexByte = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** The refusal of a byte that is not UTF-8, in words: where it is and what to do. */
export function notUtf8Problem(
  byte: number,
  line: number,
  column: number,
  byteOffset: number,
): TextDecodingProblem {
  return {
    code: 'not_utf8',
    line,
    column,
    byteOffset,
    values: { hex: hexByte(byte) },
    message: `byte ${byteOffset + 1} of the file (${hexByte(byte)}) is not UTF-8 text, so the file is probably saved in another encoding such as Windows-1252 (Excel's "CSV" rather than "CSV UTF-8"); save it as UTF-8 and try again`,
  };
}

/** A zero byte: a binary file, or UTF-16 saved without its byte-order mark. */
export function zeroByteProblem(bytes: Uint8Array, at: number): TextDecodingProblem {
  const { line, column } = positionOfByte(bytes, at);
  const utf16 =
    bytes.length >= 4 &&
    ((bytes[1] === 0 && bytes[3] === 0 && bytes[0] !== 0) ||
      (bytes[0] === 0 && bytes[2] === 0 && bytes[1] !== 0));
  return utf16
    ? {
        code: 'utf16_without_bom',
        line,
        column,
        byteOffset: at,
        values: { reason: 'zeroByte' },
        message:
          'the file looks like UTF-16 text saved without a byte-order mark, which cannot be read for certain; save it as UTF-8 and try again',
      }
    : {
        code: 'not_text',
        line,
        column,
        byteOffset: at,
        values: { reason: 'zeroByte' },
        message: `not a text file (byte ${at + 1}, on line ${line}, is a zero byte); expected text saved as UTF-8`,
      };
}

/** How many bytes of the first 4 KB are not UTF-8: a binary file has many, a mis-saved text file a few. */
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 4096);
  let bad = 0;
  for (let i = firstInvalidUtf8(bytes, 0, end, false); i >= 0; i = firstInvalidUtf8(bytes, i + 1, end, false))
    bad++;
  return bad > 8 && bad * 20 > end;
}

const utf16Why = {
  unpaired: 'half of a character pair has no other half',
  cutShort: 'the file ends in the middle of a character',
} as const;

function decodeUtf16(
  bytes: Uint8Array,
  encoding: 'utf-16le' | 'utf-16be',
): Result<string, TextDecodingProblem> {
  const n = (bytes.length - 2) >> 1;
  const unit = (k: number) => {
    const a = bytes[2 + 2 * k] as number;
    const b = bytes[3 + 2 * k] as number;
    return encoding === 'utf-16le' ? a | (b << 8) : (a << 8) | b;
  };
  let line = 1;
  let lineStart = 0;
  const refuse = (k: number, reason: 'unpaired' | 'cutShort') =>
    err<TextDecodingProblem>({
      code: 'invalid_utf16',
      line,
      column: k - lineStart + 1,
      byteOffset: 2 + 2 * k,
      values: { reason },
      message: `at byte ${3 + 2 * k} of the file ${utf16Why[reason]}, so this is not valid UTF-16 text; save the file as UTF-8 and try again`,
    });
  for (let k = 0; k < n; k++) {
    const u = unit(k);
    if (u === 10) {
      line++;
      lineStart = k + 1;
    } else if (u >= 0xd800 && u <= 0xdbff) {
      const next = k + 1 < n ? unit(k + 1) : 0;
      if (next < 0xdc00 || next > 0xdfff) return refuse(k, 'unpaired');
      k++;
    } else if (u >= 0xdc00 && u <= 0xdfff) return refuse(k, 'unpaired');
  }
  if ((bytes.length & 1) === 1) return refuse(n, 'cutShort');
  return ok(new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes));
}

/** Bytes to text by the rule above: the text (without its byte-order mark), or where and why it was refused. */
export function decodeText(bytes: Uint8Array): Result<string, TextDecodingProblem> {
  const { encoding, bom } = textEncodingOf(bytes);
  if (encoding !== 'utf-8') return decodeUtf16(bytes, encoding);
  const zero = bytes.indexOf(0);
  if (zero >= 0) return err(zeroByteProblem(bytes, zero));
  const bad = firstInvalidUtf8(bytes, bom);
  if (bad < 0) return ok(new TextDecoder('utf-8').decode(bytes.subarray(bom)));
  const { line, column } = positionOfByte(bytes, bad);
  if (looksBinary(bytes))
    return err({
      code: 'not_text',
      line,
      column,
      byteOffset: bad,
      values: { reason: 'binary' },
      message: 'not a text file (most of its first bytes are not UTF-8 text); expected text saved as UTF-8',
    });
  return err(notUtf8Problem(bytes[bad] as number, line, column, bad));
}
