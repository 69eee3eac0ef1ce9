import type { Analysis } from '../analyse';
import { reportWarnings, type ImportReport } from '../ingest/import-result';
import type { Summary } from '../metrics/stats';

/** ISO 8601 UTC with milliseconds, or null. */
export function isoOf(ms: number): string | null {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);
const summary = (
  s: Summary,
): {
  mean: number | null;
  median: number | null;
  p90: number | null;
  min: number | null;
  max: number | null;
} => ({ mean: num(s.mean), median: num(s.median), p90: num(s.p90), min: num(s.min), max: num(s.max) });

/**
 * The JSON contract of `waymark analyse --format json` (issue 5 §6). Per-case arrays stay out;
 * case ids appear only pseudonymised. Non-finite numbers become null.
 */
export function toJsonReport(a: Analysis, imported: ImportReport) {
  const c = a.cases;
  return {
    log: {
      cases: c.cases,
      events: c.events,
      activities: c.activities,
      rejectedRows: imported.rejectedRows,
      start: isoOf(c.start),
      end: isoOf(c.end),
      format: imported.format,
      rows: imported.rows,
      filteredRows: imported.filteredRows,
      casesOutOfOrder: a.index.casesOutOfOrder,
      mapping: imported.mapping,
      ...(imported.encoding ? { encoding: imported.encoding } : {}),
      ...(imported.delimiter ? { delimiter: imported.delimiter } : {}),
      ...(imported.dateOrder ? { dateOrder: imported.dateOrder } : {}),
      rejections: imported.rejections,
      ...reportWarnings(imported, a.index.casesOutOfOrder),
    },
    dfg: {
      edges: a.dfg.edges,
      startActivities: a.dfg.startActivities,
      endActivities: a.dfg.endActivities,
      pairs: a.dfg.pairs,
    },
    variants: { count: a.variants.count, top: a.variants.top },
    cases: {
      eventsPerCase: {
        mean: num(c.eventsPerCase.mean),
        median: num(c.eventsPerCase.median),
        p90: num(c.eventsPerCase.p90),
        max: num(c.eventsPerCase.max),
        min: num(c.eventsPerCase.min),
      },
      durationSeconds: summary(c.durationSeconds),
      contactsPerCase: summary(a.contactsPerCase),
    },
    handoffs: a.handoffs
      ? {
          by: a.handoffs.by,
          total: a.handoffs.total,
          perCase: summary(a.handoffs.perCase),
          casesWithHandoff: a.handoffs.casesWithHandoff,
          matrix: a.handoffs.matrix,
        }
      : null,
    rework: {
      repeatedEvents: a.rework.repeatedEvents,
      casesWithRework: a.rework.casesWithRework,
      shareOfCases: num(a.rework.shareOfCases),
      byActivity: a.rework.byActivity,
    },
    silences: {
      thresholdSeconds: a.silences.thresholdSeconds,
      longestGapSeconds: summary(a.silences.longestGapSeconds),
      casesOverThreshold: a.silences.casesOverThreshold,
      shareOverThreshold: num(a.silences.shareOverThreshold),
      longest: a.silences.longest,
    },
    channels: a.channels
      ? {
          channels: a.channels.channels,
          costSource: a.channels.costSource,
          table: a.channels.table ?? null,
          costPerJourney: summary(a.channels.costPerJourney),
          totalCost: a.channels.totalCost,
          uncostedContacts: a.channels.uncostedContacts,
        }
      : null,
    avoidable: {
      contacts: a.avoidable.contacts,
      avoidable: a.avoidable.avoidable,
      ni14Percent: num(a.avoidable.ni14Percent),
      interval: a.avoidable.interval,
      byCategory: a.avoidable.byCategory,
      contactsPerJourney: num(a.avoidable.contactsPerJourney),
      rules: a.avoidable.rules,
    },
    firstContactResolution: a.fcr ? { ...a.fcr, rate: num(a.fcr.rate) } : null,
    valueAdded: a.valueAdded ?? null,
    successfulOutcome: a.successfulOutcome
      ? {
          ...a.successfulOutcome,
          share: num(a.successfulOutcome.share),
          timeToOutcomeSeconds: summary(a.successfulOutcome.timeToOutcomeSeconds),
        }
      : null,
    closedLoop: a.closedLoop ? { ...a.closedLoop, share: num(a.closedLoop.share) } : null,
    segments: a.segments,
    histograms: a.histograms,
  };
}

export type JsonReport = ReturnType<typeof toJsonReport>;
