export { ok, err, exhaustiveSwitchError, type Result } from './result';
export {
  formatPath,
  problem,
  type DocPath,
  type ListedProblemBody,
  type Problem,
  type ProblemValues,
} from './problem';
export { httpStatusKind, type HttpStatusKind } from './http-status';
export * from './journey/ids';
export { channels, channelIds, directions, type Channel, type Direction } from './journey/channels';
export {
  emotionScales,
  emotionScaleIds,
  toEmotionScore,
  fromEmotionScore,
  toFivePoint,
  EMOTION_MIN,
  EMOTION_MAX,
  type EmotionScale,
} from './journey/scales';
export { metricKinds, metricKindIds, metricOrigins, type MetricKind } from './journey/metrics';
export {
  ni14ActivityPatterns,
  suggestValueClass,
  checkValueClasses,
  VALUE_CLASS_NAME_MAX,
  type ValueClassSuggestion,
  type ValueClassProblem,
} from './journey/value-classes';
export {
  cardSchema,
  cardSchemas,
  cardFlags,
  avoidableCategories,
  laneKindIds,
  type Card,
  type CardInput,
  type CardOf,
  type LaneKind,
} from './journey/cards';
export { laneKinds, type LaneKindInfo } from './journey/lane-kinds';
export { repeatsStepName, stepCardAddsNothing } from './journey/step-names';
export { cardTranslatableFields } from './journey/cards';
export {
  contentLanguages,
  DEFAULT_CONTENT_LANGUAGE,
  translatableFields,
  languagesOf,
  isBilingual,
  textIn,
  type ContentLanguage,
  type TranslatableTarget,
} from './journey/translations';
export {
  CURRENT_SCHEMA_VERSION,
  journeySchema,
  metaSchema,
  outcomeRuleSchema,
  outcomeRuleColumns,
  type OutcomeRuleDefinition,
  valueClassesSchema,
  valueClassIds,
  MAX_VALUE_CLASSES,
  type ValueClassId,
  type ValueClassesDefinition,
  axisSchema,
  columnSchema,
  laneSchema,
  linkSchema,
  ideaSchema,
  stageSchema,
  personaSchema,
  organisationSchema,
  sourceSchema,
  leverCategorySchema,
  journeyTypes,
  journeyStatuses,
  sourceKinds,
  organisationKinds,
  linkKinds,
  ideaStatuses,
  periodPattern,
  type Journey,
  type JourneyInput,
  type Meta,
  type Persona,
  type Organisation,
  type LeverCategory,
  type Source,
  type Axis,
  type AxisKind,
  type Stage,
  type Column,
  type Lane,
  type Link,
  type LinkTarget,
  type Idea,
} from './journey/schema';
export { checkInvariants } from './journey/invariants';
export { migrateJourney, migrations, type Migration } from './journey/migrations';
export { parseJourney, problemsFromZod } from './journey/parse';
export {
  journeyCommandSchema,
  commandTypes,
  type JourneyCommand,
  type CommandType,
  type BatchCommand,
} from './commands/schema';
export {
  journeyTemplates,
  templateNames,
  templateOptionsSchema,
  isTemplateName,
  createJourneyFromTemplate,
  type TemplateName,
} from './templates/registry';
export { type JourneyTemplate, type TemplateOptions } from './templates/journey-template';
export {
  contentDescription,
  guidanceOf,
  isTemplateGuidance,
  separateTemplateGuidance,
} from './templates/guidance';
export {
  addRemoved,
  insertTemplateCommands,
  journeyFromTemplateBody,
  noneRemoved,
  parseTemplatePack,
  readTemplateBody,
  serialiseTemplatePack,
  stripJourney,
  stripTemplate,
  templateBodySchema,
  templateDetailsSchema,
  templateFromJourney,
  templateKinds,
  templatePackLimits,
  TEMPLATE_PACK_FORMAT,
  TEMPLATE_PACK_VERSION,
  type RemovedPersonalData,
  type TemplateBody,
  type TemplateEntry,
  type TemplateKind,
  type TemplatePack,
  type TemplatePart,
} from './templates/pack';
export {
  findStarter,
  starterIn,
  starterTemplates,
  welshStarterWords,
  type StarterTemplate,
} from './templates/starters';
export { adviseJourney } from './journey/advice';
export { applyCommand, applyCommands, parseCommand } from './commands/apply';
export { cardInsertIndex } from './commands/cards';
export { votableKinds, votableKindNames, type VotableKind, type RecordVotesCommand } from './commands/votes';
export { commandErrorCodes } from './commands/error-codes';
export { cardRefs, type CardRef, type RefCollection } from './commands/card-refs';
export type { Applied, CommandError, CommandResult } from './commands/command-error';
export {
  createHistory,
  execute,
  undo,
  redo,
  canUndo,
  canRedo,
  DEFAULT_HISTORY_LIMIT,
  type History,
  type HistoryEntry,
  type HistoryStep,
} from './commands/history';
export { commandsBetween } from './commands/diff';
export {
  differenceBetween,
  differenceLists,
  restoreCommand,
  restoredVersionOf,
  type DifferenceList,
  type JourneyDifference,
  type ListDifference,
} from './commands/restore';
export { sameValue } from './commands/same-value';
export {
  findUnsafeCharacter,
  findUnsafeText,
  describeUnsafeCharacter,
  type UnsafeCharacter,
} from './text/unsafe-text';
export {
  decodeText,
  firstInvalidUtf8,
  notUtf8Problem,
  positionOfByte,
  textEncodingOf,
  zeroByteProblem,
  type TextDecodingProblem,
  type TextEncodingName,
} from './text/decode-text';
export { escapeMarkdown } from './text/escape-markdown';
