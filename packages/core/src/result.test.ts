import { describe, expect, it } from 'vitest';
import { err, exhaustiveSwitchError, ok } from './result';

describe('Result', () => {
  it('carries a value or an error, told apart by ok', () => {
    const good = ok(3);
    const bad = err({ code: 'x' });
    expect(good.ok && good.value).toBe(3);
    expect(!bad.ok && bad.error.code).toBe('x');
  });
  it('exhaustiveSwitchError names the unhandled value', () => {
    expect(() => exhaustiveSwitchError('weird' as never, 'lane kind')).toThrow('Unknown lane kind: "weird"');
  });
});
