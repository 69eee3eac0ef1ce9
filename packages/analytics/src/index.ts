export { analyseLog, type Analysis, type AnalysisConfig } from './analyse';
export { EventStore, dimensionNames, type DimensionName } from './model/event-store';
export { buildCaseIndex, type CaseIndex } from './model/case-index';
export { importLogFile, type ImportFileOptions } from './ingest/import-log';
export {
  shouldStream,
  streamFromBytes,
  notStreamed,
  streamLogFile,
  toStreamedJsonReport,
  toStreamedReport,
  type StreamedLog,
} from './stream/stream-log';
export {
  StreamingFigures,
  StreamingStore,
  type StreamedFigures,
  type StreamingConfig,
} from './stream/streaming-figures';
export { importCsv } from './ingest/csv-import';
export { importXes } from './ingest/xes';
export { importParquet } from './ingest/parquet';
export {
  ImportError,
  importErrorCodes,
  type ImportErrorCode,
  type ImportedLog,
  type ImportOptions,
  type ImportReport,
  importWarningCodes,
  type ImportWarning,
  type ImportWarningCode,
  type Rejection,
} from './ingest/import-result';
export {
  rejectionCodes,
  timestampExpectations,
  type RejectionCode,
  type RejectionProblem,
  type RejectionValues,
} from './ingest/rejection-codes';
export { type ColumnMapping } from './ingest/columns';
export { createPseudonymiser, type Pseudonymiser } from './pseudonymise';
export * from './survey';
export { computeDfg, type Dfg, type DfgEdge } from './metrics/dfg';
export { computeVariants, type Variant, type Variants } from './metrics/variants';
export { computeCaseFigures, type CaseFigures } from './metrics/cases';
export { computeHandoffs, type Handoffs, type BatonChange } from './metrics/handoffs';
export { computeRework, type Rework } from './metrics/rework';
export { computeSilences, type Silences } from './metrics/silences';
export { computeChannelMix, type ChannelMix } from './metrics/channel-cost';
export {
  channelCostTables,
  defaultChannelCostTable,
  costChannelOf,
  type ChannelCostTable,
  type CostChannel,
} from './metrics/channel-costs';
export {
  computeAvoidable,
  ni14Categories,
  defaultAvoidableRules,
  type AvoidableContact,
  type AvoidableRules,
} from './metrics/avoidable';
export { computeFcr, defaultResolvedPattern, type FirstContactResolution } from './metrics/fcr';
export { computeValueAdded, type ValueAdded, type ValueClass } from './metrics/value-added';
export { computeSegments, type Segment, type SegmentBy } from './metrics/segments';
export { summarise, type Summary } from './metrics/stats';
export { toJsonReport, isoOf, type JsonReport } from './report/json';
export { renderMarkdownReport } from './report/markdown';
export { renderHtmlReport } from './report/html';
export type { ReportMessageId, ReportWords } from './report/words';
export {
  parseTimestampBytes,
  parseTimestampString,
  detectDateOrder,
  type DateOrder,
} from './ingest/timestamps';
export { deriveJourney, type DeriveOptions } from './journey/derive-journey';
export { encodeEvents, decodeEvents } from './dataset/event-codec';
export { filterCases, isEmptyFilter, type CaseFilter } from './dataset/filter';
export { measureSteps, type StepMeasure } from './dataset/step-measures';
export {
  attachCommands,
  detachCommands,
  attachIds,
  estimatesAlongside,
  suggestStepMapping,
  type AttachTarget,
} from './dataset/attach-journey';
export { previewLogFile, type LogPreview } from './dataset/preview';
export {
  generateEvents,
  contactLogCsv,
  csvHeader,
  csvLine,
  councilScenario,
  changeOfAddressScenario,
  type GenerateOptions,
  type GeneratedEvent,
  type Scenario,
} from './testing/contact-log';
export { writeGzipBomb } from './testing/bombs';
export {
  defaultImportLimits,
  importLimitsFromEnv,
  type ImportLimits,
  type ImportLimitsError,
} from './ingest/limits';
export {
  startImportJob,
  ImportJobStopped,
  type ImportJobSpec,
  type ImportJobProgress,
  type ImportJobOutcome,
  type ImportJobHandle,
  type ImportPhase,
} from './dataset/import-job';
export {
  computeOutcomeReached,
  parseOutcomeCondition,
  type OutcomeReached,
  type OutcomeRule,
} from './metrics/outcome';
export {
  computeClosedLoop,
  confirmationPattern,
  deliveryPattern,
  type ClosedLoop,
  type ClosedLoopRule,
} from './metrics/closed-loop';
export { evidenceFigures } from './report/evidence-figures';
