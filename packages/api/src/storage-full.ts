import { ApiFailure, fail } from './api-error';

/**
 * The error codes that mean "the disk is full", wherever they come from: PostgreSQL and PGlite (SQLSTATE
 * 53100 disk_full), the file system (ENOSPC; EDQUOT when a quota is reached).
 */
const storageFullCodes = new Set(['53100', 'ENOSPC', 'EDQUOT']);
/** SQLSTATEs for text the database cannot store (U+0000 in jsonb/text, characters not in UTF-8). */
const unstorableTextCodes = new Set(['22P05', '22021']);

const codesOf = (error: unknown): string[] => {
  const codes: string[] = [];
  let at: unknown = error;
  for (let i = 0; i < 5 && at !== null && typeof at === 'object'; i++) {
    const code = (at as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    at = (at as { cause?: unknown }).cause;
  }
  return codes;
};

/** True when `error` (or what caused it) says the storage is full. */
export const isStorageFull = (error: unknown): boolean =>
  codesOf(error).some((code) => storageFullCodes.has(code));

export const storageFull = () =>
  fail(
    'storage_full',
    "the server's storage is full; nothing was saved. Reading still works: tell your administrator that the disk holding Waymark's data needs more free space, then try again",
  );

/**
 * True when the database itself has stopped (PostgreSQL's PANIC, e.g. PGlite when its log could not grow on
 * a full disk): every later query fails until the server is restarted (decision 0009).
 */
export const isDatabaseStopped = (error: unknown): boolean =>
  error !== null && typeof error === 'object' && (error as { severity?: unknown }).severity === 'PANIC';

/**
 * What an unexpected error becomes for the caller: storage full is a 507, a stopped database a 503, text
 * the database cannot store a 422; anything else is not an expected failure (null: a 500).
 */
export function expectedFailure(error: unknown): ApiFailure | null {
  if (error instanceof ApiFailure) return error;
  if (isStorageFull(error)) return storageFull();
  if (isDatabaseStopped(error)) {
    return fail(
      'database_stopped',
      "the server's database stopped after a serious error and nothing can be read or saved until Waymark is restarted; tell your administrator (if its disk was full, free some space first)",
    );
  }
  if (codesOf(error).some((code) => unstorableTextCodes.has(code))) {
    return fail(
      'invalid_text',
      'the text contains a character Waymark does not store (a control character or half of a character pair); remove it and try again',
    );
  }
  return null;
}
