import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, firstInvalidUtf8, positionOfByte } from './decode-text';

const utf8 = (s: string) => new TextEncoder().encode(s);
const utf16 = (s: string, order: 'le' | 'be') => {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    out[2 + 2 * i] = order === 'le' ? u & 0xff : u >> 8;
    out[3 + 2 * i] = order === 'le' ? u >> 8 : u & 0xff;
  }
  return out;
};

describe('the decoding rule', () => {
  it('reads UTF-8 with and without a byte-order mark, and UTF-16 either way round with its mark, exactly', () => {
    const text = 'title: Réunion £45 😀\n';
    expect(decodeText(utf8(text))).toEqual({ ok: true, value: text });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]))).toEqual({ ok: true, value: text });
    expect(decodeText(utf16(text, 'le'))).toEqual({ ok: true, value: text });
    expect(decodeText(utf16(text, 'be'))).toEqual({ ok: true, value: text });
  });

  it('refuses a Windows-1252 "£" naming its line, column and byte, never replacing it', () => {
    const bytes = new Uint8Array([...utf8('a: 1\nbb: '), 0xa3, ...utf8('5\n')]);
    const r = decodeText(bytes);
    expect(r.ok || r.error).toEqual({
      code: 'not_utf8',
      line: 2,
      column: 5,
      byteOffset: 9,
      values: { hex: '0xA3' },
      message:
        'byte 10 of the file (0xA3) is not UTF-8 text, so the file is probably saved in another encoding such as Windows-1252 (Excel\'s "CSV" rather than "CSV UTF-8"); save it as UTF-8 and try again',
    });
  });

  it('counts columns in characters, and not the byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('é😀'), 0xff]);
    expect(decodeText(bytes)).toMatchObject({ ok: false, error: { line: 1, column: 3, byteOffset: 9 } });
  });

  it('tells binary files and UTF-16 without its mark from mis-saved text', () => {
    expect(decodeText(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toMatchObject({
      ok: false,
      error: { code: 'not_text' },
    });
    const noMark = utf16('case,activity\n', 'le').subarray(2);
    expect(decodeText(noMark)).toMatchObject({ ok: false, error: { code: 'utf16_without_bom' } });
    const garbage = new Uint8Array(2000).map((_, i) => 0x80 + ((i * 37) % 0x7f));
    expect(decodeText(garbage)).toMatchObject({ ok: false, error: { code: 'not_text' } });
  });

  it('refuses UTF-16 with a lone surrogate or an odd last byte, with the line', () => {
    const lone = utf16('a\nb\uD800c', 'le');
    expect(decodeText(lone)).toMatchObject({
      ok: false,
      error: { code: 'invalid_utf16', line: 2, column: 2 },
    });
    expect(decodeText(new Uint8Array([...utf16('ab', 'be'), 0x41]))).toMatchObject({
      ok: false,
      error: { code: 'invalid_utf16' },
    });
  });

  it('agrees with a fatal TextDecoder on random bytes, and never alters what it accepts', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (raw) => {
        const bytes = raw.map((b) => (b === 0 ? 0x20 : b));
        if (bytes[0] === 0xef || bytes[0] === 0xfe || bytes[0] === 0xff) bytes[0] = 0x41;
        let expected: string | null;
        try {
          expected = fatal.decode(bytes);
        } catch {
          expected = null;
        }
        expect(firstInvalidUtf8(bytes) < 0).toBe(expected !== null);
        const r = decodeText(bytes);
        if (expected !== null) expect(r).toEqual({ ok: true, value: expected });
        else {
          expect(r.ok).toBe(false);
          const at = firstInvalidUtf8(bytes);
          expect(firstInvalidUtf8(bytes.subarray(0, at))).toBe(-1);
          if (!r.ok && r.error.code === 'not_utf8') expect(r.error.byteOffset).toBe(at);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the line of a byte by counting line feeds before it', () => {
    expect(positionOfByte(utf8('ab\ncd\nef'), 7)).toEqual({ line: 3, column: 2 });
    expect(positionOfByte(utf8('ab\ncd'), 4, 10)).toEqual({ line: 11, column: 2 });
  });

  it('with final false, leaves a sequence cut at the end for the next chunk', () => {
    const euro = utf8('€');
    expect(firstInvalidUtf8(euro, 0, 2, false)).toBe(-1);
    expect(firstInvalidUtf8(euro, 0, 2, true)).toBe(0);
  });
});
