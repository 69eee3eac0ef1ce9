/**
 * `@waymark/analytics/log`: what `waymark analyse <log>` needs (import a log file, analyse it or stream it,
 * write the report), and nothing else. The package's main entry also reaches the survey, dataset and journey
 * code, which bring @waymark/core's document schemas (zod), measure's parsers and the message catalogue; the
 * CLI's bundle loads whatever an entry it imports can reach, so importing this one keeps them out of
 * `waymark analyse`'s start-up (decision 0042). Everything here is also exported from `@waymark/analytics`.
 */
export { analyseLog, type Analysis, type AnalysisConfig } from './analyse';
export { dimensionNames, type DimensionName } from './model/event-store';
export { importLogFile, readProblem, type ImportFileOptions } from './ingest/import-log';
export {
  shouldStream,
  streamFromBytes,
  streamLogFile,
  toStreamedJsonReport,
  toStreamedReport,
} from './stream/stream-log';
export {
  ImportError,
  type ImportErrorCode,
  type ImportErrorValues,
  type ImportReport,
  type ImportWarning,
} from './ingest/import-result';
export { type ColumnMapping } from './ingest/columns';
export { createPseudonymiser, minPseudonymKeyBytes, pseudonymKeyBytes } from './pseudonymise';
export { toJsonReport, type JsonReport } from './report/json';
export { renderMarkdownReport } from './report/markdown';
export { renderHtmlReport } from './report/html';
export type { ReportMessageId, ReportWords } from './report/words';
export { importLimitsFromEnv, type ImportLimitsError } from './ingest/limits';
export { parseOutcomeCondition, type OutcomeRule } from './metrics/outcome';
