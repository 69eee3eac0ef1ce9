import pg from 'pg';
import type { NotificationHandler } from './sql';

const RETRY_MS = [100, 250, 500, 1000, 2000];

/**
 * LISTEN on one dedicated connection (a pooled one would be handed to other queries), opened at the first
 * listen. If the connection is lost it is made again, every channel listened to again, and each handler is
 * called with `null`: notifications sent meanwhile are gone, so listeners catch up from the tables.
 */
export function createPgListener(connectionString: string) {
  const handlers = new Map<string, Set<NotificationHandler>>();
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let closed = false;
  let attempt = 0;

  const quote = (channel: string) => `"${channel.replaceAll('"', '""')}"`;
  const everyHandler = () => [...handlers.values()].flatMap((set) => [...set]);

  async function connect(): Promise<pg.Client> {
    const c = new pg.Client({ connectionString });
    c.on('notification', (message) => {
      for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? '');
    });
    c.on('error', () => lost(c));
    c.on('end', () => lost(c));
    await c.connect();
    for (const channel of handlers.keys()) await c.query(`LISTEN ${quote(channel)}`);
    attempt = 0;
    return c;
  }

  function lost(c: pg.Client) {
    if (client !== c || closed) return;
    client = null;
    void c.end().catch(() => undefined);
    const again = () => {
      if (closed || client || connecting) return;
      connecting = connect();
      connecting.then(
        (fresh) => {
          connecting = null;
          if (closed) return void fresh.end().catch(() => undefined);
          client = fresh;
          for (const handler of everyHandler()) handler(null);
        },
        () => {
          connecting = null;
          setTimeout(again, RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]).unref();
        },
      );
    };
    again();
  }

  async function ready(): Promise<pg.Client> {
    if (client) return client;
    connecting ??= connect();
    try {
      client = await connecting;
      return client;
    } finally {
      connecting = null;
    }
  }

  return {
    async listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>> {
      const fresh = !handlers.has(channel);
      const set = handlers.get(channel) ?? new Set<NotificationHandler>();
      set.add(handler);
      handlers.set(channel, set);
      const c = await ready();
      if (fresh) await c.query(`LISTEN ${quote(channel)}`);
      return async () => {
        set.delete(handler);
        if (set.size > 0 || handlers.get(channel) !== set) return;
        handlers.delete(channel);
        await client?.query(`UNLISTEN ${quote(channel)}`).catch(() => undefined);
      };
    },
    async close(): Promise<void> {
      closed = true;
      handlers.clear();
      const c = client ?? (connecting ? await connecting.catch(() => null) : null);
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
