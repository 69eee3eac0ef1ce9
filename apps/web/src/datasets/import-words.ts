import { datasetProblemMessageId } from '@waymark/i18n';
import { ApiError } from '../api/api-error';
import { codeWords } from '../api/error-words';
import { t } from '../i18n';
import { errorText } from '../ui/field';

/**
 * An event log's problems in the catalogue's words: a rejected row by its `code` and `values`
 * (`datasets.rejection.<code>`), an import that could not proceed by its ImportError code
 * (`datasets.importError.<code>`). The importer's English `reason` and the server's message are never shown:
 * a row stored before rejections had codes, or a code this screen does not know, gets a plain sentence naming
 * the line and column.
 */

/** A rejected row as the API lists it; `code` and `values` are missing from datasets stored before them. */
export interface ShownRejection {
  readonly line: number;
  readonly field?: string;
  readonly code?: string;
  readonly values?: Readonly<Record<string, string | number>>;
  /** The importer's English, for the CLI and logs: never shown. */
  readonly reason?: string;
}

/** Why a row was rejected, in words. */
export function rejectionWords(r: ShownRejection): string {
  const id = datasetProblemMessageId('rejection', r.code);
  if (id) {
    try {
      return t(id, { ...r.values });
    } catch {
      // values missing or of the wrong kind: the plain sentence below
    }
  }
  return t('datasets.rejection.unknown', {
    line: r.line,
    hasColumn: r.field ? 'yes' : 'no',
    column: r.field ?? '',
  });
}

/** An import's warnings as the API gives them: `warningCodes` is missing from datasets stored before it. */
export interface ShownWarnings {
  readonly warnings?: readonly string[];
  readonly warningCodes?: readonly {
    readonly code: string;
    readonly values?: Readonly<Record<string, string | number>>;
  }[];
}

/**
 * What the reader should know about how a log was read, each warning by its code and values
 * (`datasets.warning.<code>`). A dataset stored before warnings had codes, or a code this screen does not know,
 * gets one plain sentence instead of the importer's English.
 */
export function warningWords(log: ShownWarnings): string[] {
  const codes = log.warningCodes;
  const unknown = (count: number) => t('datasets.warning.unknown', { count });
  if (!codes) return (log.warnings ?? []).length > 0 ? [unknown(log.warnings?.length ?? 0)] : [];
  const said = codes.map((w) => {
    const id = datasetProblemMessageId('warning', w.code);
    if (!id) return unknown(1);
    try {
      return t(id, {
        ...w.values,
        monthFirst: t('datasets.mapping.dateMdy'),
        dateLabel: t('datasets.mapping.dateOrder'),
      });
    } catch {
      return unknown(1);
    }
  });
  return [...new Set(said)];
}

/** An import that failed (a job's `error`, or an error body's fields), in words. */
export function importFailureWords(error: Readonly<Record<string, unknown>> | null | undefined): string {
  if (!error) return t('datasets.mapping.failed');
  const code = error.code;
  if (code === 'cancelled') return t('datasets.importError.cancelled');
  if (code === 'abandoned') return t('datasets.importError.abandoned');
  if (code === 'out_of_memory') return t('datasets.importError.outOfMemory');
  if (code !== 'invalid_log')
    return codeWords(typeof code === 'string' ? code : null) ?? t('datasets.mapping.failed');
  const rejections = error.rejections;
  if (Array.isArray(rejections)) {
    const rows = typeof error.rows === 'number' ? error.rows : undefined;
    const first = rejections[0] as ShownRejection | undefined;
    if (rows === 0 || !first) return t('datasets.importError.noEvents');
    return t('datasets.importError.noneRead', {
      rows: rows ?? rejections.length,
      line: first.line,
      why: rejectionWords(first),
    });
  }
  const id = datasetProblemMessageId('importError', error.reason);
  if (!id) return t('datasets.importError.unknown');
  return typeof error.line === 'number'
    ? t('datasets.importError.atLine', { line: error.line, why: t(id) })
    : t(id);
}

/** Any error of an upload or import in words: an unreadable log by its code, anything else as usual. */
export function importErrorText(e: unknown): string {
  if (e instanceof ApiError && e.code === 'invalid_log' && typeof e.body === 'object' && e.body !== null)
    return importFailureWords({ ...(e.body as Record<string, unknown>), code: e.code });
  return errorText(e);
}
