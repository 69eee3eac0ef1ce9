import { describe, expect, it } from 'vitest';
import { REFRESH_MS, watchForChanges, type RefreshTriggers } from './refresh-watch';

/** Triggers fired by hand: what is registered, and a way to fire the timer and the window's focus. */
function handTriggers() {
  const timers = new Map<number, { run: () => void; ms: number }>();
  const focus = new Set<() => void>();
  let ids = 0;
  const triggers: RefreshTriggers = {
    every(run, ms) {
      const id = ++ids;
      timers.set(id, { run, ms });
      return () => timers.delete(id);
    },
    onFocus(run) {
      const listener = () => run();
      focus.add(listener);
      return () => focus.delete(listener);
    },
  };
  return {
    triggers,
    tick: () => [...timers.values()].forEach((t) => t.run()),
    focus: () => [...focus].forEach((f) => f()),
    registered: () => ({ timers: [...timers.values()].map((t) => t.ms), focus: focus.size }),
  };
}

describe('the REST editor looking for others’ changes', () => {
  it('given the live editor is in use (not enabled), then it never asks: no timer, no focus listener, nothing on focus', () => {
    const hand = handTriggers();
    let asked = 0;
    const stop = watchForChanges(false, () => asked++, { atOnce: true, triggers: hand.triggers });
    expect(hand.registered()).toEqual({ timers: [], focus: 0 });
    hand.tick();
    hand.focus();
    expect(asked).toBe(0);
    stop();
  });

  it('given it is the editor in use, then it asks every 30 s and on window focus, and not before either', () => {
    const hand = handTriggers();
    let asked = 0;
    const stop = watchForChanges(true, () => asked++, { triggers: hand.triggers });
    expect(hand.registered()).toEqual({ timers: [REFRESH_MS], focus: 1 });
    expect(asked).toBe(0);
    hand.tick();
    expect(asked).toBe(1);
    hand.focus();
    expect(asked).toBe(2);
    stop();
    expect(hand.registered()).toEqual({ timers: [], focus: 0 });
    hand.tick();
    hand.focus();
    expect(asked).toBe(2);
  });

  it('given it takes over from live (enabled after the page loaded), then it asks at once, then as usual', () => {
    const hand = handTriggers();
    let asked = 0;
    const stop = watchForChanges(true, () => asked++, { atOnce: true, triggers: hand.triggers });
    expect(asked).toBe(1);
    hand.focus();
    expect(asked).toBe(2);
    stop();
  });
});
