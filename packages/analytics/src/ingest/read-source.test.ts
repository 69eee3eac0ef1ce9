import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError } from './import-result';
import { defaultImportLimits } from './limits';
import { readFileChunks, type ReadWatch } from './read-source';

const MB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'waymark-read-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Rows that compress about 5 times, so a few MB of gzip make many 1 MB chunks and a partial last one. */
function logText(rows: number): Buffer {
  const lines: string[] = ['case,activity,timestamp\n'];
  let x = 2024;
  for (let i = 0; i < rows; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    lines.push(
      `C-${x % 100_000},Activity ${x % 37},2026-01-${String((x % 28) + 1).padStart(2, '0')}T10:00:00Z\n`,
    );
  }
  return Buffer.from(lines.join(''));
}

const write = (name: string, bytes: Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

/** Every chunk of a read, joined, with the progress it reported and which thread decompressed it. */
async function readAll(path: string, watch: ReadWatch) {
  const parts: Buffer[] = [];
  const progress: number[] = [];
  let by: string | undefined;
  const chunks = readFileChunks(path, true, undefined, {
    ...watch,
    onProgress: (n) => progress.push(n),
    inflatedBy: (b) => (by = b),
  });
  for await (const chunk of chunks) parts.push(Buffer.from(chunk));
  return { bytes: Buffer.concat(parts), chunks: parts.length, progress, by };
}

const refusal = async (p: Promise<unknown>): Promise<ImportError> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected the read to be refused');
};

const here: ReadWatch = { inflateInWorkerFrom: Infinity };
const inWorker: ReadWatch = { inflateInWorkerFrom: 0 };

describe('gzip decompressed by a worker thread ahead of the parse (issue 15)', () => {
  const text = logText(400_000);
  const path = write('log.csv.gz', gzipSync(text));

  it('given a gzip log, then the worker hands over exactly the bytes decompressing here gives, with the same progress', async () => {
    const a = await readAll(path, here);
    const b = await readAll(path, inWorker);
    expect(b.bytes.equals(text)).toBe(true);
    expect(a.bytes.equals(text)).toBe(true);
    // each path is the one asked for (the worker did start, and did not fall back to this thread)
    expect([a.by, b.by]).toEqual(['this thread', 'worker']);
    expect(b.chunks).toBeGreaterThan(5);
    // progress counts compressed bytes, rising, up to the whole file
    expect(b.progress.at(-1)).toBe(statSync(path).size);
    expect(a.progress.at(-1)).toBe(statSync(path).size);
    expect([...b.progress].sort((x, y) => x - y)).toEqual(b.progress);
  });

  it('given a reader that stops after the first chunk, then the read ends at once and a later read is whole', async () => {
    for await (const chunk of readFileChunks(path, true, undefined, inWorker)) {
      expect(chunk.length).toBeGreaterThan(0);
      break;
    }
    expect((await readAll(path, inWorker)).bytes.equals(text)).toBe(true);
  });

  it('given a truncated or corrupt gzip, then the worker path refuses it in the same words as here', async () => {
    const gz = gzipSync(text);
    const truncated = write('truncated.csv.gz', gz.subarray(0, gz.length >> 1));
    const corrupt = Buffer.from(gz);
    corrupt.fill(0x55, 2000, 2400);
    const corruptPath = write('corrupt.csv.gz', corrupt);
    for (const [p, problem] of [
      [truncated, 'truncated'],
      [corruptPath, 'corrupt'],
    ] as const) {
      const e1 = await refusal(readAll(p, here));
      const e2 = await refusal(readAll(p, inWorker));
      expect(e2.code).toBe('corrupt_gzip');
      expect(e2.values).toMatchObject({ problem });
      expect(e2.message).toBe(e1.message);
      expect(e2.values).toEqual(e1.values);
    }
  });

  it('given a gzip that expands past the ceiling or by too much, then the worker refuses it as here, naming the limit', async () => {
    const ceiling = { limits: { ...defaultImportLimits, expandedBytes: 2 * MB } };
    const e1 = await refusal(readAll(path, { ...here, ...ceiling }));
    const e2 = await refusal(readAll(path, { ...inWorker, ...ceiling }));
    expect(e2.code).toBe('too_large');
    expect(e2.values).toMatchObject({ reason: 'expands', variable: 'WAYMARK_EXPANDED_LIMIT_MB' });
    expect(e2.message).toBe(e1.message);

    const bomb = write('zeros.csv.gz', gzipSync(Buffer.alloc(64 * MB, 0x30)));
    const ratio = { limits: { ...defaultImportLimits, expansionRatio: 100, ratioFromBytes: MB } };
    const r2 = await refusal(readAll(bomb, { ...inWorker, ...ratio }));
    expect(r2.code).toBe('too_large');
    expect(r2.values).toMatchObject({ reason: 'ratio', ratio: 100, variable: 'WAYMARK_EXPANSION_RATIO' });
    expect(r2.message).toMatch(/expands more than 100 times/);
  });

  it('given a file that is not there, then asking for the worker fails as reading it here does', async () => {
    const missing = join(dir, 'missing.csv.gz');
    const failure = (w: ReadWatch) =>
      readAll(missing, w).then(
        () => 'read',
        (e: Error & { code?: string }) => `${e.code}: ${e.message}`,
      );
    const said = await failure(here);
    expect(said).toMatch(/^ENOENT: /);
    expect(await failure(inWorker)).toBe(said);
  });
});
