import { describe, expect, it } from 'vitest';
import { EventStore } from './event-store';

describe('event store capacity', () => {
  it('given its activity and time columns replaced by exact-size ones, then adding events grows every column and keeps the events', () => {
    const store = new EventStore(new TextDecoder(), { dims: ['channel'], capacity: 8 });
    for (let i = 0; i < 5; i++) store.add(i, 10 + i, 1000 * i);
    store.replaceColumns(store.activityOf.slice(0, 5), store.time.slice(0, 5));
    expect(store.capacity).toBe(5);
    for (let i = 5; i < 12; i++) store.add(i, 10 + i, 1000 * i);
    expect(store.capacity).toBeGreaterThanOrEqual(12);
    expect([...store.activityOf.subarray(0, 12)]).toEqual(Array.from({ length: 12 }, (_, i) => 10 + i));
    expect([...store.time.subarray(0, 12)]).toEqual(Array.from({ length: 12 }, (_, i) => 1000 * i));
    expect([...store.caseOf.subarray(0, 12)]).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect([...(store.dim.channel as Int32Array).subarray(0, 12)]).toEqual(new Array(12).fill(-1));
  });
});
