/**
 * `@waymark/analytics/survey`: reading a survey export, mapping its questions and the avoidable contact by step
 * it is set beside, without the engine's other entries. Its scores come from `@waymark/measure/figures`, so
 * `waymark analyse --survey --format json` loads neither zod nor the message catalogue (decision 0042).
 * Everything here is also exported from `@waymark/analytics`.
 */
export {
  readSurveyBytes,
  readSurveyTable,
  SurveyFileError,
  type SurveyFileErrorValues,
  type SurveyFileProblemCode,
  type SurveyRow,
  type SurveyTable,
} from './survey/survey-table';
export {
  checkSurveyMapping,
  importSurvey,
  type ImportedQuestion,
  type ImportedSurvey,
  type SurveyColumnRole,
  type SurveyMapping,
  type SurveyProblem,
  type SurveyProblemCode,
  type SurveyQuestionMapping,
  type SurveyQuote,
} from './survey/survey-import';
export {
  detectSource,
  guessSurveyMapping,
  type GuessedMapping,
  type SurveySource,
} from './survey/survey-shapes';
export { redactPersonalDetails } from './survey/redact';
export { avoidableBySteps } from './survey/avoidable-steps';
