import { describe, expect, it, afterEach } from 'vitest';
import { clientWith, createTestApi, PASSWORD, type Client, type TestApi } from './testing/test-api';

type ErrorBody = { error: { code: string; message: string; path: string | null } };
const DAY = 86_400_000;
const NEW_PASSWORD = 'tractor lemon chapel';

async function errorOf(res: Response) {
  return [res.status, ((await res.json()) as ErrorBody).error] as const;
}

/** Signs in by email and password and returns the client with its cookie, and the answer's body. */
async function signInWith(t: TestApi, email: string, password: string) {
  const res = await clientWith(t.app, {}).request('POST', '/api/auth/sign-in', { email, password });
  const cookie = /waymark_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  const body = (await res.clone().json()) as { csrfToken?: string; mustChangePassword?: boolean };
  const client = clientWith(t.app, {
    cookie: `waymark_session=${cookie}`,
    'x-csrf-token': body.csrfToken ?? '',
  });
  return { res, body, client };
}

/** Olive owns w1; she adds a new person and gets their one-time password. */
async function withNewMember(limits: Record<string, number> = {}) {
  const t = await createTestApi({ limits });
  await t.addUser('Olive', { ws: 'w1', role: 'owner' });
  const olive = await t.signIn('Olive');
  const added = await olive.request('POST', '/api/workspaces/w1/members', {
    email: 'new.person@example.org',
    role: 'editor',
  });
  const body = (await added.json()) as {
    member: { userId: string };
    oneTimePassword: string;
    oneTimePasswordExpiresAt: string;
  };
  return { t, olive, ...body };
}

describe('one-time passwords', () => {
  let t: TestApi;
  afterEach(() => t.close());

  it('given a one-time password, when used, then the session can only set a new password; after that the one-time password no longer works', async () => {
    const made = await withNewMember();
    t = made.t;
    expect(made.oneTimePasswordExpiresAt).toBe(new Date(t.caps.clock().getTime() + 7 * DAY).toISOString());
    const first = await signInWith(t, 'new.person@example.org', made.oneTimePassword);
    expect([first.res.status, first.body.mustChangePassword]).toEqual([200, true]);
    const me = (await (await first.client.request('GET', '/api/auth/me')).json()) as {
      mustChangePassword: boolean;
    };
    expect(me.mustChangePassword).toBe(true);
    // Every other route: 403 password_change_required, in plain words.
    for (const [method, path, body] of [
      ['GET', '/api/workspaces', undefined],
      ['GET', '/api/workspaces/w1/journeys', undefined],
      ['POST', '/api/workspaces/w1/journeys', { template: 'blank-current', title: 'x' }],
    ] as const) {
      const [status, error] = await errorOf(await first.client.request(method, path, body));
      expect([status, error.code, error.message]).toEqual([
        403,
        'password_change_required',
        'You signed in with a one-time password: choose your own password first (Change your password), then carry on.',
      ]);
    }
    // The one-time password worked once: a second sign-in with it is refused.
    const again = await signInWith(t, 'new.person@example.org', made.oneTimePassword);
    expect((await errorOf(again.res))[1].code).toBe('invalid_credentials');
    // A common password is refused, naming the field.
    const weak = await first.client.request('POST', '/api/auth/password', { newPassword: 'password1234' });
    const [weakStatus, weakError] = await errorOf(weak);
    expect([weakStatus, weakError.code, weakError.path]).toEqual([422, 'weak_password', 'newPassword']);
    // The one-time password itself cannot become theirs: whoever gave it to them knows it.
    const same = await first.client.request('POST', '/api/auth/password', {
      newPassword: made.oneTimePassword,
    });
    const [sameStatus, sameError] = await errorOf(same);
    expect([sameStatus, sameError.code, sameError.message]).toEqual([
      422,
      'weak_password',
      'Choose a password of your own, not the one-time password you were given.',
    ]);
    // Choosing a good one (no current password needed in this session) gives a normal session.
    const changed = await first.client.request('POST', '/api/auth/password', { newPassword: NEW_PASSWORD });
    expect(changed.status).toBe(200);
    const cookie = /waymark_session=([^;]+)/.exec(changed.headers.get('set-cookie') ?? '')?.[1];
    const { csrfToken } = (await changed.json()) as { csrfToken: string };
    const fresh = clientWith(t.app, { cookie: `waymark_session=${cookie}`, 'x-csrf-token': csrfToken });
    expect((await fresh.request('GET', '/api/workspaces/w1/journeys')).status).toBe(200);
    // The restricted session is over.
    expect((await first.client.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await signInWith(t, 'new.person@example.org', made.oneTimePassword)).res.status).toBe(401);
    const own = await signInWith(t, 'new.person@example.org', NEW_PASSWORD);
    expect([own.res.status, own.body.mustChangePassword]).toEqual([200, false]);
  }, 60_000);

  it('given a one-time password not used within the set time (configurable), then it no longer works and the message says what to do', async () => {
    const made = await withNewMember({ oneTimePasswordDays: 2 });
    t = made.t;
    t.caps.advance(2 * DAY + 1000);
    const late = await signInWith(t, 'new.person@example.org', made.oneTimePassword);
    const [status, error] = await errorOf(late.res);
    expect([status, error.code, error.message]).toEqual([
      401,
      'password_expired',
      'This one-time password has expired. Ask an owner of your workspace to reset your password; they will give you a new one.',
    ]);
  }, 60_000);
});

describe('changing your own password', () => {
  let t: TestApi;
  afterEach(() => t.close());

  it('given a signed-in person, when they change their password with the current one, then other sessions end and the new one works', async () => {
    t = await createTestApi();
    await t.addUser('Ann', { ws: 'w1', role: 'editor' });
    const laptop = await t.signIn('Ann');
    const phone = await t.signIn('Ann');
    const missing = await errorOf(
      await laptop.request('POST', '/api/auth/password', { newPassword: NEW_PASSWORD }),
    );
    expect([missing[0], missing[1].code, missing[1].path]).toEqual([
      422,
      'wrong_password',
      'currentPassword',
    ]);
    const wrong = await errorOf(
      await laptop.request('POST', '/api/auth/password', {
        currentPassword: 'not my password',
        newPassword: NEW_PASSWORD,
      }),
    );
    expect([wrong[0], wrong[1].code, wrong[1].path]).toEqual([422, 'wrong_password', 'currentPassword']);
    const named = await errorOf(
      await laptop.request('POST', '/api/auth/password', {
        currentPassword: PASSWORD,
        newPassword: 'ann@example.org!',
      }),
    );
    expect([named[1].code, named[1].path]).toEqual(['weak_password', 'newPassword']);
    const ok = await laptop.request('POST', '/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('set-cookie')).toMatch(/waymark_session=.+HttpOnly/i);
    expect((await phone.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await signInWith(t, 'ann@example.org', PASSWORD)).res.status).toBe(401);
    expect((await signInWith(t, 'ann@example.org', NEW_PASSWORD)).res.status).toBe(200);
    const audit = await t.stores.accounts.listAudit('w1' as never);
    expect(audit.map((e) => e.action)).toContain('password.change');
  }, 60_000);

  it('given a stolen session, when someone guesses the current password again and again, then they are slowed down', async () => {
    t = await createTestApi({ limits: { signInFailuresPerEmail: 3 } });
    await t.addUser('Ann', { ws: 'w1', role: 'editor' });
    const thief = await t.signIn('Ann');
    const guess = (n: number) =>
      thief.request('POST', '/api/auth/password', {
        currentPassword: `guess ${n}`,
        newPassword: NEW_PASSWORD,
      });
    for (let i = 0; i < 3; i++) expect((await guess(i)).status).toBe(422);
    const slowed = await guess(4);
    expect([slowed.status, ((await slowed.json()) as ErrorBody).error.code]).toEqual([429, 'rate_limited']);
  }, 60_000);
});

describe('owners resetting a member’s password', () => {
  let t: TestApi;
  afterEach(() => t.close());
  const reset = (owner: Client, ws: string, userId: string) =>
    owner.request('POST', `/api/workspaces/${ws}/members/${userId}/password-reset`);

  it('given an owner and a member of only this workspace, when reset, then a one-time password is shown once, their sessions end, and it is audited without the password', async () => {
    t = await createTestApi();
    await t.addUser('Olive', { ws: 'w1', role: 'owner' });
    await t.addUser('Ed', { ws: 'w1', role: 'editor' });
    const olive = await t.signIn('Olive');
    const ed = await t.signIn('Ed');
    const res = await reset(olive, 'w1', 'u-ed');
    const body = (await res.json()) as { oneTimePassword: string; oneTimePasswordExpiresAt: string };
    expect([res.status, body.oneTimePassword.length >= 20]).toEqual([200, true]);
    expect((await ed.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await signInWith(t, 'ed@example.org', PASSWORD)).res.status).toBe(401);
    const signed = await signInWith(t, 'ed@example.org', body.oneTimePassword);
    expect([signed.res.status, signed.body.mustChangePassword]).toEqual([200, true]);
    const [event] = await t.stores.accounts
      .listAudit('w1' as never, { limit: 50 })
      .then((a) => a.filter((e) => e.action === 'member.password_reset'));
    expect([event?.actorId, event?.target]).toEqual(['u-olive', 'u-ed']);
    expect(JSON.stringify(event)).not.toContain(body.oneTimePassword);
  }, 60_000);

  it('given a member who also belongs to a workspace the owner does not own, then the owner cannot reset them (no take-over of an owner elsewhere); an owner of every workspace they belong to can', async () => {
    t = await createTestApi();
    await t.addUser('Olive', { ws: 'w1', role: 'owner' });
    await t.addUser('Otto', { ws: 'w2', role: 'owner' });
    await t.addUser('Otto', { ws: 'w1', role: 'viewer' });
    const olive = await t.signIn('Olive');
    const refused = await errorOf(await reset(olive, 'w1', 'u-otto'));
    expect([refused[0], refused[1].code, refused[1].message]).toEqual([
      403,
      'reset_not_allowed',
      'Otto also belongs to a workspace you do not own, so you cannot reset their password. They can change it themselves; if they have forgotten it, an owner of every workspace they belong to can reset it.',
    ]);
    expect((await signInWith(t, 'otto@example.org', PASSWORD)).res.status).toBe(200);
    await t.addUser('Olive', { ws: 'w2', role: 'owner' });
    expect((await reset(olive, 'w1', 'u-otto')).status).toBe(200);
    // Not yourself (use Change your password), and not someone outside the workspace.
    expect((await errorOf(await reset(olive, 'w1', 'u-olive')))[1].code).toBe('forbidden');
    await t.addUser('Stranger', { ws: 'w3', role: 'owner' });
    expect((await errorOf(await reset(olive, 'w1', 'u-stranger')))[1].code).toBe('member_not_found');
  }, 60_000);
});
