import { ByteInterner } from '../model/byte-interner';
import { decodeRefs, indexOfSeq, isKeyOpen, isValueOpen, XmlError } from './xml-bytes';

export { decodeRefs, XmlError };

/** One start tag's attributes as offsets into the current chunk; valid only during the callback. */
export interface XmlAttributes {
  bytes: Uint8Array;
  count: number;
  nameId: Int32Array;
  valueStart: Int32Array;
  valueEnd: Int32Array;
  /** 1 when the value holds an entity or character reference that `value()` must decode. */
  hasRef: Uint8Array;
}

export interface XmlHandler {
  open(tag: number, attrs: XmlAttributes, selfClosing: boolean): void;
  close(tag: number): void;
  /**
   * `<tag key="…" value="…"/>` with no references, the shape nearly every XES element has, given as the id of its
   * key (a name, as `nameId` gives) and the offsets of its value in `bytes` (valid only during the call). Returns
   * false to have it given as `open` and `close` instead. Without this method it is always given as `open` and
   * `close`.
   */
  keyValue?(tag: number, key: number, bytes: Uint8Array, valueStart: number, valueEnd: number): boolean;
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const EQ = 61;
const QUOT = 34;
const APOS = 39;
const AMP = 38;
const NL = 10;
/** Longest token whose line breaks are counted byte by byte as it is passed; a longer one is left to `line`. */
const COUNTED_TOKEN = 256;
const MAX_ATTRS = 256;
const MAX_TOKEN = 16 * 1024 * 1024;
/** Deeper nesting than any event log uses (XES nests lists in containers a few levels at most). */
const MAX_DEPTH = 1000;
/** Distinct tag and attribute names: XES uses a few dozen. */
const MAX_NAMES = 100_000;
/** Slots of the name cache (a power of two). */
const NAME_CACHE = 1024;
/** Distinct `<tag key="…" value="` beginnings remembered for the prediction (a log has a few dozen). */
const MAX_PREFIXES = 4096;

/** A Buffer holding a's bytes then b's. */
function joined(a: Uint8Array, b: Uint8Array): Buffer {
  const buf = Buffer.allocUnsafe(a.length + b.length);
  buf.set(a);
  buf.set(b, a.length);
  return buf;
}

/**
 * The bytes that end a quoted key or value on the fast path: its closing quote, or "&", "<" or a line break (left
 * to the general path, so a tag read on the fast path holds no line break and the line count passes over it).
 */
const valueStop = new Uint8Array(256);
valueStop[QUOT] = 1;
valueStop[NL] = 1;
valueStop[AMP] = 1;
valueStop[LT] = 1;

/**
 * Where the value starting at vs ends on the fast path (its closing quote, followed by "/>"), or -1 when it holds
 * a byte of valueStop first or the tag goes on otherwise.
 */
function valueEnd(buf: Uint8Array, vs: number): number {
  const n = buf.length;
  let ve = vs;
  while (ve < n && valueStop[buf[ve] as number] === 0) ve++;
  return ve >= n || buf[ve] !== QUOT || buf[ve + 1] !== SLASH || buf[ve + 2] !== GT ? -1 : ve;
}

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13;

/**
 * A streaming byte-level XML scanner for event logs: start tags with attributes, end tags,
 * comments, processing instructions and CDATA; text is skipped. Any DOCTYPE is refused, so no
 * entity can be declared (no entity expansion, no external entities); only the five predefined
 * entities and character references are decoded. Tag nesting is checked.
 */
export class XmlScanner {
  /** Interned tag and attribute names. */
  readonly names = new ByteInterner();
  private carry: Uint8Array | undefined;
  private lineBase = 1;
  private lineBuf: Uint8Array | undefined;
  private linePos = 0;
  private readonly stack: number[] = [];
  private readonly attrs: XmlAttributes = {
    bytes: new Uint8Array(0),
    count: 0,
    nameId: new Int32Array(MAX_ATTRS),
    valueStart: new Int32Array(MAX_ATTRS),
    valueEnd: new Int32Array(MAX_ATTRS),
    hasRef: new Uint8Array(MAX_ATTRS),
  };
  private scratch = new Uint8Array(256);
  private currentPos = 0;
  private nextBreak = -1;
  private nextBreakBuf: Uint8Array | undefined;
  private sawRoot = false;
  /** Recent names by a key of their length and three bytes (see nameId); -1 where none. */
  private readonly cacheIds = new Int32Array(NAME_CACHE).fill(-1);
  private readonly cacheBytes: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(NAME_CACHE);
  /**
   * The beginnings `<tag key="…" value="` of the key-value tags seen (see keyValueTag), with their tag, their key,
   * where the key starts in them, and the two beginnings that came next the last times they differed;
   * `lastPrefix` is the last one read. A log writes an event's attributes in the same order every time, so the
   * next tag is nearly always one that followed the last before (two, as a trace's name is followed by its
   * first event's name, and an event's name by its next attribute): it is compared whole, and its tag and key
   * are not read and looked up again.
   */
  private readonly prefixIds = new Map<string, number>();
  private readonly prefixBytes: Uint8Array[] = [];
  private readonly prefixTag: number[] = [];
  private readonly prefixKey: number[] = [];
  private readonly prefixKeyAt: number[] = [];
  private readonly prefixNext: number[] = [];
  private readonly prefixNext2: number[] = [];
  private lastPrefix = -1;
  private readonly valueView: { bytes: Uint8Array; start: number; end: number } = {
    bytes: new Uint8Array(0),
    start: 0,
    end: 0,
  };

  /**
   * The id of a tag or attribute name. A few dozen names repeat millions of times (tags, XES keys), so a
   * small cache keyed on the length and three of the bytes answers most calls with one byte-for-byte
   * comparison instead of hashing every byte; a miss goes to the interner.
   */
  nameId(buf: Uint8Array, start: number, end: number): number {
    const len = end - start;
    if (len === 0) return this.names.intern(buf, start, end);
    const key =
      (len * 131 +
        (buf[start] as number) * 31 +
        (buf[end - 1] as number) * 7 +
        (buf[start + (len >> 1)] as number)) &
      (NAME_CACHE - 1);
    const b = this.cacheBytes[key];
    if (b !== undefined && b.length === len) {
      let same = true;
      for (let i = 0; i < len; i++)
        if (b[i] !== buf[start + i]) {
          same = false;
          break;
        }
      if (same) return this.cacheIds[key] as number;
    }
    const id = this.names.intern(buf, start, end);
    this.cacheIds[key] = id;
    // a copy (a Buffer's slice is a view, and a chunk's memory may be pooled and written again)
    this.cacheBytes[key] = new Uint8Array(buf.subarray(start, end));
    return id;
  }

  constructor(private readonly handler: XmlHandler) {
    this.names.maxSize = MAX_NAMES;
    this.names.limitLabel = 'distinct XML tag and attribute names';
  }

  /**
   * Starts this scanner in the middle of a document, inside the root element `root` (open, as if its start tag
   * had been read), on line `line`: for the part of a log after a split between two of its children.
   */
  resumeInside(root: string, line: number): void {
    this.stack.length = 0;
    this.stack.push(this.names.internString(root));
    this.sawRoot = true;
    this.lineBase = line;
  }

  /**
   * True when everything pushed was read and only the root element `root` is open: the bytes so far end between
   * two of its children (and not inside a comment, CDATA or a deeper element).
   */
  endsInside(root: string): boolean {
    return (
      this.carry === undefined &&
      this.stack.length === 1 &&
      this.stack[0] === this.names.find(Buffer.from(root), 0, root.length)
    );
  }

  /** The 1-based line of the token being handled (counted lazily). */
  get line(): number {
    const buf = this.lineBuf;
    if (!buf) return this.lineBase;
    const to = this.currentPos;
    if (to <= this.linePos) return this.lineBase;
    // hop from line break to line break with the native search; remember the first break past
    // `to`, so a file with very long lines is not searched again on every call
    let i =
      this.nextBreak >= this.linePos && this.nextBreakBuf === buf
        ? this.nextBreak
        : buf.indexOf(10, this.linePos);
    while (i >= 0 && i < to) {
      this.lineBase++;
      i = buf.indexOf(10, i + 1);
    }
    this.nextBreak = i < 0 ? buf.length : i;
    this.nextBreakBuf = buf;
    this.linePos = to;
    return this.lineBase;
  }

  /** The line the next chunk starts on: 1 + the line breaks in every chunk pushed so far. */
  get lineAfterPushed(): number {
    let line = this.lineBase;
    const carry = this.carry;
    if (carry) for (let i = carry.indexOf(10); i >= 0; i = carry.indexOf(10, i + 1)) line++;
    return line;
  }

  push(chunk: Uint8Array): void {
    // a Buffer, whose indexOf (memchr) finds the next "<", ">" or quote about twice as fast as a plain
    // Uint8Array's over the short distances between them
    let buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    const carry = this.carry;
    if (carry) {
      this.carry = undefined;
      // The token cut by the last chunk's end is finished with only the start of this chunk (up to its
      // first ">"), so the chunk itself is scanned where it is rather than copied after the carry whole
      // (a megabyte copied per chunk). A token that does not end there (a comment or CDATA with ">"
      // inside) is joined with the whole chunk as before.
      const gt = buf.indexOf(GT);
      let rest = 0;
      if (gt >= 0 && gt + 1 < buf.length) {
        const head = Buffer.allocUnsafe(carry.length + gt + 1);
        head.set(carry);
        head.set(buf.subarray(0, gt + 1), carry.length);
        const used = this.scan(head, false);
        this.settleLines(head, used);
        if (used >= carry.length) rest = used - carry.length;
        else buf = joined(carry.subarray(used), buf);
      } else buf = joined(carry, buf);
      if (rest > 0) buf = buf.subarray(rest);
    }
    const used = this.scan(buf, false);
    this.settleLines(buf, used);
    if (used < buf.length) {
      if (buf.length - used > MAX_TOKEN)
        throw new XmlError('xml_malformed', this.lineBase, 'a tag or comment runs past 16 MB (expected ">")');
      this.carry = new Uint8Array(buf.subarray(used)); // a copy: Buffer#slice would be a view
    }
  }

  finish(): void {
    const buf = this.carry ?? new Uint8Array(0);
    this.carry = undefined;
    const used = this.scan(buf, true);
    this.settleLines(buf, used);
    if (used < buf.length)
      throw new XmlError('xml_malformed', this.lineBase, 'the document ends inside a tag (expected ">")');
    if (this.stack.length > 0)
      throw new XmlError(
        'xml_malformed',
        this.lineBase,
        `the document ends with <${this.names.value(this.stack[this.stack.length - 1] as number)}> still open (the file may be truncated)`,
      );
    if (!this.sawRoot) throw new XmlError('xml_malformed', this.lineBase, 'no XML element found');
  }

  /** An attribute value with references decoded, as bytes (valid until the next call). */
  value(a: XmlAttributes, i: number): { bytes: Uint8Array; start: number; end: number } {
    const start = a.valueStart[i] as number;
    const end = a.valueEnd[i] as number;
    const view = this.valueView;
    if (a.hasRef[i] === 0) {
      view.bytes = a.bytes;
      view.start = start;
      view.end = end;
      return view;
    }
    const text = decodeRefs(new TextDecoder().decode(a.bytes.subarray(start, end)), this.line);
    const bytes = new TextEncoder().encode(text);
    if (this.scratch.length < bytes.length) this.scratch = new Uint8Array(bytes.length * 2);
    this.scratch.set(bytes);
    view.bytes = this.scratch;
    view.start = 0;
    view.end = bytes.length;
    return view;
  }

  private settleLines(buf: Uint8Array, used: number): void {
    this.lineBuf = buf;
    this.currentPos = used;
    void this.line;
    this.lineBuf = undefined;
    this.linePos = 0;
    this.currentPos = 0;
  }

  private fail(
    code: 'xml_refused' | 'xml_malformed',
    pos: number,
    buf: Uint8Array,
    message: string,
    feature?: 'doctype' | 'nesting',
  ): never {
    this.lineBuf = buf;
    this.currentPos = pos;
    throw new XmlError(code, this.line, message, feature);
  }

  private neverClosed(pos: number, buf: Uint8Array): never {
    return this.fail('xml_malformed', pos, buf, 'a tag is never closed (expected ">")');
  }

  /** Scans whole tokens; returns the offset of the first unfinished one. */
  private scan(buf: Uint8Array, last: boolean): number {
    this.lineBuf = buf;
    this.linePos = 0;
    const n = buf.length;
    let pos = 0;
    while (pos < n) {
      // between two elements there are only a few bytes of indentation: they are looked at here, and only a
      // longer run of text is searched by memchr (a call into Buffer#indexOf costs more than a few bytes read)
      // the line breaks among those bytes are counted on the way, so `line` (asked for every event) is ready at
      // the next token without a search of its own
      let lt = pos;
      let breaks = 0;
      for (let j = 0; j < 16 && lt < n; j++) {
        const c = buf[lt] as number;
        if (c === LT) break;
        if (c === NL) breaks++;
        lt++;
      }
      if (this.linePos === pos) {
        this.lineBase += breaks;
        this.linePos = lt;
      }
      if (lt >= n) return n;
      if (buf[lt] !== LT) {
        lt = buf.indexOf(LT, lt);
        if (lt < 0) return n;
      }
      pos = lt;
      this.currentPos = pos;
      const next = buf[pos + 1];
      if (next === undefined)
        return last ? this.fail('xml_malformed', pos, buf, 'the document ends after "<"') : pos;
      if (next === 33) {
        // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE
        if (pos + 9 > n && !last) return pos;
        if (buf[pos + 2] === 45 && buf[pos + 3] === 45) {
          const end = indexOfSeq(buf, [45, 45, 62], pos + 4);
          if (end < 0)
            return last
              ? this.fail('xml_malformed', pos, buf, 'a comment is never closed (expected "-->")')
              : pos;
          pos = end + 3;
          this.passed(buf, lt, pos);
        } else if (buf[pos + 2] === 91) {
          const end = indexOfSeq(buf, [93, 93, 62], pos + 9);
          if (end < 0)
            return last
              ? this.fail('xml_malformed', pos, buf, 'a CDATA section is never closed (expected "]]>")')
              : pos;
          pos = end + 3;
          this.passed(buf, lt, pos);
        } else {
          this.fail(
            'xml_refused',
            pos,
            buf,
            'the file declares a DOCTYPE; refused (DTDs and entities are not allowed, they can expand without bound or read other files)',
            'doctype',
          );
        }
        continue;
      }
      if (next === 63) {
        const end = indexOfSeq(buf, [63, 62], pos + 2);
        if (end < 0)
          return last
            ? this.fail('xml_malformed', pos, buf, 'a processing instruction is never closed (expected "?>")')
            : pos;
        pos = end + 2;
        this.passed(buf, lt, pos);
        continue;
      }
      if (next === SLASH) {
        // an end tag is short: its ">" is looked for here first (see the indentation above)
        let gt = pos + 2;
        for (let j = 0; j < 32 && gt < n && buf[gt] !== GT; j++) gt++;
        if (gt >= n || buf[gt] !== GT) gt = buf.indexOf(GT, gt);
        if (gt < 0) return last ? this.neverClosed(pos, buf) : pos;
        let e = pos + 2;
        while (e < gt && !isSpace(buf[e] as number)) e++;
        const tag = this.nameId(buf, pos + 2, e);
        const open = this.stack.pop();
        if (open !== tag)
          this.fail(
            'xml_malformed',
            pos,
            buf,
            open === undefined
              ? `</${this.names.value(tag)}> closes nothing`
              : `</${this.names.value(tag)}> closes <${this.names.value(open)}> (expected </${this.names.value(open)}>)`,
          );
        this.handler.close(tag);
        pos = gt + 1;
        this.passed(buf, lt, pos);
        continue;
      }
      const lp = this.lastPrefix;
      if (lp >= 0) {
        const p = this.prefixNext[lp] as number;
        const p2 = this.prefixNext2[lp] as number;
        let end = p >= 0 ? this.predicted(buf, pos, p) : 0;
        if (end === 0 && p2 >= 0) end = this.predicted(buf, pos, p2);
        if (end > 0) {
          pos = end;
          continue;
        }
      }
      const end = this.startTag(buf, pos, last);
      if (end < 0) return pos;
      this.passed(buf, lt, end);
      pos = end;
    }
    return pos;
  }

  /**
   * Counts the line breaks of the token [from, to) just read, when the count stands at its start (a tag read on
   * the fast path has none, and is already passed). A long token, or one after bytes not yet counted, is left to
   * `line`, which counts from where the count stands when it is asked.
   */
  private passed(buf: Uint8Array, from: number, to: number): void {
    if (this.linePos !== from || to - from > COUNTED_TOKEN) return;
    let breaks = 0;
    for (let k = from; k < to; k++) if (buf[k] === NL) breaks++;
    this.lineBase += breaks;
    this.linePos = to;
  }

  private keyId = -1;
  private valueId = -1;

  /**
   * The key-value tag whose beginning is `p` (see prefixBytes), if the tag at pos is one: the offset after it, or
   * 0 to read it the usual way.
   */
  private predicted(buf: Uint8Array, pos: number, p: number): number {
    const pre = this.prefixBytes[p] as Uint8Array;
    const len = pre.length;
    const n = buf.length;
    if (pos + len >= n) return 0;
    for (let k = 1; k < len; k++) if (buf[pos + k] !== pre[k]) return 0;
    const vs = pos + len;
    const ve = valueEnd(buf, vs);
    if (ve < 0) return 0;
    return this.keyValueRead(
      buf,
      pos,
      this.prefixTag[p] as number,
      this.prefixKey[p] as number,
      pos + (this.prefixKeyAt[p] as number),
      vs,
      ve,
      p,
    );
  }

  /**
   * The shape nearly every XES element has, `<type key="…" value="…"/>` with single spaces and
   * no references, read without the general attribute loop. Returns the offset after the tag, or
   * 0 to let the general path handle anything else.
   */
  private keyValueTag(buf: Uint8Array, pos: number, i: number, tag: number): number {
    if (!isKeyOpen(buf, i)) return 0;
    // the key and the value are read byte by byte in one pass each, which also finds any "&" or "<" in them (left
    // to the general path): keys and values are short, and a loop here costs less than calls to Buffer#indexOf
    const n = buf.length;
    const ks = i + 6;
    let ke = ks;
    while (ke < n && valueStop[buf[ke] as number] === 0) ke++;
    if (ke >= n || buf[ke] !== QUOT || !isValueOpen(buf, ke + 1)) return 0;
    const vs = ke + 9;
    const ve = valueEnd(buf, vs);
    if (ve < 0) return 0;
    const key = this.nameId(buf, ks, ke);
    // the tag's beginning, remembered (while there are not too many) for the prediction
    const text = Buffer.from(buf.buffer, buf.byteOffset + pos, vs - pos).toString('latin1');
    let p = this.prefixIds.get(text) ?? -1;
    if (p < 0 && this.prefixBytes.length < MAX_PREFIXES) {
      p = this.prefixBytes.length;
      this.prefixIds.set(text, p);
      this.prefixBytes.push(new Uint8Array(buf.subarray(pos, vs)));
      this.prefixTag.push(tag);
      this.prefixKey.push(key);
      this.prefixKeyAt.push(ks - pos);
      this.prefixNext.push(-1);
      this.prefixNext2.push(-1);
    }
    const lp = this.lastPrefix;
    if (lp >= 0 && this.prefixNext[lp] !== p) {
      this.prefixNext2[lp] = this.prefixNext[lp] as number;
      this.prefixNext[lp] = p;
    }
    return this.keyValueRead(buf, pos, tag, key, ks, vs, ve, p);
  }

  /** A key-value tag found at pos (its beginning `p`, or -1 if not remembered), given to the handler. */
  private keyValueRead(
    buf: Uint8Array,
    pos: number,
    tag: number,
    key: number,
    ks: number,
    vs: number,
    ve: number,
    p: number,
  ): number {
    this.sawRoot = true;
    this.lastPrefix = p;
    // no line break in the tag (see valueStop)
    if (this.linePos === pos) this.linePos = ve + 3;
    if (this.handler.keyValue?.(tag, key, buf, vs, ve) === true) return ve + 3;
    if (this.keyId < 0) {
      this.keyId = this.names.internString('key');
      this.valueId = this.names.internString('value');
    }
    const a = this.attrs;
    a.bytes = buf;
    a.count = 2;
    a.nameId[0] = this.keyId;
    a.valueStart[0] = ks;
    a.valueEnd[0] = vs - 9;
    a.hasRef[0] = 0;
    a.nameId[1] = this.valueId;
    a.valueStart[1] = vs;
    a.valueEnd[1] = ve;
    a.hasRef[1] = 0;
    this.handler.open(tag, a, true);
    this.handler.close(tag);
    return ve + 3;
  }

  /** Parses a start tag at pos; returns the offset after it, or -1 when it is cut by the chunk end. */
  private startTag(buf: Uint8Array, pos: number, last: boolean): number {
    const n = buf.length;
    let i = pos + 1;
    while (i < n && !isSpace(buf[i] as number) && buf[i] !== GT && buf[i] !== SLASH) i++;
    // no ">" after the "<" (a name that runs to the chunk's end has none): the tag is cut, or never closed
    if (i >= n) return last ? this.neverClosed(pos, buf) : -1;
    if (i === pos + 1) {
      if (buf.indexOf(GT, pos) < 0) return last ? this.neverClosed(pos, buf) : -1;
      this.fail('xml_malformed', pos, buf, 'a "<" is not followed by a tag name');
    }
    const tag = this.nameId(buf, pos + 1, i);
    const a = this.attrs;
    a.bytes = buf;
    a.count = 0;
    const fast = this.keyValueTag(buf, pos, i, tag);
    if (fast > 0) return fast;
    if (buf.indexOf(GT, i) < 0) return last ? this.neverClosed(pos, buf) : -1;
    for (;;) {
      while (i < n && isSpace(buf[i] as number)) i++;
      if (i >= n) return last ? this.fail('xml_malformed', pos, buf, 'the document ends inside a tag') : -1;
      const c = buf[i];
      if (c === GT || c === SLASH) {
        const selfClosing = c === SLASH;
        if (selfClosing && buf[i + 1] !== GT) {
          if (i + 1 >= n && !last) return -1;
          this.fail('xml_malformed', i, buf, 'expected ">" after "/"');
        }
        this.sawRoot = true;
        if (!selfClosing) {
          if (this.stack.length >= MAX_DEPTH)
            this.fail(
              'xml_refused',
              i,
              buf,
              `elements are nested more than ${MAX_DEPTH} deep (an event log nests a few levels)`,
              'nesting',
            );
          this.stack.push(tag);
        }
        this.handler.open(tag, a, selfClosing);
        if (selfClosing) this.handler.close(tag);
        return i + (selfClosing ? 2 : 1);
      }
      const ns = i;
      while (i < n && buf[i] !== EQ && buf[i] !== GT && !isSpace(buf[i] as number)) i++;
      const ne = i;
      while (i < n && isSpace(buf[i] as number)) i++;
      if (i >= n) return last ? this.fail('xml_malformed', pos, buf, 'the document ends inside a tag') : -1;
      if (buf[i] !== EQ)
        this.fail(
          'xml_malformed',
          i,
          buf,
          `attribute "${new TextDecoder().decode(buf.subarray(ns, ne))}" has no value (expected ="...")`,
        );
      i++;
      while (i < n && isSpace(buf[i] as number)) i++;
      const q = buf[i];
      if (i >= n) return last ? this.fail('xml_malformed', pos, buf, 'the document ends inside a tag') : -1;
      if (q !== QUOT && q !== APOS)
        this.fail('xml_malformed', i, buf, 'an attribute value is not quoted (expected " or \')');
      const vs = i + 1;
      const ve = buf.indexOf(q as number, vs);
      if (ve < 0)
        return last ? this.fail('xml_malformed', pos, buf, 'an attribute value is never closed') : -1;
      if (a.count === MAX_ATTRS)
        this.fail('xml_malformed', pos, buf, `more than ${MAX_ATTRS} attributes on one tag`);
      const k = a.count++;
      a.nameId[k] = this.nameId(buf, ns, ne);
      a.valueStart[k] = vs;
      a.valueEnd[k] = ve;
      let ref = 0;
      for (let j = vs; j < ve; j++) {
        const b = buf[j];
        if (b === 38) ref = 1;
        else if (b === LT)
          this.fail('xml_malformed', j, buf, 'a "<" inside an attribute value (expected &lt;)');
      }
      a.hasRef[k] = ref;
      i = ve + 1;
    }
  }
}
