import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readJourneyText } from '@waymark/document';
import type { PasswordHasher } from '@waymark/api';
import type { Keyring, Stores, UserId, WorkspaceId } from '@waymark/store';
import { demoJourneyId, seedDemoDataset } from './demo-dataset';
import { seedDemoHierarchy, wholeProblemId } from './demo-hierarchy';
import { errorCode } from './start-up-causes';
import type { StartUpSaid } from './start-up-problem';

export interface FirstStart {
  readonly adminEmail: string;
  /** Generated, printed once, never stored in clear: a one-time password (decision 0012). */
  readonly password: string;
  /** The one-time password stops working then if not used. */
  readonly passwordExpiresAt: string;
  readonly loaded: readonly string[];
  /** What was left out of the demo and why, as the catalogue's words (`server.firstStart.skip.*`) and values. */
  readonly skipped: readonly StartUpSaid[];
  /** The example journey the demo's generated contact log is attached to, when one was made. */
  readonly demoLog?: { readonly attachedTo: string };
  /** The whole-problem journey the examples were arranged under (issue 14), when they all were there. */
  readonly wholeProblem?: string;
  /**
   * This start finished a first start that failed part way (its one-time password was never shown): the same
   * administrator got a fresh one-time password and what the earlier one made was kept, not made twice.
   */
  readonly finishedUnfinished?: true;
}

export interface FirstStartCaps {
  readonly clock: () => Date;
  readonly newId: () => string;
  readonly randomBytes: (size: number) => Uint8Array;
  readonly passwords: PasswordHasher;
  /** How long the printed one-time password works (default 7 days). */
  readonly oneTimePasswordDays?: number;
}

const INSTANCE_KEY = 'instance';
/**
 * Written before anything else a first start makes, as `unfinished`, and made `finished` after the `instance`
 * setting, its last write. Instances set up before this marker (`instance` has been written last since the first
 * version) have users and no marker: they are finished ones, never taken for an unfinished first start.
 */
const FIRST_START_KEY = 'firstStart';
interface FirstStartMarker {
  readonly state: 'unfinished' | 'finished';
  readonly startedAt: string;
  readonly finishedAt?: string;
}

/**
 * On the first start of an empty database: an administrator with a generated one-time password (it works once,
 * for a set time, and signing in with it asks for a new password), a demo workspace and every journey in
 * examples/. Returns null when the instance was already set up. A first start that failed part way (its marker
 * still `unfinished`) is finished by the next one: a fresh one-time password for the administrator it made, and
 * only what it had not made yet.
 */
export async function runFirstStart(
  stores: Stores,
  caps: FirstStartCaps,
  adminEmail: string,
  examplesDir: string,
  /** With a keyring, the demo workspace also gets a generated contact log attached to an example journey. */
  keyring?: Keyring,
): Promise<FirstStart | null> {
  if ((await stores.accounts.getSetting(INSTANCE_KEY)) !== null) return null;
  const marker = await stores.accounts.getSetting<FirstStartMarker>(FIRST_START_KEY);
  const unfinished = marker?.state === 'unfinished';
  if (!unfinished && (await stores.accounts.countUsers()) > 0) return null;
  const at = caps.clock().toISOString();
  const startedAt = unfinished ? marker.startedAt : at;
  if (!unfinished) await stores.accounts.putSetting(FIRST_START_KEY, { state: 'unfinished', startedAt });
  const password = Buffer.from(caps.randomBytes(15)).toString('base64url');
  // An unfinished first start may have made the administrator already: the same account gets the new password.
  const made = unfinished ? await stores.accounts.findUserByEmail(adminEmail) : null;
  const admin =
    made ??
    (await (async () => {
      const created = await stores.accounts.createUser({
        id: caps.newId() as UserId,
        email: adminEmail,
        name: 'Administrator',
        at,
      });
      if (!created.ok) throw new Error(created.error.message);
      return created.value;
    })());
  // (Made after another account only when the configured email changed since the unfinished start.)
  if (!admin.instanceAdmin) await stores.accounts.setInstanceAdmin(admin.id, true);
  const passwordExpiresAt = new Date(
    caps.clock().getTime() + (caps.oneTimePasswordDays ?? 7) * 86_400_000,
  ).toISOString();
  await stores.accounts.setPassword(admin.id, await caps.passwords.hash(password), at, {
    oneTimeUntil: passwordExpiresAt,
  });
  const ws =
    (unfinished ? await stores.accounts.getWorkspace('demo' as WorkspaceId) : null) ??
    (await stores.accounts.createWorkspace({
      id: 'demo' as WorkspaceId,
      name: 'Demo',
      ownerId: admin.id,
      at,
    }));
  const loaded: string[] = [];
  const skipped: StartUpSaid[] = [];
  const files = (await readdir(examplesDir).catch(() => [] as string[]))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  for (const file of files) {
    const text = await readFile(join(examplesDir, file), 'utf8').catch((error: unknown) => ({ error }));
    if (typeof text !== 'string') {
      skipped.push({
        id: 'server.firstStart.skip.unreadable',
        values: { file, code: errorCode(text.error) ?? 'none' },
      });
      continue;
    }
    const read = readJourneyText(text, { fileName: file });
    if (!read.ok) {
      // Its problems are the command line's to say, in the operator's language: the line names the command.
      skipped.push({ id: 'server.firstStart.skip.invalid', values: { file } });
      continue;
    }
    const stored = await stores.journeys.createJourney({
      workspaceId: ws.id,
      journey: read.value,
      kind: 'import',
      commands: [],
      detail: { file },
      by: admin.id,
      at,
    });
    if (stored.ok) loaded.push(stored.value.id);
    // Stored by the unfinished first start (not by an earlier example of this one): loaded all the same.
    else if (stored.error.code === 'journey_exists' && unfinished && !loaded.includes(read.value.id))
      loaded.push(read.value.id);
    else if (stored.error.code === 'journey_exists')
      skipped.push({ id: 'server.firstStart.skip.sameId', values: { file, journey: read.value.id } });
    else skipped.push({ id: 'server.firstStart.skip.notStored', values: { file, code: stored.error.code } });
  }
  // The examples as a small hierarchy with one opportunity traced to its idea, business case and indicator.
  const skippedHierarchy = await seedDemoHierarchy(stores, ws.id, admin.id, at);
  if (skippedHierarchy) skipped.push(skippedHierarchy);
  const hierarchy = skippedHierarchy === null && (await stores.journeys.getJourney(ws.id, wholeProblemId));
  let demoLog: FirstStart['demoLog'];
  if (keyring) {
    const skippedLog = await seedDemoDataset(stores, keyring, ws.id, admin.id, at);
    if (skippedLog) skipped.push(skippedLog);
    else demoLog = { attachedTo: demoJourneyId };
  }
  await stores.accounts.putSetting(INSTANCE_KEY, { createdAt: startedAt, demoWorkspace: ws.id });
  await stores.accounts.putSetting(FIRST_START_KEY, { state: 'finished', startedAt, finishedAt: at });
  return {
    adminEmail,
    password,
    passwordExpiresAt,
    loaded,
    skipped,
    ...(demoLog ? { demoLog } : {}),
    ...(hierarchy ? { wholeProblem: wholeProblemId } : {}),
    ...(unfinished ? { finishedUnfinished: true as const } : {}),
  };
}
