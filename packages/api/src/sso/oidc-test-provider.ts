import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type ProviderContext } from 'oidc-provider';

/** A person at the test provider: the claims its ID tokens carry. */
export interface TestAccount {
  readonly email?: string;
  readonly email_verified?: boolean;
  readonly name?: string;
  readonly groups?: readonly string[];
}

export interface TestProvider {
  /** The issuer Waymark is configured with. */
  readonly issuer: string;
  /** Where the server really listens (http://127.0.0.1:port). */
  readonly origin: string;
  /** For Entra ID's addresses: sends https://login.microsoftonline.com/… to this server. */
  readonly fetch: (url: string, init: RequestInit) => Promise<Response>;
  close(): Promise<void>;
}

export const TEST_CLIENT = { id: 'waymark-test', secret: 'a-test-client-secret-that-is-long-enough' };
const ENTRA = 'https://login.microsoftonline.com';

/**
 * A real OpenID provider (oidc-provider) on loopback for tests, with its development sign-in pages (any login
 * name, any password) and consent granted at once. `entra` makes it Entra ID multi-tenant: issuer
 * https://login.microsoftonline.com/{tenantid}/v2.0 in the discovery document, ID tokens from `tenant` with a
 * `tid` claim of `tid`.
 */
export async function startTestProvider(options: {
  accounts: Record<string, TestAccount>;
  redirectUris: readonly string[];
  entra?: { tenant: string; tid: string };
  /** How long the provider's authorization codes live (its default: 60 s). */
  codeTtlSeconds?: number;
}): Promise<TestProvider> {
  let handler: (req: never, res: never) => void = () => undefined;
  const server: Server = createServer((req, res) => handler(req as never, res as never));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = options.entra ? `${ENTRA}/${options.entra.tenant}/v2.0` : origin;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT.id,
        client_secret: TEST_CLIENT.secret,
        redirect_uris: [...options.redirectUris],
        post_logout_redirect_uris: options.redirectUris.map((u) => new URL('/sign-in', u).toString()),
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    pkce: { required: () => true },
    ...(options.codeTtlSeconds ? { ttl: { AuthorizationCode: options.codeTtlSeconds } } : {}),
    conformIdTokenClaims: false,
    claims: { openid: ['sub', 'tid', 'groups'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['test-cookie-key'] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    async findAccount(_ctx: unknown, sub: string) {
      const account = options.accounts[sub];
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, ...account, ...(options.entra ? { tid: options.entra.tid } : {}) }),
      };
    },
    async loadExistingGrant(ctx: ProviderContext) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();
  handler = async (req: never, res: never) => {
    const r = req as { url?: string };
    const w = res as { setHeader(k: string, v: string): void; end(b: string): void };
    if (options.entra && r.url === '/organizations/v2.0/.well-known/openid-configuration') {
      const doc = (await (await fetch(`${origin}/.well-known/openid-configuration`)).json()) as Record<
        string,
        unknown
      >;
      // As Entra ID: no RFC 9207 `iss` in the authorization response (stripped in `fetch`).
      const text = JSON.stringify({
        ...doc,
        issuer: `${ENTRA}/{tenantid}/v2.0`,
        authorization_response_iss_parameter_supported: false,
      }).replaceAll(origin, ENTRA);
      w.setHeader('content-type', 'application/json');
      w.end(text);
      return;
    }
    callback(req, res);
  };
  return {
    issuer: options.entra ? `${ENTRA}/organizations/v2.0` : issuer,
    origin,
    fetch: async (url, init) => {
      // Entra's address, and `localhost` (a test's "another issuer"), are this server: fetched by its IP, so
      // a loaded machine's IPv6-then-IPv4 lookup of localhost cannot time out and look like an unreachable provider.
      const local = origin.replace('127.0.0.1', 'localhost');
      const target = url.startsWith(ENTRA)
        ? origin + url.slice(ENTRA.length)
        : url.startsWith(local)
          ? origin + url.slice(local.length)
          : url;
      const res = await fetch(target, init);
      const location = res.headers.get('location');
      if (!options.entra || !location || !location.includes('iss=')) return res;
      // Entra ID sends people back with code and state only.
      const back = new URL(location, origin);
      back.searchParams.delete('iss');
      const headers = new Headers(res.headers);
      headers.set('location', back.toString());
      return new Response(null, { status: res.status, headers });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Cookies of one browser at the provider, by name. */
function jar() {
  const cookies = new Map<string, string>();
  return {
    take(res: Response) {
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const at = pair!.indexOf('=');
        cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
      }
    },
    header: () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
  };
}

/**
 * A person signs in at the provider with its development login form (any password), as a browser would, from
 * the authorization URL Waymark redirected to; returns the URL the provider sends them back to (`callback`).
 */
export async function signInAtProvider(
  provider: TestProvider,
  authorizationUrl: string,
  login: string,
  callback: string,
): Promise<string> {
  const browser = jar();
  let url = authorizationUrl;
  for (let hops = 0; hops < 10; hops++) {
    if (url.startsWith(callback)) return url;
    const interaction = /\/interaction\/[^/?]+$/.test(new URL(url).pathname);
    const res = await provider.fetch(url, {
      method: interaction ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: browser.header(),
        ...(interaction ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(interaction
        ? { body: new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString() }
        : {}),
    });
    browser.take(res);
    const location = res.headers.get('location');
    if (!location) throw new Error(`the provider answered ${res.status}: ${await res.text()}`);
    url = new URL(location, url).toString();
  }
  throw new Error('too many redirects at the provider');
}
