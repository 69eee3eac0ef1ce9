import type { Card } from '../journey/cards';
import type { Column, Idea, Journey, Lane, Link } from '../journey/schema';
import type { DocPath } from '../problem';
import { formatPath } from '../problem';
import { cardRefs, refNames, type RefCollection } from './card-refs';
import { commandError, type CommandError } from './command-error';

/** Builds a path into the command from a path inside the item, e.g. `['item', ...]` or `['patch', ...]`. */
export type At = (...inside: Array<string | number>) => DocPath;
export const atPrefix =
  (...prefix: Array<string | number>): At =>
  (...inside) => [...prefix, ...inside];

const hasId = (list: readonly { readonly id: string }[], id: string): boolean =>
  list.some((item) => item.id === id);

function missing(
  list: readonly { readonly id: string }[],
  id: string | undefined,
  path: DocPath,
  code: string,
  label: string,
  where: string,
): CommandError | undefined {
  if (id === undefined || hasId(list, id)) return undefined;
  return commandError(`${code}_not_found`, path, `no ${label} with id "${id}" in ${where}`);
}

const missingRef = (j: Journey, collection: RefCollection, id: string | undefined, path: DocPath) =>
  missing(j[collection], id, path, refNames[collection].code, refNames[collection].label, collection);

export function checkCardRefs(j: Journey, card: Card, at: At): CommandError | undefined {
  const lane = j.lanes.find((l) => l.id === card.laneId);
  if (!lane) return missing(j.lanes, card.laneId, at('laneId'), 'lane', 'lane', 'lanes');
  if (lane.kind !== card.kind) {
    return commandError(
      'card_kind_mismatch',
      at('kind'),
      `a ${card.kind} card cannot sit in lane "${lane.id}", whose kind is ${lane.kind}`,
    );
  }
  const column = missing(j.columns, card.columnId, at('columnId'), 'column', 'column', 'columns');
  if (column) return column;
  for (const ref of cardRefs[card.kind]) {
    const value = (card as Record<string, unknown>)[ref.field];
    const problem = missingRef(j, ref.collection, value as string | undefined, at(ref.field));
    if (problem) return problem;
  }
  return undefined;
}

export const checkColumnRefs = (j: Journey, c: Column, at: At): CommandError | undefined =>
  missing(j.stages, c.stageId, at('stageId'), 'stage', 'stage', 'stages') ??
  missingRef(j, 'organisations', c.ownerId, at('ownerId'));

export const checkLaneRefs = (j: Journey, lane: Lane, at: At): CommandError | undefined =>
  missingRef(j, 'personas', lane.personaId, at('personaId'));

function checkEnd(
  j: Journey,
  end: { columnId: string; cardId?: string | undefined },
  at: At,
): CommandError | undefined {
  const column = missing(j.columns, end.columnId, at('columnId'), 'column', 'column', 'columns');
  if (column || end.cardId === undefined) return column;
  const card = j.cards.find((c) => c.id === end.cardId);
  if (!card) return missing(j.cards, end.cardId, at('cardId'), 'card', 'card', 'cards');
  if (card.columnId === end.columnId) return undefined;
  return commandError(
    'link_card_not_in_column',
    at('cardId'),
    `card "${end.cardId}" is in column "${card.columnId}", not in column "${end.columnId}"`,
  );
}

export function checkLinkRefs(j: Journey, link: Link, at: At): CommandError | undefined {
  const from = checkEnd(j, link.from, (...p) => at('from', ...p));
  if (from) return from;
  if (link.to.kind === 'column') {
    const to = checkEnd(j, link.to, (...p) => at('to', ...p));
    if (to) return to;
  } else if (link.to.kind === 'organisation') {
    const to = missingRef(j, 'organisations', link.to.organisationId, at('to', 'organisationId'));
    if (to) return to;
  }
  return link.returnsTo ? checkEnd(j, link.returnsTo, (...p) => at('returnsTo', ...p)) : undefined;
}

export function checkIdeaRefs(j: Journey, idea: Idea, at: At): CommandError | undefined {
  for (const field of ['leverCardIds', 'painPointCardIds'] as const) {
    for (const [k, id] of idea[field].entries()) {
      const problem = missing(j.cards, id, at(field, k), 'card', 'card', 'cards');
      if (problem) return problem;
    }
  }
  return undefined;
}

/** The first column whose stage has already been left, i.e. that splits its stage; undefined if none. */
export function columnApartFromStage(columns: readonly Column[]): Column | undefined {
  const closed = new Set<string>();
  let current: string | undefined;
  for (const c of columns) {
    if (c.stageId === current) continue;
    if (current !== undefined) closed.add(current);
    if (c.stageId !== undefined && closed.has(c.stageId)) return c;
    current = c.stageId;
  }
  return undefined;
}

export function checkStagesTogether(columns: readonly Column[], path: DocPath): CommandError | undefined {
  const apart = columnApartFromStage(columns);
  if (!apart) return undefined;
  return commandError(
    'stage_not_contiguous',
    path,
    `the columns of stage "${apart.stageId}" must stand together; this would leave column "${apart.id}" apart from the others`,
  );
}

/** Everything that points at item `id` of `collection`, so it cannot be removed while in use. */
export function findUses(j: Journey, collection: RefCollection, id: string): DocPath[] {
  const uses: DocPath[] = [];
  if (collection === 'organisations') {
    j.columns.forEach((c, i) => c.ownerId === id && uses.push(['columns', i, 'ownerId']));
    j.links.forEach(
      (l, i) =>
        l.to.kind === 'organisation' &&
        l.to.organisationId === id &&
        uses.push(['links', i, 'to', 'organisationId']),
    );
  }
  if (collection === 'personas') {
    j.lanes.forEach((l, i) => l.personaId === id && uses.push(['lanes', i, 'personaId']));
  }
  j.cards.forEach((card, i) => {
    for (const ref of cardRefs[card.kind]) {
      if (ref.collection === collection && (card as Record<string, unknown>)[ref.field] === id) {
        uses.push(['cards', i, ref.field]);
      }
    }
  });
  return uses;
}

/** `card "b1" (cards[3].from)`: names the thing at a path found by findUses. */
export function describeUse(j: Journey, path: DocPath): string {
  const [list, index] = path;
  const noun = { cards: 'card', columns: 'column', lanes: 'lane', links: 'link' }[list as string] ?? 'item';
  const item = (j[list as 'cards'] as readonly { id: string }[])[index as number];
  return `${noun} "${item?.id}" (${formatPath(path)})`;
}
