import { z } from 'zod';
import { cardSchema, votesSchema } from './cards';
import { laneKindIds } from './cards';
import {
  cardIdSchema,
  columnIdSchema,
  ideaIdSchema,
  journeyIdSchema,
  laneIdSchema,
  leverCategoryIdSchema,
  linkIdSchema,
  organisationIdSchema,
  personaIdSchema,
  sourceIdSchema,
  stageIdSchema,
} from './ids';
import { languagesSchema, translatableFields, translationsSchema } from './translations';

/** The schema version this code writes. Older documents are migrated on read (migrations.ts). */
export const CURRENT_SCHEMA_VERSION = 2;

const text = (max = 4000) => z.string().trim().min(1, { message: 'expected some text' }).max(max);
const isoDate = z.iso.date({ message: 'expected a date as YYYY-MM-DD' });

export const journeyTypes = ['current', 'desired', 'case', 'life-course'] as const;
export const journeyStatuses = ['draft', 'in-review', 'published', 'archived'] as const;
export const sourceKinds = [
  'interview',
  'workshop',
  'survey',
  'crm-extract',
  'observation',
  'activity-sample',
  'mystery-shopping',
  'document',
] as const;
export const organisationKinds = [
  'team',
  'organisation',
  'outside-agency',
  'contractor',
  'customer',
] as const;

export const personaSchema = z.strictObject({
  id: personaIdSchema,
  name: text(200),
  description: text().optional(),
});
export const organisationSchema = z.strictObject({
  id: organisationIdSchema,
  name: text(200),
  kind: z.enum(organisationKinds).default('team'),
});
export const leverCategorySchema = z.strictObject({ id: leverCategoryIdSchema, label: text(100) });
export const sourceSchema = z.strictObject({
  id: sourceIdSchema,
  kind: z.enum(sourceKinds),
  title: text(300),
  date: isoDate.optional(),
  people: z.number().int().min(0).optional(),
});

/** The log columns an outcome condition may test (the analytics import's optional event dimensions). */
export const outcomeRuleColumns = ['channel', 'org', 'resource', 'outcome', 'lifecycle'] as const;
/**
 * How the Successful Customer Outcome shows in the journey's event log: an activity (`{ activity: 'Benefit
 * paid' }`) or a column=value condition (`{ dimension: 'outcome', value: 'Resolved' }`). Measured wherever the
 * journey's log is (dataset page, Compare, indicators).
 */
export const outcomeRuleSchema = z.union([
  z.strictObject({ activity: text(300) }),
  z.strictObject({ dimension: z.enum(outcomeRuleColumns), value: text(300) }),
]);
export type OutcomeRuleDefinition = z.infer<typeof outcomeRuleSchema>;

/** How an activity of the journey's log serves the customer (domain.md §6), judged from the citizen's side. */
export const valueClassIds = ['value-added', 'necessary', 'waste'] as const;
export type ValueClassId = (typeof valueClassIds)[number];
/** At most this many activities are classified (a log with more has a mapping problem, not a process). */
export const MAX_VALUE_CLASSES = 2000;
/**
 * The classification of the attached log's activities, activity name → class: value-added, necessary
 * (non-value-added but required) or waste/failure demand. The value-added ratio is measured with it; an
 * activity not listed is unclassified. A refused entry names its activity (`patch.valueClasses.<activity>`).
 */
export const valueClassesSchema = z
  .record(text(300), z.enum(valueClassIds, { error: 'expected value-added, necessary or waste' }))
  .refine((r) => Object.keys(r).length <= MAX_VALUE_CLASSES, {
    error: `expected at most ${MAX_VALUE_CLASSES} activities`,
    params: { rule: 'tooManyActivities', max: MAX_VALUE_CLASSES },
  });
export type ValueClassesDefinition = z.infer<typeof valueClassesSchema>;

export const metaSchema = z.strictObject({
  title: text(200),
  businessQuestion: text().optional(),
  objectives: z.array(text()).default([]),
  scope: text().optional(),
  journeyType: z.enum(journeyTypes),
  segment: text(300).optional(),
  /** The service the journey belongs to (council tax, housing repairs…); the portfolio filters by it. */
  service: text(200).optional(),
  trigger: text().optional(),
  outcome: text().optional(),
  successfulCustomerOutcome: text().optional(),
  /** The Successful Customer Outcome as it shows in the log; absent = not yet defined. */
  outcomeRule: outcomeRuleSchema.optional(),
  /** The attached log's activities classed as value-added, necessary or waste; absent = not classified. */
  valueClasses: valueClassesSchema.optional(),
  owner: text(200).optional(),
  status: z.enum(journeyStatuses).default('draft'),
  reviewDate: isoDate.optional(),
  lastVerified: isoDate.optional(),
  /** The journey this one was made from, e.g. the current journey a desired one improves on. */
  basedOn: journeyIdSchema.optional(),
  tags: z.array(text(60)).default([]),
  /** The languages the content is written in, the primary first; absent = one language (decision 0023). */
  languages: languagesSchema,
  translations: translationsSchema(translatableFields.meta),
});

/** The horizontal axis: ordered steps, dated periods, or age bands. */
export const axisSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('steps') }),
  z.strictObject({ kind: z.literal('dates'), unit: z.enum(['day', 'month']).default('month') }),
  z.strictObject({ kind: z.literal('ages') }),
]);
export type AxisKind = z.infer<typeof axisSchema>['kind'];

export const stageSchema = z.strictObject({
  id: stageIdSchema,
  name: text(200),
  description: text().optional(),
  translations: translationsSchema(translatableFields.stage),
});

/** YYYY-MM for a month, YYYY-MM-DD for a day. */
export const periodPattern = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;
/** A month, YYYY-MM (a template's first month). */
export const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

export const columnSchema = z.strictObject({
  id: columnIdSchema,
  label: text(200),
  stageId: stageIdSchema.optional(),
  description: text().optional(),
  /** A template's advice for filling this in: a hint in the editor only, never content in views or exports. */
  guidance: text().optional(),
  ownerId: organisationIdSchema.optional(),
  period: z
    .string()
    .regex(periodPattern, { message: 'expected a month as YYYY-MM or a day as YYYY-MM-DD' })
    .optional(),
  age: z
    .strictObject({ from: z.number().int().min(0).max(130), to: z.number().int().min(0).max(130).optional() })
    .refine((a) => a.to === undefined || a.to >= a.from, {
      message: 'expected age.to to be at least age.from',
      params: { rule: 'ageOrder' },
    })
    .optional(),
  durationDays: z.number().min(0).optional(),
  waitDays: z.number().min(0).optional(),
  translations: translationsSchema(translatableFields.column),
});

export const laneSchema = z.strictObject({
  id: laneIdSchema,
  kind: z.enum(laneKindIds),
  label: text(200),
  /** For emotion and feeling lanes drawn for one persona. */
  personaId: personaIdSchema.optional(),
  description: text().optional(),
  /** A template's advice for filling this in: a hint in the editor only, never content in views or exports. */
  guidance: text().optional(),
  translations: translationsSchema(translatableFields.lane),
});

export const linkKinds = ['feedback-loop', 'outside-request', 'hand-off'] as const;
export const linkEndSchema = z.strictObject({ columnId: columnIdSchema, cardId: cardIdSchema.optional() });
export const linkTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('column'), columnId: columnIdSchema, cardId: cardIdSchema.optional() }),
  z.strictObject({ kind: z.literal('customer') }),
  z.strictObject({ kind: z.literal('organisation'), organisationId: organisationIdSchema }),
]);
export const linkSchema = z.strictObject({
  id: linkIdSchema,
  kind: z.enum(linkKinds),
  from: linkEndSchema,
  to: linkTargetSchema,
  label: text(300).optional(),
  /** A request that comes back (verification by an outside agency) returns to this column. */
  returnsTo: linkEndSchema.optional(),
  waitDays: z.number().min(0).optional(),
});

export const ideaStatuses = ['proposed', 'agreed', 'in-progress', 'done', 'parked'] as const;
export const ideaSchema = z.strictObject({
  id: ideaIdSchema,
  title: text(300),
  description: text().optional(),
  leverCardIds: z.array(cardIdSchema).default([]),
  painPointCardIds: z.array(cardIdSchema).default([]),
  owner: text(200).optional(),
  effort: z.number().int().min(1).max(5).optional(),
  value: z.number().int().min(1).max(5).optional(),
  status: z.enum(ideaStatuses).default('proposed'),
  parkedReason: text().optional(),
  /** Dots from the latest dot-voting round that included ideas (`votes.record`). */
  votes: votesSchema,
  expectedEffect: z
    .strictObject({
      contactsRemovedPerJourney: z.number().min(0).optional(),
      daysSaved: z.number().min(0).optional(),
      avoidablePercentReduction: z.number().min(0).max(100).optional(),
      channelShift: z
        .strictObject({ from: z.string(), to: z.string(), percent: z.number().min(0).max(100) })
        .optional(),
    })
    .optional(),
});

export const journeySchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: journeyIdSchema,
  meta: metaSchema,
  personas: z.array(personaSchema).default([]),
  organisations: z.array(organisationSchema).default([]),
  leverCategories: z.array(leverCategorySchema).default([
    { id: 'contact', label: 'Contact' },
    { id: 'process', label: 'Process' },
    { id: 'comms', label: 'Comms' },
  ] as never),
  sources: z.array(sourceSchema).default([]),
  axis: axisSchema.default({ kind: 'steps' }),
  stages: z.array(stageSchema).default([]),
  columns: z.array(columnSchema),
  lanes: z.array(laneSchema),
  cards: z.array(cardSchema).default([]),
  links: z.array(linkSchema).default([]),
  ideas: z.array(ideaSchema).default([]),
});

export type Journey = z.infer<typeof journeySchema>;
export type JourneyInput = z.input<typeof journeySchema>;
export type Meta = z.infer<typeof metaSchema>;
export type Persona = z.infer<typeof personaSchema>;
export type Organisation = z.infer<typeof organisationSchema>;
export type LeverCategory = z.infer<typeof leverCategorySchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Axis = z.infer<typeof axisSchema>;
export type Stage = z.infer<typeof stageSchema>;
export type Column = z.infer<typeof columnSchema>;
export type Lane = z.infer<typeof laneSchema>;
export type Link = z.infer<typeof linkSchema>;
export type LinkTarget = z.infer<typeof linkTargetSchema>;
export type Idea = z.infer<typeof ideaSchema>;
