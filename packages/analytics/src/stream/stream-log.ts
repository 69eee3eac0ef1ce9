import { stat } from 'node:fs/promises';
import { totalmem } from 'node:os';
import { importLogFile, type ImportFileOptions } from '../ingest/import-log';
import type { ImportReport } from '../ingest/import-result';
import { isoOf } from '../report/json';
import type { Summary } from '../metrics/stats';
import { StreamingStore, type StreamedFigures } from './streaming-figures';

/** A compressed log expands about this many times (real logs: 10 to 50; the synthetic XES.gz 17). */
const GZIP_EXPANSION = 17;

/**
 * The size of log (bytes of text, estimated for a .gz) from which `waymark analyse` streams instead of
 * holding every event: WAYMARK_STREAM_FROM_MB when set, else a quarter of the machine's memory (the
 * in-memory engine peaks at about 2.5 times a CSV's size).
 */
export function streamFromBytes(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const mb = Number(env['WAYMARK_STREAM_FROM_MB']);
  return Number.isFinite(mb) && mb > 0 ? mb * 1024 * 1024 : Math.floor(totalmem() / 4);
}

/** Whether the log at `path` is large enough to be streamed (on by itself above `streamFromBytes`). */
export async function shouldStream(path: string, fromBytes = streamFromBytes()): Promise<boolean> {
  // a file that cannot be read is left for the import to report
  const size = await stat(path).then(
    (s) => s.size,
    () => 0,
  );
  const text = /\.gz$/i.test(path) ? size * GZIP_EXPANSION : size;
  return size > 0 && !/\.parquet$/i.test(path) && text >= fromBytes;
}

export interface StreamedLog {
  readonly figures: StreamedFigures;
  readonly report: ImportReport;
}

/**
 * Reads a CSV, XES or their .gz from disk keeping no events: memory is bounded by the cases, the distinct
 * values and the figures kept (see StreamingFigures), not by the events. Parquet is read in memory.
 */
export async function streamLogFile(
  path: string,
  options: ImportFileOptions & { readonly topVariants?: number } = {},
): Promise<StreamedLog> {
  const imported = await importLogFile(path, { ...options, streaming: true });
  const store = imported.store;
  if (!(store instanceof StreamingStore)) throw new Error('the importer did not stream');
  return {
    figures: store.figures.finish(store.activities.values(), options.topVariants ?? 20),
    report: imported.report,
  };
}

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);
const summary = (s: Summary) => ({
  mean: num(s.mean),
  median: num(s.median),
  p90: num(s.p90),
  min: num(s.min),
  max: num(s.max),
});

/**
 * The streamed figures in the shape of `toJsonReport`'s (the same keys for what both have), with
 * `log.streamed: true`; the metrics that need a case's events together (hand-offs, silences, avoidable
 * contact, segments…) are not computed in this mode.
 */
export function toStreamedJsonReport(f: StreamedFigures, imported: ImportReport) {
  return {
    log: {
      cases: f.cases,
      events: f.events,
      activities: f.activities,
      rejectedRows: imported.rejectedRows,
      start: isoOf(f.start),
      end: isoOf(f.end),
      format: imported.format,
      rows: imported.rows,
      filteredRows: imported.filteredRows,
      mapping: imported.mapping,
      rejections: imported.rejections,
      warnings: imported.warnings,
      streamed: true,
    },
    dfg: {
      edges: f.dfg.edges,
      startActivities: f.dfg.startActivities,
      endActivities: f.dfg.endActivities,
      pairs: f.dfg.pairs,
    },
    variants: { count: f.variants.count, top: f.variants.top },
    cases: { eventsPerCase: summary(f.eventsPerCase), durationSeconds: summary(f.durationSeconds) },
  };
}
