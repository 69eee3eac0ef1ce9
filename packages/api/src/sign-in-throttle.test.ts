import { afterEach, describe, expect, it } from 'vitest';
import { createArgon2Hasher } from './auth/argon2-hasher';
import { clientWith, createTestApi, PASSWORD, type TestApi } from './testing/test-api';

type ErrorBody = { error: { code: string; message: string; path: string | null } };

/** Sends a sign-in with these headers (an address and, for the owner's browser, its cookies). */
const signIn = (t: TestApi, email: string, password: string, headers: Record<string, string> = {}) =>
  clientWith(t.app, headers).request('POST', '/api/auth/sign-in', { email, password });

/** Status, body and every header but the date: what an attacker can compare. */
async function answer(res: Response) {
  const headers = [...res.headers.entries()].filter(([k]) => k !== 'date');
  return { status: res.status, body: await res.text(), headers };
}

describe('sign-in throttling without lock-out (OWASP device cookies)', () => {
  let t: TestApi;
  afterEach(() => t.close());

  it("given failed sign-ins for a real and an unknown email, then each verifies one password hash of the server's cost, so they take as long", async () => {
    // The real argon2 hasher, watched: which stored hashes each sign-in verified against. Timing itself is
    // not asserted (a shared machine makes wall-clock comparisons flaky); equal work is.
    const real = createArgon2Hasher();
    const verified: string[] = [];
    const passwords = {
      hash: real.hash,
      verify: (stored: string, password: string) => {
        verified.push(stored);
        return real.verify(stored, password);
      },
    };
    t = await createTestApi({ passwords, limits: { signInFailuresPerEmail: 100 } });
    await t.addUser('Ann', { ws: 'w1', role: 'owner' });
    await t.stores.accounts.setPassword('u-ann' as never, await real.hash(PASSWORD), '2026-01-01T00:00:00Z');
    const costOf = (phc: string) => phc.split('$').slice(1, 4).join('$'); // algorithm, version, m/t/p
    for (let i = 0; i < 4; i++) {
      verified.length = 0;
      expect((await signIn(t, 'ann@example.org', `wrong guess ${i}`)).status).toBe(401);
      const forReal = [...verified];
      verified.length = 0;
      expect((await signIn(t, 'nobody@example.org', `wrong guess ${i}`)).status).toBe(401);
      const forUnknown = [...verified];
      expect(forReal).toHaveLength(1);
      expect(forUnknown).toHaveLength(1);
      expect(costOf(forUnknown[0]!)).toBe(costOf(forReal[0]!));
      expect(costOf(forReal[0]!)).toMatch(/^argon2id\$v=19\$m=19456,t=2,p=1$/);
    }
  }, 60_000);

  it('given failed sign-ins for a real and an unknown email, then every answer is the same byte for byte', async () => {
    t = await createTestApi({ limits: { signInFailuresPerEmail: 5 } });
    await t.addUser('Ann', { ws: 'w1', role: 'owner' });
    const real: Awaited<ReturnType<typeof answer>>[] = [];
    const unknown: typeof real = [];
    for (let i = 0; i < 8; i++) {
      real.push(await answer(await signIn(t, 'ann@example.org', `wrong guess ${i}`)));
      unknown.push(await answer(await signIn(t, 'nobody@example.org', `wrong guess ${i}`)));
    }
    expect(unknown).toEqual(real);
    // The first five are wrong passwords; after that, 429 with Retry-After for either email.
    expect(real.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    expect(JSON.parse(real[5]!.body) as ErrorBody).toEqual({
      error: {
        code: 'rate_limited',
        message:
          'Too many failed sign-ins for this email address. Wait 15 minutes and try again, or sign in from a browser you have used to sign in before.',
        path: null,
      },
    });
    expect(new Map(real[5]!.headers).get('retry-after')).toBe('900');
    // Even the right password is throttled from an unknown browser: the attacker learns nothing from it.
    expect((await signIn(t, 'ann@example.org', PASSWORD)).status).toBe(429);
    // And it is not a lock-out: after the window, the owner signs in.
    t.caps.advance(15 * 60_000 + 1000);
    expect((await signIn(t, 'ann@example.org', PASSWORD)).status).toBe(200);
  }, 60_000);

  it('given an attack on an account, when its owner signs in from a browser that signed in before, then it works (its own budget), from the same address too', async () => {
    t = await createTestApi({
      clientIp: () => '203.0.113.9',
      limits: { signInFailuresPerEmail: 3, signInFailuresPerAddress: 5 },
    });
    await t.addUser('Ann', { ws: 'w1', role: 'owner' });
    // Given: Ann signed in from her browser yesterday; it keeps the signed device cookie.
    const yesterday = await signIn(t, 'ann@example.org', PASSWORD);
    const device = /waymark_device=([^;]+)/.exec(yesterday.headers.get('set-cookie') ?? '')?.[1];
    expect(yesterday.headers.get('set-cookie')).toMatch(/waymark_device=[^;]+;.*HttpOnly/i);
    t.caps.advance(86_400_000);
    // When: an attacker tries passwords for her account and others from the same address.
    for (let i = 0; i < 6; i++) await signIn(t, 'ann@example.org', `guess ${i}`);
    expect((await signIn(t, 'ann@example.org', PASSWORD)).status).toBe(429);
    expect((await signIn(t, 'bob@example.org', 'guess')).status).toBe(429);
    // Then: her browser, with its device cookie, signs her in.
    const mine = await signIn(t, 'ann@example.org', PASSWORD, { cookie: `waymark_device=${device}` });
    expect(mine.status).toBe(200);
    // A forged or tampered cookie is worth nothing.
    const forged = `${device!.slice(0, -4)}AAAA`;
    expect(
      (await signIn(t, 'ann@example.org', PASSWORD, { cookie: `waymark_device=${forged}` })).status,
    ).toBe(429);
    // Her device cookie does not vouch for another email.
    expect((await signIn(t, 'bob@example.org', 'guess', { cookie: `waymark_device=${device}` })).status).toBe(
      429,
    );
  }, 60_000);

  it('given a device cookie, when it is used to guess (stolen browser), then it has a budget of its own too', async () => {
    t = await createTestApi({ limits: { signInFailuresPerEmail: 3, signInFailuresPerDevice: 4 } });
    await t.addUser('Ann', { ws: 'w1', role: 'owner' });
    const first = await signIn(t, 'ann@example.org', PASSWORD);
    const cookie = `waymark_device=${/waymark_device=([^;]+)/.exec(first.headers.get('set-cookie') ?? '')?.[1]}`;
    for (let i = 0; i < 4; i++)
      expect((await signIn(t, 'ann@example.org', `g${i}`, { cookie })).status).toBe(401);
    const res = await signIn(t, 'ann@example.org', PASSWORD, { cookie });
    expect([res.status, ((await res.json()) as ErrorBody).error.code]).toEqual([429, 'rate_limited']);
  }, 60_000);

  it('given many failures from one address across many emails, then that address is slowed down with Retry-After', async () => {
    t = await createTestApi({ clientIp: () => '203.0.113.9', limits: { signInFailuresPerAddress: 3 } });
    for (let i = 0; i < 3; i++) await signIn(t, `x${i}@example.org`, 'whatever');
    const res = await signIn(t, 'y@example.org', 'whatever');
    expect([res.status, ((await res.json()) as ErrorBody).error.code]).toEqual([429, 'rate_limited']);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  }, 60_000);
});
