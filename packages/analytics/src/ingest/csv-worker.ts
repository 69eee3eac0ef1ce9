/**
 * Worker thread: parses one byte range of a CSV file (starting on a line boundary, no header)
 * into its own columns and sends them back, transferred rather than copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { EventStore, type DimensionName } from '../model/event-store';
import type { MappedField } from './columns';
import { CsvError, CsvReader } from './csv-reader';
import { RowImporter } from './csv-row';
import { RejectionLog } from './import-result';
import { readFileChunks } from './read-source';
import { decoderFor } from './text-decoder';
import type { TimestampFormat } from './timestamps';

export interface CsvPartJob {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly delimiter: number;
  readonly quote: number;
  readonly encoding: string;
  readonly header: readonly string[];
  readonly index: Partial<Record<MappedField, number>>;
  readonly format: TimestampFormat;
  readonly lifecycle?: string;
  readonly dims: readonly DimensionName[];
  readonly capacity: number;
  readonly maxRejectionsListed: number;
}

type ExportedInterner = ReturnType<EventStore['cases']['exportBytes']>;

/** One parsed range: columns plus the interned values their ids refer to. */
export interface CsvPart {
  size: number;
  caseOf: Int32Array;
  activityOf: Int32Array;
  time: Float64Array;
  startTime: Float64Array | undefined;
  cost: Float64Array | undefined;
  cases: ExportedInterner;
  activities: ExportedInterner;
  dims: Partial<Record<DimensionName, { values: Int32Array; interner: ExportedInterner }>>;
  rows: number;
  filtered: number;
  strayQuotes: number;
  rejectedRows: number;
  rejections: { line: number; field?: string; reason: string }[];
  /** Physical lines in the range. */
  lines: number;
}

/** Parses the range (in this thread); a CsvError propagates. */
export async function parseCsvPart(job: CsvPartJob): Promise<CsvPart> {
  const store = new EventStore(decoderFor(job.encoding), {
    dims: job.dims,
    startTime: job.index.start !== undefined,
    cost: job.index.cost !== undefined,
    capacity: job.capacity,
  });
  const rejections = new RejectionLog(job.maxRejectionsListed);
  const row = new RowImporter(store, job.index, job.header, job.format, rejections, job.lifecycle);
  const reader: CsvReader = new CsvReader({ delimiter: job.delimiter, quote: job.quote }, (rec) =>
    row.take(rec, reader),
  );
  for await (const chunk of readFileChunks(job.path, false, { start: job.start, end: job.end }))
    reader.push(chunk);
  reader.finish();
  const n = store.size;
  const dims: CsvPart['dims'] = {};
  for (const d of store.presentDims())
    dims[d] = { values: (store.dim[d] as Int32Array).subarray(0, n), interner: store.dims[d].exportBytes() };
  return {
    size: n,
    caseOf: store.caseOf.subarray(0, n),
    activityOf: store.activityOf.subarray(0, n),
    time: store.time.subarray(0, n),
    startTime: store.startTime?.subarray(0, n),
    cost: store.cost?.subarray(0, n),
    cases: store.cases.exportBytes(),
    activities: store.activities.exportBytes(),
    dims,
    rows: row.rows,
    filtered: row.filtered,
    strayQuotes: row.strayQuotes,
    rejectedRows: rejections.count,
    rejections: rejections.listed,
    lines: reader.nextLine - 1,
  };
}

if (parentPort && (workerData as { csvPartJob?: CsvPartJob } | null)?.csvPartJob) {
  const port = parentPort;
  parseCsvPart((workerData as { csvPartJob: CsvPartJob }).csvPartJob).then(
    (part) =>
      port.postMessage({ part }, [
        part.caseOf.buffer,
        part.activityOf.buffer,
        part.time.buffer,
        part.cases.arena.buffer,
        part.activities.arena.buffer,
        ...Object.values(part.dims).map((d) => d.values.buffer),
        ...(part.startTime ? [part.startTime.buffer] : []),
        ...(part.cost ? [part.cost.buffer] : []),
      ] as ArrayBuffer[]),
    (e: unknown) =>
      port.postMessage({
        error:
          e instanceof CsvError
            ? { code: e.code, message: e.message, line: e.line }
            : { code: 'io', message: e instanceof Error ? e.message : String(e) },
      }),
  );
}
