import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createArgon2Hasher } from '@waymark/api';
import { writeJourneyYaml } from '@waymark/document';
import { createTranslator } from '@waymark/i18n';
import { createMemoryKeyring, createTestStores, sampleJourney } from '@waymark/store';
import type { Stores, UserId, WorkspaceId } from '@waymark/store';
import { expect, it } from 'vitest';
import { runFirstStart, type FirstStartCaps } from './first-start';
import { resetPassword } from './reset-password';
import { wholeProblemId } from './demo-hierarchy';
import type { StartUpSaid } from './start-up-problem';
import { failingOnce } from './testing/failing-once';

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
    expect(first?.skipped).toEqual([{ id: 'server.firstStart.skip.invalid', values: { file: 'b.yaml' } }]);
    expect(first!.password!.length).toBeGreaterThanOrEqual(20);
    const account = await stores.accounts.findPasswordAccount('admin@example.org');
    expect(await passwords.verify(account!.passwordHash!, first!.password!)).toBe(true);
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

/** An examples folder with one valid journey (alpha), empty stores and a quick password hasher. */
async function oneExample() {
  const examples = mkdtempSync(join(tmpdir(), 'waymark-examples-'));
  writeFileSync(join(examples, 'a.yaml'), writeJourneyYaml(sampleJourney('alpha')));
  return {
    examples,
    stores: await createTestStores(),
    passwords: createArgon2Hasher({ memoryCost: 1024, timeCost: 1 }),
  };
}

const quickCaps = (): FirstStartCaps => {
  let n = 0;
  return {
    clock: () => new Date('2026-01-01T00:00:00Z'),
    newId: () => `id${++n}`,
    randomBytes: (k: number) => new Uint8Array(k).fill(7),
    passwords: createArgon2Hasher({ memoryCost: 1024, timeCost: 1 }),
  };
};

/** A first start on `failing` (stores with one call failing, from failingOnce) that stops part way. */
async function failedFirstStart(
  failing: Stores,
  email: string,
  examples: string,
  caps: FirstStartCaps = quickCaps(),
): Promise<void> {
  await expect(runFirstStart(failing, caps, email, examples)).rejects.toThrow(
    'Connection terminated unexpectedly',
  );
}

/** Each reason said as `npm start` says it, in English and in Welsh. */
const said = (skipped: readonly StartUpSaid[]) =>
  (['en', 'cy'] as const).map((locale) => skipped.map((s) => createTranslator(locale).t(s.id, s.values)));

it('given an example that cannot be read, one repeating another’s id, and no change-of-address journey for the demo log, when started the first time, then each is left out with the reason in the catalogue’s words, English or Welsh', async () => {
  const examples = mkdtempSync(join(tmpdir(), 'waymark-examples-'));
  writeFileSync(join(examples, 'a.yaml'), writeJourneyYaml(sampleJourney('alpha')));
  mkdirSync(join(examples, 'b.yaml'));
  writeFileSync(join(examples, 'c.yaml'), writeJourneyYaml(sampleJourney('alpha', { title: 'Alpha again' })));
  const stores = await createTestStores();
  try {
    const keyring = createMemoryKeyring((k) => new Uint8Array(k).fill(9));
    const first = await runFirstStart(stores, quickCaps(), 'admin@example.org', examples, keyring);
    expect(first?.loaded).toEqual(['alpha']);
    expect(first?.skipped).toEqual([
      { id: 'server.firstStart.skip.unreadable', values: { file: 'b.yaml', code: 'EISDIR' } },
      { id: 'server.firstStart.skip.sameId', values: { file: 'c.yaml', journey: 'alpha' } },
      { id: 'server.firstStart.skip.demoLogJourney', values: { journey: 'multi-service-change-of-address' } },
    ]);
    expect(said(first!.skipped)).toEqual([
      [
        'The example journey b.yaml could not be read (EISDIR), so it was left out.',
        'The example journey c.yaml was left out: another example already has its id, alpha.',
        'The generated contact log was left out: the example journey it is attached to, multi-service-change-of-address, is not there.',
      ],
      [
        'Ni ellid darllen y daith enghreifftiol b.yaml (EISDIR), felly cafodd ei gadael allan.',
        'Gadawyd y daith enghreifftiol c.yaml allan: mae gan enghraifft arall ei dynodydd eisoes, alpha.',
        'Gadawyd y log cyswllt a gynhyrchwyd allan: nid yw’r daith enghreifftiol y mae wedi’i atodi iddi, multi-service-change-of-address, yno.',
      ],
    ]);
  } finally {
    await stores.close();
  }
});

it('given an example that is not a valid journey, when started the first time, then the reason names the command that lists its problems, English or Welsh', async () => {
  const examples = mkdtempSync(join(tmpdir(), 'waymark-examples-'));
  writeFileSync(join(examples, 'broken.yaml'), 'schemaVersion: 2\nid: broken\n');
  const stores = await createTestStores();
  try {
    const first = await runFirstStart(stores, quickCaps(), 'admin@example.org', examples);
    expect(said(first!.skipped)).toEqual([
      [
        'The example journey broken.yaml is not a valid journey, so it was left out (npx waymark validate examples/broken.yaml lists its problems).',
      ],
      [
        'Nid yw’r daith enghreifftiol broken.yaml yn daith ddilys, felly cafodd ei gadael allan (mae npx waymark validate examples/broken.yaml yn rhestru ei phroblemau).',
      ],
    ]);
  } finally {
    await stores.close();
  }
});

it('given the examples and one more taking the whole-problem journey’s id, when started the first time, then the journey tree is left out with the reason’s code, and no whole-problem journey is announced', async () => {
  const repoExamples = fileURLToPath(new URL('../../../examples/', import.meta.url));
  const examples = mkdtempSync(join(tmpdir(), 'waymark-examples-'));
  for (const file of readdirSync(repoExamples).filter((f) => /\.ya?ml$/.test(f)))
    copyFileSync(join(repoExamples, file), join(examples, file));
  writeFileSync(join(examples, 'zz-taken.yaml'), writeJourneyYaml(sampleJourney(wholeProblemId)));
  const stores = await createTestStores();
  try {
    const first = await runFirstStart(stores, quickCaps(), 'admin@example.org', examples);
    expect(first?.loaded).toContain(wholeProblemId);
    expect(first?.skipped).toEqual([
      {
        id: 'server.firstStart.skip.hierarchy',
        values: { journey: wholeProblemId, code: 'journey_exists' },
      },
    ]);
    expect(first?.wholeProblem).toBeUndefined();
    expect(said(first!.skipped)).toEqual([
      [
        `The examples were not arranged beneath a whole-problem journey: ${wholeProblemId} and its links could not be made (journey_exists).`,
      ],
      [
        `Ni threfnwyd yr enghreifftiau o dan daith y broblem gyfan: ni ellid gwneud ${wholeProblemId} a’i dolenni (journey_exists).`,
      ],
    ]);
  } finally {
    await stores.close();
  }
});

it('given a first start that failed after the administrator was made (the demo workspace could not be created), when started again, then that first start is finished: a fresh one-time password for the same administrator, one demo workspace with the examples; never a third time', async () => {
  const { examples, stores, passwords } = await oneExample();
  try {
    await failedFirstStart(failingOnce(stores, 'accounts', 'createWorkspace'), 'admin@example.org', examples);
    const admin = await stores.accounts.findUserByEmail('admin@example.org');
    expect(admin?.instanceAdmin).toBe(true);

    const again = await runFirstStart(stores, quickCaps(), 'admin@example.org', examples);
    expect(again).not.toBeNull();
    expect(again!.finishedUnfinished).toBe(true);
    expect(again!.loaded).toEqual(['alpha']);
    expect(again!.skipped).toEqual([]);
    expect(await stores.accounts.countUsers()).toBe(1);
    const account = await stores.accounts.findPasswordAccount('admin@example.org');
    expect(account!.user.id).toBe(admin!.id);
    expect(await passwords.verify(account!.passwordHash!, again!.password!)).toBe(true);
    expect(account!.oneTimeUntil).toBe(again!.passwordExpiresAt);
    expect(await stores.accounts.listWorkspacesOf(admin!.id)).toEqual([
      { id: 'demo', name: 'Demo', role: 'owner' },
    ]);
    expect(await runFirstStart(stores, quickCaps(), 'admin@example.org', examples)).toBeNull();
  } finally {
    await stores.close();
  }
});

it('given a first start that failed at its very last write, after the demo (examples, journey tree, contact log) was all made, when started again, then it finishes with the same demo as a first start that never failed, nothing made twice', async () => {
  const examples = fileURLToPath(new URL('../../../examples/', import.meta.url));
  const keyring = () => createMemoryKeyring((k) => new Uint8Array(k).fill(9));
  const fresh = await createTestStores();
  const stores = await createTestStores();
  const everything = async (s: Stores) => ({
    journeys: (await s.journeys.listJourneys('demo' as WorkspaceId)).map((j) => [j.id, j.version]),
    children: (await s.hierarchy.listChildren('demo' as WorkspaceId)).length,
    stepLinks: (await s.hierarchy.listStepLinks('demo' as WorkspaceId)).length,
    opportunities: (await s.opportunities.listOpportunities('demo' as WorkspaceId)).map((o) => [
      o.id,
      o.links.length,
    ]),
    datasets: (await s.datasets.listDatasets('demo' as WorkspaceId)).map((d) => [d.id, d.journeyId]),
  });
  try {
    const first = await runFirstStart(fresh, quickCaps(), 'admin@example.org', examples, keyring());
    await expect(
      runFirstStart(
        failingOnce(stores, 'accounts', 'putSetting', (key) => key === 'instance'),
        quickCaps(),
        'admin@example.org',
        examples,
        keyring(),
      ),
    ).rejects.toThrow('Connection terminated unexpectedly');
    const again = await runFirstStart(stores, quickCaps(), 'admin@example.org', examples, keyring());
    expect(again?.finishedUnfinished).toBe(true);
    expect(first?.finishedUnfinished).toBeUndefined();
    expect([again?.loaded, again?.skipped, again?.wholeProblem, again?.demoLog]).toEqual([
      first?.loaded,
      [],
      first?.wholeProblem,
      first?.demoLog,
    ]);
    expect(first?.wholeProblem).toBe(wholeProblemId);
    expect(await everything(stores)).toEqual(await everything(fresh));
    expect(await runFirstStart(stores, quickCaps(), 'admin@example.org', examples, keyring())).toBeNull();
  } finally {
    await fresh.close();
    await stores.close();
  }
});

it('given an instance set up before first starts were marked (an administrator, no instance setting, no marker), when started, then it is left as it is: no first start, the administrator’s password unchanged', async () => {
  const { examples, stores, passwords } = await oneExample();
  try {
    const made = await stores.accounts.createUser({
      id: 'older-admin' as UserId,
      email: 'admin@example.org',
      name: 'Administrator',
      at: '2025-01-01T00:00:00.000Z',
    });
    expect(made.ok).toBe(true);
    await stores.accounts.setPassword(
      'older-admin' as UserId,
      await passwords.hash('their own chosen words'),
      '2025-01-01T00:00:00.000Z',
    );
    expect(await runFirstStart(stores, quickCaps(), 'admin@example.org', examples)).toBeNull();
    const account = await stores.accounts.findPasswordAccount('admin@example.org');
    expect(await passwords.verify(account!.passwordHash!, 'their own chosen words')).toBe(true);
    expect(account!.oneTimeUntil).toBeNull();
    expect(await stores.accounts.countUsers()).toBe(1);
    expect(await stores.accounts.getWorkspace('demo' as WorkspaceId)).toBeNull();
  } finally {
    await stores.close();
  }
});

it('given a first start that failed after the administrator was made, and the administrator’s email configured differently since, when started again, then that account gets the new email and the password: one administrator, owner of the demo', async () => {
  const { examples, stores, passwords } = await oneExample();
  try {
    await failedFirstStart(failingOnce(stores, 'journeys', 'createJourney'), 'typo@exmaple.org', examples);
    const earlier = await stores.accounts.findUserByEmail('typo@exmaple.org');
    expect(await stores.accounts.listWorkspacesOf(earlier!.id)).toEqual([
      { id: 'demo', name: 'Demo', role: 'owner' },
    ]);

    const again = await runFirstStart(stores, quickCaps(), 'admin@example.org', examples);
    expect([again?.finishedUnfinished, again?.adminEmail, again?.adminEmailWas]).toEqual([
      true,
      'admin@example.org',
      'typo@exmaple.org',
    ]);
    expect(await stores.accounts.countUsers()).toBe(1);
    expect(await stores.accounts.findUserByEmail('typo@exmaple.org')).toBeNull();
    const account = await stores.accounts.findPasswordAccount('admin@example.org');
    expect([account!.user.id, account!.user.instanceAdmin]).toEqual([earlier!.id, true]);
    expect(await passwords.verify(account!.passwordHash!, again!.password!)).toBe(true);
    expect(await stores.accounts.listWorkspacesOf(earlier!.id)).toEqual([
      { id: 'demo', name: 'Demo', role: 'owner' },
    ]);
  } finally {
    await stores.close();
  }
});

it('given a first start that failed after the administrator was made, and the operator’s npm run reset-password since, when started again, then the reset password is kept and no other is made; a start that fails again after keeping it still keeps it', async () => {
  const { examples, stores, passwords } = await oneExample();
  const later = (iso: string): FirstStartCaps => ({ ...quickCaps(), clock: () => new Date(iso) });
  try {
    await failedFirstStart(failingOnce(stores, 'accounts', 'createWorkspace'), 'admin@example.org', examples);
    const reset = await resetPassword(
      stores,
      {
        clock: () => new Date('2026-01-01T01:00:00Z'),
        randomBytes: (k) => new Uint8Array(k).fill(42),
        passwords,
        oneTimePasswordDays: 7,
      },
      'admin@example.org',
    );
    if (!reset.ok) throw new Error('no account to reset');
    const keptUntil = (await stores.accounts.findPasswordAccount('admin@example.org'))!.oneTimeUntil;

    // the second start fails too, after the point where it would have set a password
    await failedFirstStart(
      failingOnce(stores, 'journeys', 'createJourney'),
      'admin@example.org',
      examples,
      later('2026-01-01T02:00:00Z'),
    );
    const again = await runFirstStart(stores, later('2026-01-01T03:00:00Z'), 'admin@example.org', examples);
    expect([
      again?.finishedUnfinished,
      again?.passwordKept,
      again?.password,
      again?.passwordExpiresAt,
    ]).toEqual([true, true, undefined, undefined]);
    expect(again?.loaded).toEqual(['alpha']);
    const account = await stores.accounts.findPasswordAccount('admin@example.org');
    expect(await passwords.verify(account!.passwordHash!, reset.password)).toBe(true);
    expect(account!.oneTimeUntil).toBe(keptUntil);
    expect(await runFirstStart(stores, quickCaps(), 'admin@example.org', examples)).toBeNull();
  } finally {
    await stores.close();
  }
});
