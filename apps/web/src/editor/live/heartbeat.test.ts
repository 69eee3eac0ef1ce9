import { describe, expect, it } from 'vitest';
import { ANSWER_WITHIN_MS, PING_EVERY_MS, startHeartbeat, type HeartbeatTimers } from './heartbeat';

/** Timers moved by hand: `advance(ms)` runs what falls due, in order. */
function handClock() {
  let now = 0;
  let ids = 0;
  const due = new Map<number, { at: number; run: () => void }>();
  const timers: HeartbeatTimers = {
    set: (run, ms) => {
      due.set(++ids, { at: now + ms, run });
      return ids;
    },
    clear: (id) => void due.delete(id),
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const first = [...due.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!first || first[1].at > until) break;
      due.delete(first[0]);
      now = first[1].at;
      first[1].run();
    }
    now = until;
  };
  return { timers, advance, pending: () => due.size };
}

function watch() {
  const clock = handClock();
  const said: string[] = [];
  const beat = startHeartbeat({
    ping: () => said.push('ping'),
    dead: () => said.push('dead'),
    timers: clock.timers,
  });
  return { clock, said, beat };
}

describe('the live heartbeat', () => {
  it('given an open socket, then it says ping every 20 s, and a connection that answers each time is never taken for dead', () => {
    const { clock, said, beat } = watch();
    clock.advance(PING_EVERY_MS - 1);
    expect(said).toEqual([]);
    clock.advance(1);
    expect(said).toEqual(['ping']);
    for (let i = 0; i < 5; i++) {
      clock.advance(ANSWER_WITHIN_MS - 1);
      beat.heard(); // the pong (or any other message)
      clock.advance(PING_EVERY_MS - ANSWER_WITHIN_MS + 1);
    }
    expect(said).toEqual(Array(6).fill('ping'));
    beat.stop();
  });

  it('given nothing arrives within 10 s of a ping, then the connection is dead once, and no more pings go', () => {
    const { clock, said } = watch();
    clock.advance(PING_EVERY_MS + ANSWER_WITHIN_MS - 1);
    expect(said).toEqual(['ping']);
    clock.advance(1);
    expect(said).toEqual(['ping', 'dead']);
    clock.advance(10 * PING_EVERY_MS);
    expect(said).toEqual(['ping', 'dead']);
    expect(clock.pending()).toBe(0);
  });

  it('given messages arrived before the ping but none after it, then it is still dead (only an answer to the ping counts)', () => {
    const { clock, said, beat } = watch();
    clock.advance(PING_EVERY_MS - 5);
    beat.heard();
    clock.advance(5);
    clock.advance(ANSWER_WITHIN_MS);
    expect(said).toEqual(['ping', 'dead']);
  });

  it('given the socket is finished with (closed, the page left), then nothing more is sent or reported', () => {
    const { clock, said, beat } = watch();
    clock.advance(PING_EVERY_MS);
    beat.stop();
    clock.advance(10 * PING_EVERY_MS);
    expect(said).toEqual(['ping']);
    expect(clock.pending()).toBe(0);
  });
});
