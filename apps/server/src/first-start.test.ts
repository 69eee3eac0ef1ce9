import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createArgon2Hasher } from '@waymark/api';
import { writeJourneyYaml } from '@waymark/document';
import { createTestStores, sampleJourney } from '@waymark/store';
import { expect, it } from 'vitest';
import { runFirstStart } from './first-start';

it('given an empty database, when started the first time, then an administrator with a generated one-time password (valid for the set days) and a demo workspace of the valid examples; never twice', async () => {
  const examples = mkdtempSync(join(tmpdir(), 'waymark-examples-'));
  writeFileSync(join(examples, 'a.yaml'), writeJourneyYaml(sampleJourney('alpha')));
  writeFileSync(join(examples, 'b.yaml'), 'schemaVersion: 2\nid: broken\n');
  writeFileSync(join(examples, 'notes.md'), '# not a journey');
  const stores = await createTestStores();
  const passwords = createArgon2Hasher({ memoryCost: 1024, timeCost: 1 });
  let n = 0;
  const caps = {
    clock: () => new Date('2026-01-01T00:00:00Z'),
    newId: () => `id${++n}`,
    randomBytes: (k: number) => new Uint8Array(k).fill(n + 7),
    passwords,
    oneTimePasswordDays: 3,
  };
  try {
    const first = await runFirstStart(stores, caps, 'admin@example.org', examples);
    expect(first?.loaded).toEqual(['alpha']);
    expect(first?.skipped).toHaveLength(1);
    expect(first?.skipped[0]).toMatch(/^b\.yaml: /);
    expect(first!.password.length).toBeGreaterThanOrEqual(20);
    const account = await stores.accounts.findPasswordAccount('admin@example.org');
    expect(await passwords.verify(account!.passwordHash!, first!.password)).toBe(true);
    expect([account!.oneTimeUntil, account!.oneTimeUsedAt, first!.passwordExpiresAt]).toEqual([
      '2026-01-04T00:00:00.000Z',
      null,
      '2026-01-04T00:00:00.000Z',
    ]);
    expect(await stores.accounts.listWorkspacesOf(account!.user.id)).toEqual([
      { id: 'demo', name: 'Demo', role: 'owner' },
    ]);
    expect(await runFirstStart(stores, caps, 'admin@example.org', examples)).toBeNull();
  } finally {
    await stores.close();
  }
});
