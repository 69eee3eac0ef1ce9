import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyCommand } from '@waymark/core';
import {
  createMemoryKeyring,
  createPgliteSql,
  openStores,
  type Stores,
  type UserId,
  type WorkspaceId,
} from '@waymark/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiFailure } from '../api-error';
import { createArgon2Hasher } from '../auth/argon2-hasher';
import { hashToken } from '../auth/secrets';
import { createApi } from '../create-api';
import { expectedFailure, isStorageFull } from '../storage-full';
import { fillDisk, freeBytesAt, mountSmallDisk, unmountSmallDisk } from '../testing/small-disk';
import { seedJourney, testCapabilities } from '../testing/test-api';

/**
 * Issue 9 item 7: a full disk is a 507 `storage_full` saying nothing was saved, from wherever it is noticed
 * (PostgreSQL/PGlite SQLSTATE 53100, ENOSPC and EDQUOT from the file system), never a 500.
 */
const MB = 1024 * 1024;

describe('what a full disk becomes', () => {
  it('given the errors PostgreSQL, PGlite and the file system raise for a full disk, then 507 storage_full', () => {
    const cases = [
      Object.assign(new Error('could not extend file "base/5/16390": No space left on device'), {
        code: '53100',
      }),
      Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28 }),
      Object.assign(new Error('EDQUOT: disk quota exceeded'), { code: 'EDQUOT' }),
      new Error('could not save the journey', {
        cause: Object.assign(new Error('disk full'), { code: '53100' }),
      }),
    ];
    for (const error of cases) {
      expect(isStorageFull(error)).toBe(true);
      const failure = expectedFailure(error);
      expect(failure).toBeInstanceOf(ApiFailure);
      expect([failure?.status, failure?.code]).toEqual([507, 'storage_full']);
      expect(failure?.message).toContain("the server's storage is full; nothing was saved");
    }
  });

  it('given other errors, then they stay unexpected (a 500), except text the database cannot store (422)', () => {
    for (const code of ['53200', '53300', '23505', 'EACCES', undefined])
      expect(expectedFailure(Object.assign(new Error('x'), { code }))).toBeNull();
    expect(
      expectedFailure(Object.assign(new Error('unsupported Unicode escape sequence'), { code: '22P05' })),
    ).toMatchObject({
      status: 422,
      code: 'invalid_text',
    });
  });
});

describe('the API on an embedded database whose disk fills up (no free-space check in advance)', () => {
  const mountPoint = mkdtempSync(join(tmpdir(), 'waymark-full-'));
  let skipped: string | null = null;
  let stores: Stores;
  let app: ReturnType<typeof createApi>;
  let uploadApp: ReturnType<typeof createApi>;
  const uploadDir = join(mountPoint, 'uploads');
  const headers = { cookie: 'waymark_session=full-disk-session', 'x-csrf-token': 'csrf' };
  const ws = 'w1' as WorkspaceId;
  beforeAll(async () => {
    skipped = mountSmallDisk(mountPoint, '96m');
    if (skipped) return;
    mkdirSync(join(mountPoint, 'data'));
    stores = await openStores({ dataDir: join(mountPoint, 'data', 'pgdata') });
    const caps = testCapabilities();
    const at = caps.clock().toISOString();
    const user = 'u-ann' as UserId;
    await stores.accounts.createUser({ id: user, email: 'ann@example.org', name: 'Ann', at });
    await stores.accounts.createWorkspace({ id: ws, name: 'Council', ownerId: user, at });
    await stores.accounts.createSession({
      tokenHash: hashToken('full-disk-session'),
      userId: user,
      csrfToken: 'csrf',
      at,
      expiresAt: '2099-01-01T00:00:00.000Z',
    });
    await seedJourney({ stores, caps }, ws, 'j1');
    app = createApi({
      accounts: stores.accounts,
      journeys: stores.journeys,
      database: 'pglite',
      version: 'test',
      ...caps,
      passwords: createArgon2Hasher({ memoryCost: 1024, timeCost: 1 }),
      applyCommand,
    });
    // The same server with uploads on that disk, checking its free space as the server does.
    uploadApp = createApi({
      accounts: stores.accounts,
      journeys: stores.journeys,
      datasets: { store: stores.datasets, keyring: createMemoryKeyring(caps.randomBytes), uploadDir },
      freeSpace: async () => freeBytesAt(mountPoint),
      limits: { minFreeBytes: 40 * MB },
      database: 'pglite',
      version: 'test',
      ...caps,
      passwords: createArgon2Hasher({ memoryCost: 1024, timeCost: 1 }),
      applyCommand,
    });
  }, 120_000);
  afterAll(async () => {
    if (skipped) return;
    await stores.close().catch(() => undefined);
    unmountSmallDisk(mountPoint);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  const call = (method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  const retitle = (baseVersion: number, title: string) =>
    call('POST', '/api/workspaces/w1/journeys/j1/commands', {
      baseVersion,
      commands: [{ type: 'meta.update', patch: { title } }],
    });

  it('given a full disk, then writes answer 507 storage_full and save nothing, reads answer 200, and writes work again once space frees', async (ctx) => {
    if (skipped) return ctx.skip(skipped);
    expect((await retitle(1, 'Before the disk filled')).status).toBe(200);
    const filler = join(mountPoint, 'filler');
    fillDisk(filler);
    // Each version stores more rows; write until the database needs a page the disk does not have.
    let version = 2;
    let refused: Response | null = null;
    for (let i = 0; i < 3000 && !refused; i++) {
      const res = await retitle(version, `Title ${i} ${'x'.repeat(180)}`);
      if (res.status === 200) version++;
      else refused = res;
    }
    expect(refused?.status).toBe(507);
    expect(await refused!.json()).toMatchObject({
      error: {
        code: 'storage_full',
        message: expect.stringContaining("the server's storage is full; nothing was saved"),
      },
    });
    const read = await call('GET', '/api/workspaces/w1/journeys/j1');
    expect(read.status).toBe(200);
    expect(((await read.json()) as { version: number }).version).toBe(version);
    expect((await call('GET', '/api/workspaces/w1/journeys')).status).toBe(200);
    rmSync(filler);
    const again = await retitle(version, 'After space was freed');
    expect(again.status).toBe(200);
    expect(((await again.json()) as { version: number }).version).toBe(version + 1);
  }, 120_000);

  it('given a file written to a full disk, then the error is ENOSPC, which is storage full', async (ctx) => {
    if (skipped) return ctx.skip(skipped);
    const filler = join(mountPoint, 'filler2');
    fillDisk(filler);
    const error = await writeFile(join(mountPoint, 'more'), Buffer.alloc(1024 * 1024)).catch(
      (e: unknown) => e,
    );
    rmSync(filler);
    rmSync(join(mountPoint, 'more'), { force: true });
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    expect(expectedFailure(error)?.status).toBe(507);
  });
  it('given an upload larger than the room the database needs, then it stops at the margin with 507 and leaves no file', async (ctx) => {
    if (skipped) return ctx.skip(skipped);
    const before = freeBytesAt(mountPoint);
    // A CSV larger than the free space above the 40 MB margin, made on the fly.
    const rows = new TextEncoder().encode('c1,Called,2026-01-05T09:00:00Z\n'.repeat(32 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      start: (c) => c.enqueue(new TextEncoder().encode('case,activity,timestamp\n')),
      pull(c) {
        if (sent >= before) return c.close();
        sent += rows.length;
        c.enqueue(rows);
      },
    });
    const res = await uploadApp.request('/api/workspaces/w1/datasets/uploads?name=big.csv', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/csv' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(507);
    expect(await res.json()).toMatchObject({ error: { code: 'storage_full' } });
    // It stopped near the margin (checked every 16 MB), never filling the disk, and the file is gone.
    expect(sent).toBeLessThan(before - 20 * MB);
    expect(readdirSync(uploadDir)).toEqual([]);
    expect(freeBytesAt(mountPoint)).toBeGreaterThan(before - MB);
  }, 60_000);
});

describe('PGlite whose log cannot grow on a full disk (what decision 0009 guards against)', () => {
  const mountPoint = mkdtempSync(join(tmpdir(), 'waymark-panic-'));
  let skipped: string | null = null;
  beforeAll(() => {
    skipped = mountSmallDisk(mountPoint, '64m');
  });
  afterAll(() => {
    if (!skipped) unmountSmallDisk(mountPoint);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it('given a write that needs a new log segment on a full disk, then the database stops (reads too) and the API says so with 503', async (ctx) => {
    if (skipped) return ctx.skip(skipped);
    const sql = await createPgliteSql({ dataDir: join(mountPoint, 'pg') });
    await sql.exec('create table t (id serial primary key, v text)');
    fillDisk(join(mountPoint, 'filler'), 20 * MB);
    // About 19 MB of rows: more log than the first 16 MB segment holds.
    const write = await sql
      .query('insert into t (v) select repeat(md5(g::text), 30) from generate_series(1, 20000) g')
      .catch((e: unknown) => e);
    const read = await sql.query('select count(*) from t').catch((e: unknown) => e);
    await sql.close().catch(() => undefined);
    for (const error of [write, read]) {
      expect((error as { severity?: string }).severity).toBe('PANIC');
      expect(expectedFailure(error)).toMatchObject({ status: 503, code: 'database_stopped' });
    }
  }, 60_000);
});
