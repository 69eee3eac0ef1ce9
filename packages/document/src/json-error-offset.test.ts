import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from './json-error-offset';

describe('jsonErrorOffset', () => {
  it('given broken JSON, then the offset is where a strict reader stops', () => {
    expect(jsonErrorOffset('{"a": }')).toBe(6);
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset('[1, 2 // c\n]')).toBe(6);
    expect(jsonErrorOffset("{'a': 1}")).toBe(1);
    expect(jsonErrorOffset('{"a": "x\ty"}')).toBe(8);
    expect(jsonErrorOffset('{"a": tru}')).toBe(6);
    expect(jsonErrorOffset('{"a": 1} x')).toBe(9);
    expect(jsonErrorOffset('{"a": "open')).toBe(11);
  });

  it('given valid JSON, then the offset is the end of the text', () => {
    const text = '{"a": [1, -2.5e3, true, false, null, "\\"q\\""], "b": {}}';
    expect(jsonErrorOffset(text)).toBe(text.length);
  });
});
