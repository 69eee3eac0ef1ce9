import { createArgon2Hasher } from '@waymark/api';
import { createTranslator } from '@waymark/i18n';
import { createTestStores, type UserId, type WorkspaceId } from '@waymark/store';
import { expect, it } from 'vitest';
import { resetPassword } from './reset-password';

it('given an account, when the operator resets its password, then it gets a one-time password for the set days, its sessions end, and each of its workspaces audits it; an unknown email is said plainly', async () => {
  const stores = await createTestStores();
  const passwords = createArgon2Hasher({ memoryCost: 1024, timeCost: 1 });
  const at = '2026-01-01T00:00:00.000Z';
  const caps = {
    clock: () => new Date(at),
    randomBytes: (k: number) => new Uint8Array(k).fill(3),
    passwords,
    oneTimePasswordDays: 2,
  };
  try {
    const ann = 'ann' as UserId;
    await stores.accounts.createUser({ id: ann, email: 'ann@example.org', name: 'Ann', at });
    await stores.accounts.setPassword(ann, await passwords.hash('forgotten long password'), at);
    for (const ws of ['w1', 'w2'])
      await stores.accounts.createWorkspace({ id: ws as WorkspaceId, name: ws, ownerId: ann, at });
    await stores.accounts.createSession({
      tokenHash: 'h',
      userId: ann,
      csrfToken: 'c',
      at,
      expiresAt: '2026-01-02T00:00:00Z',
    });

    const result = await resetPassword(stores, caps, 'ANN@example.org');
    if (!result.ok) throw new Error(result.problem.id);
    expect(result.expiresAt).toBe('2026-01-03T00:00:00.000Z');
    const account = await stores.accounts.findPasswordAccount('ann@example.org');
    expect(await passwords.verify(account!.passwordHash!, result.password)).toBe(true);
    expect(account!.oneTimeUntil).toBe('2026-01-03T00:00:00.000Z');
    expect(await stores.accounts.findSession('h', at)).toBeNull();
    for (const ws of ['w1', 'w2'])
      expect((await stores.accounts.listAudit(ws as WorkspaceId)).map((e) => e.action)).toEqual([
        'password.reset_by_operator',
      ]);

    const unknown = await resetPassword(stores, caps, 'nobody@example.org');
    expect(unknown).toEqual({
      ok: false,
      problem: { id: 'server.resetPassword.noAccount', values: { email: 'nobody@example.org' } },
    });
    if (unknown.ok) throw new Error('an unknown email was reset');
    expect(createTranslator('en').t(unknown.problem.id, unknown.problem.values)).toBe(
      'there is no account with the email nobody@example.org: check the spelling',
    );
  } finally {
    await stores.close();
  }
});
