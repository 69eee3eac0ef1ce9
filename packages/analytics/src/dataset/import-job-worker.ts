/**
 * Worker thread of an import job (import-job.ts): reads the log with the user's mapping, analyses it with the
 * workspace's pseudonymiser and encodes the kept events, reporting progress now and then.
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { analyseLog } from '../analyse';
import { importLogFile } from '../ingest/import-log';
import { ImportError } from '../ingest/import-result';
import { createPseudonymiser } from '../pseudonymise';
import { toJsonReport } from '../report/json';
import { encodeEvents } from './event-codec';
import type { ImportJobMessage, ImportJobProgress, ImportJobSpec } from './import-job';

async function run(
  spec: ImportJobSpec,
  post: (m: ImportJobMessage, transfer?: ArrayBuffer[]) => void,
  xesSplitFromBytes: number | undefined,
) {
  let last = 0;
  let bytesRead = 0;
  const progress = (p: ImportJobProgress) => post({ progress: p });
  const imported = await importLogFile(spec.path, {
    mapping: spec.mapping,
    autoMap: false,
    limits: spec.limits,
    ...(spec.zone ? { zone: spec.zone } : {}),
    ...(spec.dateOrder ? { dateOrder: spec.dateOrder } : {}),
    // one thread unless told otherwise (startImportJob's xesSplitFromBytes says why)
    xesSplit: { fromBytes: xesSplitFromBytes ?? Number.POSITIVE_INFINITY },
    onProgress(bytes) {
      bytesRead = bytes;
      const now = Date.now();
      if (now - last < 250) return; // a few messages a second at most
      last = now;
      progress({ phase: 'reading', bytesRead });
    },
  });
  const { store, report } = imported;
  const counts = { rows: report.rows, events: store.size };
  if (store.size === 0) {
    post({ outcome: { report } });
    return;
  }
  progress({ phase: 'analysing', bytesRead, ...counts });
  const pseudonymise = createPseudonymiser(spec.key);
  const result = toJsonReport(analyseLog(store, { pseudonymise }), report);
  progress({ phase: 'encoding', bytesRead, ...counts });
  const eventsBlob = encodeEvents(store, pseudonymise);
  // moved rather than copied when the blob has its buffer to itself
  const own = eventsBlob.byteOffset === 0 && eventsBlob.byteLength === eventsBlob.buffer.byteLength;
  post({ outcome: { report, result, eventsBlob } }, own ? [eventsBlob.buffer as ArrayBuffer] : []);
}

/**
 * Lowers this thread's CPU priority (Linux: a thread's id is a process id to setpriority). The threads it
 * starts itself (CSV parsing, metrics) inherit it; the process's shared thread pool was started by the main
 * thread (import-job.ts) and keeps the server's priority. Where it is not allowed, the import runs as before.
 */
function lowerOwnPriority(by: number): void {
  if (!(by > 0) || process.platform !== 'linux') return;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, Math.min(19, getPriority(tid) + by));
  } catch {
    // not permitted here: the import keeps the server's priority
  }
}

const data = workerData as { importJob?: ImportJobSpec; nice?: number; xesSplitFromBytes?: number } | null;
const spec = data?.importJob;
if (parentPort && spec) {
  lowerOwnPriority(data?.nice ?? 0);
  const port = parentPort;
  const fromBytes = data?.xesSplitFromBytes;
  run(spec, (m, transfer) => port.postMessage(m, transfer ?? []), fromBytes).catch((e: unknown) =>
    port.postMessage(
      e instanceof ImportError
        ? {
            failure: { code: e.code, message: e.message, ...(e.line !== undefined ? { line: e.line } : {}) },
          }
        : { crash: e instanceof Error ? e.message : String(e) },
    ),
  );
}
