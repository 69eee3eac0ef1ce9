import { describe, expect, it } from 'vitest';
import { problem } from '@waymark/core';
import { detectFormat } from './detect-format';
import { formatProblems } from './located-problem';

describe('formatProblems', () => {
  it('given located, unlocated, document-level and warning problems, then one editor-friendly line each', () => {
    expect(
      formatProblems(
        [
          {
            ...problem('invalid_too_big', ['cards', 3, 'score'], 'expected a score from -100 to 100'),
            line: 12,
            column: 7,
          },
          problem('column_not_found', ['links', 0, 'to', 'columnId'], 'no column with id "x" in columns'),
          { ...problem('not_utf8', [], 'this character is not UTF-8'), line: 2, column: 1 },
          {
            ...problem('empty_lane', ['lanes', 1], 'lane "pain" has no cards', 'warning'),
            line: 30,
            column: 5,
          },
        ],
        'examples/x.yaml',
      ),
    ).toEqual([
      'examples/x.yaml:12:7 cards[3].score: expected a score from -100 to 100',
      'examples/x.yaml links[0].to.columnId: no column with id "x" in columns',
      'examples/x.yaml:2:1: this character is not UTF-8',
      'examples/x.yaml:30:5 lanes[1]: warning: lane "pain" has no cards',
    ]);
  });
});

describe('detectFormat', () => {
  it('given an extension, then it decides; without one, the first character does', () => {
    expect(detectFormat('a: 1', 'x.JSON')).toBe('json');
    expect(detectFormat('{"a": 1}', 'x.yml')).toBe('yaml');
    expect(detectFormat('  \n{"a": 1}')).toBe('json');
    expect(detectFormat('[1]', 'notes.txt')).toBe('json');
    expect(detectFormat('a: 1', 'journey')).toBe('yaml');
  });
});
