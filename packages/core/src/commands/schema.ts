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

/**
 * Every edit to a journey is one of these values, applied by `applyCommand`. The editor, the API, the CLI,
 * undo and the history all speak them. Names are 'noun.verb'. `index` places an item (0 = first; omitted =
 * last); `toIndex` is the position after the move. `patch` replaces the named fields; `unset` removes
 * optional ones.
 */
const index = z.number().int().min(0).optional();
const toIndex = z.number().int().min(0);
const unset = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.array(z.enum(Object.keys(shape) as [string, ...string[]])).optional();

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
  personaSchema.omit({ id: true }).partial(),
);
const organisationCommands = collectionCommands(
  'organisation',
  organisationIdSchema,
  organisationSchema,
  organisationSchema.omit({ id: true }).partial(),
);
const leverCategoryCommands = collectionCommands(
  'leverCategory',
  leverCategoryIdSchema,
  leverCategorySchema,
  leverCategorySchema.omit({ id: true }).partial(),
);
const sourceCommands = collectionCommands(
  'source',
  sourceIdSchema,
  sourceSchema,
  sourceSchema.omit({ id: true }).partial(),
);
const stageCommands = collectionCommands(
  'stage',
  stageIdSchema,
  stageSchema,
  stageSchema.omit({ id: true }).partial(),
);
const columnCommands = collectionCommands(
  'column',
  columnIdSchema,
  columnSchema,
  columnSchema.omit({ id: true }).partial(),
);
const laneCommands = collectionCommands(
  'lane',
  laneIdSchema,
  laneSchema,
  laneSchema.omit({ id: true, kind: true }).partial(),
);
const linkCommands = collectionCommands(
  'link',
  linkIdSchema,
  linkSchema,
  linkSchema.omit({ id: true }).partial(),
);
const ideaCommands = collectionCommands(
  'idea',
  ideaIdSchema,
  ideaSchema,
  ideaSchema.omit({ id: true }).partial(),
);

/** A card's patch may change any field of its kind but id, kind, lane and column (those move with card.move). */
const cardPatch = z.record(z.string(), z.unknown());

const baseCommands = [
  z.strictObject({
    type: z.literal('meta.update'),
    patch: metaSchema.partial(),
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
    /** Position among the cards of the target cell. */
    toIndex: index,
  }),
  z.strictObject({ type: z.literal('card.remove'), id: cardIdSchema }),
] as const;

const baseCommandSchema = z.discriminatedUnion('type', [...baseCommands]);
type BaseCommand = z.infer<typeof baseCommandSchema>;

/** Several commands applied as one: all or none, one undo step. */
export interface BatchCommand {
  readonly type: 'batch';
  readonly label?: string | undefined;
  readonly commands: readonly JourneyCommand[];
}
export type JourneyCommand = BaseCommand | BatchCommand;
export type CommandType = JourneyCommand['type'];

export const journeyCommandSchema: z.ZodType<JourneyCommand> = z.lazy(() =>
  z.union([
    baseCommandSchema,
    z.strictObject({
      type: z.literal('batch'),
      label: z.string().max(200).optional(),
      commands: z.array(journeyCommandSchema).min(1).max(10_000),
    }),
  ]),
) as z.ZodType<JourneyCommand>;

export const commandTypes: readonly CommandType[] = [...baseCommands.map((c) => c.shape.type.value), 'batch'];
