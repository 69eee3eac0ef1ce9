import WebSocket from 'ws';
import type { LiveServerMessage as ServerMessage } from '../live/protocol';

/** A live socket for tests and benchmarks: every message kept in order, and waits for the next that matches. */
export interface LiveTestSocket {
  readonly messages: ServerMessage[];
  send(message: unknown): void;
  /** The first message not yet taken that matches, waiting up to `timeoutMs` for it. */
  next<T extends ServerMessage['type']>(
    type: T,
    match?: (m: Extract<ServerMessage, { type: T }>) => boolean,
    timeoutMs?: number,
  ): Promise<Extract<ServerMessage, { type: T }>>;
  /** Called with every message as it arrives (the benchmark's clock). */
  onMessage?: (message: ServerMessage, at: number) => void;
  readonly closed: Promise<{ code: number; reason: string }>;
  close(): void;
  terminate(): void;
}

/** Opens `url` (ws://…/live?client=…) with these headers; rejects with the HTTP status if the upgrade is refused. */
export function openLiveSocket(url: string, headers: Record<string, string>): Promise<LiveTestSocket> {
  const socket = new WebSocket(url, { headers });
  const messages: ServerMessage[] = [];
  const taken = new Set<number>();
  const waiters = new Set<() => void>();
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const api: LiveTestSocket = {
    messages,
    closed,
    send: (message) => socket.send(JSON.stringify(message)),
    close: () => socket.close(),
    terminate: () => socket.terminate(),
    next(type, match = () => true, timeoutMs = 5000) {
      type M = Extract<ServerMessage, { type: typeof type }>;
      return new Promise<M>((resolve, reject) => {
        const look = () => {
          const i = messages.findIndex((m, j) => !taken.has(j) && m.type === type && match(m as M));
          if (i < 0) return false;
          taken.add(i);
          waiters.delete(look);
          clearTimeout(timer);
          resolve(messages[i] as M);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(look);
          reject(
            new Error(
              `no "${type}" message within ${timeoutMs} ms; got ${JSON.stringify(messages.map((m) => m.type))}`,
            ),
          );
        }, timeoutMs);
        if (!look()) waiters.add(look);
      });
    },
  };
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as ServerMessage;
    api.onMessage?.(message, performance.now());
    messages.push(message);
    for (const look of [...waiters]) look();
  });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(api));
    socket.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () =>
        reject(
          Object.assign(new Error(`upgrade refused: ${res.statusCode} ${body}`), {
            status: res.statusCode,
            body,
          }),
        ),
      );
    });
    socket.once('error', reject);
  });
}
