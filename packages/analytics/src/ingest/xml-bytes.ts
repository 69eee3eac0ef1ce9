/** Byte and text helpers of the XML scanner: errors, fixed byte sequences, references. */
export class XmlError extends Error {
  constructor(
    readonly code: 'xml_refused' | 'xml_malformed',
    readonly line: number,
    message: string,
    /** What a refused file uses that is not read (xml_refused): a DOCTYPE, or elements nested too deep. */
    readonly feature?: 'doctype' | 'nesting',
  ) {
    super(`line ${line}: ${message}`);
  }
}

/**
 * ` key="` at `at`: written out byte by byte (the hot path meets it on nearly every XES element, and the
 * unrolled test is cheaper than a loop over a constant array). Past the end reads undefined: false.
 */
export const isKeyOpen = (buf: Uint8Array, at: number): boolean =>
  buf[at] === 32 &&
  buf[at + 1] === 107 &&
  buf[at + 2] === 101 &&
  buf[at + 3] === 121 &&
  buf[at + 4] === 61 &&
  buf[at + 5] === 34;

/** ` value="` at `at` (see isKeyOpen). */
export const isValueOpen = (buf: Uint8Array, at: number): boolean =>
  buf[at] === 32 &&
  buf[at + 1] === 118 &&
  buf[at + 2] === 97 &&
  buf[at + 3] === 108 &&
  buf[at + 4] === 117 &&
  buf[at + 5] === 101 &&
  buf[at + 6] === 61 &&
  buf[at + 7] === 34;

export function indexOfSeq(buf: Uint8Array, seq: readonly number[], from: number): number {
  for (let i = buf.indexOf(seq[0] as number, from); i >= 0; i = buf.indexOf(seq[0] as number, i + 1)) {
    let ok = true;
    for (let k = 1; k < seq.length; k++) if (buf[i + k] !== seq[k]) ok = false;
    if (ok && i + seq.length <= buf.length) return i;
    if (i + seq.length > buf.length) return -1;
  }
  return -1;
}

const predefined: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the predefined entities and character references; anything else is an error. */
export function decodeRefs(s: string, line: number): string {
  return s.replace(/&([^;&]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';'))
      throw new XmlError('xml_malformed', line, `"&" not followed by a reference (expected &amp;)`);
    if (name.startsWith('#x') || name.startsWith('#X'))
      return safeCodePoint(parseInt(name.slice(2), 16), line);
    if (name.startsWith('#')) return safeCodePoint(parseInt(name.slice(1), 10), line);
    const v = predefined[name];
    if (v === undefined)
      throw new XmlError(
        'xml_malformed',
        line,
        `undefined entity &${name}; (only &amp; &lt; &gt; &quot; &apos; are allowed)`,
      );
    return v;
  });
}

function safeCodePoint(cp: number, line: number): string {
  if (!Number.isInteger(cp) || cp < 1 || cp > 0x10ffff)
    throw new XmlError('xml_malformed', line, 'a character reference is out of range');
  return String.fromCodePoint(cp);
}
