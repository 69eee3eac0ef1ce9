import { z } from 'zod';
import { cardSchema } from '../journey/cards';
import {
  cardIdSchema,
  columnIdSchema,
  ideaIdSchema,
  laneIdSchema,
  leverCategoryIdSchema,
  linkIdSchema,
  organisationIdSchema,
  personaIdSchema,
  sourceIdSchema,
  stageIdSchema,
} from '../journey/ids';
import {
  axisSchema,
  columnSchema,
  ideaSchema,
  laneSchema,
  leverCategorySchema,
  linkSchema,
  metaSchema,
  organisationSchema,
  personaSchema,
  sourceSchema,
  stageSchema,
} from '../journey/schema';
import { contentLanguages } from '../journey/translations';
import { recordVotesCommandSchema } from './votes';

/**
 * Every edit to a journey is one of these values, applied by `applyCommand`. The editor, the API, the CLI,
 * undo and the history all speak them. Names are 'noun.verb'. `index` places an item in its list (0 = first;
 * omitted = last); for `card.add` that list is `journey.cards` (`cardInsertIndex` turns a position within a
 * cell into one). `toIndex` is the position after the move. `patch` replaces the named fields (fields not
 * named are kept; patches carry no defaults); `unset` removes optional fields, or resets a field with a
 * default to it. Removing a column, lane or card removes what stands in or points at it (cards, links, idea
 * references); removing a stage leaves its columns without one; a persona, organisation, lever category or
 * source cannot be removed while used.
 */
const index = z.number().int().min(0).optional();
const toIndex = z.number().int().min(0);
const unset = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.array(z.enum(Object.keys(shape) as [string, ...string[]])).optional();

/**
 * The fields of `schema` (but `omit`), each optional and without its default: a patch names only the fields it
 * changes. (zod's `.partial()` keeps defaults, so `{ title }` would silently reset `status` to 'draft'.)
 */
type WithoutDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;
type PatchShape<S extends z.core.$ZodLooseShape, O extends string> = {
  [K in Exclude<keyof S, O>]: z.ZodOptional<WithoutDefault<S[K]>>;
};
function patchOf<S extends z.core.$ZodLooseShape, O extends string = never>(
  schema: z.ZodObject<S>,
  omit: readonly O[] = [],
): z.ZodObject<PatchShape<S, O>, z.core.$strict> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    if ((omit as readonly string[]).includes(key)) continue;
    shape[key] = (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field).optional();
  }
  return z.strictObject(shape) as unknown as z.ZodObject<PatchShape<S, O>, z.core.$strict>;
}

/** add / update / remove (and move) for a collection of items with ids. */
function collectionCommands<N extends string, I extends z.ZodType, P extends z.ZodObject>(
  noun: N,
  idSchema: I,
  item: z.ZodType,
  patch: P,
) {
  return [
    z.strictObject({ type: z.literal(`${noun}.add`), item, index }),
    z.strictObject({ type: z.literal(`${noun}.update`), id: idSchema, patch, unset: unset(patch.shape) }),
    z.strictObject({ type: z.literal(`${noun}.move`), id: idSchema, toIndex }),
    z.strictObject({ type: z.literal(`${noun}.remove`), id: idSchema }),
  ] as const;
}

const personaCommands = collectionCommands(
  'persona',
  personaIdSchema,
  personaSchema,
  patchOf(personaSchema, ['id']),
);
const organisationCommands = collectionCommands(
  'organisation',
  organisationIdSchema,
  organisationSchema,
  patchOf(organisationSchema, ['id']),
);
const leverCategoryCommands = collectionCommands(
  'leverCategory',
  leverCategoryIdSchema,
  leverCategorySchema,
  patchOf(leverCategorySchema, ['id']),
);
const sourceCommands = collectionCommands(
  'source',
  sourceIdSchema,
  sourceSchema,
  patchOf(sourceSchema, ['id']),
);
const stageCommands = collectionCommands('stage', stageIdSchema, stageSchema, patchOf(stageSchema, ['id']));
const columnCommands = collectionCommands(
  'column',
  columnIdSchema,
  columnSchema,
  patchOf(columnSchema, ['id']),
);
const laneCommands = collectionCommands(
  'lane',
  laneIdSchema,
  laneSchema,
  patchOf(laneSchema, ['id', 'kind']),
);
const linkCommands = collectionCommands('link', linkIdSchema, linkSchema, patchOf(linkSchema, ['id']));
const ideaCommands = collectionCommands('idea', ideaIdSchema, ideaSchema, patchOf(ideaSchema, ['id']));

/** What a translation command points at: the journey (its title), or a stage, column, lane or card. */
const translationTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('meta') }),
  z.strictObject({ kind: z.literal('stage'), id: stageIdSchema }),
  z.strictObject({ kind: z.literal('column'), id: columnIdSchema }),
  z.strictObject({ kind: z.literal('lane'), id: laneIdSchema }),
  z.strictObject({ kind: z.literal('card'), id: cardIdSchema }),
]);
const translationLanguage = z.enum(contentLanguages, {
  message: 'expected a language code: en (English) or cy (Welsh)',
});
const translationField = z.string().min(1).max(40);

/** A card's patch may change any field of its kind but id, kind, lane and column (those move with card.move). */
const cardPatch = z.record(z.string(), z.unknown());

const baseCommands = [
  z.strictObject({
    type: z.literal('meta.update'),
    patch: patchOf(metaSchema),
    unset: unset(metaSchema.shape),
  }),
  z.strictObject({ type: z.literal('axis.set'), axis: axisSchema }),
  ...personaCommands,
  ...organisationCommands,
  ...leverCategoryCommands,
  ...sourceCommands,
  ...stageCommands,
  ...columnCommands,
  ...laneCommands,
  ...linkCommands,
  ...ideaCommands,
  z.strictObject({ type: z.literal('card.add'), item: cardSchema, index }),
  z.strictObject({
    type: z.literal('card.update'),
    id: cardIdSchema,
    patch: cardPatch,
    unset: z.array(z.string()).optional(),
  }),
  z.strictObject({
    type: z.literal('card.move'),
    id: cardIdSchema,
    laneId: laneIdSchema.optional(),
    columnId: columnIdSchema.optional(),
    /** Position among the cards of the target cell (without the moved card); omitted = last in the cell. */
    toIndex: index,
    /**
     * Position in `journey.cards` instead of `toIndex`. Undo uses it to restore the document exactly;
     * editors use `toIndex`.
     */
    arrayIndex: index,
  }),
  z.strictObject({ type: z.literal('card.remove'), id: cardIdSchema }),
  recordVotesCommandSchema,
  /** One field's text in another of the journey's languages (decision 0023); clear removes it. */
  z.strictObject({
    type: z.literal('translation.set'),
    target: translationTarget,
    language: translationLanguage,
    field: translationField,
    value: z.string().trim().min(1, { message: 'expected some text' }).max(4000),
  }),
  z.strictObject({
    type: z.literal('translation.clear'),
    target: translationTarget,
    language: translationLanguage,
    field: translationField,
  }),
] as const;

/** Several commands applied as one: all or none, one undo step. */
export interface BatchCommand {
  readonly type: 'batch';
  readonly label?: string | undefined;
  readonly commands: readonly JourneyCommand[];
}
type BaseCommand = z.infer<(typeof baseCommands)[number]>;
export type JourneyCommand = BaseCommand | BatchCommand;
export type CommandType = JourneyCommand['type'];

const batchCommandSchema = z.strictObject({
  type: z.literal('batch'),
  label: z.string().max(200).optional(),
  commands: z
    .array(z.lazy((): z.ZodType<JourneyCommand> => journeyCommandSchema))
    .min(1)
    .max(10_000),
});

/** One discriminated union (batch included), so an error points into the command, e.g. `commands[2].item.score`. */
export const journeyCommandSchema: z.ZodType<JourneyCommand> = z.discriminatedUnion('type', [
  ...baseCommands,
  batchCommandSchema,
]) as z.ZodType<JourneyCommand>;

export const commandTypes: readonly CommandType[] = [...baseCommands.map((c) => c.shape.type.value), 'batch'];
