import { hashToken } from '../auth/secrets';
import { clientWith, createTestApi, type Client, type TestApi } from '../testing/test-api';

/**
 * A test API whose first person, Ada, owns w1 and is the instance administrator (migration 014), with a
 * provisioning token she made through the API; `scim` sends it as Entra ID does.
 */
export async function scimTestApi(): Promise<{
  t: TestApi;
  ada: Client;
  scim: Client;
  secret: string;
  get: (path: string) => Promise<{ status: number; body: Record<string, unknown> }>;
  send: (
    method: string,
    path: string,
    body?: unknown,
  ) => Promise<{ status: number; body: Record<string, unknown> }>;
}> {
  const t = await createTestApi();
  await t.addUser('Ada', { ws: 'w1', role: 'owner' });
  const ada = await t.signIn('Ada');
  const made = await ada.request('POST', '/api/scim/token');
  if (made.status !== 201) throw new Error(`token: ${made.status} ${await made.text()}`);
  const { secret } = (await made.json()) as { secret: string };
  const scim = clientWith(t.app, { authorization: `Bearer ${secret}` });
  const send = async (method: string, path: string, body?: unknown) => {
    const res = await scim.request(
      method,
      path,
      body,
      body === undefined ? {} : { 'content-type': 'application/scim+json' },
    );
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };
  return { t, ada, scim, secret, send, get: (path) => send('GET', path) };
}

/** An API token of `userId` in w1 (a normal workspace token, wm_…), as a client. */
export async function apiTokenClient(t: TestApi, userId: string, secret: string): Promise<Client> {
  await t.stores.accounts.createApiToken({
    id: `tok-${secret}` as never,
    workspaceId: 'w1' as never,
    name: 'script',
    role: 'viewer',
    createdBy: userId as never,
    createdAt: t.caps.clock().toISOString(),
    tokenHash: hashToken(secret),
  });
  return clientWith(t.app, { authorization: `Bearer ${secret}` });
}

export const q = (filter: string) => encodeURIComponent(filter);
