import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { ImportError, previewLogFile, type LogPreview } from '@waymark/analytics';
import { ApiFailure, fail } from '../api-error';
import type { DatasetDeps } from '../deps';
import type { RouteInput } from '../route-spec';
import { isStorageFull, storageFull } from '../storage-full';
import { nowIso, userOf, workspaceOf } from './route-helpers';

/** An uploaded file waiting for its mapping: where it is and whose it is. */
export interface PendingUpload {
  readonly id: string;
  readonly workspaceId: string;
  readonly userId: string;
  readonly fileName: string;
  readonly size: number;
  readonly createdAt: string;
  readonly path: string;
}

const UPLOAD_TTL_MS = 24 * 3_600_000;
const uploadIdPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/;

export function datasetDepsOf(input: RouteInput<unknown>): DatasetDeps {
  const d = input.deps.datasets;
  if (!d) throw new ApiFailure('not_configured', 'this server has no storage for event logs', null, {}, 503);
  return d;
}

/** A file name safe to show and to keep the extension of (the format is also sniffed from the bytes). */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[^\p{L}\p{N} ._()-]+/gu, '_')
    .slice(-120)
    .trim();
  return clean === '' || clean === '.' || clean === '..' ? 'upload.csv' : clean;
}

const extensionOf = (name: string): string =>
  /\.(xes\.gz|csv\.gz|xes|xml|csv|tsv|txt|parquet|gz)$/i.exec(name)?.[0].toLowerCase() ?? '.csv';

const tooLarge = (max: number) =>
  fail(
    'payload_too_large',
    `the file is larger than the ${(max / 1024 / 1024).toFixed(0)} MB this server accepts (ask your administrator to raise WAYMARK_UPLOAD_LIMIT_MB)`,
    'body',
  );

/** How often an upload in progress checks the free space of the disk it is written to. */
const SPACE_CHECK_BYTES = 16 * 1024 * 1024;
const roomLeft = async (input: RouteInput<unknown>): Promise<boolean> => {
  const free = input.deps.freeSpace ? await input.deps.freeSpace() : null;
  return free === null || free >= input.limits.minFreeBytes;
};

/** Removes uploads older than a day (abandoned at the mapping step). */
async function sweep(dir: string, now: number): Promise<void> {
  for (const f of await readdir(dir).catch(() => [] as string[])) {
    const file = join(dir, f);
    const s = await stat(file).catch(() => null);
    if (s && now - s.mtimeMs > UPLOAD_TTL_MS) await rm(file, { force: true });
  }
}

/**
 * Streams the request body to a file in the upload directory, counting bytes as they pass and stopping
 * at the limit, so a file of hundreds of megabytes never sits in memory. Then reads its first rows.
 */
export async function receiveUpload(
  input: RouteInput<unknown>,
  fileName: string,
): Promise<{ upload: PendingUpload; preview: LogPreview }> {
  const { uploadDir } = datasetDepsOf(input);
  const max = input.limits.uploadBytes;
  const declared = Number(input.c.req.header('content-length') ?? '0');
  if (declared > max) throw tooLarge(max);
  const body = input.c.req.raw.body;
  if (!body) throw fail('invalid_request', 'the body is empty (expected the bytes of the log file)', 'body');
  await mkdir(uploadDir, { recursive: true, mode: 0o700 });
  await sweep(uploadDir, input.deps.clock().getTime());
  const id = input.deps.newId().replace(/[^A-Za-z0-9_-]/g, '');
  const path = join(uploadDir, `${id}${extensionOf(fileName)}`);
  let size = 0;
  let checkedAt = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > max) return done(tooLarge(max));
      if (size - checkedAt < SPACE_CHECK_BYTES) return done(null, chunk);
      checkedAt = size;
      // The upload shares the disk with the database: it stops before it leaves the database no room.
      roomLeft(input).then(
        (ok) => done(ok ? null : storageFull(), chunk),
        (error: unknown) => done(error as Error),
      );
    },
  });
  try {
    await pipeline(
      Readable.fromWeb(body as WebReadableStream<Uint8Array>),
      counter,
      createWriteStream(path, { mode: 0o600 }),
    );
  } catch (error) {
    await rm(path, { force: true });
    if (error instanceof ApiFailure || isStorageFull(error)) throw error;
    throw fail('invalid_request', `the upload did not complete (${(error as Error).message})`, 'body');
  }
  if (size === 0) {
    await rm(path, { force: true });
    throw new ApiFailure(
      'invalid_log',
      'the file is empty (expected a header row and events)',
      'body',
      {},
      400,
    );
  }
  let preview: LogPreview;
  try {
    preview = await previewLogFile(path);
  } catch (error) {
    await rm(path, { force: true });
    throw logFailure(error);
  }
  const upload: PendingUpload = {
    id,
    workspaceId: workspaceOf(input),
    userId: userOf(input).id,
    fileName,
    size,
    createdAt: nowIso(input),
    path,
  };
  await writeFile(join(uploadDir, `${id}.json`), JSON.stringify(upload), { mode: 0o600 });
  return { upload, preview };
}

/** The caller's pending upload, or 404 (another workspace's or another person's upload is not found either). */
export async function pendingUpload(input: RouteInput<unknown>, id: string): Promise<PendingUpload> {
  const { uploadDir } = datasetDepsOf(input);
  const missing = new ApiFailure(
    'upload_not_found',
    `no upload "${id}" waiting in this workspace (uploads are kept for a day; upload the file again)`,
    'uploadId',
    {},
    404,
  );
  if (!uploadIdPattern.test(id)) throw missing;
  const text = await readFile(join(uploadDir, `${id}.json`), 'utf8').catch(() => null);
  if (text === null) throw missing;
  const upload = JSON.parse(text) as PendingUpload;
  if (upload.workspaceId !== workspaceOf(input) || upload.userId !== userOf(input).id) throw missing;
  return upload;
}

export async function discardUpload(input: RouteInput<unknown>, upload: PendingUpload): Promise<void> {
  const { uploadDir } = datasetDepsOf(input);
  await rm(upload.path, { force: true });
  await rm(join(uploadDir, `${upload.id}.json`), { force: true });
}

/** An import that could not proceed becomes a 400 naming the line and field where known. */
export function logFailure(error: unknown): unknown {
  if (!(error instanceof ImportError)) return error;
  return new ApiFailure(
    'invalid_log',
    error.line !== undefined && !/line \d/.test(error.message)
      ? `line ${error.line}: ${error.message}`
      : error.message,
    error.code === 'missing_column' ? 'mapping' : 'body',
    { reason: error.code, ...(error.line !== undefined ? { line: error.line } : {}) },
    400,
  );
}
