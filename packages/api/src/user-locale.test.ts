import { afterEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from './testing/test-api';

/** Each person's interface language, kept on their account (issue 11 item 10, decision 0017, migration 013). */
describe('the language a person chose', () => {
  let t: TestApi;
  afterEach(async () => {
    await t.close();
  });
  type Me = { locale: string | null; user: { email: string } };
  type ErrorBody = { error: { code: string; message: string; path?: string | null } };

  it('given a person who has not chosen, when they choose Cymraeg, then /api/auth/me says cy in every session of theirs', async () => {
    t = await createTestApi();
    await t.addUser('Ann', { ws: 'w1', role: 'viewer' });
    await t.addUser('Bob', { ws: 'w1', role: 'viewer' });
    const ann = await t.signIn('Ann');
    expect(((await (await ann.request('GET', '/api/auth/me')).json()) as Me).locale).toBeNull();

    const set = await ann.request('PATCH', '/api/auth/me', { locale: 'cy' });
    expect([set.status, await set.json()]).toEqual([200, { locale: 'cy' }]);

    // Another browser: a new session of the same person.
    const annElsewhere = await t.signIn('Ann');
    expect(((await (await annElsewhere.request('GET', '/api/auth/me')).json()) as Me).locale).toBe('cy');
    // Only Ann's account changed.
    const bob = await t.signIn('Bob');
    expect(((await (await bob.request('GET', '/api/auth/me')).json()) as Me).locale).toBeNull();

    // Back to English, then to "let the browser decide".
    await ann.request('PATCH', '/api/auth/me', { locale: 'en' });
    expect(((await (await ann.request('GET', '/api/auth/me')).json()) as Me).locale).toBe('en');
    await ann.request('PATCH', '/api/auth/me', { locale: null });
    expect(((await (await ann.request('GET', '/api/auth/me')).json()) as Me).locale).toBeNull();
  });

  it('given a language Waymark does not offer, or no locale field, then 400 naming the field and what is expected', async () => {
    t = await createTestApi();
    await t.addUser('Ann', { ws: 'w1', role: 'viewer' });
    const ann = await t.signIn('Ann');
    await ann.request('PATCH', '/api/auth/me', { locale: 'cy' });
    for (const body of [{ locale: 'fr' }, { locale: 'CY' }, {}, { locale: 'en', name: 'x' }]) {
      const res = await ann.request('PATCH', '/api/auth/me', body);
      const error = ((await res.json()) as ErrorBody).error;
      expect([res.status, error.code], JSON.stringify(body)).toEqual([400, 'invalid_request']);
      if ('locale' in body && !('name' in body)) {
        expect(error.path).toBe('locale');
        expect(error.message).toContain('locale');
        expect(error.message).toContain('"cy"');
      }
    }
    // Nothing changed.
    expect(((await (await ann.request('GET', '/api/auth/me')).json()) as Me).locale).toBe('cy');
  });
});
