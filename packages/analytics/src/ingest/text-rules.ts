import { isUtf8 } from 'node:buffer';
import {
  describeUnsafeCharacter,
  findUnsafeCharacter,
  firstInvalidUtf8,
  notUtf8Problem,
  type TextDecodingProblem,
  type UnsafeCharacter,
} from '@waymark/core/text';
import type { ByteInterner } from '../model/byte-interner';
import type { CsvEncoding } from './csv-dialect';
import { ImportError } from './import-result';
import type { RejectionProblem } from './rejection-codes';
import { decoderFor } from './text-decoder';

/**
 * The text rules of `@waymark/core` applied to event logs, which are read as bytes and never decoded whole:
 *
 * - decoding (`decodeText`'s rule): UTF-8, or UTF-16 with a byte-order mark; a byte that is not UTF-8 stops the
 *   import with its line, column and byte offset (no Windows-1252 guess, no U+FFFD). Windows-1252 is read only
 *   when a caller names it (`encoding`).
 * - characters (`findUnsafeCharacter`'s rule): a case id, activity or other kept value holding a control
 *   character or a lone surrogate is refused. The row (or event) is rejected with its line and column, like a
 *   row with a bad date, and counted in the report: the rest of the log is still read, nothing is altered.
 *   Only values met for the first time are checked, so a log of millions of rows pays for its distinct values.
 */

/** Checks a stream of UTF-8 chunks; a sequence cut at a chunk's end is completed from the next chunk. */
export class Utf8Stream {
  private tail: Uint8Array = new Uint8Array(0);
  /** Bytes of the file before the current chunk. */
  private offset = 0;

  /**
   * @param refuse called with the chunk and the offset in it of the first bad byte (negative when the bad
   *   sequence began in the previous chunk); it throws.
   */
  constructor(private readonly refuse: (chunk: Uint8Array, at: number, fileOffset: number) => never) {}

  check(chunk: Uint8Array): void {
    let from = 0;
    if (this.tail.length > 0) {
      const lead = this.tail[0] as number;
      const need = (lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2) - this.tail.length;
      if (chunk.length < need) {
        this.tail = concat(this.tail, chunk);
        this.offset += chunk.length;
        return;
      }
      const joined = concat(this.tail, chunk.subarray(0, need));
      const bad = firstInvalidUtf8(joined);
      if (bad >= 0) this.refuse(chunk, bad - this.tail.length, this.offset + bad - this.tail.length);
      this.tail = new Uint8Array(0);
      from = need;
    }
    const cut = incompleteTail(chunk, from);
    const body = chunk.subarray(from, cut);
    if (!isUtf8(body)) {
      const bad = firstInvalidUtf8(chunk, from, cut);
      this.refuse(chunk, bad, this.offset + bad);
    }
    this.tail = chunk.slice(cut);
    this.offset += chunk.length;
  }

  /** The end of the input: a character cut off by the end of the file is refused. */
  finish(lastChunk: Uint8Array = new Uint8Array(0)): void {
    if (this.tail.length > 0)
      this.refuse(lastChunk, lastChunk.length - this.tail.length, this.offset - this.tail.length);
  }
}

/** Where a multi-byte sequence that the chunk cuts off begins (the chunk's length when none is cut). */
function incompleteTail(chunk: Uint8Array, from: number): number {
  const n = chunk.length;
  for (let i = n - 1; i >= Math.max(from, n - 3); i--) {
    const b = chunk[i] as number;
    if ((b & 0xc0) === 0x80) continue;
    if (b < 0xc0) return n;
    const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return i + len > n ? i : n;
  }
  return n;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** A byte as the messages write it: 0xE9. */
export const hexByte = (byte: number): string => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/** An ImportError for a byte that is not UTF-8, at `line` and `column`. */
export function notUtf8Error(byte: number, line: number, column: number, byteOffset: number): ImportError {
  const p: TextDecodingProblem = notUtf8Problem(byte, line, column, byteOffset);
  return new ImportError('not_utf8', `line ${line}, column ${column}: ${p.message}`, line, {
    where: 'file',
    line,
    column,
    byte: byteOffset + 1,
    hex: hexByte(byte),
  });
}

/** Column (1-based, in characters) of byte `at` of a UTF-8 line starting at `lineStart`. */
export function columnOf(bytes: Uint8Array, lineStart: number, at: number): number {
  let column = 1;
  for (let i = Math.max(0, lineStart); i < at; i++) if (((bytes[i] as number) & 0xc0) !== 0x80) column++;
  return column;
}

// Windows-1252 leaves these five bytes undefined; Waymark's decoder maps them to C1 control characters.
const c1In1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** Why a value breaks the rule: not UTF-8, or a control character or lone surrogate (its code point, 1-based position). */
export type ValueProblem =
  | { readonly code: 'value_not_utf8'; readonly text: string }
  | {
      readonly code: 'unsafe_character';
      readonly codePoint: string;
      readonly position: number;
      readonly text: string;
    };

/** A found unsafe character as a ValueProblem, `text` in the importer's English. */
export function unsafeCharacterProblem(found: Omit<UnsafeCharacter, 'path'>): ValueProblem {
  return {
    code: 'unsafe_character',
    codePoint: found.codePoint,
    position: found.index + 1,
    text: describeUnsafeCharacter(found),
  };
}

/** A value's problem as a rejection of `field` (case, activity, channel…): "the case id contains …". */
export function valueRejection(field: string, p: ValueProblem): RejectionProblem {
  const reason = `the ${field === 'case' ? 'case id' : field} ${p.text}`;
  return p.code === 'value_not_utf8'
    ? { code: p.code, values: { field }, reason }
    : { code: p.code, values: { field, codePoint: p.codePoint, position: p.position }, reason };
}

/** Why a value's bytes break the rule (a control character, a lone surrogate, not UTF-8), or undefined. */
export function valueProblem(
  bytes: Uint8Array,
  start: number,
  end: number,
  encoding: CsvEncoding,
): ValueProblem | undefined {
  let suspect = false;
  for (let i = start; i < end; i++) {
    const b = bytes[i] as number;
    if (b >= 0x20 && b < 0x7f) continue;
    if (b === 9 || b === 10 || b === 13) continue;
    if (
      b < 0x20 ||
      b === 0x7f ||
      (encoding === 'windows-1252' ? c1In1252.has(b) : b === 0xc2 || b === 0xed)
    ) {
      suspect = true;
      break;
    }
  }
  if (encoding !== 'windows-1252' && firstInvalidUtf8(bytes, start, end) >= 0)
    return { code: 'value_not_utf8', text: 'is not UTF-8 text; save the file as UTF-8 and try again' };
  if (!suspect) return undefined;
  const found = findUnsafeCharacter(decoderFor(encoding).decode(bytes.subarray(start, end)));
  return found ? unsafeCharacterProblem(found) : undefined;
}

/**
 * Interns values through the rule: a value met for the first time is checked, and a refused value stays
 * refused each time it comes back (its id is remembered), so a cache hit cannot let it through.
 */
export class CheckedInterner {
  private refused: Map<number, ValueProblem> | undefined;
  /** Why the last value given -1 was refused. */
  problem: ValueProblem = { code: 'value_not_utf8', text: '' };

  constructor(
    readonly interner: ByteInterner,
    private readonly encoding: CsvEncoding = 'utf-8',
  ) {}

  /** The value's id, or -1 when the rule refuses it (see `reason`). */
  intern(bytes: Uint8Array, start: number, end: number, few = false): number {
    const before = this.interner.size;
    const id = few ? this.interner.internFew(bytes, start, end) : this.interner.intern(bytes, start, end);
    if (this.interner.size !== before) {
      const why = valueProblem(bytes, start, end, this.encoding);
      if (why !== undefined) (this.refused ??= new Map()).set(id, why);
    }
    if (this.refused === undefined) return id;
    const why = this.refused.get(id);
    if (why === undefined) return id;
    this.problem = why;
    return -1;
  }
}
