import { userLocales, type UserId } from '@waymark/store';
import { z } from 'zod';
import { fail } from '../api-error';
import { clearSessionCookie, startSession } from '../auth/session-cookie';
import { route, type RouteInput } from '../route-spec';
import { audit, clientIp, nowIso, userOf } from './route-helpers';
import { emailSchema, nameSchema, passwordSchema } from './schemas';
import { checkNewPassword } from '../auth/password-policy';
import { isInstanceAdmin } from '../auth/instance-admin';
import { createSignInThrottle } from '../auth/sign-in-throttle';
import type { Limits } from '../deps';
import { effectiveSettings } from '../sso/sso-config';

const localeBody = z.strictObject({
  locale: z
    .enum(userLocales, {
      message: 'expected "en" (English), "cy" (Cymraeg) or null (let the browser decide)',
    })
    .nullable(),
});
const signInBody = z.strictObject({ email: emailSchema, password: z.string().min(1).max(200) });
const setupBody = z.strictObject({ email: emailSchema, name: nameSchema, password: passwordSchema });

/** Sign-in events go to the audit log of every workspace the user belongs to (or the instance's, if none). */
export async function auditSignIn(
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
  return {
    user: { id: user.id, email: user.email, name: user.name },
    /** May open the administration pages (a signed-in instance administrator, never a token). */
    instanceAdmin: isInstanceAdmin(actor),
    locale: await input.deps.accounts.getUserLocale(user.id),
    workspaces,
    csrfToken,
    mustChangePassword: actor.via === 'session' && actor.mustChangePassword,
  };
}

export function authRoutes(limits: Limits) {
  const throttle = createSignInThrottle(limits);
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
      errors: ['setup_done', 'weak_password'],
      async handle(input) {
        const { c, deps, body } = input;
        if ((await deps.accounts.countUsers()) > 0)
          throw fail('setup_done', 'Waymark is already set up: sign in instead');
        checkNewPassword(body.password, body, 'password');
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
      summary:
        'Sign in with email and password; sets the session cookie (and a device cookie that keeps this browser able to sign in while others guess)',
      access: 'public',
      body: signInBody,
      success: { description: '{user, csrfToken, mustChangePassword}' },
      errors: [
        'invalid_credentials',
        'password_expired',
        'account_suspended',
        'password_sign_in_off',
        'rate_limited',
      ],
      async handle(input) {
        const { c, deps, body, limits } = input;
        const attempt = await throttle.begin(input, body.email);
        const account = await deps.accounts.findPasswordAccount(body.email);
        const valid = await throttle.verify(deps, account?.passwordHash ?? null, body.password);
        if (!account || !account.passwordHash || !valid) {
          attempt.failed();
          await auditSignIn(input, account?.user.id ?? null, 'sign_in.failed', { email: body.email });
          throw fail('invalid_credentials', 'that email and password do not match an account');
        }
        const user = account.user;
        if (user.suspendedAt !== null) {
          // Only said to whoever knows the password: a suspended account stays closed (issue 12).
          attempt.failed();
          await auditSignIn(input, user.id, 'sign_in.suspended', {});
          throw fail('account_suspended', 'this account is suspended: ask an administrator to restore it');
        }
        if (!user.instanceAdmin && deps.sso) {
          // Password sign-in switched off by the administrator: the organisation's provider only. An instance
          // administrator keeps a password, the way back in if the provider fails (decision 0029).
          const sso = await effectiveSettings(deps.sso.store, deps.sso.environment);
          if (sso && !sso.passwordSignIn) {
            attempt.failed();
            await auditSignIn(input, user.id, 'sign_in.password_off', {});
            throw fail(
              'password_sign_in_off',
              'password sign-in is switched off: sign in through the provider',
            );
          }
        }
        const oneTime = account.oneTimeUntil !== null;
        if (oneTime) {
          // Right password, but a one-time one that has expired or been used: say so to whoever knows it.
          const current =
            account.oneTimeUsedAt === null && account.oneTimeUntil! > nowIso(input)
              ? await deps.accounts.useOneTimePassword(user.id, account.passwordHash, nowIso(input))
              : false;
          if (!current) {
            attempt.failed();
            await auditSignIn(input, user.id, 'sign_in.expired_one_time_password', {});
            if (account.oneTimeUsedAt !== null)
              throw fail('invalid_credentials', 'that email and password do not match an account');
            throw fail(
              'password_expired',
              'This one-time password has expired. Ask an owner of your workspace to reset your password; they will give you a new one.',
            );
          }
        }
        attempt.succeeded(user.email);
        const csrfToken = await startSession(c, deps, limits, user.id, { mustChangePassword: oneTime });
        await auditSignIn(input, user.id, 'sign_in', oneTime ? { oneTimePassword: true } : {});
        return c.json({
          user: { id: user.id, email: user.email, name: user.name },
          csrfToken,
          mustChangePassword: oneTime,
        });
      },
    }),
    route({
      method: 'post',
      path: '/api/auth/password',
      tag: 'Accounts',
      summary:
        'Change your own password (with the current one; not needed right after signing in with a one-time password); ends your other sessions',
      access: 'user',
      scope: 'session',
      duringPasswordChange: true,
      body: z.strictObject({
        currentPassword: z.string().max(200).optional(),
        newPassword: z.string().max(1000),
      }),
      success: { description: '{user, csrfToken, mustChangePassword: false}' },
      errors: ['wrong_password', 'weak_password', 'rate_limited'],
      async handle(input) {
        const { c, deps, body, limits } = input;
        const actor = input.actor!;
        const user = userOf(input);
        if (actor.via !== 'session' || !actor.mustChangePassword) {
          const attempt = throttle.beginForUser(input, user.id);
          const account = await deps.accounts.findPasswordAccount(user.email);
          const current = body.currentPassword ?? '';
          const valid = account?.passwordHash
            ? await deps.passwords.verify(account.passwordHash, current)
            : false;
          if (!valid) {
            attempt.failed();
            throw fail(
              'wrong_password',
              current === ''
                ? 'Type your current password, so we know it is you.'
                : 'That is not your current password. Type it again.',
              'currentPassword',
            );
          }
        }
        checkNewPassword(body.newPassword, user, 'newPassword');
        if (actor.via === 'session' && actor.mustChangePassword) {
          // Whoever handed the one-time password over knows it: it cannot become the person's own.
          const account = await deps.accounts.findPasswordAccount(user.email);
          if (account?.passwordHash && (await deps.passwords.verify(account.passwordHash, body.newPassword)))
            throw fail(
              'weak_password',
              'Choose a password of your own, not the one-time password you were given.',
              'newPassword',
              { reason: 'one_time' },
            );
        }
        await deps.accounts.setPassword(user.id, await deps.passwords.hash(body.newPassword), nowIso(input));
        // Every session of this person ends, this one too; this browser gets a fresh one.
        await deps.accounts.deleteSessionsOf(user.id);
        const csrfToken = await startSession(c, deps, limits, user.id);
        await auditSignIn(input, user.id, 'password.change', {});
        return c.json({
          user: { id: user.id, email: user.email, name: user.name },
          csrfToken,
          mustChangePassword: false,
        });
      },
    }),
    route({
      method: 'post',
      path: '/api/auth/sign-out',
      tag: 'Accounts',
      summary: 'End this session',
      access: 'user',
      duringPasswordChange: true,
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
      summary:
        'Who is signed in, their workspaces and roles, the CSRF token, and whether they must choose a password',
      access: 'user',
      duringPasswordChange: true,
      success: {
        description:
          '{user, locale: "en"|"cy"|null, workspaces:[{id,name,role}], csrfToken, mustChangePassword}',
      },
      async handle(input) {
        const csrf = input.actor?.via === 'session' ? input.actor.csrfToken : null;
        return input.c.json(await meBody(input, csrf));
      },
    }),
    route({
      method: 'patch',
      path: '/api/auth/me',
      tag: 'Accounts',
      summary:
        'Choose the language of your interface ("en" English, "cy" Cymraeg), kept on your account for every browser; null lets each browser decide',
      access: 'user',
      scope: 'session',
      duringPasswordChange: true,
      body: localeBody,
      success: { description: '{locale}' },
      async handle(input) {
        const user = userOf(input);
        await input.deps.accounts.setUserLocale(user.id, input.body.locale);
        return input.c.json({ locale: input.body.locale });
      },
    }),
  ];
}
