/**
 * `@waymark/measure/figures`: the Wilson interval, the published cost-per-contact tables and the survey scores
 * (CSAT, CES, NPS and their intervals), without the parsers (zod) and words (the message catalogue) the package's
 * main entry loads. For code that must start fast: the event-log engine behind `waymark analyse` and its
 * `--survey` (decision 0042). Everything here is also exported from `@waymark/measure`.
 */
export { wilsonInterval, zForConfidence, type Proportion } from './wilson';
export { costTables, defaultCostTableId, type CostTable } from './channel-cost-tables';
export {
  ces,
  compareEvidence,
  countAnswers,
  csat,
  defaultEvidenceRule,
  emptyCounts,
  nps,
  questionKinds,
  scoreQuestion,
  studentTQuantile,
  summariseScores,
  surveyScaleIds,
  surveyScales,
  toEmotionScale,
  type CesResult,
  type EvidenceAgreement,
  type EvidenceRule,
  type NpsResult,
  type QuestionKind,
  type QuestionScores,
  type ScoreCounts,
  type ScoreSummary,
  type SurveyScale,
} from './survey-scores';
