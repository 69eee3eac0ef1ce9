/**
 * How much an import may read and hold, whatever the file (issue 9 §2). A compressed log is counted by what it
 * expands to; a log that is not compressed is counted by its size. Memory then stays bounded by the events
 * limit (about 30 bytes an event in the columns) and the distinct-values limits, whatever the input: a
 * hostile file is refused at a documented limit, with the line where it was reached, rather than growing.
 * See docs/decisions/0010-import-jobs-and-expansion-limits.md.
 */
export interface ImportLimits {
  /** Most bytes of text read (after decompression), WAYMARK_EXPANDED_LIMIT_MB. */
  readonly expandedBytes: number;
  /** Most bytes of text per byte of gzip, once `ratioFromBytes` have been expanded; 0 = no ratio check. */
  readonly expansionRatio: number;
  readonly ratioFromBytes: number;
  /** Most events kept (and most events in one XES trace), WAYMARK_MAX_EVENTS. */
  readonly maxEvents: number;
  /**
   * Most events in one case, WAYMARK_MAX_CASE_EVENTS: a case's path is written out whole in the variants of
   * the report, so one case of millions of events would make a report of hundreds of megabytes.
   */
  readonly maxCaseEvents: number;
  /** Most distinct activity names. */
  readonly maxActivities: number;
  /** Most distinct values of each of channel, team, resource, outcome and lifecycle. */
  readonly maxValues: number;
}

const MB = 1024 * 1024;

export const defaultImportLimits: ImportLimits = {
  expandedBytes: 4096 * MB,
  expansionRatio: 100,
  ratioFromBytes: 64 * MB,
  maxEvents: 20_000_000,
  maxCaseEvents: 100_000,
  maxActivities: 10_000,
  maxValues: 100_000,
};

/** The environment variables that set limits, and what each one sets. */
const variables = {
  WAYMARK_EXPANDED_LIMIT_MB: 'expandedBytes',
  WAYMARK_EXPANSION_RATIO: 'expansionRatio',
  WAYMARK_MAX_EVENTS: 'maxEvents',
  WAYMARK_MAX_CASE_EVENTS: 'maxCaseEvents',
} as const;

/**
 * A limit's variable that is not a whole number (or is below its least): `error` in English for logs, `code` and
 * `values` for the catalogue's words — the `variable`, the `value` given, its `unit` (megabytes; ratio, where 0
 * turns the check off; events) and the `default` in that unit.
 */
export interface ImportLimitsError {
  readonly error: string;
  readonly code: 'not_whole_number';
  readonly values: {
    readonly variable: string;
    readonly value: string;
    readonly unit: 'megabytes' | 'ratio' | 'events';
    readonly default: number;
  };
}

/**
 * The limits from the environment (unset variables keep the defaults), or an error naming the variable that
 * is wrong. WAYMARK_EXPANSION_RATIO=0 turns the ratio check off.
 */
export function importLimitsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): ImportLimits | ImportLimitsError {
  const out: Record<string, number> = { ...defaultImportLimits };
  for (const [name, key] of Object.entries(variables)) {
    const text = env[name];
    if (text === undefined || text === '') continue;
    const min = key === 'expansionRatio' ? 0 : 1;
    if (!/^\d+$/.test(text) || Number(text) < min) {
      const unit = key === 'expandedBytes' ? 'megabytes' : key === 'expansionRatio' ? 'ratio' : 'events';
      return {
        error: `${name} must be a whole number${min === 1 ? ' (at least 1)' : ''}${key === 'expandedBytes' ? ' of megabytes' : ''}, not "${text}"`,
        code: 'not_whole_number',
        values: {
          variable: name,
          value: text,
          unit,
          default: key === 'expandedBytes' ? defaultImportLimits[key] / MB : defaultImportLimits[key],
        },
      };
    }
    out[key] = key === 'expandedBytes' ? Number(text) * MB : Number(text);
  }
  return out as unknown as ImportLimits;
}

export const megabytes = (bytes: number): string =>
  bytes >= 10 * MB ? `${Math.round(bytes / MB).toLocaleString('en-GB')} MB` : `${(bytes / MB).toFixed(1)} MB`;

/** What was over a limit; the reader that hit it adds the line and turns it into an ImportError. */
export class LimitExceeded extends Error {
  constructor(
    readonly kind: 'events' | 'values',
    /** What the limit is for, in words: "events", "distinct activities", "events in one trace". */
    readonly what: string,
    readonly limit: number,
    /** The variable that sets it (events limits only). */
    readonly variableName = 'WAYMARK_MAX_EVENTS',
  ) {
    const variable = kind === 'events' ? ` set by ${variableName}` : ' a log may have';
    super(
      `the log has more than ${limit.toLocaleString('en-GB')} ${what}, the limit${variable}; ` +
        (kind === 'events'
          ? 'split the log into shorter periods, or ask your administrator to raise the limit'
          : 'check that the right column is mapped (a column of free text or ids has a different value on every row)'),
    );
  }
}

/** The EventStore options that enforce the limits (the defaults when none are given). */
export function storeLimits(limits: ImportLimits = defaultImportLimits): {
  maxEvents: number;
  maxActivities: number;
  maxValues: number;
} {
  return { maxEvents: limits.maxEvents, maxActivities: limits.maxActivities, maxValues: limits.maxValues };
}

/**
 * The first case with more events than `limit`, as an error naming it by its place in the file (not by its
 * reference, which is personal data) and the event at which it went over; null when every case is within.
 */
export function caseTooLong(
  caseOf: Int32Array,
  size: number,
  cases: number,
  limit: number,
): { caseNumber: number; event: number; limit: number; message: string } | null {
  if (size <= limit) return null;
  const counts = new Int32Array(cases);
  for (let i = 0; i < size; i++) {
    const c = caseOf[i] as number;
    const n = (counts[c] as number) + 1;
    counts[c] = n;
    if (n > limit) {
      const caseNumber = c + 1;
      return {
        caseNumber,
        event: i + 1,
        limit,
        message: `case number ${caseNumber.toLocaleString('en-GB')} of the file (counting cases as they first appear) has more than ${limit.toLocaleString('en-GB')} events (by the file's event ${(i + 1).toLocaleString('en-GB')}), the limit one case may have (WAYMARK_MAX_CASE_EVENTS); check that the case column holds a case reference, not something many rows share such as a team or a date`,
      };
    }
  }
  return null;
}
