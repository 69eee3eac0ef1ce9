import { cardSchemas, type Card } from '../journey/cards';
import type { Journey, Link } from '../journey/schema';
import { err, ok } from '../result';
import { oneCommand, removeCards } from './cascade';
import { refuse, type CommandResult } from './command-error';
import { checkIndex, indexOfId, insertAt, removeAt, replaceAt } from './list';
import { mergePatch } from './patch';
import { atPrefix, checkCardRefs } from './refs';
import type { JourneyCommand } from './schema';

type Of<T extends JourneyCommand['type']> = Extract<JourneyCommand, { type: T }>;

function findCard(j: Journey, id: string) {
  const index = indexOfId(j.cards, id);
  return index >= 0 ? ok(index) : refuse('card_not_found', ['id'], `no card with id "${id}" in cards`);
}

/** `index` is the position in journey.cards (see cardInsertIndex for a position within a cell). */
export function addCard(j: Journey, c: Of<'card.add'>): CommandResult {
  const existing = indexOfId(j.cards, c.item.id);
  if (existing >= 0) {
    return refuse(
      'duplicate_id',
      ['item', 'id'],
      `a card with id "${c.item.id}" already exists (cards[${existing}]); choose another id`,
    );
  }
  const index = c.index ?? j.cards.length;
  const bad =
    checkIndex(index, j.cards.length, ['index'], 'index') ?? checkCardRefs(j, c.item, atPrefix('item'));
  if (bad) return err(bad);
  return ok({
    journey: { ...j, cards: insertAt(j.cards, c.item, index) },
    inverse: { type: 'card.remove', id: c.item.id },
  });
}

/** Any field of the card's kind but id, kind, lane and column; the result must still fit the kind's schema. */
export function updateCard(j: Journey, c: Of<'card.update'>): CommandResult {
  const found = findCard(j, c.id);
  if (!found.ok) return found;
  const card = j.cards[found.value]!;
  const merged = mergePatch(card, c.patch, c.unset, cardSchemas[card.kind], [
    'id',
    'kind',
    'laneId',
    'columnId',
  ]);
  if (!merged.ok) return merged;
  const bad = checkCardRefs(j, merged.value.item, atPrefix('patch'));
  if (bad) return err(bad);
  const { inversePatch, inverseUnset } = merged.value;
  return ok({
    journey: { ...j, cards: replaceAt(j.cards, found.value, merged.value.item) },
    inverse: {
      type: 'card.update',
      id: c.id,
      patch: inversePatch,
      ...(inverseUnset.length > 0 ? { unset: inverseUnset } : {}),
    },
  });
}

/**
 * Moves a card to another cell (lane and/or column) and to `toIndex` among that cell's cards. Links that
 * point at the card follow it to its new column.
 */
export function moveCard(j: Journey, c: Of<'card.move'>): CommandResult {
  const found = findCard(j, c.id);
  if (!found.ok) return found;
  const from = found.value;
  const card = j.cards[from]!;
  if (c.toIndex !== undefined && c.arrayIndex !== undefined) {
    return refuse('invalid_command', ['arrayIndex'], 'give toIndex or arrayIndex, not both');
  }
  const moved = { ...card, laneId: c.laneId ?? card.laneId, columnId: c.columnId ?? card.columnId } as Card;
  const bad = checkCardRefs(j, moved, (...p) => (p[0] === 'kind' ? ['laneId'] : p));
  if (bad) return err(bad);
  const rest = removeAt(j.cards, from);
  let position: number;
  if (c.arrayIndex !== undefined) {
    const outside = checkIndex(c.arrayIndex, rest.length, ['arrayIndex'], 'arrayIndex');
    if (outside) return err(outside);
    position = c.arrayIndex;
  } else {
    const cell: number[] = [];
    rest.forEach((other, i) => {
      if (other.laneId === moved.laneId && other.columnId === moved.columnId) cell.push(i);
    });
    const toIndex = c.toIndex ?? cell.length;
    const outside = checkIndex(toIndex, cell.length, ['toIndex'], 'toIndex (a position in the cell)');
    if (outside) return err(outside);
    position = toIndex < cell.length ? cell[toIndex]! : cell.length > 0 ? cell[cell.length - 1]! + 1 : from;
  }
  const sameCell = moved.laneId === card.laneId && moved.columnId === card.columnId;
  const journey: Journey = {
    ...j,
    cards: insertAt(rest, sameCell ? card : moved, position),
    links: moved.columnId === card.columnId ? j.links : followCard(j.links, card.id, moved.columnId),
  };
  return ok({
    journey,
    inverse: { type: 'card.move', id: c.id, laneId: card.laneId, columnId: card.columnId, arrayIndex: from },
  });
}

type End = { readonly columnId: string; readonly cardId?: string | undefined };

function followCard(links: readonly Link[], cardId: string, columnId: Link['from']['columnId']): Link[] {
  const follow = <E extends End>(end: E): E => (end.cardId === cardId ? { ...end, columnId } : end);
  return links.map((link) => {
    const touches =
      link.from.cardId === cardId ||
      (link.to.kind === 'column' && link.to.cardId === cardId) ||
      link.returnsTo?.cardId === cardId;
    if (!touches) return link;
    return {
      ...link,
      from: follow(link.from),
      to: link.to.kind === 'column' ? follow(link.to) : link.to,
      ...(link.returnsTo ? { returnsTo: follow(link.returnsTo) } : {}),
    };
  });
}

/** Removes the card, the links to it and ideas' references to it; the inverse restores them all. */
export function removeCard(j: Journey, c: Of<'card.remove'>): CommandResult {
  const found = findCard(j, c.id);
  if (!found.ok) return found;
  const cascade = removeCards(j, (card) => card.id === c.id);
  return ok({ journey: cascade.journey, inverse: oneCommand(cascade.restore) });
}

/**
 * The `index` for card.add that puts a new card at `cellIndex` among the cards of a cell (lane × column),
 * for editors that think in cells: before the card now at that position, or after the cell's last card.
 */
export function cardInsertIndex(j: Journey, laneId: string, columnId: string, cellIndex?: number): number {
  const cell: number[] = [];
  j.cards.forEach((card, i) => {
    if (card.laneId === laneId && card.columnId === columnId) cell.push(i);
  });
  const k = cellIndex ?? cell.length;
  if (k < cell.length) return cell[Math.max(0, k)]!;
  return cell.length > 0 ? cell[cell.length - 1]! + 1 : j.cards.length;
}
