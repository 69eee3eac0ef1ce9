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

const ioFailure = (message: string): JourneyFileFailure => ({
  problems: [problem('file_unreadable', [], message)],
  exitCode: exitCodes.io,
});

const systemMessage = (e: unknown): string => {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied; check the file can be read';
  if (code === 'ENOTDIR') return 'a folder in this path is a file';
  return `cannot be read (${code ?? (e instanceof Error ? e.message : String(e))})`;
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
    if (info.isDirectory())
      return { ok: false, error: ioFailure('is a folder; expected a journey file (.yaml, .yml or .json)') };
    if (!info.isFile())
      return { ok: false, error: ioFailure('is not a regular file; expected a journey file') };
    size = info.size;
  } catch (e) {
    return { ok: false, error: ioFailure(systemMessage(e)) };
  }
  if (size > maxBytes)
    return { ok: false, error: { problems: [tooLargeProblem(size, maxBytes)], exitCode: exitCodes.invalid } };
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    return { ok: false, error: ioFailure(systemMessage(e)) };
  }
  const text = decodeJourneyBytes(bytes);
  if (!text.ok) return { ok: false, error: { problems: [text.error], exitCode: exitCodes.invalid } };
  const journey = readJourneySource(text.value, { fileName, maxBytes });
  return journey.ok
    ? journey
    : { ok: false, error: { problems: journey.error, exitCode: exitCodes.invalid } };
}
