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
  /**
   * Generated, printed once, never stored in clear: a one-time password (decision 0012). None when the first
   * start finished an unfinished one whose administrator's password the operator had reset since
   * (`passwordKept`): that password is kept.
   */
  readonly password?: string;
  /** The one-time password stops working then if not used. */
  readonly passwordExpiresAt?: string;
  /** The operator reset the administrator's password (npm run reset-password) after the unfinished start: kept. */
  readonly passwordKept?: true;
  /**
   * The unfinished start made the administrator with another email (WAYMARK_ADMIN_EMAIL changed since): that
   * account, never signed in to, now has the email configured, rather than a second administrator being made.
   */
  readonly adminEmailWas?: string;
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
  /** When the first start last set the administrator's one-time password: a later one was the operator's reset. */
  readonly passwordSetAt?: string;
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
  // An unfinished first start may have made the administrator already: the same account gets the new password,
  // and the email configured now if it was made with another (no one has signed in to it: its password was never
  // shown), rather than a second administrator beside it. It is the only instance administrator there is.
  let adminEmailWas: string | undefined;
  let made = unfinished ? await stores.accounts.findUserByEmail(adminEmail) : null;
  if (unfinished && !made) {
    const admins = (await stores.accounts.listUsers()).filter((u) => u.instanceAdmin);
    const earlier = admins.length === 1 ? admins[0] : undefined;
    if (earlier) {
      const moved = await stores.accounts.setUserEmail(earlier.id, adminEmail);
      if (!moved?.ok) throw new Error(moved ? moved.error.message : `setUserEmail: no user ${earlier.id}`);
      adminEmailWas = earlier.email;
      made = moved.value;
    }
  }
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
  if (!admin.instanceAdmin) await stores.accounts.setInstanceAdmin(admin.id, true);
  // A password set after the unfinished start set its own was the operator's (npm run reset-password, the way
  // back in the docs give): it is kept, not replaced by one they have not seen.
  const account = made ? await stores.accounts.findPasswordAccount(admin.email) : null;
  const setBefore = marker?.passwordSetAt ?? startedAt;
  const passwordKept =
    unfinished && !!account?.passwordHash && !!account.passwordSetAt && account.passwordSetAt > setBefore;
  let password: string | undefined;
  let passwordExpiresAt: string | undefined;
  if (!passwordKept) {
    password = Buffer.from(caps.randomBytes(15)).toString('base64url');
    passwordExpiresAt = new Date(
      caps.clock().getTime() + (caps.oneTimePasswordDays ?? 7) * 86_400_000,
    ).toISOString();
    // noted before it is set: a password set later than this is never taken for this start's own
    await stores.accounts.putSetting(FIRST_START_KEY, { state: 'unfinished', startedAt, passwordSetAt: at });
    await stores.accounts.setPassword(admin.id, await caps.passwords.hash(password), at, {
      oneTimeUntil: passwordExpiresAt,
    });
  }
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
    adminEmail: admin.email,
    ...(password !== undefined && passwordExpiresAt !== undefined ? { password, passwordExpiresAt } : {}),
    ...(passwordKept ? { passwordKept: true as const } : {}),
    ...(adminEmailWas !== undefined ? { adminEmailWas } : {}),
    loaded,
    skipped,
    ...(demoLog ? { demoLog } : {}),
    ...(hierarchy ? { wholeProblem: wholeProblemId } : {}),
    ...(unfinished ? { finishedUnfinished: true as const } : {}),
  };
}
