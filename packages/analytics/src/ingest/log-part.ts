import type { ByteInterner, ExportedBytes } from '../model/byte-interner';
import type { EventStore } from '../model/event-store';
import type { CsvPart } from './csv-worker';
import type { ImportedLog, Rejection } from './import-result';

/** What a part counted besides its events (see `CsvPart`). */
export interface PartCounts {
  readonly rows: number;
  readonly filtered: number;
  readonly strayQuotes: number;
  readonly rejectedRows: number;
  readonly rejections: Rejection[];
  readonly lines: number;
}

/**
 * A store read by one thread, as a part to append after another's (`appendPart`): its columns and values
 * (without `values`, no interner is exported: the caller sets interners shared by many parts).
 */
export function storePart(store: EventStore, counts: PartCounts, values = true): CsvPart {
  const n = store.size;
  const exported = (i: ByteInterner) => (values ? i.exportBytes() : noValues);
  const dims: CsvPart['dims'] = {};
  for (const d of store.presentDims())
    dims[d] = { values: (store.dim[d] as Int32Array).subarray(0, n), interner: exported(store.dims[d]) };
  return {
    size: n,
    caseOf: store.caseOf.subarray(0, n),
    activityOf: store.activityOf.subarray(0, n),
    time: store.time.subarray(0, n),
    startTime: store.startTime?.subarray(0, n),
    cost: store.cost?.subarray(0, n),
    cases: exported(store.cases),
    activities: exported(store.activities),
    dims,
    ...counts,
  };
}

/** An imported log (a part of an XES log read by one thread) as a part, with its report's counts. */
export function importedPart({ store, report }: ImportedLog): CsvPart {
  return storePart(store, {
    rows: report.rows,
    filtered: report.filteredRows,
    strayQuotes: 0,
    rejectedRows: report.rejectedRows,
    rejections: [...report.rejections],
    lines: 0,
  });
}

const noValues: ExportedBytes = {
  arena: new Uint8Array(0),
  starts: new Int32Array(0),
  lengths: new Int32Array(0),
  size: 0,
};

/** The buffers of parts, to move them to another thread rather than copy them. */
export function partBuffers(parts: readonly CsvPart[]): ArrayBuffer[] {
  const buffers = parts.flatMap((part) => [
    part.caseOf.buffer,
    part.activityOf.buffer,
    part.time.buffer,
    part.cases.arena.buffer,
    part.activities.arena.buffer,
    ...Object.values(part.dims).map((d) => d.values.buffer),
    ...(part.startTime ? [part.startTime.buffer] : []),
    ...(part.cost ? [part.cost.buffer] : []),
    ...(part.uses
      ? [
          part.uses.cases.buffer,
          part.uses.activities.buffer,
          ...Object.values(part.uses.dims).map((u) => u.buffer),
        ]
      : []),
  ]);
  // interners shared by many parts are moved once; a shared column (an EventStore's `sharedTime`) is shared
  // with the other thread, not moved
  return [...new Set(buffers)].filter((b): b is ArrayBuffer => !(b instanceof SharedArrayBuffer));
}
