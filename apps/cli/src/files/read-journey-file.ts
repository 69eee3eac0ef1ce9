import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { problem, type Result } from '@waymark/core';
import {
  decodeJourneyBytes,
  DEFAULT_MAX_BYTES,
  readJourneySource,
  tooLargeProblem,
  type JourneySource,
  type LocatedProblem,
} from '@waymark/document';
import { exitCodes } from '../command';

export interface JourneyFileFailure {
  readonly problems: readonly LocatedProblem[];
  /** exitCodes.io when the file could not be read at all, exitCodes.invalid when what it holds is wrong. */
  readonly exitCode: number;
}

type Unreadable = 'noFile' | 'denied' | 'notDir' | 'folder' | 'notFile' | 'other';

const unreadableEnglish: Record<Unreadable, string> = {
  noFile: 'no such file',
  denied: 'permission denied; check the file can be read',
  notDir: 'a folder in this path is a file',
  folder: 'is a folder; expected a journey file (.yaml, .yml or .json)',
  notFile: 'is not a regular file; expected a journey file',
  other: 'cannot be read',
};

/** A file that cannot be read, by why (its words are `commands.problem.fileUnreadable`), and the system's code. */
const ioFailure = (reason: Unreadable, detail = ''): JourneyFileFailure => ({
  problems: [
    problem(
      'file_unreadable',
      [],
      reason === 'other' ? `cannot be read (${detail})` : unreadableEnglish[reason],
      'error',
      { reason, detail },
    ),
  ],
  exitCode: exitCodes.io,
});

const systemFailure = (e: unknown): JourneyFileFailure => {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return ioFailure('noFile');
  if (code === 'EACCES' || code === 'EPERM') return ioFailure('denied');
  if (code === 'ENOTDIR') return ioFailure('notDir');
  return ioFailure('other', code ?? (e instanceof Error ? e.name : 'unknown'));
};

/** Reads a journey file: its size first (before reading it whole), then its bytes, encoding and content. */
export async function readJourneyFile(
  cwd: string,
  fileName: string,
  maxBytes = DEFAULT_MAX_BYTES,
): Promise<Result<JourneySource, JourneyFileFailure>> {
  const path = resolve(cwd, fileName);
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, error: ioFailure('folder') };
    if (!info.isFile()) return { ok: false, error: ioFailure('notFile') };
    size = info.size;
  } catch (e) {
    return { ok: false, error: systemFailure(e) };
  }
  if (size > maxBytes)
    return { ok: false, error: { problems: [tooLargeProblem(size, maxBytes)], exitCode: exitCodes.invalid } };
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    return { ok: false, error: systemFailure(e) };
  }
  const text = decodeJourneyBytes(bytes);
  if (!text.ok) return { ok: false, error: { problems: [text.error], exitCode: exitCodes.invalid } };
  const journey = readJourneySource(text.value, { fileName, maxBytes });
  return journey.ok
    ? journey
    : { ok: false, error: { problems: journey.error, exitCode: exitCodes.invalid } };
}
