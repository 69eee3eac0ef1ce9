import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createTestApi, openLiveSocket, type ApiDeps, type LiveTestSocket, type TestApi } from '@waymark/api';
import { applyCommand, type Journey } from '@waymark/core';
import type { Role, UserId, WorkspaceId } from '@waymark/store';
import { expect } from 'vitest';
import { startLive } from '../live-server';

export interface LiveTestServer {
  readonly api: TestApi;
  readonly server: Server;
  /** `127.0.0.1:<port>`: for `ws://` and `http://` addresses and the Origin header. */
  readonly base: string;
  /** Each signed-in person's session cookie (`waymark_session=…`) and CSRF token. */
  readonly cookies: Record<string, string>;
  readonly csrf: Record<string, string>;
  /** Signs the person in (again): a new session cookie and CSRF token. */
  signIn(name: string): Promise<void>;
  /** Stores a new journey in the workspace (ws1 unless said), as made by `by`. */
  storeJourney(journey: Journey, by: string, workspace?: string): Promise<void>;
  /** Opens the live route of a journey as the person, from a browser tab of its own. */
  openLive(who: string, journeyId: string, workspace?: string): Promise<LiveTestSocket>;
  close(): Promise<void>;
}

/**
 * The test API on a real HTTP server on a free port of 127.0.0.1, with the live route wired as the server wires
 * it (`startLive`, workshops and guests included), and the people named added to their workspace with their
 * role and signed in. Shared by the tests of the live route.
 */
export async function startLiveTestServer(
  people: Record<string, { readonly ws: string; readonly role: Role }>,
): Promise<LiveTestServer> {
  const api = await createTestApi();
  for (const [name, member] of Object.entries(people)) await api.addUser(name, member);
  const deps = {
    accounts: api.stores.accounts,
    journeys: api.stores.journeys,
    workshops: api.stores.workshops,
    guests: api.stores.guests,
    applyCommand,
    clock: api.caps.clock,
    newId: api.caps.newId,
  } as unknown as ApiDeps;
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: api.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
  });
  const live = await startLive(server, deps, api.stores.sql);
  const cookies: Record<string, string> = {};
  const csrf: Record<string, string> = {};
  const signIn = async (name: string) => {
    const res = await api.app.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `${name.toLowerCase()}@example.org`, password: 'correct horse battery' }),
    });
    cookies[name] = /waymark_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
    csrf[name] = ((await res.json()) as { csrfToken: string }).csrfToken;
  };
  for (const name of Object.keys(people)) await signIn(name);
  const base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  let tabs = 0;
  return {
    api,
    server,
    base,
    cookies,
    csrf,
    signIn,
    async storeJourney(journey, by, workspace = 'ws1') {
      const made = await api.stores.journeys.createJourney({
        workspaceId: workspace as WorkspaceId,
        journey,
        kind: 'create',
        commands: [],
        by: by as UserId,
        at: api.caps.clock().toISOString(),
      });
      expect(made.ok).toBe(true);
    },
    openLive: (who, journeyId, workspace = 'ws1') =>
      openLiveSocket(
        `ws://${base}/api/workspaces/${workspace}/journeys/${journeyId}/live?client=tab-${who}-${++tabs}`,
        { cookie: cookies[who]!, origin: `http://${base}` },
      ),
    async close() {
      await live.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await api.close();
    },
  };
}
