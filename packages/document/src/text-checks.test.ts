import { describe, expect, it } from 'vitest';
import { checkSize, formatSize, tooLargeProblem, utf8Length } from './text-checks';

describe('sizes', () => {
  it('given sizes and limits, then they read as people say them', () => {
    expect(tooLargeProblem(50 * 1024 * 1024, 20 * 1024 * 1024).message).toBe(
      'file is 50.0 MB; the limit is 20 MB',
    );
    expect(tooLargeProblem(3000, 1024).message).toBe('file is 2.9 KB; the limit is 1.0 KB');
    expect(formatSize(12)).toBe('12 bytes');
    expect(formatSize(1.5 * 1024 * 1024)).toBe('1.5 MB');
  });

  it('given multi-byte text, then bytes are counted as UTF-8 and the limit applies to bytes', () => {
    expect(utf8Length('a£€😀')).toBe(1 + 2 + 3 + 4);
    expect(checkSize('€€€€', 12)).toBeUndefined();
    expect(checkSize('€€€€€', 12)?.code).toBe('file_too_large');
  });
});
