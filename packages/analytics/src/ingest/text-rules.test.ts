import fc from 'fast-check';
import { firstInvalidUtf8 } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { Utf8Stream } from './text-rules';

/** Runs the stream over `bytes` cut into chunks of `size`; the file offset of the refused byte, or -1. */
function refusedAt(bytes: Uint8Array, size: number): number {
  const stream = new Utf8Stream((_chunk, _at, offset) => {
    throw offset;
  });
  try {
    let last: Uint8Array = new Uint8Array(0);
    for (let o = 0; o < bytes.length; o += size) {
      last = bytes.subarray(o, Math.min(bytes.length, o + size));
      stream.check(last);
    }
    stream.finish(last);
    return -1;
  } catch (offset) {
    return offset as number;
  }
}

describe('Utf8Stream', () => {
  it('agrees with a fatal TextDecoder on random bytes at every chunk size, and names the same first bad byte', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    const text = fc.string({ unit: 'binary', maxLength: 30 }).map((s) => new TextEncoder().encode(s));
    const mixed = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      text,
      fc
        .tuple(text, fc.uint8Array({ maxLength: 3 }), text)
        .map(([a, b, c]) => new Uint8Array([...a, ...b, ...c])),
    );
    fc.assert(
      fc.property(mixed, fc.integer({ min: 1, max: 9 }), (bytes, size) => {
        let valid = true;
        try {
          fatal.decode(bytes);
        } catch {
          valid = false;
        }
        const at = refusedAt(bytes, size);
        expect(at < 0).toBe(valid);
        if (!valid) expect(at).toBe(firstInvalidUtf8(bytes));
      }),
      { seed: 21, numRuns: 3000 },
    );
  });
});
