/** A live tab says `ping` this often while its socket is open (decision 0013, "Heartbeat"). */
export const PING_EVERY_MS = 20_000;
/** After a ping, anything at all must arrive within this long, or the connection is taken for dead. */
export const ANSWER_WITHIN_MS = 10_000;

/** The clock the heartbeat waits on: the window's timers in the browser, a hand-driven one in tests. */
export interface HeartbeatTimers {
  readonly set: (run: () => void, ms: number) => number;
  readonly clear: (handle: number) => void;
}

const windowTimers: HeartbeatTimers = {
  set: (run, ms) => window.setTimeout(run, ms),
  clear: (handle) => window.clearTimeout(handle),
};

export interface Heartbeat {
  /** Something arrived on the socket: it is alive. */
  readonly heard: () => void;
  /** The socket is finished with: no more pings, and `dead` is never called. */
  readonly stop: () => void;
}

/**
 * Notices a connection that died without a close event (a laptop that slept, a NAT or proxy that forgot it):
 * browsers keep such a socket "open" for minutes, and JavaScript can neither send WebSocket ping frames nor see
 * their answers. Every `every` ms it calls `ping`; if nothing is `heard` within `within` ms of a ping, it calls
 * `dead` once and stops (the caller closes the socket and connects again).
 */
export function startHeartbeat(options: {
  readonly ping: () => void;
  readonly dead: () => void;
  readonly timers?: HeartbeatTimers;
  readonly every?: number;
  readonly within?: number;
}): Heartbeat {
  const timers = options.timers ?? windowTimers;
  const every = options.every ?? PING_EVERY_MS;
  const within = options.within ?? ANSWER_WITHIN_MS;
  let stopped = false;
  let next: number | null = null;
  let deadline: number | null = null;

  const schedule = () => {
    next = timers.set(beat, every);
  };
  function beat() {
    next = null;
    if (stopped) return;
    options.ping();
    if (deadline === null)
      deadline = timers.set(() => {
        deadline = null;
        if (stopped) return;
        stop();
        options.dead();
      }, within);
    schedule();
  }
  function stop() {
    stopped = true;
    if (next !== null) timers.clear(next);
    if (deadline !== null) timers.clear(deadline);
    next = deadline = null;
  }
  schedule();
  return {
    heard() {
      if (deadline !== null) timers.clear(deadline);
      deadline = null;
    },
    stop,
  };
}
