import * as client from 'openid-client';
import { isLoopback, type SsoSettings } from './sso-config';

/**
 * Why a sign-in through the provider was refused: each is a message of the `sso` namespace
 * (`sso.error.<code>`), shown on the sign-in page in the person's language.
 */
export const ssoErrorCodes = [
  'not_configured',
  'provider_unreachable',
  'provider_refused',
  'state_mismatch',
  'sign_in_expired',
  'code_refused',
  'wrong_issuer',
  'token_invalid',
  'no_email',
  'email_unverified',
  'domain_not_allowed',
  'not_invited',
  'account_suspended',
  'secret_unreadable',
] as const;
export type SsoErrorCode = (typeof ssoErrorCodes)[number];

/** A refusal with its code and, for the log and the audit trail, what exactly was wrong. */
export class SsoRefusal extends Error {
  constructor(
    readonly code: SsoErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

let configurations = new Map<string, Promise<client.Configuration>>();
/** Each test's provider has its own fetch: their discoveries are kept apart. */
const byFetch = new WeakMap<FetchLike, Map<string, Promise<client.Configuration>>>();

/**
 * The provider's metadata (discovery) as openid-client keeps it, cached per issuer, client and secret; a failed
 * discovery is not cached. Entra ID's multi-tenant documents (issuer with `{tenantid}`) are recognised by
 * openid-client, which then expects each ID token's `iss` to be that template with the token's `tid`.
 */
export function providerConfiguration(
  settings: SsoSettings,
  fetchImpl?: FetchLike,
): Promise<client.Configuration> {
  const key = JSON.stringify([settings.issuer, settings.clientId, settings.clientSecret]);
  let cache = configurations;
  if (fetchImpl) {
    cache = byFetch.get(fetchImpl) ?? new Map();
    byFetch.set(fetchImpl, cache);
  }
  const cached = cache.get(key);
  if (cached) return cached;
  const url = new URL(settings.issuer);
  const made = client
    .discovery(
      url,
      settings.clientId,
      settings.clientSecret ?? undefined,
      settings.clientSecret ? client.ClientSecretPost(settings.clientSecret) : client.None(),
      {
        execute: url.protocol === 'http:' && isLoopback(url.hostname) ? [client.allowInsecureRequests] : [],
        ...(fetchImpl ? { [client.customFetch]: fetchImpl as client.CustomFetch } : {}),
        timeout: 15,
      },
    )
    .catch((error: unknown) => {
      cache.delete(key);
      throw error;
    });
  cache.set(key, made);
  return made;
}

/** Forgets discovered metadata (after the administrator changes the settings). */
export const forgetConfigurations = () => {
  configurations = new Map();
};

export interface Begun {
  readonly url: URL;
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

/** The provider's authorization URL for a new sign-in: code flow with PKCE (S256), state and nonce. */
export async function beginSignIn(config: client.Configuration, redirectUri: string): Promise<Begun> {
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url, state, nonce, codeVerifier };
}

/** The ID token's claims once openid-client has checked signature, issuer, audience, expiry, nonce and PKCE. */
export async function finishSignIn(
  config: client.Configuration,
  currentUrl: URL,
  expected: { state: string; nonce: string; codeVerifier: string },
): Promise<client.IDToken> {
  try {
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: expected.codeVerifier,
      expectedState: expected.state,
      expectedNonce: expected.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new SsoRefusal('token_invalid', 'the provider sent no ID token');
    return claims;
  } catch (error) {
    throw refusalOf(error);
  }
}

/** openid-client's errors as the refusals a person is told about. */
export function refusalOf(error: unknown): SsoRefusal {
  if (error instanceof SsoRefusal) return error;
  const e = error as {
    code?: string;
    error?: string;
    message?: string;
    cause?: { claim?: string; cause?: { claim?: string } };
  };
  const claim = e.cause?.claim ?? e.cause?.cause?.claim;
  const message = e.message ?? String(error);
  if (error instanceof client.AuthorizationResponseError)
    return new SsoRefusal('provider_refused', `the provider refused: ${e.error ?? ''} ${message}`.trim());
  if (error instanceof client.ResponseBodyError) {
    if (e.error === 'invalid_grant')
      return new SsoRefusal('code_refused', `the provider refused the code: ${message}`);
    return new SsoRefusal('provider_refused', `the provider refused: ${e.error ?? ''} ${message}`.trim());
  }
  if (e.code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' && claim === 'iss')
    return new SsoRefusal('wrong_issuer', `the ID token's issuer is not the expected one: ${message}`);
  if (e.code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' && claim === 'nonce')
    return new SsoRefusal('state_mismatch', `the ID token was not made for this sign-in: ${message}`);
  if (e.code === 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED')
    return new SsoRefusal(
      'wrong_issuer',
      `the provider's discovery document names another issuer: ${message}`,
    );
  if (e.code === 'OAUTH_INVALID_RESPONSE' && /state/i.test(message))
    return new SsoRefusal('state_mismatch', message);
  if (typeof e.code === 'string' && e.code.startsWith('OAUTH_'))
    return new SsoRefusal('token_invalid', `the provider's answer did not pass checks: ${e.code} ${message}`);
  return new SsoRefusal('provider_unreachable', `could not reach the provider: ${message}`);
}

/** Where the provider sends people back to (register it at the provider). */
export const CALLBACK_PATH = '/api/auth/sso/callback';

/** The provider's sign-out address for someone leaving Waymark, or null if it has none. */
export function endSessionUrl(config: client.Configuration, postLogoutRedirectUri: string): string | null {
  if (!config.serverMetadata().end_session_endpoint) return null;
  return client
    .buildEndSessionUrl(config, {
      post_logout_redirect_uri: postLogoutRedirectUri,
      client_id: config.clientMetadata().client_id,
    })
    .toString();
}
