import { positionOfByte } from '@waymark/core/text';

/**
 * A streaming, byte-level CSV reader (RFC 4180 plus common variants). It never builds strings:
 * each record is handed over as field offsets into the current chunk. See
 * docs/decisions/0003-analytics-csv-reader.md for why it is hand-written.
 */
export interface CsvRecord {
  /** The bytes the offsets point into; valid only during the callback. */
  bytes: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  /** 1 when a quoted field holds doubled quotes that `field()` must collapse. */
  escaped: Uint8Array;
  count: number;
  /** 1-based physical line the record starts on. */
  line: number;
  /** Set when a closing quote was followed by stray characters before the delimiter. */
  strayAfterQuote: boolean;
}

export interface CsvDialect {
  readonly delimiter: number;
  readonly quote: number;
}

export class CsvError extends Error {
  constructor(
    readonly code: 'unclosed_quote' | 'record_too_long' | 'not_utf8',
    readonly line: number,
    message: string,
    /** When one block of a file split between threads was read on its own: which block (`line` is within it). */
    readonly block?: number,
    /** The specifics the message states, for the catalogue (ImportErrorValues; the line is `line`). */
    readonly values?: Readonly<Record<string, string | number>>,
  ) {
    super(message);
  }
}

const LF = 10;
const CR = 13;

/** Byte b in each of a 32-bit word's four bytes. */
function repeated(b: number): number {
  return Math.imul(b, 0x01010101);
}
const LFS = repeated(LF);
const CRS = repeated(CR);

/**
 * Bit 7 set in each byte of x that is 0 (x is a word XOR a repeated byte: its 0 bytes are that byte). A borrow
 * can also set it in a byte above a 0 byte, never below the lowest one, so the lowest set bit is exact.
 */
function stops(x: number): number {
  return ((x - 0x01010101) | 0) & ~x & 0x80808080;
}

/** Which byte (0–3, in memory order: the word is read little-endian) holds the lowest bit set in `hit`. */
function firstByte(hit: number): number {
  return (31 - Math.clz32(hit & -hit)) >> 3;
}
/** Most fields in one record (a header of more columns is refused). */
export const MAX_FIELDS = 4096;

/** Reads CSV records from chunks; `onRecord` returning false stops the read. */
export class CsvReader {
  private carry: Uint8Array | undefined;
  private line = 1;
  private readonly rec: CsvRecord = {
    bytes: new Uint8Array(0),
    starts: new Int32Array(MAX_FIELDS),
    ends: new Int32Array(MAX_FIELDS),
    escaped: new Uint8Array(MAX_FIELDS),
    count: 0,
    line: 1,
    strayAfterQuote: false,
  };
  private scratch = new Uint8Array(1024);

  constructor(
    private readonly dialect: CsvDialect,
    private readonly onRecord: (rec: CsvRecord) => void,
    private readonly maxRecordBytes = 16 * 1024 * 1024,
  ) {}

  /** The line the next record starts on (after `finish`, one past the last line). */
  get nextLine(): number {
    return this.line;
  }

  /**
   * Line and column of byte `at` of `chunk`, the chunk about to be pushed (or `at` of the bytes last given to
   * `finish`): the lines read so far, then those in the bytes carried over and in the chunk before `at`.
   * For errors only; it copies.
   */
  positionOf(chunk: Uint8Array, at: number): { line: number; column: number } {
    const carry = this.carry ?? new Uint8Array(0);
    const upTo = Math.max(0, at);
    const joined = new Uint8Array(carry.length + upTo);
    joined.set(carry);
    joined.set(chunk.subarray(0, upTo), carry.length);
    return positionOfByte(joined, joined.length + Math.min(0, at), this.line);
  }

  /** Feeds the next chunk; bytes of an unfinished record are kept for the next call. */
  push(chunk: Uint8Array): void {
    let buf = chunk;
    if (this.carry) {
      // Usually the record cut at the end of the last chunk ends at the first line break of this one:
      // join only that much, rather than copying the whole chunk after the carried bytes.
      const nl = chunk.indexOf(LF);
      if (nl >= 0 && nl < chunk.length - 1) {
        const head = new Uint8Array(this.carry.length + nl + 1);
        head.set(this.carry);
        head.set(chunk.subarray(0, nl + 1), this.carry.length);
        if (this.parse(head, false) === head.length) {
          this.carry = undefined;
          buf = chunk.subarray(nl + 1);
        }
      }
      if (this.carry) {
        buf = new Uint8Array(this.carry.length + chunk.length);
        buf.set(this.carry);
        buf.set(chunk, this.carry.length);
        this.carry = undefined;
      }
    }
    const used = this.parse(buf, false);
    if (used < buf.length) {
      if (buf.length - used > this.maxRecordBytes) {
        const limitMb = this.maxRecordBytes / 1048576;
        const quote = String.fromCharCode(this.dialect.quote);
        const quoteOpen = buf.indexOf(this.dialect.quote, used) >= 0;
        throw new CsvError(
          'record_too_long',
          this.line,
          `line ${this.line}: a record runs past ${limitMb} MB, the most one row may hold (expected a line break${quoteOpen ? ` or a closing ${quote}: a quote is probably not closed` : ''})`,
          undefined,
          { reason: 'bytes', limitMb, quoteOpen: quoteOpen ? 'yes' : 'no', quote },
        );
      }
      // a copy: the chunk may be a Buffer (whose slice is a view) that its reader fills again
      this.carry = Uint8Array.prototype.slice.call(buf, used);
    }
  }

  /** Ends the input: the last record may lack a line break; an open quote is an error. */
  finish(): void {
    const buf = this.carry ?? new Uint8Array(0);
    this.carry = undefined;
    if (buf.length > 0) this.parse(buf, true);
  }

  private readonly view: { bytes: Uint8Array; start: number; end: number } = {
    bytes: new Uint8Array(0),
    start: 0,
    end: 0,
  };

  /**
   * The bytes of field f of the current record, with doubled quotes collapsed. The returned
   * object is reused by the next call (no allocation per field in the hot loop).
   */
  field(rec: CsvRecord, f: number): { bytes: Uint8Array; start: number; end: number } {
    const view = this.view;
    const start = rec.starts[f] as number;
    const end = rec.ends[f] as number;
    if (rec.escaped[f] === 0) {
      view.bytes = rec.bytes;
      view.start = start;
      view.end = end;
      return view;
    }
    if (this.scratch.length < end - start) this.scratch = new Uint8Array(end - start);
    let w = 0;
    const q = this.dialect.quote;
    for (let r = start; r < end; r++) {
      const c = rec.bytes[r] as number;
      this.scratch[w++] = c;
      if (c === q && rec.bytes[r + 1] === q) r++;
    }
    view.bytes = this.scratch;
    view.start = 0;
    view.end = w;
    return view;
  }

  /**
   * Splits one record that ends in LF or CRLF and holds no field starting with a quote, finding the
   * delimiters and the line end in one pass. Returns the offset after the line, or 0 when the general parser
   * must handle it (a quote, a bare CR, no line end in this chunk yet). `cr` is CR, or LF when the chunk holds
   * no CR at all (then the test costs nothing new). `words` views `buf`: a field's bytes are tested four at a
   * time (see `stops`), the last few one by one.
   */
  private fastLine(buf: Uint8Array, words: DataView, pos: number, cr: number): number {
    const n = buf.length;
    const wordEnd = n - 3;
    const delim = this.dialect.delimiter;
    const delims = repeated(delim);
    const quote = this.dialect.quote;
    const rec = this.rec;
    const starts = rec.starts;
    const ends = rec.ends;
    const escaped = rec.escaped;
    let count = 0;
    let fs = pos;
    for (;;) {
      if (buf[fs] === quote || count === MAX_FIELDS) return 0;
      let e = fs;
      if (cr === LF)
        while (e < wordEnd) {
          const x = words.getInt32(e, true);
          const hit = stops(x ^ delims) | stops(x ^ LFS);
          if (hit !== 0) {
            e += firstByte(hit);
            break;
          }
          e += 4;
        }
      else
        while (e < wordEnd) {
          const x = words.getInt32(e, true);
          const hit = stops(x ^ delims) | stops(x ^ LFS) | stops(x ^ CRS);
          if (hit !== 0) {
            e += firstByte(hit);
            break;
          }
          e += 4;
        }
      let c = 0;
      while (e < n) {
        c = buf[e] as number;
        if (c === delim || c === LF || c === cr) break;
        e++;
      }
      if (e >= n) return 0;
      starts[count] = fs;
      ends[count] = e;
      escaped[count] = 0;
      count++;
      if (c === delim) {
        fs = e + 1;
        continue;
      }
      let next = e + 1;
      if (c !== LF) {
        if (buf[next] !== LF) return 0;
        next++;
      }
      rec.bytes = buf;
      rec.count = count;
      return next;
    }
  }

  /** Parses whole records from buf; returns how many bytes were consumed. */
  private parse(buf: Uint8Array, last: boolean): number {
    const delim = this.dialect.delimiter;
    const quote = this.dialect.quote;
    const rec = this.rec;
    const starts = rec.starts;
    const ends = rec.ends;
    const escaped = rec.escaped;
    rec.bytes = buf;
    const n = buf.length;
    const noCr = buf.indexOf(CR) < 0;
    const words = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    let pos = 0;
    while (pos < n) {
      const rowStart = pos;
      // fast path: a record on one line with no quoted field
      const fast = this.fastLine(buf, words, pos, noCr ? LF : CR);
      if (fast > 0) {
        pos = fast;
        rec.line = this.line;
        rec.strayAfterQuote = false;
        this.line++;
        if (!(rec.count === 1 && starts[0] === ends[0])) this.onRecord(rec);
        continue;
      }
      let lines = 0;
      let count = 0;
      let stray = false;
      for (;;) {
        if (count === MAX_FIELDS)
          throw new CsvError(
            'record_too_long',
            this.line,
            `line ${this.line}: more than ${MAX_FIELDS} fields`,
            undefined,
            { reason: 'fields', limit: MAX_FIELDS },
          );
        escaped[count] = 0;
        if (buf[pos] === quote) {
          const fs = pos + 1;
          let q = fs;
          let esc = 0;
          for (;;) {
            while (q < n && buf[q] !== quote) {
              if (buf[q] === LF) lines++;
              q++;
            }
            if (q >= n) break;
            if (buf[q + 1] === quote) {
              esc = 1;
              q += 2;
              continue;
            }
            if (q + 1 >= n && !last) q = n; // cannot tell "" from " at the chunk end yet
            break;
          }
          if (q >= n) {
            if (!last) return rowStart;
            throw new CsvError(
              'unclosed_quote',
              this.line,
              `line ${this.line}: field ${count + 1} opens a quote that is never closed (expected a closing ${String.fromCharCode(quote)} before the end of the file)`,
              undefined,
              { field: count + 1, quote: String.fromCharCode(quote) },
            );
          }
          starts[count] = fs;
          ends[count] = q;
          escaped[count] = esc;
          pos = q + 1;
          if (pos < n && buf[pos] !== delim && buf[pos] !== LF && buf[pos] !== CR) {
            stray = true;
            while (pos < n && buf[pos] !== delim && buf[pos] !== LF && buf[pos] !== CR) pos++;
          }
        } else {
          starts[count] = pos;
          while (pos < n) {
            const c = buf[pos];
            if (c === delim || c === LF || c === CR) break;
            pos++;
          }
          ends[count] = pos;
        }
        count++;
        if (pos >= n) {
          if (!last) return rowStart;
          break;
        }
        const c = buf[pos];
        if (c === delim) {
          pos++;
          continue;
        }
        if (c === CR) {
          if (pos + 1 >= n && !last) return rowStart;
          pos += buf[pos + 1] === LF ? 2 : 1;
        } else pos++;
        lines++;
        break;
      }
      rec.count = count;
      rec.line = this.line;
      rec.strayAfterQuote = stray;
      this.line += lines;
      if (!(count === 1 && starts[0] === ends[0])) this.onRecord(rec);
    }
    return pos;
  }
}
