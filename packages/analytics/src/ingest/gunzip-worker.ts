/**
 * Worker thread: reads a gzip file and decompresses it ahead of the thread that parses it, handing each
 * decompressed chunk over (transferred, not copied) with the compressed bytes read so far. It keeps at most
 * `ahead` chunks waiting, and checks the expansion limits itself, so nothing past them is decompressed. See
 * `inflateInWorker` (read-source.ts), which reads its messages.
 */
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { createGunzip } from 'node:zlib';
import { overExpansion, type ExpansionLimits, type InflateMessage } from './inflate-limits';

interface GunzipJob {
  readonly path: string;
  readonly limits: ExpansionLimits;
  /** [0] chunks sent and not yet taken; [1] 1 once the reader wants no more. */
  readonly control: Int32Array;
  readonly ahead: number;
  readonly chunkSize: number;
}

const job = workerData as Partial<GunzipJob> | null;
if (parentPort && job?.path !== undefined && job.control && job.limits) {
  const { path, limits, control, ahead = 4, chunkSize = 1024 * 1024 } = job as GunzipJob;
  const port = parentPort;
  const send = (m: InflateMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  let read = 0;
  file.on('data', (chunk: string | Buffer) => {
    read += chunk.length;
  });
  const gunzip = createGunzip({ chunkSize });
  const stop = () => {
    file.unpipe(gunzip);
    file.destroy();
    gunzip.destroy();
  };
  file.on('error', (e) => gunzip.destroy(e));
  file.pipe(gunzip);
  let expanded = 0;
  gunzip.on('data', (chunk: Buffer) => {
    if (Atomics.load(control, 1) === 1) return stop();
    expanded += chunk.length;
    if (overExpansion(expanded, read, limits)) {
      send({ kind: 'over', expanded, read });
      return stop();
    }
    // a full chunk owns its memory (zlib starts a new one after it); a partial one shares zlib's, so is copied
    const own =
      chunk.byteOffset === 0 && chunk.length === chunk.buffer.byteLength ? chunk : new Uint8Array(chunk);
    Atomics.add(control, 0, 1);
    send({ kind: 'chunk', chunk: own, read }, [own.buffer as ArrayBuffer]);
    // wait while the reader has enough in hand (bounded waits: it may stop without a word)
    for (
      let n = Atomics.load(control, 0);
      n >= ahead && Atomics.load(control, 1) === 0;
      n = Atomics.load(control, 0)
    )
      Atomics.wait(control, 0, n, 1000);
  });
  gunzip.on('end', () => send({ kind: 'end' }));
  gunzip.on('error', (e: Error & { code?: string }) => {
    send({ kind: 'error', message: e.message, ...(e.code !== undefined ? { code: e.code } : {}) });
    stop();
  });
}
