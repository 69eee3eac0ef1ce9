import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findUnsafeCharacter } from '@waymark/core';
import { decodeJourneyBytes } from './decode-bytes';
import { journeyYaml } from './hostile-files.fixture';
import { formatProblems, type LocatedProblem } from './located-problem';
import { readJourneyText } from './read-journey';

/**
 * Hostile journey files (issue 9): each is refused with a problem naming the line or field — never a thrown
 * error, never a hang (the test timeout bounds each), never an expansion.
 */

const journey = (title: string) => journeyYaml(title);

const problemsOf = (text: string, fileName = 'j.yaml'): LocatedProblem[] => {
  const r = readJourneyText(text, { fileName });
  if (r.ok) throw new Error('expected the file to be refused');
  return r.error;
};

describe('hostile journey files', () => {
  it('given a control character in a title, however it is written, then refused naming the field and where the character is', () => {
    const cases: [string, number][] = [
      ['Rings\u0001 back', 15],
      ['"Rings\\u0000back"', 16],
      ['"Rings\\x07back"', 16],
      ['"Rings\\0back"', 16],
      ['Rings \u007F', 16],
      ['Rings \u0085', 16],
    ];
    for (const [title, column] of cases) {
      const [p, ...rest] = problemsOf(journey(title));
      expect(rest).toEqual([]);
      expect(p).toMatchObject({ code: 'unsafe_character', path: ['meta', 'title'], line: 4, column });
      expect(p!.message).toMatch(
        /^this text contains a control character \(U\+00[0-9A-F]{2}\) at position \d+, which Waymark does not store; remove it and try again$/,
      );
    }
  });

  it('given a control character in a card of a JSON file, then the same rule and the line of the escape', () => {
    const json = JSON.stringify(
      {
        schemaVersion: 2,
        id: 'h',
        meta: { title: 'T', journeyType: 'current' },
        cards: [{ text: 'a\u001bb' }],
      },
      null,
      2,
    );
    const [p] = problemsOf(json, 'j.json');
    expect(formatProblems([p!], 'j.json')).toEqual([
      'j.json:10:17 cards[0].text: this text contains a control character (U+001B) at position 2, which Waymark does not store; remove it and try again',
    ]);
    const raw = problemsOf(json.replace('\\u001b', '\u0002'), 'j.json');
    expect(raw[0]).toMatchObject({ code: 'unsafe_character', line: 10, column: 17 });
    expect(raw[0]!.message).not.toMatch(/Bad control|JSON at position/);
  });

  it('given a control character in a field name or a lone surrogate, then refused too', () => {
    const key = problemsOf(journey('T').replace('journeyType', '"journey\\u0007Type"'));
    expect(key[0]).toMatchObject({ code: 'unsafe_character', path: ['meta'], line: 5 });
    expect(key[0]!.message).toMatch(/^this field name contains a control character \(U\+0007\)/);
    // an emoji written as a pair of escapes before the bad character is not blamed for it
    const pair = problemsOf(journey('"\\ud83d\\ude00 x\\u0001"'));
    expect(pair[0]).toMatchObject({ code: 'unsafe_character', line: 4, column: 25 });
    const lone = problemsOf(journey('"x\\ud800"'));
    expect(lone[0]).toMatchObject({ code: 'unsafe_character', path: ['meta', 'title'], line: 4 });
  });

  it('fuzzed: any title with a character the rule refuses is refused naming meta.title; any other is not refused for its characters', () => {
    const ch = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), ch, fc.string({ maxLength: 12 }), (a, c, b) => {
        const title = `x${a}${c}${b}x`;
        const r = readJourneyText(journey(JSON.stringify(title)), { fileName: 'j.yaml' });
        const unsafe = findUnsafeCharacter(title) !== null;
        if (unsafe) {
          expect(r.ok).toBe(false);
          expect(!r.ok && r.error[0]).toMatchObject({
            code: 'unsafe_character',
            path: ['meta', 'title'],
            line: 4,
          });
        } else if (!r.ok) expect(r.error.map((p) => p.code)).not.toContain('unsafe_character');
      }),
      { seed: 9, numRuns: 500 },
    );
  });

  it('given empty, blank, truncated and malformed files, then each names what is wrong and where', () => {
    expect(problemsOf('')[0]!.code).toBe('empty_document');
    expect(problemsOf(' \n\t\n')[0]!.code).toBe('empty_document');
    expect(problemsOf(journey('T').slice(0, 60))[0]!.code).toMatch(/^invalid_|missing|required/);
    expect(problemsOf('meta: [unclosed\n')[0]).toMatchObject({
      code: 'invalid_yaml',
      line: expect.any(Number),
    });
    expect(problemsOf('{"id": "x",', 'j.json')[0]).toMatchObject({ code: 'invalid_json', line: 1 });
  });

  it('given a duplicate key, then the key and its line', () => {
    const [p] = problemsOf(
      journey('T').replace('  journeyType: current', '  journeyType: current\n  title: Again'),
    );
    expect(p).toMatchObject({ code: 'duplicate_key', line: 6 });
    expect(p!.message).toContain('"title" appears twice');
  });

  it('given a YAML alias bomb (billion laughs), then refused without expanding', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const [p] = problemsOf(`${levels.join('\n')}\nmeta: *j\n`);
    expect(p!.code).toBe('alias_limit');
  });

  it('given nesting thousands deep in YAML and JSON, then a problem, not a stack overflow', () => {
    const depth = 20_000;
    for (const [text, name] of [
      [`meta: ${'['.repeat(depth)}${']'.repeat(depth)}\n`, 'j.yaml'],
      [`{"meta": ${'['.repeat(depth)}${']'.repeat(depth)}}`, 'j.json'],
      [`{"meta": ${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`, 'j.json'],
    ] as const) {
      const r = readJourneyText(text, { fileName: name });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error[0]!.message.length).toBeGreaterThan(0);
    }
  });

  it("given block sequences nested 100,000 deep, then a problem in plain words, not the engine's stack overflow", () => {
    const r = readJourneyText('- '.repeat(100_000) + 'x\n', { fileName: 'j.yaml' });
    expect(!r.ok && r.error[0]).toMatchObject({ code: 'too_deep' });
    expect(!r.ok && r.error[0]!.message).not.toMatch(/stack|Maximum/i);
  });

  it('given one line of 5 MB and a file over the limit, then a problem naming the field or the size', () => {
    const long = 'x'.repeat(5 * 1024 * 1024);
    const r = readJourneyText(journey(long), { fileName: 'j.yaml' });
    expect(r.ok || r.error[0]!.path).toEqual(r.ok ? true : ['meta', 'title']);
    const big = readJourneyText(journey(long), { fileName: 'j.yaml', maxBytes: 1024 * 1024 });
    expect(!big.ok && big.error[0]).toMatchObject({ code: 'file_too_large' });
  });

  it('given YAML tags that would build objects, then refused as unsupported', () => {
    expect(problemsOf(journey('!!js/function "return 1"'))[0]!.code).toMatch(/unsupported_tag|invalid_yaml/);
    expect(problemsOf(journey('!!binary aGVsbG8='))[0]!.code).not.toBe('internal');
  });

  it('given bytes in the wrong encoding or binary garbage, then the decoder refuses them with the line, never replacing', () => {
    const bytes = new TextEncoder().encode(journey('Caf_ £5'));
    bytes[bytes.indexOf(0x5f)] = 0xe9; // "é" in Windows-1252
    const r = decodeJourneyBytes(bytes);
    expect(!r.ok && r.error).toMatchObject({ code: 'not_utf8', line: 4, column: 13 });
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    expect(!decodeJourneyBytes(garbage).ok && decodeJourneyBytes(garbage)).toMatchObject({
      ok: false,
      error: { code: 'not_text' },
    });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(journey('T'))]);
    const read = decodeJourneyBytes(withBom);
    expect(read.ok && readJourneyText(read.value, { fileName: 'j.yaml' }).ok).toBe(true);
  });
});
