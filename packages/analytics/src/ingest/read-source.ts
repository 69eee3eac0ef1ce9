import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { ImportError } from './import-result';

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

/** The file's bytes as a stream of large chunks, decompressed when gzip. Truncated gzip is an error. */
export async function* readFileChunks(
  path: string,
  gzip: boolean,
  range?: { start: number; end: number },
): AsyncGenerator<Uint8Array> {
  if (range && range.end <= range.start) return;
  const file = createReadStream(path, {
    highWaterMark: 4 * 1024 * 1024,
    ...(range ? { start: range.start, end: range.end - 1 } : {}),
  });
  if (!gzip) {
    for await (const chunk of file) yield chunk as Uint8Array;
    return;
  }
  const gunzip = createGunzip({ chunkSize: 1024 * 1024 });
  file.on('error', (e) => gunzip.destroy(e));
  file.pipe(gunzip);
  try {
    for await (const chunk of gunzip) yield chunk as Uint8Array;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const code = (e as { code?: string }).code;
    if (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR' || /unexpected end/i.test(msg)) {
      throw new ImportError(
        'corrupt_gzip',
        `${path}: the gzip data is ${/unexpected end/i.test(msg) || code === 'Z_BUF_ERROR' ? 'truncated (the file ends before the compressed stream does)' : `corrupt (${msg})`}; expected a complete .gz file`,
      );
    }
    throw e;
  }
}
