import type { z } from 'zod';
import type { Journey } from '../journey/schema';
import {
  columnSchema,
  ideaSchema,
  laneSchema,
  leverCategorySchema,
  linkSchema,
  organisationSchema,
  personaSchema,
  sourceSchema,
  stageSchema,
} from '../journey/schema';
import { ok } from '../result';
import type { DocPath } from '../problem';
import { refNames, type RefCollection } from './card-refs';
import { oneCommand, removeCards } from './cascade';
import { refuse, type CommandError, type CommandResult } from './command-error';
import type { JourneyCommand } from './schema';
import {
  checkColumnRefs,
  checkIdeaRefs,
  checkLaneRefs,
  checkLinkRefs,
  checkStagesTogether,
  describeUse,
  findUses,
  type At,
} from './refs';

export type CollectionKey =
  | 'personas'
  | 'organisations'
  | 'leverCategories'
  | 'sources'
  | 'stages'
  | 'columns'
  | 'lanes'
  | 'links'
  | 'ideas';

export interface Item {
  readonly id: string;
}

/** What the generic add / update / move / remove need to know about one list of the journey. */
export interface CollectionSpec {
  /** The noun of the commands: `persona` in `persona.add`. */
  readonly noun: string;
  readonly key: CollectionKey;
  /** For sentences: `lever category`. */
  readonly label: string;
  /** For codes: `lever_category_not_found`. */
  readonly code: string;
  readonly schema: z.ZodType;
  /** Fields an update may not change besides the id (a lane's kind). */
  readonly fixed?: readonly string[];
  readonly checkRefs?: (j: Journey, item: never, at: At) => CommandError | undefined;
  /** A rule on the order of the whole list (columns: a stage's columns stand together). */
  readonly checkOrder?: (items: readonly never[], path: DocPath) => CommandError | undefined;
  /** The field whose change can break that order rule. */
  readonly orderField?: string;
  readonly remove: (spec: CollectionSpec, j: Journey, index: number) => CommandResult;
}

const listOf = (j: Journey, key: CollectionKey): readonly Item[] => j[key];
const withList = (j: Journey, key: CollectionKey, items: readonly Item[]): Journey =>
  ({ ...j, [key]: items }) as Journey;

/** Removal with nothing pointing at the item. */
export function removeSimply(spec: CollectionSpec, j: Journey, index: number): CommandResult {
  const items = listOf(j, spec.key);
  return ok({
    journey: withList(j, spec.key, [...items.slice(0, index), ...items.slice(index + 1)]),
    inverse: { type: `${spec.noun}.add`, item: items[index], index } as JourneyCommand,
  });
}

/** Removal refused while a card, column, lane or link still points at the item. */
const removeUnlessUsed =
  (collection: RefCollection) =>
  (spec: CollectionSpec, j: Journey, index: number): CommandResult => {
    const id = listOf(j, spec.key)[index]!.id;
    const uses = findUses(j, collection, id);
    if (uses.length === 0) return removeSimply(spec, j, index);
    const more = uses.length > 1 ? ` and ${uses.length - 1} other place${uses.length > 2 ? 's' : ''}` : '';
    return refuse(
      `${refNames[collection].code}_in_use`,
      ['id'],
      `${spec.label} "${id}" is still used by ${describeUse(j, uses[0]!)}${more}; change or remove those first`,
    );
  };

/** Removing a column or lane removes its cards, the links to them and ideas' references; undo restores all. */
const removeWithCards =
  (field: 'columnId' | 'laneId') =>
  (spec: CollectionSpec, j: Journey, index: number): CommandResult => {
    const id = listOf(j, spec.key)[index]!.id;
    const cascade = removeCards(j, (card) => card[field] === id, field === 'columnId' ? id : undefined);
    const removed = removeSimply(spec, cascade.journey, index);
    if (!removed.ok) return removed;
    return ok({
      journey: removed.value.journey,
      inverse: oneCommand([removed.value.inverse, ...cascade.restore]),
    });
  };

/** Removing a stage leaves its columns without a stage; undo gives it back to them. */
function removeStage(spec: CollectionSpec, j: Journey, index: number): CommandResult {
  const id = j.stages[index]!.id;
  const restore: JourneyCommand[] = [];
  const columns = j.columns.map((column) => {
    if (column.stageId !== id) return column;
    const { stageId, ...rest } = column;
    restore.push({ type: 'column.update', id: column.id, patch: { stageId } });
    return rest;
  });
  const removed = removeSimply(spec, restore.length > 0 ? { ...j, columns } : j, index);
  if (!removed.ok) return removed;
  return ok({ journey: removed.value.journey, inverse: oneCommand([removed.value.inverse, ...restore]) });
}

const spec = (
  noun: string,
  key: CollectionKey,
  label: string,
  schema: z.ZodType,
  rest: Partial<CollectionSpec> = {},
): CollectionSpec => ({
  noun,
  key,
  label,
  code: label.replace(/ /g, '_'),
  schema,
  remove: removeSimply,
  ...rest,
});

type Check<T> = (j: Journey, item: T, at: At) => CommandError | undefined;
const refs = <T>(check: Check<T>) => check as CollectionSpec['checkRefs'];

export const collectionSpecs = {
  persona: spec('persona', 'personas', 'persona', personaSchema, { remove: removeUnlessUsed('personas') }),
  organisation: spec('organisation', 'organisations', 'organisation', organisationSchema, {
    remove: removeUnlessUsed('organisations'),
  }),
  leverCategory: spec('leverCategory', 'leverCategories', 'lever category', leverCategorySchema, {
    remove: removeUnlessUsed('leverCategories'),
  }),
  source: spec('source', 'sources', 'source', sourceSchema, { remove: removeUnlessUsed('sources') }),
  stage: spec('stage', 'stages', 'stage', stageSchema, { remove: removeStage }),
  column: spec('column', 'columns', 'column', columnSchema, {
    checkRefs: refs(checkColumnRefs),
    checkOrder: checkStagesTogether as CollectionSpec['checkOrder'],
    orderField: 'stageId',
    remove: removeWithCards('columnId'),
  }),
  lane: spec('lane', 'lanes', 'lane', laneSchema, {
    fixed: ['kind'],
    checkRefs: refs(checkLaneRefs),
    remove: removeWithCards('laneId'),
  }),
  link: spec('link', 'links', 'link', linkSchema, { checkRefs: refs(checkLinkRefs) }),
  idea: spec('idea', 'ideas', 'idea', ideaSchema, { checkRefs: refs(checkIdeaRefs) }),
} as const satisfies Record<string, CollectionSpec>;

export type CollectionNoun = keyof typeof collectionSpecs;
