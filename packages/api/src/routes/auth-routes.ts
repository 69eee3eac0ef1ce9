import type { UserId } from '@waymark/store';
import { z } from 'zod';
import { fail } from '../api-error';
import { clearSessionCookie, startSession } from '../auth/session-cookie';
import type { RateLimiter } from '../auth/rate-limiter';
import { route, type RouteInput } from '../route-spec';
import { audit, clientIp, nowIso, userOf } from './route-helpers';
import { emailSchema, nameSchema, passwordSchema } from './schemas';

const signInBody = z.strictObject({ email: emailSchema, password: z.string().min(1).max(200) });
const setupBody = z.strictObject({ email: emailSchema, name: nameSchema, password: passwordSchema });

/** Sign-in events go to the audit log of every workspace the user belongs to (or the instance's, if none). */
async function auditSignIn(
  input: RouteInput<unknown>,
  userId: UserId | null,
  action: string,
  detail: Record<string, unknown>,
) {
  const workspaces = userId ? await input.deps.accounts.listWorkspacesOf(userId) : [];
  const targets = workspaces.length > 0 ? workspaces.map((w) => w.id) : [null];
  for (const ws of targets) {
    await input.deps.accounts.appendAudit({
      workspaceId: ws,
      actorId: userId,
      action,
      target: null,
      detail,
      ip: clientIp(input),
      at: nowIso(input),
    });
  }
}

async function meBody(input: RouteInput<unknown>, csrfToken: string | null) {
  const user = userOf(input);
  const actor = input.actor!;
  const all = await input.deps.accounts.listWorkspacesOf(user.id);
  const workspaces = actor.via === 'token' ? all.filter((w) => w.id === actor.token.workspaceId) : all;
  return { user: { id: user.id, email: user.email, name: user.name }, workspaces, csrfToken };
}

export function authRoutes(signInLimiter: RateLimiter) {
  /** Verifying against this when the email is unknown keeps the answer as slow as for a wrong password. */
  let decoyHash: Promise<string> | undefined;
  return [
    route({
      method: 'get',
      path: '/api/setup',
      tag: 'Accounts',
      summary: 'Whether the first administrator still has to be created',
      access: 'public',
      success: { description: '{needsSetup}' },
      async handle({ c, deps }) {
        return c.json({ needsSetup: (await deps.accounts.countUsers()) === 0 });
      },
    }),
    route({
      method: 'post',
      path: '/api/setup',
      tag: 'Accounts',
      summary: 'Create the first administrator and sign in (only while there are no users)',
      access: 'public',
      body: setupBody,
      success: { status: 201, description: '{user, csrfToken}' },
      errors: ['setup_done'],
      async handle(input) {
        const { c, deps, body } = input;
        if ((await deps.accounts.countUsers()) > 0)
          throw fail('setup_done', 'Waymark is already set up: sign in instead');
        const created = await deps.accounts.createUser({
          id: deps.newId() as UserId,
          email: body.email,
          name: body.name,
          at: nowIso(input),
        });
        if (!created.ok) throw fail('setup_done', created.error.message);
        const user = created.value;
        await deps.accounts.setPassword(user.id, await deps.passwords.hash(body.password), nowIso(input));
        await deps.onFirstUser?.(user.id);
        const csrfToken = await startSession(c, deps, input.limits, user.id);
        await auditSignIn(input, user.id, 'setup', { email: user.email });
        return c.json({ user: { id: user.id, email: user.email, name: user.name }, csrfToken }, 201);
      },
    }),
    route({
      method: 'post',
      path: '/api/auth/sign-in',
      tag: 'Accounts',
      summary: 'Sign in with email and password; sets the session cookie',
      access: 'public',
      body: signInBody,
      success: { description: '{user, csrfToken}' },
      errors: ['invalid_credentials', 'account_locked', 'rate_limited'],
      async handle(input) {
        const { c, deps, body, limits } = input;
        const now = deps.clock();
        const wait = signInLimiter.hit(clientIp(input), now.getTime());
        if (wait > 0) {
          c.header('Retry-After', String(wait));
          throw fail(
            'rate_limited',
            `too many sign-in attempts from your address: try again in ${Math.ceil(wait / 60)} minute(s)`,
          );
        }
        const account = await deps.accounts.findPasswordAccount(body.email);
        if (account?.lockedUntil && account.lockedUntil > now.toISOString()) {
          await auditSignIn(input, account.user.id, 'sign_in.locked', { email: body.email });
          const minutes = Math.ceil((Date.parse(account.lockedUntil) - now.getTime()) / 60_000);
          throw fail(
            'account_locked',
            `this account is locked after too many failed sign-ins: try again in ${minutes} minute(s)`,
          );
        }
        decoyHash ??= deps.passwords.hash('decoy password never used');
        const valid = await deps.passwords.verify(account?.passwordHash ?? (await decoyHash), body.password);
        if (!account || !account.passwordHash || !valid) {
          if (account) {
            const lockUntil = (n: number) =>
              n >= limits.lockAfterFailures
                ? new Date(now.getTime() + limits.lockMinutes * 60_000).toISOString()
                : null;
            await deps.accounts.recordFailedSignIn(account.user.id, lockUntil);
          }
          await auditSignIn(input, account?.user.id ?? null, 'sign_in.failed', { email: body.email });
          throw fail('invalid_credentials', 'that email and password do not match an account');
        }
        await deps.accounts.clearFailedSignIns(account.user.id);
        const csrfToken = await startSession(c, deps, limits, account.user.id);
        await auditSignIn(input, account.user.id, 'sign_in', {});
        const user = account.user;
        return c.json({ user: { id: user.id, email: user.email, name: user.name }, csrfToken });
      },
    }),
    route({
      method: 'post',
      path: '/api/auth/sign-out',
      tag: 'Accounts',
      summary: 'End this session',
      access: 'user',
      success: { description: '{signedOut: true}' },
      async handle(input) {
        if (input.actor?.via === 'session') await input.deps.accounts.deleteSession(input.actor.sessionHash);
        clearSessionCookie(input.c);
        await audit(input, 'sign_out', null, null, null);
        return input.c.json({ signedOut: true });
      },
    }),
    route({
      method: 'get',
      path: '/api/auth/me',
      tag: 'Accounts',
      summary: 'Who is signed in, their workspaces and roles, and the CSRF token',
      access: 'user',
      success: { description: '{user, workspaces:[{id,name,role}], csrfToken}' },
      async handle(input) {
        const csrf = input.actor?.via === 'session' ? input.actor.csrfToken : null;
        return input.c.json(await meBody(input, csrf));
      },
    }),
  ];
}
