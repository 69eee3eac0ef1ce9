import { applyCommand, type Journey } from '@waymark/core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createMemoryKeyring,
  createSqlSsoStore,
  createSqlSurveyStore,
  createTestStores,
  sampleJourney,
  type NewVersion,
  type Role,
  type StoredJourney,
  type Stores,
  type UserId,
  type WorkspaceId,
} from '@waymark/store';
import { createApi } from '../create-api';
import { createArgon2Hasher } from '../auth/argon2-hasher';
import type { ApiDeps, DatasetDeps } from '../deps';

export const T0 = Date.parse('2026-03-02T09:00:00.000Z');

/** A fixed clock tests can move, counting ids and counting "random" bytes: every run is the same. */
export function testCapabilities() {
  let now = T0;
  let ids = 0;
  let seed = 0;
  return {
    clock: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
    newId: () => `id${(++ids).toString().padStart(4, '0')}`,
    randomBytes: (size: number) => {
      seed++;
      return Uint8Array.from({ length: size }, (_, i) => (seed * 31 + i * 7) & 0xff);
    },
  };
}

export interface TestApi {
  readonly app: ReturnType<typeof createApi>;
  readonly stores: Stores;
  readonly caps: ReturnType<typeof testCapabilities>;
  /** Adds a user with a password and, optionally, a role in a workspace. */
  addUser(name: string, membership?: { ws: string; role: Role }): Promise<UserId>;
  /** Signs in and returns a client that sends the cookie and the CSRF token. */
  signIn(name: string): Promise<Client>;
  close(): Promise<void>;
}

export interface Client {
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

export const PASSWORD = 'correct horse battery';

/** The API over a fresh in-memory database, with cheap argon2 parameters so tests stay quick. */
export async function createTestApi(
  overrides: Partial<ApiDeps> = {},
  datasetOptions: Pick<DatasetDeps, 'importJobs' | 'importLimits'> = {},
): Promise<TestApi> {
  const stores = await createTestStores();
  const caps = testCapabilities();
  const passwords = createArgon2Hasher({ memoryCost: 1024, timeCost: 1 });
  /** The key single sign-on seals its client secret with (the server keeps it in its keyring). */
  const ssoKey = caps.randomBytes(32);
  const app = createApi({
    accounts: stores.accounts,
    journeys: stores.journeys,
    improvements: stores.improvements,
    guests: stores.guests,
    scim: stores.scim,
    workshops: stores.workshops,
    retention: stores.retention,
    surveys: createSqlSurveyStore(stores.sql),
    costs: stores.costs,
    library: stores.library,
    hierarchy: stores.hierarchy,
    opportunities: stores.opportunities,
    templates: stores.templates,
    datasets: {
      store: stores.datasets,
      keyring: createMemoryKeyring(caps.randomBytes),
      uploadDir: mkdtempSync(join(tmpdir(), 'waymark-uploads-')),
      ...datasetOptions,
    },
    database: 'pglite',
    version: 'test',
    clock: caps.clock,
    newId: caps.newId,
    randomBytes: caps.randomBytes,
    passwords,
    applyCommand,
    ...overrides,
    // Single sign-on's store over this database; a test may add the environment's settings and a fetch.
    sso: { store: createSqlSsoStore(stores.sql, { secretKey: async () => ssoKey }), ...overrides.sso },
  });
  const emailOf = (name: string) => `${name.toLowerCase()}@example.org`;
  const api: TestApi = {
    app,
    stores,
    caps,
    async addUser(name, membership) {
      const id = `u-${name.toLowerCase()}` as UserId;
      const at = caps.clock().toISOString();
      if (!(await stores.accounts.getUser(id))) {
        await stores.accounts.createUser({ id, email: emailOf(name), name, at });
        await stores.accounts.setPassword(id, await passwords.hash(PASSWORD), at);
      }
      if (membership) {
        const ws = membership.ws as WorkspaceId;
        if (!(await stores.accounts.getWorkspace(ws))) {
          await stores.accounts.createWorkspace({ id: ws, name: `Workspace ${ws}`, ownerId: id, at });
          if (membership.role !== 'owner') await stores.accounts.setMemberRole(ws, id, membership.role);
        } else {
          await stores.accounts.addMember(ws, id, membership.role, at);
        }
      }
      return id;
    },
    async signIn(name) {
      const res = await app.request('/api/auth/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: emailOf(name), password: PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`sign-in of ${name} failed: ${res.status} ${await res.text()}`);
      const cookie = /waymark_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
      const { csrfToken } = (await res.json()) as { csrfToken: string };
      return clientWith(app, { cookie: `waymark_session=${cookie}`, 'x-csrf-token': csrfToken });
    },
    close: () => stores.close(),
  };
  return api;
}

/** A client that sends these headers on every request; JSON bodies get their Content-Type. */
export function clientWith(app: TestApi['app'], headers: Record<string, string>): Client {
  return {
    async request(method, path, body, extra = {}) {
      const isText = typeof body === 'string';
      return app.request(path, {
        method,
        headers: {
          ...headers,
          ...(body === undefined ? {} : { 'content-type': isText ? 'application/yaml' : 'application/json' }),
          ...extra,
        },
        ...(body === undefined ? {} : { body: isText ? body : JSON.stringify(body) }),
      });
    },
  };
}

/**
 * Journey `journey` (or, given an id, the sample journey with steps s1–s3) made straight in workspace `ws`'s
 * store as its first version, by nobody, at the test clock's time: for tests whose subject is not how a
 * journey is created. `options` sets another kind, detail or time. Throws, naming the journey, if the store
 * refuses it; returns the stored journey (its version, its document).
 */
export async function seedJourney(
  t: Pick<TestApi, 'stores' | 'caps'>,
  ws: string,
  journey: Journey | string,
  options: Partial<Pick<NewVersion, 'kind' | 'detail' | 'at'>> = {},
): Promise<StoredJourney> {
  const document = typeof journey === 'string' ? sampleJourney(journey) : journey;
  const made = await t.stores.journeys.createJourney({
    workspaceId: ws as WorkspaceId,
    journey: document,
    kind: 'create',
    commands: [],
    by: null,
    at: t.caps.clock().toISOString(),
    ...options,
  });
  if (!made.ok) throw new Error(`Journey ${document.id} could not be made in ${ws}: ${made.error.message}`);
  return made.value;
}
