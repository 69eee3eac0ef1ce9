import { stat } from 'node:fs/promises';
import { totalmem } from 'node:os';
import { importLogFile, type ImportFileOptions } from '../ingest/import-log';
import { reportWarnings, type ImportReport } from '../ingest/import-result';
import { isoOf, type JsonReport } from '../report/json';
import type { Summary } from '../metrics/stats';
import {
  streamingConfig,
  StreamingStore,
  type StreamedFigures,
  type StreamingConfig,
} from './streaming-figures';

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
  options: ImportFileOptions & StreamingConfig = {},
): Promise<StreamedLog> {
  const {
    avoidable,
    costTable,
    localCosts,
    resolvedOutcome,
    successfulOutcome,
    closedLoop,
    segments,
    silenceThresholdDays,
    topVariants,
    pseudonymise,
    ...importOptions
  } = options;
  const config: StreamingConfig = {
    ...(avoidable ? { avoidable } : {}),
    ...(costTable ? { costTable } : {}),
    ...(localCosts ? { localCosts } : {}),
    ...(resolvedOutcome ? { resolvedOutcome } : {}),
    ...(successfulOutcome ? { successfulOutcome } : {}),
    ...(closedLoop ? { closedLoop } : {}),
    ...(segments ? { segments } : {}),
    ...(silenceThresholdDays !== undefined ? { silenceThresholdDays } : {}),
    ...(topVariants !== undefined ? { topVariants } : {}),
    ...(pseudonymise ? { pseudonymise } : {}),
  };
  // the store the importer makes reads the rules it needs while events pass from this context
  const imported = await streamingConfig.run(config, () =>
    importLogFile(path, { ...importOptions, streaming: true }),
  );
  const store = imported.store;
  if (!(store instanceof StreamingStore)) throw new Error('the importer did not stream');
  return { figures: store.finish(config), report: imported.report };
}

/** The parts of `toJsonReport` a streamed log does not have: they read a case's events with other columns. */
export const notStreamed = ['valueAdded'] as const;

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);
const summary = (s: Summary) => ({
  mean: num(s.mean),
  median: num(s.median),
  p90: num(s.p90),
  min: num(s.min),
  max: num(s.max),
});

/**
 * The streamed figures in the shape of `toJsonReport`'s (the same keys and values for what both have), with
 * `log.streamed: true` and `log.notComputed` listing the parts left out (`notStreamed`).
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
      casesOutOfOrder: f.casesOutOfOrder,
      rejections: imported.rejections,
      ...reportWarnings(imported, f.casesOutOfOrder),
      streamed: true,
      notComputed: [...notStreamed],
    },
    dfg: {
      edges: f.dfg.edges,
      startActivities: f.dfg.startActivities,
      endActivities: f.dfg.endActivities,
      pairs: f.dfg.pairs,
    },
    variants: { count: f.variants.count, top: f.variants.top },
    cases: {
      // toJsonReport lists these keys in this order
      eventsPerCase: {
        mean: num(f.eventsPerCase.mean),
        median: num(f.eventsPerCase.median),
        p90: num(f.eventsPerCase.p90),
        max: num(f.eventsPerCase.max),
        min: num(f.eventsPerCase.min),
      },
      durationSeconds: summary(f.durationSeconds),
      contactsPerCase: summary(f.contactsPerCase),
    },
    handoffs: f.handoffs
      ? {
          by: f.handoffs.by,
          total: f.handoffs.total,
          perCase: summary(f.handoffs.perCase),
          casesWithHandoff: f.handoffs.casesWithHandoff,
          matrix: f.handoffs.matrix,
        }
      : null,
    rework: {
      repeatedEvents: f.rework.repeatedEvents,
      casesWithRework: f.rework.casesWithRework,
      shareOfCases: num(f.rework.shareOfCases),
      byActivity: f.rework.byActivity,
    },
    silences: {
      thresholdSeconds: f.silences.thresholdSeconds,
      longestGapSeconds: summary(f.silences.longestGapSeconds),
      casesOverThreshold: f.silences.casesOverThreshold,
      shareOverThreshold: num(f.silences.shareOverThreshold),
      longest: f.silences.longest,
    },
    avoidable: {
      contacts: f.avoidable.contacts,
      avoidable: f.avoidable.avoidable,
      ni14Percent: num(f.avoidable.ni14Percent),
      interval: f.avoidable.interval,
      byCategory: f.avoidable.byCategory,
      contactsPerJourney: num(f.avoidable.contactsPerJourney),
      rules: f.avoidable.rules,
    },
    channels: f.channels
      ? {
          channels: f.channels.channels,
          costSource: f.channels.costSource,
          table: f.channels.table ?? null,
          costPerJourney: summary(f.channels.costPerJourney),
          totalCost: f.channels.totalCost,
          uncostedContacts: f.channels.uncostedContacts,
        }
      : null,
    firstContactResolution: f.fcr ? { ...f.fcr, rate: num(f.fcr.rate) } : null,
    successfulOutcome: f.successfulOutcome
      ? {
          ...f.successfulOutcome,
          share: num(f.successfulOutcome.share),
          timeToOutcomeSeconds: summary(f.successfulOutcome.timeToOutcomeSeconds),
        }
      : null,
    closedLoop: f.closedLoop ? { ...f.closedLoop, share: num(f.closedLoop.share) } : null,
    segments: f.segments,
    histograms: f.histograms,
  };
}

/**
 * The streamed figures as a whole `JsonReport`, for the Markdown and HTML renderers: the parts a streamed
 * log does not have are null (or no segments), which the renderers leave out, and `note` (which says so,
 * in the reader's words) is the first warning.
 */
export function toStreamedReport(f: StreamedFigures, imported: ImportReport, note: string): JsonReport {
  const r = toStreamedJsonReport(f, imported);
  // the renderers read the English only; the codes would no longer line up with it after the note
  const { streamed: _streamed, notComputed: _notComputed, warningCodes: _codes, ...log } = r.log;
  return {
    ...r,
    log: { ...log, warnings: [note, ...log.warnings] },
    valueAdded: null,
  };
}
