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

/** A store read by one thread, as a part to append after another's (`appendPart`): its columns and values. */
export function storePart(store: EventStore, counts: PartCounts): CsvPart {
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

/** The buffers of parts, to move them to another thread rather than copy them. */
export function partBuffers(parts: readonly CsvPart[]): ArrayBuffer[] {
  return parts
    .flatMap((part) => [
      part.caseOf.buffer,
      part.activityOf.buffer,
      part.time.buffer,
      part.cases.arena.buffer,
      part.activities.arena.buffer,
      ...Object.values(part.dims).map((d) => d.values.buffer),
      ...(part.startTime ? [part.startTime.buffer] : []),
      ...(part.cost ? [part.cost.buffer] : []),
      // a shared column (an EventStore's `sharedTime`) is shared with the other thread, not moved
    ])
    .filter((b): b is ArrayBuffer => !(b instanceof SharedArrayBuffer));
}
