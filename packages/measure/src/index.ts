// @waymark/measure: the pure arithmetic of measurement, business case and sampling.
export * from './figures';
export { formatPath, inputError, parseInput, type InputError } from './input-error';
export {
  formatMoney,
  pence,
  penceToDecimalString,
  penceToPounds,
  poundsToPence,
  roundHalfAway,
  sumPence,
  type MoneyFormat,
  type Pence,
} from './money';
export { createSeededRng, randomInt, type Rng } from './rng';
export { figureKeys, type FigureKey, type JourneyFigures } from './journey-figures';
export {
  averageCostPerContact,
  avoidableContactCost,
  costTables,
  costTableSchema,
  defaultCostTableId,
  localUnitCost,
  overrideCostTable,
  type CostTable,
} from './channel-costs';
export {
  avoidableContactShare,
  contactsPerResolvedRequest,
  countAvoidable,
  defaultContactCategories,
  firstContactResolution,
  type ContactCategory,
} from './avoidable-contact';
export {
  defaultDiscountScheduleId,
  discountBandSchema,
  discountFactor,
  discountFactors,
  discountSchedules,
  discountScheduleSchema,
  findDiscountSchedule,
  presentValue,
  rateForYear,
  type DiscountBand,
  type DiscountSchedule,
} from './green-book';
export {
  businessCaseInputSchema,
  costSchema,
  savingSchema,
  type BusinessCaseInput,
  type BusinessCaseInputDraft,
  type Cost,
  type Saving,
} from './business-case-input';
export {
  appraise,
  npsvOf,
  volumeInYear,
  type Appraisal,
  type AppraisalYear,
  type Scenario,
} from './appraisal';
export { paybackYears } from './payback';
export {
  buildBusinessCase,
  computeBusinessCase,
  parseScenario,
  type BusinessCase,
  type BusinessCaseYear,
} from './business-case';
export { assumptionsOf, npsvOfScenario, tornado, type Assumption, type TornadoBar } from './sensitivity';
export { mainAssumptionKey, solveByBisection, switchingValue, type SwitchingValue } from './switching-value';
export {
  balancedScorecard,
  benefitsFromBusinessCase,
  benefitSchema,
  perspectiveLabels,
  perspectives,
  type Benefit,
  type Perspective,
  type ScorecardBenefit,
  type ScorecardRow,
} from './scorecard';
export {
  buildFiveCase,
  fiveCaseKeys,
  fiveCaseTextSchema,
  type CaseFigure,
  type CaseSection,
  type FigureValue,
  type FiveCaseKey,
  type FiveCaseText,
} from './five-case';
export { guardFormula, quoteField, toCsv, type CsvCell } from './csv';
export { escapeHtml, formatFigureValue, formatNumber, formatYears } from './report-format';
export { renderBusinessCaseHtml, type BusinessCaseReport } from './business-case-report';
export { renderBusinessCaseCsv, renderBusinessCaseLinesCsv } from './business-case-csv';
export {
  correctForFinitePopulation,
  sampleSizeForMargin,
  sampleSizeForRelativeMargin,
  type SampleSize,
} from './sampling';
export {
  observationPlanSchema,
  planObservationSchedule,
  sampleWithoutReplacement,
  type ObservationPlan,
  type ObservationTime,
} from './observation-schedule';
export {
  activityCategorySchema,
  activityProfileFigures,
  profileActivity,
  valueAddedRatio,
  valueClassifications,
  type ActivityCategory,
  type ActivityProfile,
  type CategoryShare,
  type ValueClassification,
} from './activity-profile';
export { comparePeriods, periodSchema, periodStartMonth, type Period } from './period';
export {
  builtInIndicators,
  indicatorDirections,
  indicatorSchema,
  indicatorSeries,
  indicatorStatus,
  indicatorValueSchema,
  recordIndicatorValue,
  type Indicator,
  type IndicatorPoint,
  type IndicatorSeries,
  type IndicatorStatus,
  type IndicatorValue,
} from './indicators';
export {
  channelShiftSchema,
  expectedEffectSchema,
  ideaSchema,
  ideaStatuses,
  quadrantOf,
  valueEffortMatrix,
  type ChannelShift,
  type ExpectedEffect,
  type Idea,
  type Quadrant,
  type ValueEffortMatrix,
} from './ideas';
export {
  applyExpectedEffects,
  ideaValueScore,
  type BaselineFigures,
  type ExpectedFigures,
} from './idea-effect';
export { proposeAlignment, alignSteps, type AlignmentRow } from './compare/alignment';
export {
  compareJourneys,
  comparedFigures,
  type Comparison,
  type ComparisonRow,
  type ComparedFigure,
  type CompareOptions,
  type EmotionSummary,
  type HandOffSummary,
  type StepSide,
  type Totals,
} from './compare/compare';
export { stepFigures, type StepFigures } from './compare/step-figures';
export { renderComparisonHtml, renderComparisonMarkdown } from './compare/compare-report';
export {
  compareLogSide,
  compareLogTable,
  durationWords,
  renderCompareLogHtml,
  renderCompareLogMarkdown,
  renderComparisonCsv,
  withCompareLogHtml,
  type CompareLogSide,
  type CompareLogs,
  type CompareLogTable,
  type LogAnalysisFigures,
} from './compare/compare-log';
export {
  countHandOffs,
  type HandOffCount,
  type HandOffEvidence,
  type HandOffSource,
  type MapHandOff,
} from './hand-offs';
export {
  buildUp,
  builtUpLineSchema,
  costBasisLabel,
  costLineSchema,
  costModelSchema,
  costScopes,
  directLineSchema,
  exactPounds,
  lineUnitCost,
  parseCostModel,
  publishedCostModels,
  resolveCostModel,
  tableBasis,
  type BuildUp,
  type BuiltUpLine,
  type CostBasis,
  type CostLine,
  type CostModel,
  type CostModelInput,
  type CostScope,
  type ResolvedCostModel,
} from './cost-model';
export { workedCheckAdviser, workedCheckCostModel, workedCheckTelephoneLine } from './cost-model-examples';
export {
  deflatorToCsv,
  isPriceYear,
  maxDeflatorCsvBytes,
  maxDeflatorRows,
  parseDeflatorCsv,
  priceYearPattern,
  shippedDeflator,
  upratingFactor,
  type DeflatorMeta,
  type DeflatorProblem,
  type DeflatorProblemDetail,
  type DeflatorProblemReason,
  type DeflatorSeries,
} from './gdp-deflator';
export {
  costActivities,
  loadedRateOf,
  wasteSaving,
  type ActivityCost,
  type ActivityCosting,
} from './activity-costing';
export { renderSamplingCostMarkdown } from './sampling-cost-report';
export {
  detectClosedLoop,
  mapConfirmationWords,
  mapDeliveryWords,
  type ClosedLoopOnMap,
} from './closing-the-loop';
export { orderPortfolio, portfolioSorts, type PortfolioSort, type SortableJourney } from './portfolio-order';
