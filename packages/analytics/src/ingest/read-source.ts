import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { TransformOptions } from 'node:stream';
import { createGunzip, type ZlibOptions } from 'node:zlib';
import { ImportError } from './import-result';
import { defaultImportLimits, megabytes, type ImportLimits } from './limits';

export type LogFormat = 'csv' | 'xes' | 'parquet';

/** The format of a file from its first bytes (gzip is looked through), falling back to the name. */
export async function detectFormat(path: string): Promise<{ format: LogFormat; gzip: boolean }> {
  const fh = await open(path, 'r');
  const head = new Uint8Array(4);
  try {
    await fh.read(head, 0, 4, 0);
  } finally {
    await fh.close();
  }
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  if (String.fromCharCode(...head) === 'PAR1') return { format: 'parquet', gzip: false };
  const name = path.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.xes') || name.endsWith('.xml')) return { format: 'xes', gzip };
  if (name.endsWith('.parquet')) return { format: 'parquet', gzip };
  if (!gzip && head[0] === 0x3c) return { format: 'xes', gzip };
  return { format: 'csv', gzip };
}

/**
 * The size a gzip file says it expands to, as a hint for sizing columns; undefined when it says nothing usable.
 * ISIZE, a gzip member's last 4 bytes, is its uncompressed length mod 2^32, so it is never trusted for anything
 * but a first allocation: a file of several members states its last member's length only, one over 4 GiB
 * wraps, and bytes after the stream can say anything. So it is capped at `maxHintRatio` times the file (event
 * logs expand 10-30 times; a log that expands more only has its columns grown as before) and at the read's
 * `expandedBytes`: a forged trailer can make the columns no larger than a real file of its size could.
 */
export async function gzipSizeHint(
  path: string,
  fileSize: number,
  limits: Pick<ImportLimits, 'expandedBytes'> = defaultImportLimits,
): Promise<number | undefined> {
  // 10 bytes of header, at least 2 of deflate data and 8 of trailer
  if (fileSize < 20) return undefined;
  const tail = new Uint8Array(4);
  const fh = await open(path, 'r');
  try {
    await fh.read(tail, 0, 4, fileSize - 4);
  } finally {
    await fh.close();
  }
  const isize = new DataView(tail.buffer).getUint32(0, true);
  return isize > 0 ? Math.min(isize, maxHintRatio * fileSize, limits.expandedBytes) : undefined;
}

/** The most a gzip size hint may exceed the compressed file by (see gzipSizeHint). */
export const maxHintRatio = 64;

/** What a read may expand to, and who is told how far it got. */
export interface ReadWatch {
  readonly limits?: Pick<ImportLimits, 'expandedBytes' | 'expansionRatio' | 'ratioFromBytes'>;
  /** Bytes of the file read so far (compressed bytes for gzip), now and then. */
  readonly onProgress?: (bytesRead: number) => void;
}

/**
 * The file's bytes as a stream of large chunks, decompressed when gzip. Truncated gzip is an error. A gzip
 * stream that expands past `limits.expandedBytes`, or by more than `limits.expansionRatio` times once past
 * `limits.ratioFromBytes`, is refused as soon as it does: nothing past the limit is parsed, and at most the 8 MB
 * inflated ahead of the parse is decompressed past it.
 */
export async function* readFileChunks(
  path: string,
  gzip: boolean,
  range?: { start: number; end: number },
  watch: ReadWatch = {},
): AsyncGenerator<Uint8Array> {
  if (range && range.end <= range.start) return;
  const onProgress = watch.onProgress;
  const file = createReadStream(path, {
    // a gzip file is read in small pieces, so the ratio of what came out to what went in is known early
    highWaterMark: gzip ? 256 * 1024 : 4 * 1024 * 1024,
    ...(range ? { start: range.start, end: range.end - 1 } : {}),
  });
  let read = range?.start ?? 0;
  if (!gzip) {
    try {
      for await (const chunk of file) {
        read += (chunk as Uint8Array).length;
        onProgress?.(read);
        yield chunk as Uint8Array;
      }
    } finally {
      file.destroy();
    }
    return;
  }
  const limits = { ...defaultImportLimits, ...watch.limits };
  file.on('data', (chunk: string | Buffer) => {
    read += chunk.length;
  });
  // zlib inflates on libuv's thread pool (the second core) while this thread parses: up to 8 MB is inflated ahead
  // of the parse, so the parse does not wait for the next chunk (without it the main thread sat idle ~45 ms of a
  // 1.6 s XES.gz run; issue 15). The limits below are checked as chunks are taken, so at most those 8 MB
  // past a limit are ever inflated, and never parsed.
  // (Node hands a zlib stream's options on to its Transform; @types/node's ZlibOptions does not list these two)
  const options: ZlibOptions & Pick<TransformOptions, 'readableHighWaterMark' | 'writableHighWaterMark'> = {
    chunkSize: 1024 * 1024,
    readableHighWaterMark: 8 * 1024 * 1024,
    writableHighWaterMark: 1024 * 1024,
  };
  const gunzip = createGunzip(options);
  file.on('error', (e) => gunzip.destroy(e));
  file.pipe(gunzip);
  let expanded = 0;
  let reported = 0;
  try {
    for await (const chunk of gunzip) {
      expanded += (chunk as Uint8Array).length;
      if (expanded > limits.expandedBytes) throw expandedTooFar(limits.expandedBytes);
      if (
        limits.expansionRatio > 0 &&
        expanded > limits.ratioFromBytes &&
        expanded > limits.expansionRatio * read
      )
        throw bomb(limits.expansionRatio, expanded, read);
      if (onProgress && read !== reported) {
        reported = read;
        onProgress(read);
      }
      yield chunk as Uint8Array;
    }
  } catch (e) {
    if (e instanceof ImportError) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    const code = (e as { code?: string }).code;
    const truncated = /unexpected end/i.test(msg) || code === 'Z_BUF_ERROR';
    if (truncated || code === 'Z_DATA_ERROR') {
      throw new ImportError(
        'corrupt_gzip',
        `${path}: the gzip data is ${truncated ? 'truncated (the file ends before the compressed stream does)' : `corrupt (${msg})`}; expected a complete .gz file`,
        undefined,
        { file: path, problem: truncated ? 'truncated' : 'corrupt' },
      );
    }
    throw e;
  } finally {
    file.unpipe(gunzip);
    file.destroy();
    gunzip.destroy();
  }
}

const expandedTooFar = (limit: number) =>
  new ImportError(
    'too_large',
    `the compressed file expands to more than ${megabytes(limit)}, the limit set by WAYMARK_EXPANDED_LIMIT_MB; split the log into shorter periods, or ask your administrator to raise the limit`,
    undefined,
    { reason: 'expands', limit: megabytes(limit), variable: 'WAYMARK_EXPANDED_LIMIT_MB' },
  );

const bomb = (ratio: number, expanded: number, read: number) =>
  new ImportError(
    'too_large',
    `the compressed file expands more than ${ratio} times (${megabytes(expanded)} from the first ${megabytes(read)}), the limit set by WAYMARK_EXPANSION_RATIO; real event logs expand 10 to 50 times, so this file is refused as a likely decompression bomb. If it is a genuine log, use it uncompressed`,
    undefined,
    {
      reason: 'ratio',
      ratio,
      size: megabytes(expanded),
      read: megabytes(read),
      variable: 'WAYMARK_EXPANSION_RATIO',
    },
  );

/** A file that is not compressed but larger than the limit of what is read. */
export function fileTooLarge(size: number, limit: number): ImportError {
  return new ImportError(
    'too_large',
    `the file is ${megabytes(size)}, more than the ${megabytes(limit)} limit set by WAYMARK_EXPANDED_LIMIT_MB; split the log into shorter periods, or ask your administrator to raise the limit`,
    undefined,
    { reason: 'file', size: megabytes(size), limit: megabytes(limit), variable: 'WAYMARK_EXPANDED_LIMIT_MB' },
  );
}
