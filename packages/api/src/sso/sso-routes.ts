import {
  hasRole,
  SecretUnreadable,
  type Role,
  type SsoStore,
  type User,
  type UserId,
  type WorkspaceId,
} from '@waymark/store';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { fail } from '../api-error';
import { requireInstanceAdmin } from '../auth/instance-admin';
import { hashToken } from '../auth/secrets';
import { SESSION_COOKIE, SSO_SESSION_COOKIE, ssoSessionMark, startSession } from '../auth/session-cookie';
import type { Limits } from '../deps';
import { auditSignIn } from '../routes/auth-routes';
import { route, type RouteInput } from '../route-spec';
import { clientIp, nowIso, userOf } from '../routes/route-helpers';
import { emailSchema } from '../routes/schemas';
import { isHttps } from '../security-headers';
import {
  beginSignIn,
  CALLBACK_PATH,
  endSessionUrl,
  finishSignIn,
  forgetConfigurations,
  providerConfiguration,
  refusalOf,
  SsoRefusal,
} from './oidc-flow';
import {
  effectiveSso,
  environmentVariables,
  saveSettings,
  ssoSettingsBody,
  type SsoSettings,
} from './sso-config';

/** Holds the state of the sign-in this browser began, so a callback begun elsewhere is refused. */
export const SSO_STATE_COOKIE = 'waymark_sso_state';
/** How long someone has at the provider before the sign-in must begin again. */
const LOGIN_MINUTES = 10;

const ssoOf = (input: RouteInput<unknown>) =>
  effectiveSso(input.deps.sso?.store, input.deps.sso?.environment);
const settingsOf = async (input: RouteInput<unknown>) => (await ssoOf(input)).settings;

/** The settings to sign in with: a saved secret this server's key cannot open is refused, said plainly. */
async function signInSettings(input: RouteInput<unknown>): Promise<SsoSettings | null> {
  const sso = await ssoOf(input);
  if (sso.settings && sso.secret === 'unreadable')
    throw new SsoRefusal('secret_unreadable', `the saved client secret cannot be read: ${sso.secretProblem}`);
  return sso.settings;
}

/** What the admin page shows: the settings in force without the secret, and which the environment holds. */
async function adminView(input: RouteInput<unknown>) {
  const sso = await ssoOf(input);
  const environment = input.deps.sso?.environment ?? {};
  const fromEnvironment = (Object.keys(environment) as (keyof SsoSettings)[]).filter(
    (k) => environment[k] !== undefined,
  );
  return {
    settings: sso.settings ? { ...sso.settings, clientSecret: undefined } : null,
    clientSecret: sso.secret,
    clientSecretSet: sso.secret === 'set',
    secretProblem: sso.secretProblem,
    redirectUri: originOf(input.c) + CALLBACK_PATH,
    fromEnvironment,
    environmentVariables: fromEnvironment.map((k) => environmentVariables[k]).filter(Boolean),
  };
}

/** This server's address as the browser sees it (behind a proxy that says so, https). */
export function originOf(c: Context): string {
  const url = new URL(c.req.url);
  const https = isHttps(c.req.url, c.req.header('x-forwarded-proto'));
  return `${https ? 'https' : url.protocol.slice(0, -1)}://${url.host}`;
}

const redirect = (c: Context, location: string) => c.redirect(location, 302);

/** A path of this site only (never another site: //host or a scheme). */
const safeReturn = (path: string | undefined | null): string =>
  path && path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') && path.length <= 2000
    ? path
    : '/';

const isEmail = (text: unknown): text is string =>
  typeof text === 'string' && emailSchema.safeParse(text).success;

/**
 * The person this provider's ID token stands for: found by provider and subject, else linked by email to an
 * existing account, else made (just in time, or when invited). Refuses what the settings refuse.
 */
async function personFor(
  input: RouteInput<unknown>,
  store: SsoStore,
  settings: SsoSettings,
  claims: Record<string, unknown>,
): Promise<User> {
  const { accounts } = input.deps;
  const at = nowIso(input);
  const provider = `oidc:${String(claims['iss'])}`;
  const subject = String(claims['sub']);
  const email = isEmail(claims['email'])
    ? claims['email']
    : isEmail(claims['preferred_username'])
      ? claims['preferred_username']
      : null;
  if (email === null) throw new SsoRefusal('no_email', 'the provider sent no email address');
  if (claims['email_verified'] === false)
    throw new SsoRefusal('email_unverified', `the provider has not verified ${email}`);
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  if (settings.allowedDomains.length > 0 && !settings.allowedDomains.includes(domain))
    throw new SsoRefusal('domain_not_allowed', `${domain} is not an allowed domain`);

  let user: User | null = null;
  const linked = await store.findCredential(provider, subject);
  if (linked) user = await accounts.getUser(linked);
  const invitations = await store.invitationsFor(email);
  if (!user) {
    user = await accounts.findUserByEmail(email);
    if (!user) {
      if (settings.accounts === 'invitation' && invitations.length === 0)
        throw new SsoRefusal('not_invited', `${email} has not been invited`);
      const name =
        typeof claims['name'] === 'string' && claims['name'].trim() ? claims['name'].trim() : email;
      const created = await accounts.createUser({
        id: input.deps.newId() as UserId,
        email,
        name: name.slice(0, 200),
        at,
      });
      if (!created.ok) throw new Error(created.error.message);
      user = created.value;
    }
    await store.addCredential(provider, subject, user.id, at);
  }
  if (user.suspendedAt !== null) throw new SsoRefusal('account_suspended', `${email} is suspended`);

  // Invitations and group claims give roles; neither ever lowers a role given otherwise.
  const wanted = new Map<WorkspaceId, Role>();
  const want = (ws: WorkspaceId, role: Role) => {
    const had = wanted.get(ws);
    if (!had || hasRole(role, had)) wanted.set(ws, role);
  };
  for (const i of invitations) want(i.workspaceId, i.role);
  const groups = claims[settings.groupClaim];
  const held = Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [];
  for (const m of settings.groupRoles) if (held.includes(m.group)) want(m.workspaceId as WorkspaceId, m.role);
  for (const [ws, role] of wanted) {
    if (!(await accounts.getWorkspace(ws))) continue;
    const current = await accounts.roleOf(ws, user.id);
    if (current === null) await accounts.addMember(ws, user.id, role, at);
    else if (current !== role && hasRole(role, current)) await accounts.setMemberRole(ws, user.id, role);
  }
  await store.markAccepted(
    invitations.map((i) => i.id),
    at,
  );
  return user;
}

const invitationBody = z.strictObject({
  email: emailSchema,
  workspaceId: z.string().min(1).max(200),
  role: z.enum(['owner', 'editor', 'commenter', 'viewer']),
});

function storeFor(input: RouteInput<unknown>): SsoStore {
  requireInstanceAdmin(input.actor, 'manage single sign-on');
  if (!input.deps.sso) throw fail('not_found', 'single sign-on is not available on this server');
  return input.deps.sso.store;
}

async function auditAdmin(input: RouteInput<unknown>, action: string, target: string | null, detail: object) {
  await input.deps.accounts.appendAudit({
    workspaceId: null,
    actorId: userOf(input).id,
    action,
    target,
    detail: detail as Record<string, unknown>,
    ip: clientIp(input),
    at: nowIso(input),
  });
}

/** Sign-in through the organisation's OpenID Connect provider, and its administration (decision 0029). */
export function ssoRoutes(limits: Limits) {
  return [
    route({
      method: 'get',
      path: '/api/auth/sso',
      tag: 'Accounts',
      summary:
        "Whether single sign-on is set up, the provider name to show, whether passwords may be used, and whether this browser's session began at the provider and the provider has a sign-out page (providerSignOut)",
      access: 'public',
      success: { description: '{enabled, providerName, passwordSignIn, providerSignOut}' },
      async handle(input) {
        const { c } = input;
        const settings = input.deps.sso ? await settingsOf(input) : null;
        const session = getCookie(c, SESSION_COOKIE);
        const mark = getCookie(c, SSO_SESSION_COOKIE);
        let providerSignOut = false;
        if (settings && session && mark === ssoSessionMark(session)) {
          try {
            const config = await providerConfiguration(settings, input.deps.sso?.fetch);
            providerSignOut = endSessionUrl(config, `${originOf(c)}/sign-in`) !== null;
          } catch {
            providerSignOut = false;
          }
        }
        return c.json({
          enabled: settings !== null,
          providerName: settings?.providerName ?? null,
          passwordSignIn: settings?.passwordSignIn ?? true,
          providerSignOut,
        });
      },
    }),
    route({
      method: 'get',
      path: '/api/auth/sso/start',
      tag: 'Accounts',
      summary:
        'Begin signing in at the provider: redirects there (code flow with PKCE, state and nonce); ?returnTo= a path of this site. Without single sign-on, back to /sign-in?sso_error=not_configured',
      access: 'public',
      success: { status: 302, description: 'a redirect to the provider' },
      async handle(input) {
        const { c, deps } = input;
        if (!deps.sso || !(await settingsOf(input))) return redirect(c, '/sign-in?sso_error=not_configured');
        try {
          const settings = (await signInSettings(input))!;
          const config = await providerConfiguration(settings, deps.sso.fetch);
          const begun = await beginSignIn(config, originOf(c) + CALLBACK_PATH);
          const now = deps.clock();
          await deps.sso.store.putLogin({
            stateHash: hashToken(begun.state),
            nonce: begun.nonce,
            codeVerifier: begun.codeVerifier,
            returnTo: safeReturn(c.req.query('returnTo')),
            createdAt: now.toISOString(),
            expiresAt: new Date(now.getTime() + LOGIN_MINUTES * 60_000).toISOString(),
          });
          setCookie(c, SSO_STATE_COOKIE, begun.state, {
            httpOnly: true,
            // The provider sends the person back with a top-level GET: Lax cookies go with it.
            sameSite: 'Lax',
            secure: isHttps(c.req.url, c.req.header('x-forwarded-proto')),
            path: '/api/auth/sso',
            maxAge: LOGIN_MINUTES * 60,
          });
          return redirect(c, begun.url.toString());
        } catch (error) {
          const refusal = refusalOf(error);
          console.error(`single sign-on: ${refusal.code}: ${refusal.message}`);
          await auditSignIn(input, null, 'sign_in.sso_refused', {
            code: refusal.code,
            reason: refusal.message,
          });
          return redirect(c, `/sign-in?sso_error=${refusal.code}`);
        }
      },
    }),
    route({
      method: 'get',
      path: CALLBACK_PATH,
      tag: 'Accounts',
      summary:
        'Where the provider sends people back: checks state, code and ID token, finds, links or makes the account, starts a session and redirects into Waymark; a refusal redirects to /sign-in?sso_error=<code>',
      access: 'public',
      success: {
        status: 302,
        description: 'a redirect into Waymark, or back to the sign-in page with the reason',
      },
      async handle(input) {
        const { c, deps } = input;
        const cookieState = getCookie(c, SSO_STATE_COOKIE);
        deleteCookie(c, SSO_STATE_COOKIE, { path: '/api/auth/sso' });
        let userId: UserId | null = null;
        try {
          const settings = deps.sso ? await signInSettings(input) : null;
          if (!deps.sso || !settings) throw new SsoRefusal('not_configured', 'single sign-on is not set up');
          const state = c.req.query('state');
          if (!state || !cookieState || state !== cookieState)
            throw new SsoRefusal(
              'state_mismatch',
              !cookieState
                ? 'this browser did not begin a sign-in'
                : 'the state is not the one this browser sent',
            );
          const login = await deps.sso.store.takeLogin(hashToken(state), nowIso(input));
          if (!login) throw new SsoRefusal('sign_in_expired', 'the sign-in was already used or has expired');
          const config = await providerConfiguration(settings, deps.sso.fetch);
          const current = new URL(originOf(c) + CALLBACK_PATH);
          current.search = new URL(c.req.url).search;
          const claims = await finishSignIn(config, current, { state, ...login });
          const user = await personFor(input, deps.sso.store, settings, claims);
          userId = user.id;
          await startSession(c, deps, limits, user.id, { throughProvider: true });
          await auditSignIn(input, user.id, 'sign_in', { via: 'sso', issuer: claims.iss });
          return redirect(c, safeReturn(login.returnTo));
        } catch (error) {
          const refusal = refusalOf(error);
          // Said to the person by its code; the detail is for whoever reads the server's log.
          console.error(`single sign-on: ${refusal.code}: ${refusal.message}`);
          await auditSignIn(input, userId, 'sign_in.sso_refused', {
            code: refusal.code,
            reason: refusal.message,
          });
          return redirect(c, `/sign-in?sso_error=${refusal.code}`);
        }
      },
    }),
    route({
      method: 'get',
      path: '/api/auth/sso/sign-out',
      tag: 'Accounts',
      summary:
        "After signing out of Waymark (POST /api/auth/sign-out): redirects to the provider's sign-out page (end_session_endpoint), or to /sign-in if it has none",
      access: 'public',
      success: { status: 302, description: "a redirect to the provider's sign-out page" },
      async handle(input) {
        const { c, deps } = input;
        deleteCookie(c, SSO_SESSION_COOKIE, { path: '/' });
        const settings = deps.sso ? await settingsOf(input) : null;
        if (!deps.sso || !settings) return redirect(c, '/sign-in');
        try {
          const config = await providerConfiguration(settings, deps.sso.fetch);
          return redirect(c, endSessionUrl(config, `${originOf(c)}/sign-in`) ?? '/sign-in');
        } catch {
          return redirect(c, '/sign-in');
        }
      },
    }),
    route({
      method: 'get',
      path: '/api/admin/sso',
      tag: 'Administration',
      summary:
        'Single sign-on settings in force (instance administrators); the client secret is never shown, only whether one is set',
      access: 'user',
      scope: 'session',
      success: {
        description:
          '{settings | null, clientSecret: set | not_set | unreadable, clientSecretSet, secretProblem, redirectUri, fromEnvironment: [field], environmentVariables: [WAYMARK_OIDC_…]}',
      },
      async handle(input) {
        storeFor(input);
        return input.c.json(await adminView(input));
      },
    }),
    route({
      method: 'put',
      path: '/api/admin/sso',
      tag: 'Administration',
      summary:
        'Save the single sign-on settings (instance administrators): issuer, client id, secret (left out: kept; null: removed), provider name, allowed domains, just-in-time or invitation, group roles, password sign-in',
      access: 'user',
      scope: 'session',
      body: ssoSettingsBody,
      errors: ['workspace_not_found', 'secret_key_unavailable'],
      success: { description: 'as GET /api/admin/sso' },
      async handle(input) {
        storeFor(input);
        const body = input.body as z.infer<typeof ssoSettingsBody>;
        for (const [i, m] of body.groupRoles.entries())
          if (!(await input.deps.accounts.getWorkspace(m.workspaceId as WorkspaceId)))
            throw fail(
              'workspace_not_found',
              `no workspace "${m.workspaceId}"`,
              `groupRoles[${i}].workspaceId`,
            );
        try {
          await saveSettings(storeFor(input), body);
        } catch (error) {
          if (!(error instanceof SecretUnreadable)) throw error;
          throw fail('secret_key_unavailable', error.message, 'clientSecret');
        }
        forgetConfigurations();
        await auditAdmin(input, 'sso.settings', null, {
          issuer: body.issuer,
          clientId: body.clientId,
          secretChanged: body.clientSecret !== undefined,
          accounts: body.accounts,
          allowedDomains: body.allowedDomains,
          passwordSignIn: body.passwordSignIn,
        });
        return input.c.json(await adminView(input));
      },
    }),
    route({
      method: 'get',
      path: '/api/admin/sso/invitations',
      tag: 'Administration',
      summary: 'People invited to sign in through the provider for the first time (instance administrators)',
      access: 'user',
      scope: 'session',
      success: {
        description: '{invitations: [{id, email, workspaceId, role, invitedBy, createdAt, acceptedAt}]}',
      },
      async handle(input) {
        const store = storeFor(input);
        return input.c.json({ invitations: await store.listInvitations() });
      },
    }),
    route({
      method: 'post',
      path: '/api/admin/sso/invitations',
      tag: 'Administration',
      summary: 'Invite someone by email to a workspace with a role; they get it when they first sign in',
      access: 'user',
      scope: 'session',
      body: invitationBody,
      errors: ['workspace_not_found'],
      success: { status: 201, description: '{invitation}' },
      async handle(input) {
        const store = storeFor(input);
        const body = input.body as z.infer<typeof invitationBody>;
        if (!(await input.deps.accounts.getWorkspace(body.workspaceId as WorkspaceId)))
          throw fail('workspace_not_found', `no workspace "${body.workspaceId}"`, 'workspaceId');
        const invitation = await store.invite({
          id: input.deps.newId(),
          email: body.email,
          workspaceId: body.workspaceId as WorkspaceId,
          role: body.role,
          invitedBy: userOf(input).id,
          createdAt: nowIso(input),
        });
        await auditAdmin(input, 'sso.invite', invitation.id, { email: body.email, role: body.role });
        return input.c.json({ invitation }, 201);
      },
    }),
    route({
      method: 'delete',
      path: '/api/admin/sso/invitations/{invitationId}',
      tag: 'Administration',
      summary: 'Withdraw an invitation',
      access: 'user',
      scope: 'session',
      success: { status: 204, description: 'withdrawn' },
      async handle(input) {
        const store = storeFor(input);
        const id = input.params['invitationId'] ?? '';
        if (!(await store.deleteInvitation(id))) throw fail('not_found', `no invitation "${id}"`);
        await auditAdmin(input, 'sso.invitation.withdraw', id, {});
        return input.c.body(null, 204);
      },
    }),
  ];
}
