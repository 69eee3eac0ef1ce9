import { z } from 'zod';
import { channelIds, directions } from './channels';
import {
  cardIdSchema,
  columnIdSchema,
  laneIdSchema,
  leverCategoryIdSchema,
  organisationIdSchema,
  personaIdSchema,
  sourceIdSchema,
} from './ids';
import { metricKindIds, metricOrigins } from './metrics';
import { EMOTION_MAX, EMOTION_MIN, emotionScaleIds } from './scales';
import { translationsSchema } from './translations';

/** A card's text in the journey's other language(s) (decision 0023). */
const textTranslations = translationsSchema({ text: 4000 });

const text = (max = 4000) => z.string().trim().min(1, { message: 'expected some text' }).max(max);

/**
 * Dot-voting results: how many dots the card (or idea) got in the latest round that included its kind
 * (`votes.record`). Absent when it got none; never 0, so "no votes" has one spelling.
 */
export const votesSchema = z.number().int().min(1).max(100_000).optional();

/** Flags any card may carry (domain.md §3). */
export const cardFlags = ['delight', 'outside-control', 'good-practice'] as const;

/** Avoidable-contact categories of NI14 (domain.md §4). */
export const avoidableCategories = ['PC', 'RP', 'CL', 'MD', 'NR', 'SS', 'RI', 'ER', 'FD'] as const;

const common = {
  id: cardIdSchema,
  laneId: laneIdSchema,
  columnId: columnIdSchema,
  note: text().optional(),
  sourceId: sourceIdSchema.optional(),
  flags: z.array(z.enum(cardFlags)).optional(),
};

/** One schema per lane kind: a card's `kind` is its lane's kind. */
export const cardSchemas = {
  step: z.strictObject({
    ...common,
    kind: z.literal('step'),
    text: text(),
    description: text().optional(),
    translations: translationsSchema({ text: 4000, description: 4000 }),
  }),
  touchpoint: z.strictObject({
    ...common,
    kind: z.literal('touchpoint'),
    text: text(),
    channel: z.enum(channelIds),
    direction: z.enum(directions).default('inbound'),
    actor: text(200).optional(),
    contacts: z.number().int().min(0).optional(),
    handlingMinutes: z.number().min(0).optional(),
    resolvedFirstTime: z.boolean().optional(),
    /** Tells the customer the service was delivered and asks if it was OK (closing the loop; seed 000). */
    confirmsDelivery: z.boolean().optional(),
    avoidableCategory: z.enum(avoidableCategories).optional(),
    translations: textTranslations,
  }),
  'baton-change': z.strictObject({
    ...common,
    kind: z.literal('baton-change'),
    from: organisationIdSchema,
    to: organisationIdSchema,
    text: text().optional(),
    translations: textTranslations,
  }),
  feeling: z.strictObject({
    ...common,
    kind: z.literal('feeling'),
    text: text(),
    mode: z.enum(['does', 'thinks', 'feels', 'says']).default('feels'),
    quote: z.boolean().default(false),
    source: text(300).optional(),
    personaId: personaIdSchema.optional(),
    translations: textTranslations,
  }),
  emotion: z.strictObject({
    ...common,
    kind: z.literal('emotion'),
    score: z
      .number()
      .min(EMOTION_MIN, { message: `expected a score from ${EMOTION_MIN} to ${EMOTION_MAX}` })
      .max(EMOTION_MAX, { message: `expected a score from ${EMOTION_MIN} to ${EMOTION_MAX}` }),
    personaId: personaIdSchema.optional(),
    respondent: text(200).optional(),
    estimate: z.boolean().default(false),
    original: z.strictObject({ scale: z.enum(emotionScaleIds), value: z.number() }).optional(),
  }),
  'moment-of-truth': z.strictObject({
    ...common,
    kind: z.literal('moment-of-truth'),
    text: text(),
    why: text().optional(),
    votes: votesSchema,
    translations: translationsSchema({ text: 4000, why: 4000 }),
  }),
  'pain-point': z.strictObject({
    ...common,
    kind: z.literal('pain-point'),
    text: text(),
    type: z.enum(['silence', 'delay', 'repeat', 'confusion', 'hand-off', 'other']).optional(),
    severity: z.number().int().min(1).max(3).optional(),
    votes: votesSchema,
    translations: textTranslations,
  }),
  lever: z.strictObject({
    ...common,
    kind: z.literal('lever'),
    category: leverCategoryIdSchema,
    text: text(),
    owner: text(200).optional(),
    expectedEffect: text().optional(),
    translations: textTranslations,
  }),
  metric: z.strictObject({
    ...common,
    kind: z.literal('metric'),
    metric: z.enum(metricKindIds),
    value: z.number().finite(),
    origin: z.enum(metricOrigins).default('estimate'),
  }),
  text: z.strictObject({ ...common, kind: z.literal('text'), text: text(), translations: textTranslations }),
} as const;

export type LaneKind = keyof typeof cardSchemas;

/** The fields of each kind of card that carry a translation (decision 0023); emotion and metric cards have none. */
export const cardTranslatableFields: Record<LaneKind, readonly ('text' | 'description' | 'why')[]> = {
  step: ['text', 'description'],
  touchpoint: ['text'],
  'baton-change': ['text'],
  feeling: ['text'],
  emotion: [],
  'moment-of-truth': ['text', 'why'],
  'pain-point': ['text'],
  lever: ['text'],
  metric: [],
  text: ['text'],
};
export const laneKindIds = Object.keys(cardSchemas) as [LaneKind, ...LaneKind[]];

export const cardSchema = z.discriminatedUnion('kind', [
  cardSchemas.step,
  cardSchemas.touchpoint,
  cardSchemas['baton-change'],
  cardSchemas.feeling,
  cardSchemas.emotion,
  cardSchemas['moment-of-truth'],
  cardSchemas['pain-point'],
  cardSchemas.lever,
  cardSchemas.metric,
  cardSchemas.text,
]);

export type Card = z.infer<typeof cardSchema>;
export type CardInput = z.input<typeof cardSchema>;
export type CardOf<K extends LaneKind> = Extract<Card, { kind: K }>;
