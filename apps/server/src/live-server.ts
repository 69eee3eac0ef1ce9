import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import {
  closeEndedGuests,
  createLiveEndpoint,
  createLiveHub,
  type ApiDeps,
  type LiveBus,
} from '@waymark/api';
import type { Sql } from '@waymark/store';

/**
 * Live co-editing on this server (decision 0013): the WebSocket route of every open map, on the HTTP server's
 * `upgrade` event, with the database's LISTEN/NOTIFY telling this process what other processes stored.
 */
export async function startLive(
  server: Server,
  deps: ApiDeps,
  sql: Sql,
): Promise<{ close(): Promise<void> }> {
  const [row] = await sql.query<{ schema: string }>('SELECT current_schema() AS schema');
  const bus: LiveBus = {
    shared: sql.dialect === 'postgres',
    schema: row!.schema,
    listen: (channel, handler) => sql.listen(channel, handler),
    notify: async (channel, payload) => {
      await sql.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
  };
  const hub = createLiveHub(deps, bus, randomUUID());
  await hub.start();
  // Removed guests and withdrawn workshop links close their sockets here too, wherever that was done.
  const stopGuests = await closeEndedGuests(bus, hub);
  const endpoint = createLiveEndpoint(deps, hub);
  server.on('upgrade', (req, socket, head) => {
    if (endpoint.matches(req.url)) void endpoint.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  return {
    async close() {
      await stopGuests().catch(() => undefined);
      await endpoint.close();
    },
  };
}
