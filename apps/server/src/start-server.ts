import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type HttpBindings } from '@hono/node-server';
import {
  catchUpSummaries,
  createApi,
  createArgon2Hasher,
  stopBackgroundSummaries,
  summariseOnSave,
  type ApiDeps,
} from '@waymark/api';
import { applyCommand } from '@waymark/core';
import {
  createCachedAccountStore,
  createCachedJourneyStore,
  createFileKeyring,
  createSqlSsoStore,
  createSqlSurveyStore,
} from '@waymark/store';
import type { ServerConfig } from './config';
import { lockDataDir, type DataDirLock } from './data-dir-lock';
import { startLive } from './live-server';
import { startNightlyPurge } from './retention-timer';
import { runFirstStart, type FirstStart } from './first-start';
import { serveNoWebAppPage, serveWebApp } from './static-files';
import { dataDirProblem, errorCode, listenProblem, openDatabase } from './start-up-causes';
import { StartUpProblem } from './start-up-problem';

export interface RunningServer {
  readonly url: string;
  readonly database: 'pglite' | 'postgres';
  readonly firstStart: FirstStart | null;
  readonly servingWebApp: boolean;
  close(): Promise<void>;
}

const version = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
/** The keyring entry that seals single sign-on's client secret (a name no workspace id takes). */
export const SSO_SECRET_KEY_ID = 'instance:sso-client-secret';
const PURGE_EVERY_MS = 6 * 3_600_000;
/** How long another server process on the same PostgreSQL may take to see a sign-out or revocation. */
const AUTH_CACHE_MS = 5_000;

/**
 * Limits on what a client can hold open (decision 0009): the headers must arrive within 20 s and be at most
 * 16 KB; a whole request within 30 minutes (a 1 GB upload at about 5 Mbit/s), checked every 5 s.
 */
const httpLimits = {
  headersTimeout: 20_000,
  requestTimeout: 30 * 60_000,
  connectionsCheckingInterval: 5_000,
  maxHeaderSize: 16 * 1024,
};
const MAX_HEADERS = 100;
/**
 * How long an idle keep-alive connection is kept. Node's default, 5 s, is shorter than the pauses of a client that
 * reuses its connections (an API script, a test driver): a request sent just as the server closes the idle socket
 * meets a reset (CI saw ECONNRESET on a GET after a 6-second pause). 65 s is longer than such pauses and than the
 * 60 s idle timeout of the usual load balancers in front, so the client, not the server, ends idle connections.
 * `server.close()` still closes idle connections at once on shutdown.
 */
const KEEP_ALIVE_MS = 65_000;
/** After a 413, how long and how much of the rest of the body is read and dropped before the socket closes. */
const LINGER_MS = 2_000;
const LINGER_BYTES = 64 * 1024 * 1024;

/**
 * A lingering close after 413 (as nginx does): Node destroys a `Connection: close` socket as soon as the
 * answer is flushed, and closing a socket with unread data in it sends a TCP reset, which can make the
 * client lose the 413 it has not yet read while it is still sending. So the socket is half-closed (the
 * answer and FIN go out), what still arrives is dropped without being kept, and it is destroyed after
 * LINGER_MS or LINGER_BYTES, whichever comes first: memory stays flat and the sender learns why.
 */
function lingerAfterRefusal(server: Server): void {
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    res.once('finish', () => {
      if (res.statusCode !== 413 || req.complete) return;
      const socket = req.socket;
      socket.removeListener('finish', socket.destroy);
      let dropped = 0;
      const stop = setTimeout(() => socket.destroy(), LINGER_MS);
      stop.unref();
      socket.on('data', (chunk: Buffer) => {
        dropped += chunk.length;
        if (dropped > LINGER_BYTES) socket.destroy();
      });
      socket.once('close', () => clearTimeout(stop));
      socket.resume();
    });
  });
}

const freeBytes = async (dir: string): Promise<number | null> => {
  const s = await statfs(dir).catch(() => null);
  return s === null ? null : s.bavail * s.bsize;
};

/** Wires the real adapters together and listens. Throws with a readable message when it cannot start. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  let lock: DataDirLock | null = null;
  if (config.databaseUrl === null) {
    try {
      mkdirSync(config.dataDir, { recursive: true });
    } catch (error) {
      const said = dataDirProblem(error, config.dataDir, {
        id: 'server.start.dataDir.cannotCreate',
        values: { dir: config.dataDir, code: errorCode(error) ?? 'none' },
      });
      throw new StartUpProblem(said.id, said.values);
    }
    const taken = lockDataDir(config.dataDir);
    if ('error' in taken) throw new StartUpProblem(taken.error.id, taken.error.values);
    lock = taken;
  }
  const database = await openDatabase(config);
  if ('problem' in database) {
    lock?.release();
    throw new StartUpProblem(database.problem.id, database.problem.values, { cause: database.cause });
  }
  const { stores } = database;
  const caps = {
    clock: () => new Date(),
    newId: () => randomUUID(),
    randomBytes: (size: number) => new Uint8Array(randomBytes(size)),
    passwords: createArgon2Hasher(),
  };
  const keyring = createFileKeyring(config.keyringDir, caps.randomBytes);
  // The data-directory lock makes this process the embedded database's only writer, so a cache is exact.
  const journeys = stores.database === 'pglite' ? createCachedJourneyStore(stores.journeys) : stores.journeys;
  const deps: ApiDeps = {
    accounts: createCachedAccountStore(stores.accounts, AUTH_CACHE_MS, Date.now),
    // Every journey saved has its portfolio summary and search entries computed in the background right after
    // (decision 0039), however it was saved.
    journeys: summariseOnSave(journeys, stores.library, {
      journeys,
      library: stores.library,
      clock: caps.clock,
    }),
    improvements: stores.improvements,
    guests: stores.guests,
    retention: stores.retention,
    surveys: createSqlSurveyStore(stores.sql),
    costs: stores.costs,
    library: stores.library,
    hierarchy: stores.hierarchy,
    opportunities: stores.opportunities,
    templates: stores.templates,
    scim: stores.scim,
    sso: {
      // The client secret is sealed with a key of the keyring, outside the database (decision 0029).
      store: createSqlSsoStore(stores.sql, { secretKey: () => keyring.keyFor(SSO_SECRET_KEY_ID) }),
      ...(config.sso ? { environment: config.sso } : {}),
    },
    workshops: stores.workshops,
    datasets: { store: stores.datasets, keyring, uploadDir: config.uploadDir, ...config.imports },
    limits: {
      uploadBytes: config.uploadBytes,
      minFreeBytes: config.minFreeBytes,
      oneTimePasswordDays: config.oneTimePasswordDays,
    },
    // The embedded database and the uploads share the data directory: writes stop while it is nearly full
    // (PGlite cannot survive a failed write to its log: decision 0009). PostgreSQL's disk is its own.
    ...(stores.database === 'pglite' ? { freeSpace: () => freeBytes(config.dataDir) } : {}),
    database: stores.database,
    version,
    ...caps,
    applyCommand,
    clientIp: (c) => (c.env as HttpBindings | undefined)?.incoming?.socket?.remoteAddress ?? 'unknown',
  };
  const app = createApi(deps);
  const servingWebApp = serveWebApp(app, config.webDist);
  if (!servingWebApp) serveNoWebAppPage(app);
  // Waymark listens BEFORE the first start, never after it. The first start makes the administrator and a
  // one-time password that is shown only once, when Waymark is running, and stored only as a hash: were the first
  // start made and listening then failed (the port in use, HOST not an address of this machine, a port below 1024
  // without privileges), the password would never be shown, and the next start, no longer a first start, could not
  // show it either: the operator would be locked out until they found `npm run reset-password`. Checking the
  // address beforehand (listening and closing again) would not do: another process may take the port in between.
  // Holding the address itself leaves nothing to fail after the first start, so a start that cannot listen makes
  // nothing, and the next start is the first start again. Requests that arrive meanwhile wait until the first
  // start is done (the journeys' cache, above, must not see the database before the demo is in it).
  let opened!: () => void;
  const firstStartDone = new Promise<void>((resolve) => (opened = resolve));
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve(
      {
        fetch: async (request, env) => {
          await firstStartDone;
          return app.fetch(request, env);
        },
        port: config.port,
        hostname: config.host,
        serverOptions: httpLimits,
      },
      () => resolve(s),
    );
    (s as Server).maxHeadersCount = MAX_HEADERS;
    (s as Server).keepAliveTimeout = KEEP_ALIVE_MS;
    lingerAfterRefusal(s as Server);
    s.once('error', reject);
  }).catch(async (error: unknown) => {
    await stores.close();
    lock?.release();
    const said = listenProblem(error, config.host, config.port);
    throw new StartUpProblem(said.id, said.values, { cause: error });
  });
  const { live, firstStart } = await (async () => {
    const live = await startLive(server as Server, deps, stores.sql);
    try {
      const firstStart = await runFirstStart(
        stores,
        { ...caps, oneTimePasswordDays: config.oneTimePasswordDays },
        config.adminEmail,
        config.examplesDir,
        keyring,
      );
      return { live, firstStart };
    } catch (error) {
      await live.close().catch(() => undefined);
      throw error;
    }
  })().catch(async (error: unknown) => {
    (server as Server).closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await stores.close().catch(() => undefined);
    lock?.release();
    throw error;
  });
  opened();
  const purge = async () => {
    await stores.accounts.deleteExpiredSessions(new Date().toISOString()).catch(() => 0);
  };
  await purge();
  const timer = setInterval(() => void purge(), PURGE_EVERY_MS);
  timer.unref();
  // Each workspace's retention periods, applied every night and audited (issue 12 item 4). A purge that
  // removed something is followed by an empty purgeDeleted on the API's journey store, which only clears
  // what its cache held (nothing is deleted before 1970).
  const stopRetention = startNightlyPurge(
    stores,
    () => new Date(),
    async () => void (await deps.journeys.purgeDeleted('1970-01-01T00:00:00.000Z')),
  );
  // Summaries missing, of an older journey version or of an older format (an import made outside the server,
  // an upgrade) are computed in the background: requests are answered meanwhile (decision 0039).
  void catchUpSummaries({ ...deps, library: stores.library }).catch(() => 0);
  const port = (server.address() as AddressInfo).port;
  const shownHost =
    config.host === '127.0.0.1' || config.host === '0.0.0.0' || config.host === '::'
      ? 'localhost'
      : config.host;
  return {
    url: `http://${shownHost}:${port}`,
    database: stores.database,
    firstStart,
    servingWebApp,
    async close() {
      clearInterval(timer);
      stopRetention();
      await live.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stopBackgroundSummaries(stores.library);
      await stores.close();
      lock?.release();
    },
  };
}
