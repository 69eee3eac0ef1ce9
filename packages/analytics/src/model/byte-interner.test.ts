import { describe, expect, it } from 'vitest';
import { seeded } from '../testing/fixtures';
import { ByteInterner } from './byte-interner';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('ByteInterner', () => {
  it('given values from a few to many thousands, when interned through the cache for few values and directly, then every value gets one id and reads back as itself', () => {
    const random = seeded(11);
    // equal lengths and equal first, middle and last bytes: the cache keys of these collide
    const values = [
      'Phone',
      'Email',
      'Web',
      'Face to face',
      'Letter',
      '',
      'axba',
      'ayba',
      'azba',
      ...Array.from({ length: 5000 }, (_, i) => `C${String(i).padStart(6, '0')}9`),
    ];
    const few = new ByteInterner();
    const plain = new ByteInterner();
    for (let n = 0; n < 50_000; n++) {
      const v = values[Math.floor(random() * values.length)] as string;
      // the value sits at an offset inside a larger buffer, as a CSV field does
      const buf = bytes(`,,${v},`);
      const a = few.internFew(buf, 2, 2 + buf.length - 3);
      const b = plain.intern(buf, 2, 2 + buf.length - 3);
      expect(few.value(a)).toBe(v);
      expect(plain.value(b)).toBe(v);
      expect(few.find(buf, 2, buf.length - 1)).toBe(a);
    }
    expect(few.size).toBe(plain.size);
    expect(new Set(few.values()).size).toBe(few.size);
  });

  it('given values that differ in one byte the cache does not look at, at any place in a word or the tail, when interned from buffers at odd offsets, then each keeps its own id, also after the arena has grown', () => {
    // the cache keys on the length and the first, middle and last bytes: these variants collide on it, so
    // only the byte-by-byte (four at a time) comparison tells them apart
    const values: string[] = [];
    for (let len = 4; len <= 13; len++)
      for (let at = 1; at < len - 1; at++) {
        if (at === len >> 1) continue;
        for (const c of ['x', 'y', '\u00e9']) {
          const chars = Array.from({ length: len }, (_, i) => String.fromCharCode(97 + (i % 26)));
          chars[at] = c;
          values.push(chars.join(''));
        }
      }
    const interner = new ByteInterner();
    const shared = new Uint8Array(new SharedArrayBuffer(64));
    const ids = new Map<string, number>();
    // long values after the first pass grow the arena (64 KB to start with) before the second looks again
    const long = Array.from({ length: 3000 }, (_, i) => `${'long value '.repeat(4)}${i}`);
    for (const pass of [values, long, values])
      pass.forEach((v, n) => {
        const encoded = bytes(v);
        const offset = 1 + (n % 7);
        const buf = n % 2 ? new Uint8Array(encoded.length + offset + 3) : shared;
        buf.set(encoded, offset);
        const id = interner.internFew(buf, offset, offset + encoded.length);
        expect(interner.value(id)).toBe(v);
        expect(ids.get(v) ?? id).toBe(id);
        ids.set(v, id);
      });
    expect(interner.size).toBe(new Set([...values, ...long]).size);
  });

  it('given strings, short and long, with characters of two to four bytes, when interned as strings, then they are the ids their bytes get and read back as themselves', () => {
    const interner = new ByteInterner();
    const strings = ['Phone', 'Ffôn', '£12 – café', 'emoji 🙂 here', 'x'.repeat(300), '€'.repeat(200), ''];
    const ids = strings.map((v) => interner.internString(v));
    expect(new Set(ids).size).toBe(strings.length);
    strings.forEach((v, n) => {
      const encoded = bytes(v);
      expect(interner.intern(encoded, 0, encoded.length)).toBe(ids[n]);
      expect(interner.findString(v)).toBe(ids[n]);
      expect(interner.internString(v)).toBe(ids[n]);
      expect(interner.value(ids[n] as number)).toBe(v);
    });
    expect(interner.findString('Ffo')).toBe(-1);
  });

  it('given a quarter of a million values, when the table has grown eight times, then every value is found again under its first id', () => {
    // each growth moves every value to the larger table: one left behind (at the old table's end, say) would
    // be found no more, and interning it again would give it a second id
    const interner = new ByteInterner();
    const n = 250_000;
    const all = Array.from({ length: n }, (_, i) => bytes(`case-${((i * 2654435761) >>> 0).toString(36)}`));
    all.forEach((b, i) => {
      if (interner.intern(b, 0, b.length) !== i) expect.fail(`value ${i} was not new`);
    });
    all.forEach((b, i) => {
      if (interner.find(b, 0, b.length) !== i) expect.fail(`value ${i} is not found under its id`);
    });
    all.forEach((b, i) => {
      if (interner.intern(b, 0, b.length) !== i) expect.fail(`value ${i} was given another id`);
    });
    expect(interner.size).toBe(n);
    expect(interner.find(bytes('case-never'), 0, 10)).toBe(-1);
  });
});
