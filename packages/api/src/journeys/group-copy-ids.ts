import type { Journey, JourneyCommand } from '@waymark/core';

/** The lists of a journey whose items have ids, by the noun of their commands (`card.add` → `cards`). */
export const collectionOfNoun = {
  persona: 'personas',
  organisation: 'organisations',
  leverCategory: 'leverCategories',
  source: 'sources',
  stage: 'stages',
  column: 'columns',
  lane: 'lanes',
  link: 'links',
  idea: 'ideas',
  card: 'cards',
} as const;
export type Collection = (typeof collectionOfNoun)[keyof typeof collectionOfNoun];

/** Fields that point at an item of a list, wherever they sit in a command (item, patch, a link's end). */
const refFields: Readonly<Record<string, Collection>> = {
  stageId: 'stages',
  ownerId: 'organisations',
  organisationId: 'organisations',
  from: 'organisations',
  to: 'organisations',
  personaId: 'personas',
  laneId: 'lanes',
  columnId: 'columns',
  cardId: 'cards',
  leverCardIds: 'cards',
  painPointCardIds: 'cards',
  sourceId: 'sources',
  category: 'leverCategories',
};

/** Old id → new id, per list: items a group's copy created whose ids the main map has meanwhile used too. */
export type Renames = Map<Collection, Map<string, string>>;

export const nounOf = (command: JourneyCommand): string => command.type.split('.')[0] ?? '';

export function collectionOf(command: JourneyCommand): Collection | null {
  return (collectionOfNoun as Record<string, Collection>)[nounOf(command)] ?? null;
}

const renamed = (renames: Renames, collection: Collection, id: string): string =>
  renames.get(collection)?.get(id) ?? id;

function renameRefs(value: unknown, renames: Renames): unknown {
  if (Array.isArray(value)) return value.map((v) => renameRefs(v, renames));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const collection = refFields[key];
    if (collection && typeof field === 'string') out[key] = renamed(renames, collection, field);
    else if (collection && Array.isArray(field))
      out[key] = field.map((v) => (typeof v === 'string' ? renamed(renames, collection, v) : v));
    else out[key] = renameRefs(field, renames);
  }
  return out;
}

/** The command with every id it names (its own, its item's and every reference) replaced as `renames` says. */
export function renameCommand(command: JourneyCommand, renames: Renames): JourneyCommand {
  if (renames.size === 0) return command;
  if (command.type === 'batch')
    return { ...command, commands: command.commands.map((c) => renameCommand(c, renames)) };
  const collection = collectionOf(command);
  const out = renameRefs(command, renames) as Record<string, unknown>;
  if (collection && typeof out['id'] === 'string') out['id'] = renamed(renames, collection, out['id']);
  const item = out['item'] as Record<string, unknown> | undefined;
  if (collection && item && typeof item['id'] === 'string')
    out['item'] = { ...item, id: renamed(renames, collection, item['id']) };
  return out as unknown as JourneyCommand;
}

const hasItem = (journey: Journey, collection: Collection, id: string): boolean =>
  (journey[collection] as readonly { readonly id: string }[]).some((x) => x.id === id);

/**
 * When `command` adds an item whose id the journey already has (the main map gained an item with the same id
 * after the copy was made), a new id for it, `<id>-<suffix>`, `<id>-<suffix>-2`…, free in the journey and
 * recorded in `renames` so the copy's later commands about that item follow it. Returns the command to apply.
 */
export function avoidCollision(
  journey: Journey,
  command: JourneyCommand,
  renames: Renames,
  suffix: string,
): JourneyCommand {
  const collection = collectionOf(command);
  if (!collection || !command.type.endsWith('.add') || !('item' in command)) return command;
  const id = (command.item as { id: string }).id;
  if (!hasItem(journey, collection, id)) return command;
  let fresh = `${id.slice(0, 80 - suffix.length - 4)}-${suffix}`;
  for (let n = 2; hasItem(journey, collection, fresh); n++)
    fresh = `${id.slice(0, 80 - suffix.length - 4)}-${suffix}-${n}`;
  const list = renames.get(collection) ?? new Map<string, string>();
  list.set(id, fresh);
  renames.set(collection, list);
  return { ...command, item: { ...(command.item as object), id: fresh } } as JourneyCommand;
}
