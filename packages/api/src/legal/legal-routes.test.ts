import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientWith, createTestApi, type Client, type TestApi } from '../testing/test-api';
import { defaultAccessibilitySettings, defaultPrivacySettings } from './legal-settings';

/**
 * The legal pages' details (issue 12, item 5): anyone reads them, signed in or not; only an instance administrator
 * changes them, with every field checked and named when wrong, and each change audited.
 */
describe('legal pages: the organisation’s details', () => {
  let t: TestApi;
  let anonymous: Client;
  let owner: Client;
  beforeAll(async () => {
    t = await createTestApi();
    // Ada first: the first account made may be the instance administrator (migration 014); Olive is not.
    await t.addUser('Ada');
    await t.addUser('Olive', { ws: 'w1', role: 'owner' });
    anonymous = clientWith(t.app, {});
    owner = await t.signIn('Olive');
  });
  afterAll(() => t.close());

  it('given nothing filled in, when anyone reads either page, then every detail is empty and nobody saved it', async () => {
    const a11y = await anonymous.request('GET', '/api/legal/accessibility');
    expect(a11y.status).toBe(200);
    expect(await a11y.json()).toEqual({
      settings: defaultAccessibilitySettings,
      updatedAt: null,
      updatedBy: null,
      canEdit: false,
    });
    const privacy = await anonymous.request('GET', '/api/legal/privacy');
    expect(((await privacy.json()) as { settings: unknown }).settings).toEqual(defaultPrivacySettings);
  });

  it('given a workspace owner who is not an instance administrator, when they change the statement, then 403 and nothing changes', async () => {
    const res = await owner.request('PUT', '/api/legal/accessibility', {
      ...defaultAccessibilitySettings,
      contactEmail: 'access@example.org',
    });
    expect(res.status).toBe(403);
    const read = (await (await anonymous.request('GET', '/api/legal/accessibility')).json()) as {
      settings: { contactEmail: string };
    };
    expect(read.settings.contactEmail).toBe('');
  });

  it.each([
    ['contactEmail', { contactEmail: 'not an email' }],
    ['responseDays', { responseDays: 0 }],
    ['contactPhone', { contactPhone: 'call me' }],
    ['preparedOn', { preparedOn: '31/03/2026' }],
    ['organisationName.cy', { organisationName: { en: 'Council', cy: 'x'.repeat(201) } }],
  ])('given a wrong %s, when sent, then 400 naming the field', async (field, change) => {
    const res = await owner.request('PUT', '/api/legal/accessibility', {
      ...defaultAccessibilitySettings,
      ...change,
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; path: string; message: string } };
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.path).toBe(field);
  });

  it('given the instance administrator, when it changes the contact, then everyone reads it and only it may edit', async () => {
    // Ada, the first account made, is the instance administrator (migration 014); made so here all the same.
    await t.stores.accounts.setInstanceAdmin(
      'u-ada' as Parameters<typeof t.stores.accounts.getUser>[0],
      true,
    );
    const admin = await t.signIn('Ada');
    const settings = {
      ...defaultAccessibilitySettings,
      organisationName: { en: 'Melton Borough Council', cy: 'Cyngor Bwrdeistref Melton' },
      contactEmail: 'access@melton.gov.uk',
      responseDays: 10,
    };
    const res = await admin.request('PUT', '/api/legal/accessibility', settings);
    expect(res.status, await res.clone().text()).toBe(200);
    const read = (await (await anonymous.request('GET', '/api/legal/accessibility')).json()) as {
      settings: unknown;
      updatedBy: string;
      canEdit: boolean;
    };
    expect(read).toMatchObject({ settings, updatedBy: 'Ada', canEdit: false });
    const mine = (await (await admin.request('GET', '/api/legal/accessibility')).json()) as {
      canEdit: boolean;
    };
    expect(mine.canEdit).toBe(true);
  });

  it('given a field the page does not have, when sent, then 400 naming it', async () => {
    const res = await owner.request('PUT', '/api/legal/privacy', { ...defaultPrivacySettings, ceo: 'X' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('ceo');
  });
});
