import { describe, expect, it } from 'vitest';
import { deferred } from './deferred.fixture';
import { OneAtATime } from './one-at-a-time';

describe('OneAtATime', () => {
  it('does not start a second call while the first is running, and starts the next one after it', async () => {
    const busy: boolean[] = [];
    const gate = new OneAtATime((b) => busy.push(b));
    const first = deferred<string>();
    let started = 0;
    const a = gate.run(() => {
      started += 1;
      return first.promise;
    });
    const b = gate.run(() => {
      started += 1;
      return Promise.resolve('second');
    });
    expect(started).toBe(1);
    expect(gate.busy).toBe(true);
    expect(await b).toBeUndefined();
    first.answer('first');
    expect(await a).toBe('first');
    expect(gate.busy).toBe(false);
    expect(await gate.run(() => Promise.resolve('third'))).toBe('third');
    expect(started).toBe(1);
    expect(busy).toEqual([true, false, true, false]);
  });

  it('is free again after a call that fails, or throws before giving a promise', async () => {
    const gate = new OneAtATime();
    const failing = deferred<string>();
    const a = gate.run(() => failing.promise);
    failing.fail(new Error('refused'));
    await expect(a).rejects.toThrow('refused');
    await expect(
      gate.run(() => {
        throw new Error('at once');
      }),
    ).rejects.toThrow('at once');
    expect(gate.busy).toBe(false);
    expect(await gate.run(() => Promise.resolve(1))).toBe(1);
  });
});
