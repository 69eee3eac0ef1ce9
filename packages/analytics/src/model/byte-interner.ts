import { LimitExceeded } from '../ingest/limits';
import type { BytesDecoder } from '../ingest/text-decoder';

/**
 * Interns byte strings to dense integer ids without creating a JS string per occurrence:
 * the hot import loop hashes the bytes in place and only decodes each distinct value once, on demand.
 */
export class ByteInterner {
  private arena: Uint8Array = new Uint8Array(1 << 16);
  /** The arena read four bytes at a time (`equals`), made again when the arena grows. */
  private arenaWords = new DataView(this.arena.buffer);
  /** The bytes last compared with a value (a reader's chunk, which changes rarely), and their word view. */
  private compared: Uint8Array = new Uint8Array(0);
  private comparedWords: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));
  private arenaUsed = 0;
  /**
   * Value id's arena start and length at 2·id and 2·id + 1, side by side: a large table's lookup reads one
   * cache line for both rather than one in each of two arrays. (Its hash is in the table, beside its id.)
   */
  private entries: Int32Array = new Int32Array(2 * 1024);
  /** Open addressing: slot i holds an id (-1: empty) at 2·i and that value's hash at 2·i + 1. */
  private table: Int32Array = new Int32Array(2 * 2048).fill(-1);
  private mask = 2047;
  private decoded: (string | undefined)[] = [];
  size = 0;
  /** Most distinct values; one more is refused with `LimitExceeded` naming `limitLabel`. */
  maxSize = Number.POSITIVE_INFINITY;
  limitLabel = 'distinct values';

  constructor(private readonly decoder: BytesDecoder = new TextDecoder('utf-8')) {}

  /** The id of bytes[start, end), adding it if new. */
  intern(bytes: Uint8Array, start: number, end: number): number {
    const h = hashBytes(bytes, start, end);
    const slot = this.probe(bytes, start, end - start, h);
    const id = this.table[2 * slot] as number;
    return id >= 0 ? id : this.add(bytes, start, end - start, h, slot);
  }

  /**
   * `intern` for columns with few distinct values (activities, channels, teams): a small cache keyed on
   * the length and three of the bytes skips hashing on a hit, and a hit is still checked byte for byte.
   * On a column with many values the cache only misses, at the cost of one lookup.
   */
  internFew(bytes: Uint8Array, start: number, end: number): number {
    const len = end - start;
    if (len === 0) return this.intern(bytes, start, end);
    const key =
      (len * 131 +
        (bytes[start] as number) * 31 +
        (bytes[end - 1] as number) * 7 +
        (bytes[start + (len >> 1)] as number)) &
      1023;
    const cached = this.recent[key] as number;
    if (cached >= 0 && this.entries[2 * cached + 1] === len && this.equals(cached, bytes, start, len))
      return cached;
    const id = this.intern(bytes, start, end);
    this.recent[key] = id;
    return id;
  }

  private readonly recent = new Int32Array(1024).fill(-1);

  /** The id of bytes[start, end), or -1 when they were never interned. */
  find(bytes: Uint8Array, start: number, end: number): number {
    const slot = this.probe(bytes, start, end - start, hashBytes(bytes, start, end));
    return this.table[2 * slot] as number;
  }

  private probe(bytes: Uint8Array, start: number, len: number, h: number): number {
    const table = this.table;
    let slot = h & this.mask;
    for (;;) {
      const id = table[2 * slot] as number;
      if (id < 0) return slot;
      if (table[2 * slot + 1] === h && this.entries[2 * id + 1] === len && this.equals(id, bytes, start, len))
        return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  /** The id of a JS string (used by readers that already hold strings, such as XES and Parquet). */
  internString(value: string): number {
    const length = encoded(value);
    const id = this.intern(scratch, 0, length);
    if (this.decoded[id] === undefined) this.decoded[id] = value;
    return id;
  }

  /** The id of a string already interned, or -1. */
  findString(value: string): number {
    return this.find(scratch, 0, encoded(value));
  }

  /** The interned bytes, to move to another thread (see `internAll`). */
  exportBytes(): { arena: Uint8Array; starts: Int32Array; lengths: Int32Array; size: number } {
    const starts = new Int32Array(this.size);
    const lengths = new Int32Array(this.size);
    for (let id = 0; id < this.size; id++) {
      starts[id] = this.entries[2 * id] as number;
      lengths[id] = this.entries[2 * id + 1] as number;
    }
    return { arena: this.arena.slice(0, this.arenaUsed), starts, lengths, size: this.size };
  }

  /** Interns every value of an exported interner; returns old id → id here. */
  internAll(other: { arena: Uint8Array; starts: Int32Array; lengths: Int32Array; size: number }): Int32Array {
    const map = new Int32Array(other.size);
    for (let id = 0; id < other.size; id++) {
      const s = other.starts[id] as number;
      map[id] = this.intern(other.arena, s, s + (other.lengths[id] as number));
    }
    return map;
  }

  value(id: number): string {
    let s = this.decoded[id];
    if (s === undefined) {
      const start = this.entries[2 * id] as number;
      s = this.decoder.decode(this.arena.subarray(start, start + (this.entries[2 * id + 1] as number)));
      this.decoded[id] = s;
    }
    return s;
  }

  values(): string[] {
    const out: string[] = new Array<string>(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.value(i);
    return out;
  }

  /** `bytes` viewed for reading four at a time: the view of the last bytes given, or a new one. */
  private wordsOf(bytes: Uint8Array): DataView<ArrayBufferLike> {
    if (bytes !== this.compared) {
      this.compared = bytes;
      this.comparedWords = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    return this.comparedWords;
  }

  /** Whether value `id` is bytes[start, start + len): four bytes at a time, then the last one to three. */
  private equals(id: number, bytes: Uint8Array, start: number, len: number): boolean {
    const s = this.entries[2 * id] as number;
    const a = this.arenaWords;
    const b = this.wordsOf(bytes);
    let i = 0;
    for (; i + 4 <= len; i += 4) if (a.getInt32(s + i, true) !== b.getInt32(start + i, true)) return false;
    const arena = this.arena;
    for (; i < len; i++) if (arena[s + i] !== bytes[start + i]) return false;
    return true;
  }

  private add(bytes: Uint8Array, start: number, len: number, h: number, slot: number): number {
    if (this.size >= this.maxSize) throw new LimitExceeded('values', this.limitLabel, this.maxSize);
    const id = this.size++;
    if (2 * id >= this.entries.length) {
      const grown = new Int32Array(this.entries.length * 2);
      grown.set(this.entries);
      this.entries = grown;
    }
    while (this.arenaUsed + len > this.arena.length) {
      const next = new Uint8Array(this.arena.length * 2);
      next.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = next;
      this.arenaWords = new DataView(next.buffer);
    }
    this.arena.set(bytes.subarray(start, start + len), this.arenaUsed);
    this.entries[2 * id] = this.arenaUsed;
    this.entries[2 * id + 1] = len;
    this.arenaUsed += len;
    this.table[2 * slot] = id;
    this.table[2 * slot + 1] = h;
    if (this.size * 2 > this.mask) this.rehash();
    return id;
  }

  /**
   * The table twice as large (or more). The old table is read in slot order, hashes and all: a value in
   * slot s lands at or just after s or s + the old size, so the new table is written in two runs that move
   * through memory, rather than at a random place for each value in id order (a cache miss each, on a table
   * of millions).
   */
  private rehash(): void {
    let cap = this.mask + 1;
    while (this.size * 2 > cap - 1) cap *= 2;
    const table = new Int32Array(2 * cap).fill(-1);
    const mask = cap - 1;
    const old = this.table;
    for (let at = 0; at < old.length; at += 2) {
      const id = old[at] as number;
      if (id < 0) continue;
      const h = old[at + 1] as number;
      let slot = h & mask;
      while ((table[2 * slot] as number) >= 0) slot = (slot + 1) & mask;
      table[2 * slot] = id;
      table[2 * slot + 1] = h;
    }
    this.table = table;
    this.mask = mask;
  }
}

const encoder = new TextEncoder();
/**
 * Where `internString` encodes its strings: one array, so an interner's view of the bytes it was last given
 * (`wordsOf`) is made again only when it grows, not for every string.
 */
let scratch = new Uint8Array(256);

/** Encodes `value` as UTF-8 into `scratch` (grown to fit); returns the bytes written. */
function encoded(value: string): number {
  // UTF-8 takes at most 3 bytes for each UTF-16 unit
  if (value.length * 3 > scratch.length) scratch = new Uint8Array(value.length * 3);
  return encoder.encodeInto(value, scratch).written;
}

/**
 * A multiplicative hash over a byte range, four bytes a step (FNV-style mixing, murmur finaliser). The words
 * are put together from single bytes: reading them through a DataView needs a view of `bytes`, and an XES
 * read, whose values come from more than one array in turn, then made one for most values (0.15 s more on
 * the 560k-event XES).
 */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = (0x811c9dc5 ^ (end - start)) | 0;
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const w =
      (bytes[i] as number) |
      ((bytes[i + 1] as number) << 8) |
      ((bytes[i + 2] as number) << 16) |
      ((bytes[i + 3] as number) << 24);
    h = Math.imul(h ^ w, 0x01000193);
    h ^= h >>> 15;
  }
  for (; i < end; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h;
}
