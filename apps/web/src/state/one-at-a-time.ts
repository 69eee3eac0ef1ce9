import { useState } from 'react';

/**
 * An action that makes something (a link, an opportunity) run once at a time: asked for again while it is
 * running — a double click, Enter pressed twice, on a slow line — the second call does nothing, so one click
 * makes one thing and never an error about the thing the first click made. What is running is kept here, not
 * in React state, because both clicks can arrive before the screen shows the first as busy.
 */
export class OneAtATime {
  private running = false;

  /** `onBusy` hears each change of `busy` (the screen shows the button as not available meanwhile). */
  constructor(private readonly onBusy: (busy: boolean) => void = () => undefined) {}

  get busy(): boolean {
    return this.running;
  }

  /** Starts `work` unless one is running; its promise is `work`'s, or undefined at once when it was not started. */
  run<R>(work: () => Promise<R>): Promise<R | undefined> {
    if (this.running) return Promise.resolve(undefined);
    this.running = true;
    this.onBusy(true);
    let started: Promise<R>;
    try {
      started = work();
    } catch (e) {
      started = Promise.reject(e);
    }
    return started.finally(() => {
      this.running = false;
      this.onBusy(false);
    });
  }
}

/**
 * One OneAtATime for the life of a component: `run` (the same function on every render) and `busy` to show.
 * A button it guards stays focusable while busy: `aria-disabled={busy || undefined}` rather than `disabled`, so
 * it keeps the keyboard focus and its place in the tab order, and is announced as unavailable; `run` ignores
 * the click.
 */
export function useOneAtATime(): { busy: boolean; run: OneAtATime['run'] } {
  const [busy, setBusy] = useState(false);
  const [gate] = useState(() => {
    const g = new OneAtATime(setBusy);
    return { run: g.run.bind(g) as OneAtATime['run'] };
  });
  return { busy, run: gate.run };
}
