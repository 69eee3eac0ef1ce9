import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeUnsafeCharacter, findUnsafeCharacter, findUnsafeText } from './unsafe-text';

describe('the control-character rule', () => {
  it('keeps tab, line feed, carriage return and every printable character, emoji included', () => {
    expect(findUnsafeCharacter('Line one\r\nline\ttwo — “quoted” £45 😀 ✓')).toBeNull();
  });

  it.each([
    ['\u0000', 'U+0000'],
    ['\u0007', 'U+0007'],
    ['\u000B', 'U+000B'],
    ['\u001B', 'U+001B'],
    ['\u007F', 'U+007F'],
    ['\u0085', 'U+0085'],
    ['\u009F', 'U+009F'],
  ])('refuses %j and names it', (ch, code) => {
    const found = findUnsafeCharacter(`ab${ch}cd`);
    expect(found).toEqual({ index: 2, codePoint: code, what: 'a control character' });
  });

  it('refuses lone surrogates but keeps pairs', () => {
    expect(findUnsafeCharacter('x\uD83D\uDE00y')).toBeNull();
    expect(findUnsafeCharacter('x\uD83Dy')).toMatchObject({ index: 1, codePoint: 'U+D83D' });
    expect(findUnsafeCharacter('x\uDE00')).toMatchObject({ index: 1, codePoint: 'U+DE00' });
    expect(findUnsafeCharacter('\uD83D')).toMatchObject({ index: 0 });
  });

  it('names the path of the first bad string or key in a nested value', () => {
    const value = { meta: { title: 'ok', tags: ['fine', 'bad\u0000'] }, other: 'x\u0001' };
    expect(findUnsafeText(value)).toMatchObject({ path: ['meta', 'tags', 1], index: 3 });
    expect(findUnsafeText({ ['k\u0002']: 1 })).toMatchObject({ path: ['k\u0002'], codePoint: 'U+0002' });
    expect(findUnsafeText([1, null, true, { a: 'b' }])).toBeNull();
  });

  it('says what to do in words', () => {
    const found = findUnsafeCharacter('\u0000')!;
    expect(describeUnsafeCharacter(found)).toBe(
      'contains a control character (U+0000) at position 1, which Waymark does not store; remove it and try again',
    );
  });

  it('agrees with a plain per-code-point definition on random strings', () => {
    const unsafe = (s: string) => {
      for (const ch of s) {
        const cp = ch.codePointAt(0)!;
        if (cp === 9 || cp === 10 || cp === 13) continue;
        if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0xd800 && cp <= 0xdfff)) return true;
      }
      return false;
    };
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        expect(findUnsafeCharacter(s) !== null).toBe(unsafe(s));
      }),
      { numRuns: 2000 },
    );
  });
});
