import type { EventStore } from '../model/event-store';
import type { ColumnMapping } from './columns';
import type { ImportLimits, LimitExceeded } from './limits';
import type { RejectionCode, RejectionProblem, RejectionValues } from './rejection-codes';
import type { DateOrder } from './timestamps';

/**
 * One rejected row or event: where it was, and what was wrong with it: `code` and `values` for the message
 * catalogue (`datasets.rejection.<code>`), `reason` in the importer's English for the CLI and logs.
 */
export interface Rejection {
  /** 1-based line in the file (CSV, XES) or row number (Parquet, counting from 1). */
  readonly line: number;
  readonly field?: string;
  readonly code: RejectionCode;
  readonly values?: RejectionValues;
  readonly reason: string;
}

/**
 * What an import read around but the reader should know, for the message catalogue (`datasets.warning.<code>`,
 * camel-cased) with its values; the same warning's English is in `ImportReport.warnings`, at the same place.
 */
export const importWarningCodes = [
  'column_without_name',
  'column_name_repeated',
  'date_order_guessed',
  'header_without_events',
  'characters_after_quote',
  'cases_out_of_order',
] as const;

export type ImportWarningCode = (typeof importWarningCodes)[number];

export interface ImportWarning {
  readonly code: ImportWarningCode;
  readonly values: Readonly<Record<string, string | number>>;
}

/** A warning said both ways: its English for `warnings` and its code and values for `warningCodes`. */
export interface SaidWarning extends ImportWarning {
  readonly message: string;
}

/** The two lists of an import report from one list of warnings, so they cannot fall out of step. */
export function warningLists(said: readonly SaidWarning[]): {
  warnings: string[];
  warningCodes: ImportWarning[];
} {
  return {
    warnings: said.map((w) => w.message),
    warningCodes: said.map(({ code, values }) => ({ code, values })),
  };
}

/** The English and the code of "N cases had events out of time order", when any had. */
export const casesOutOfOrderWarning = (cases: number): SaidWarning[] =>
  cases > 0
    ? [
        {
          code: 'cases_out_of_order',
          values: { cases },
          message: `${cases} cases had events out of time order in the file; they were sorted by time (ties kept in file order)`,
        },
      ]
    : [];

/**
 * A report's warnings: the import's, then "N cases had events out of time order" when any had; by code too when
 * the import gave codes (a report stored before warnings had codes gets the English alone).
 */
export function reportWarnings(
  imported: ImportReport,
  casesOutOfOrder: number,
): { warnings: string[]; warningCodes?: ImportWarning[] } {
  const extra = warningLists(casesOutOfOrderWarning(casesOutOfOrder));
  return {
    warnings: [...imported.warnings, ...extra.warnings],
    ...(imported.warningCodes ? { warningCodes: [...imported.warningCodes, ...extra.warningCodes] } : {}),
  };
}

export interface ImportReport {
  readonly format: 'csv' | 'xes' | 'parquet';
  /** Source columns or attributes actually read, per field. Nothing else is imported. */
  readonly mapping: ColumnMapping;
  readonly rows: number;
  readonly rejectedRows: number;
  /** The first rejections, with line and reason (all are counted in rejectedRows). */
  readonly rejections: readonly Rejection[];
  /** Events skipped on purpose (lifecycle filter), counted apart from rejections. */
  readonly filteredRows: number;
  /** In the importer's English, for logs and the Markdown and HTML reports. */
  readonly warnings: readonly string[];
  /** The same warnings by code and values, in the same order (missing from reports made before they had codes). */
  readonly warningCodes?: readonly ImportWarning[];
  readonly encoding?: string;
  readonly delimiter?: string;
  readonly dateOrder?: DateOrder;
}

export interface ImportedLog {
  readonly store: EventStore;
  readonly report: ImportReport;
}

/** Options every reader understands. */
export interface ImportOptions {
  readonly mapping?: ColumnMapping;
  /** Try the usual header names for fields not mapped explicitly (default true). */
  readonly autoMap?: boolean;
  /** Zone for timestamps without an offset (default UTC). */
  readonly zone?: string;
  readonly dateOrder?: DateOrder;
  /** Keep only events with this lifecycle transition (e.g. 'complete'); by default every event counts. */
  readonly lifecycle?: string;
  /** How many rejections to list (all are counted). Default 100. */
  readonly maxRejectionsListed?: number;
  /** Size of the input in bytes when known, to size the columns once instead of growing them. */
  readonly sizeHint?: number;
  /** How much may be read and kept (default `defaultImportLimits`). */
  readonly limits?: ImportLimits;
  /** Called now and then with the bytes of the file read so far (compressed bytes for a .gz). */
  readonly onProgress?: (bytesRead: number) => void;
  /**
   * Keep no events: the store is a `StreamingStore` whose figures are computed as the events stream past
   * (see stream/streaming-figures.ts), for logs larger than memory.
   */
  readonly streaming?: boolean;
}

/** Collects rejections: counts all, keeps the first few. */
export class RejectionLog {
  count = 0;
  readonly listed: Rejection[] = [];
  constructor(private readonly max = 100) {}
  add(line: number, problem: RejectionProblem, field?: string): void {
    this.count++;
    if (this.listed.length < this.max) {
      const { code, values, reason } = problem;
      this.listed.push({
        line,
        ...(field === undefined ? {} : { field }),
        code,
        ...(values === undefined ? {} : { values }),
        reason,
      });
    }
  }
}

/** Why an import could not proceed at all; screens say each from `datasets.importError.<code>`. */
export const importErrorCodes = [
  'missing_column',
  'unclosed_quote',
  'record_too_long',
  'empty_file',
  'corrupt_gzip',
  'xml_refused',
  'xml_malformed',
  'parquet_invalid',
  'unknown_zone',
  'not_utf8',
  'not_text',
  'utf16_without_bom',
  'invalid_utf16',
  'unsafe_character',
  'too_many_columns',
  'header_too_long',
  'one_column',
  'duplicate_column',
  'too_large',
  'too_many_events',
  'too_many_values',
  'stream_out_of_order',
  'io',
] as const;

export type ImportErrorCode = (typeof importErrorCodes)[number];

/**
 * The specifics of an ImportError that its `message` states (the column, the line and column, the limit and the
 * variable that sets it...), for the message catalogue to say them in its own words (`waymark analyse` does).
 */
export type ImportErrorValues = Readonly<Record<string, string | number>>;

/**
 * An import that could not proceed at all (no timestamp column, corrupt file, refused XML): `message` in the
 * importer's English for the web's logs and the API, `code` and `values` for the catalogue's words.
 */
export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    readonly line?: number,
    readonly values?: ImportErrorValues,
  ) {
    super(message);
  }
}

/** What a limit is on, as a word the catalogue selects on: events, traceEvents, activities, channel, team... */
function limitSubject(what: string): string {
  if (what === 'events in one trace') return 'traceEvents';
  if (what === 'distinct activities') return 'activities';
  if (what === 'distinct values') return 'values';
  return what.replace(/^distinct values of /, '');
}

/** A limit reached while reading, as an ImportError naming the line (or row) where it was reached. */
export function limitReached(e: LimitExceeded, line: number | undefined, unit = 'line'): ImportError {
  return new ImportError(
    e.kind === 'events' ? 'too_many_events' : 'too_many_values',
    line === undefined ? e.message : `${unit} ${line}: ${e.message}`,
    line,
    {
      at: line === undefined ? 'none' : unit === 'from line' ? 'fromLine' : unit,
      line: line ?? 0,
      limit: e.limit,
      what: limitSubject(e.what),
      // the distinct-values limits are not set by a variable
      ...(e.kind === 'events' ? { variable: e.variableName } : {}),
    },
  );
}
