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
});
