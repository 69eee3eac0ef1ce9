import { describe, expect, it } from 'vitest';
import { textWidth } from './text-width';
import { wrapText } from './wrap-text';

describe('wrapText', () => {
  it('given a sentence, then every line fits the width and no word is lost or reordered', () => {
    const text = 'Mrs X feels as though she is not being kept very well informed about what is going on';
    const lines = wrapText(text, 100, 9.5);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(textWidth(line, 9.5)).toBeLessThanOrEqual(100);
    expect(lines.join(' ')).toBe(text);
  });

  it('given a word longer than a line, then it is broken inside the word, not clipped', () => {
    const word = 'Antidisestablishmentarianism'.repeat(3);
    const lines = wrapText(word, 60, 9.5);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(word);
  });

  it('given line breaks in the text, then they are kept', () => {
    expect(wrapText('one\ntwo', 500, 9.5)).toEqual(['one', 'two']);
  });

  it('bold and wide characters measure wider than regular and narrow ones', () => {
    expect(textWidth('Hello', 10, 'bold')).toBeGreaterThan(textWidth('Hello', 10));
    expect(textWidth('WWW', 10)).toBeGreaterThan(textWidth('iii', 10));
  });
});

describe('wrapText with hyphens', () => {
  it('given a long hyphenated word, then it breaks after a hyphen before breaking inside a part', () => {
    const lines = wrapText('multi-agency-incident-matching-service', 70, 9.5);
    expect(lines.join('')).toBe('multi-agency-incident-matching-service');
    expect(lines[0]!.endsWith('-')).toBe(true);
  });
});
