import type { Journey } from '../journey/schema';
import type { DocPath } from '../problem';
import { err, ok } from '../result';
import { refuse, type CommandResult } from './command-error';
import type { CollectionSpec, Item } from './collections';
import { checkIndex, indexOfId, insertAt, moveTo, replaceAt } from './list';
import { mergePatch } from './patch';
import { atPrefix } from './refs';
import type { JourneyCommand } from './schema';

export interface AddCommand {
  readonly item: Item;
  readonly index?: number | undefined;
}
export interface UpdateCommand {
  readonly id: string;
  readonly patch: Readonly<Record<string, unknown>>;
  readonly unset?: readonly string[] | undefined;
}
export interface MoveCommand {
  readonly id: string;
  readonly toIndex: number;
}
export interface RemoveCommand {
  readonly id: string;
}

const listOf = (j: Journey, s: CollectionSpec): readonly Item[] => j[s.key];
const withList = (j: Journey, s: CollectionSpec, items: readonly Item[]): Journey =>
  ({ ...j, [s.key]: items }) as Journey;

function find(s: CollectionSpec, j: Journey, id: string) {
  const index = indexOfId(listOf(j, s), id);
  return index >= 0
    ? ok(index)
    : refuse(`${s.code}_not_found`, ['id'], `no ${s.label} with id "${id}" in ${s.key}`);
}

const command = (value: object) => value as JourneyCommand;

export function addItem(s: CollectionSpec, j: Journey, c: AddCommand): CommandResult {
  const items = listOf(j, s);
  const existing = indexOfId(items, c.item.id);
  if (existing >= 0) {
    return refuse(
      'duplicate_id',
      ['item', 'id'],
      `a ${s.label} with id "${c.item.id}" already exists (${s.key}[${existing}]); choose another id`,
    );
  }
  const index = c.index ?? items.length;
  const bad =
    checkIndex(index, items.length, ['index'], 'index') ??
    s.checkRefs?.(j, c.item as never, atPrefix('item'));
  if (bad) return err(bad);
  const next = insertAt(items, c.item, index);
  const field = s.orderField;
  const byField = field !== undefined && (c.item as unknown as Record<string, unknown>)[field] !== undefined;
  const order = s.checkOrder?.(next as never[], byField ? ['item', field] : ['index']);
  if (order) return err(order);
  return ok({ journey: withList(j, s, next), inverse: command({ type: `${s.noun}.remove`, id: c.item.id }) });
}

export function updateItem(s: CollectionSpec, j: Journey, c: UpdateCommand): CommandResult {
  const found = find(s, j, c.id);
  if (!found.ok) return found;
  const items = listOf(j, s);
  const merged = mergePatch(items[found.value]!, c.patch, c.unset, s.schema, ['id', ...(s.fixed ?? [])]);
  if (!merged.ok) return merged;
  const bad = s.checkRefs?.(j, merged.value.item as never, atPrefix('patch'));
  if (bad) return err(bad);
  const next = replaceAt(items, found.value, merged.value.item);
  if (s.checkOrder && s.orderField) {
    const unsetAt = (c.unset ?? []).indexOf(s.orderField);
    const where: DocPath = unsetAt >= 0 ? ['unset', unsetAt] : ['patch', s.orderField];
    const order = s.checkOrder(next as never[], where);
    if (order) return err(order);
  }
  const { inversePatch, inverseUnset } = merged.value;
  return ok({
    journey: withList(j, s, next),
    inverse: command({
      type: `${s.noun}.update`,
      id: c.id,
      patch: inversePatch,
      ...(inverseUnset.length > 0 ? { unset: inverseUnset } : {}),
    }),
  });
}

export function moveItem(s: CollectionSpec, j: Journey, c: MoveCommand): CommandResult {
  const found = find(s, j, c.id);
  if (!found.ok) return found;
  const items = listOf(j, s);
  const bad = checkIndex(c.toIndex, items.length - 1, ['toIndex'], 'toIndex');
  if (bad) return err(bad);
  const next = moveTo(items, found.value, c.toIndex);
  const order = s.checkOrder?.(next as never[], ['toIndex']);
  if (order) return err(order);
  return ok({
    journey: withList(j, s, next),
    inverse: command({ type: `${s.noun}.move`, id: c.id, toIndex: found.value }),
  });
}

export function removeItem(s: CollectionSpec, j: Journey, c: RemoveCommand): CommandResult {
  const found = find(s, j, c.id);
  return found.ok ? s.remove(s, j, found.value) : found;
}
