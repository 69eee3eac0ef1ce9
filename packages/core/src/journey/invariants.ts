import { problem, type DocPath, type Problem } from '../problem';
import type { Journey } from './schema';

/**
 * The rules a journey keeps beyond its schema: ids unique, every reference resolves, a card sits in its
 * lane's kind, a stage's columns stand together. The reducer never produces a journey that breaks them;
 * this function is how parsing and the property tests check it.
 */
export function checkInvariants(j: Journey): Problem[] {
  const out: Problem[] = [];
  const ids = <T extends { id: string }>(list: readonly T[], field: string): Map<string, number> => {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      if (seen.has(item.id)) {
        out.push(
          problem(
            'duplicate_id',
            [field, i, 'id'],
            `id "${item.id}" is used twice in ${field} (also at ${field}[${seen.get(item.id)}])`,
            'error',
            { id: item.id, list: field, first: seen.get(item.id)! },
          ),
        );
      } else seen.set(item.id, i);
    });
    return seen;
  };
  const stages = ids(j.stages, 'stages');
  const columns = ids(j.columns, 'columns');
  const lanes = ids(j.lanes, 'lanes');
  const cards = ids(j.cards, 'cards');
  ids(j.links, 'links');
  ids(j.ideas, 'ideas');
  const personas = ids(j.personas, 'personas');
  const orgs = ids(j.organisations, 'organisations');
  const levers = ids(j.leverCategories, 'leverCategories');
  const sources = ids(j.sources, 'sources');

  const need = (
    map: Map<string, number>,
    value: string | undefined,
    path: DocPath,
    what: string,
    where: string,
  ) => {
    if (value !== undefined && !map.has(value)) {
      out.push(
        problem(
          `${what.replace(/ /g, '_')}_not_found`,
          path,
          `no ${what} with id "${value}" in ${where}`,
          'error',
          { id: value, list: where },
        ),
      );
    }
  };

  j.columns.forEach((c, i) => {
    need(stages, c.stageId, ['columns', i, 'stageId'], 'stage', 'stages');
    need(orgs, c.ownerId, ['columns', i, 'ownerId'], 'organisation', 'organisations');
  });
  checkStagesContiguous(j, out);
  j.lanes.forEach((l, i) => need(personas, l.personaId, ['lanes', i, 'personaId'], 'persona', 'personas'));

  j.cards.forEach((card, i) => {
    const at = (field: string): DocPath => ['cards', i, field];
    need(columns, card.columnId, at('columnId'), 'column', 'columns');
    need(sources, card.sourceId, at('sourceId'), 'source', 'sources');
    const laneIndex = lanes.get(card.laneId);
    if (laneIndex === undefined) need(lanes, card.laneId, at('laneId'), 'lane', 'lanes');
    else {
      const lane = j.lanes[laneIndex]!;
      if (lane.kind !== card.kind) {
        out.push(
          problem(
            'card_kind_mismatch',
            at('kind'),
            `a ${card.kind} card cannot sit in lane "${lane.id}", whose kind is ${lane.kind}`,
            'error',
            { cardKind: card.kind, lane: lane.id, laneKind: lane.kind },
          ),
        );
      }
    }
    if (card.kind === 'baton-change') {
      need(orgs, card.from, at('from'), 'organisation', 'organisations');
      need(orgs, card.to, at('to'), 'organisation', 'organisations');
    }
    if (card.kind === 'lever')
      need(levers, card.category, at('category'), 'lever category', 'leverCategories');
    if (card.kind === 'emotion' || card.kind === 'feeling')
      need(personas, card.personaId, at('personaId'), 'persona', 'personas');
  });

  const cardInColumn = (cardId: string | undefined, columnId: string, path: DocPath) => {
    if (cardId === undefined) return;
    const ci = cards.get(cardId);
    if (ci === undefined) need(cards, cardId, path, 'card', 'cards');
    else if (j.cards[ci]!.columnId !== columnId) {
      out.push(
        problem('link_card_not_in_column', path, `card "${cardId}" is not in column "${columnId}"`, 'error', {
          card: cardId,
          column: columnId,
        }),
      );
    }
  };
  j.links.forEach((link, i) => {
    need(columns, link.from.columnId, ['links', i, 'from', 'columnId'], 'column', 'columns');
    cardInColumn(link.from.cardId, link.from.columnId, ['links', i, 'from', 'cardId']);
    if (link.to.kind === 'column') {
      need(columns, link.to.columnId, ['links', i, 'to', 'columnId'], 'column', 'columns');
      cardInColumn(link.to.cardId, link.to.columnId, ['links', i, 'to', 'cardId']);
    } else if (link.to.kind === 'organisation') {
      need(
        orgs,
        link.to.organisationId,
        ['links', i, 'to', 'organisationId'],
        'organisation',
        'organisations',
      );
    }
    if (link.returnsTo) {
      need(columns, link.returnsTo.columnId, ['links', i, 'returnsTo', 'columnId'], 'column', 'columns');
      cardInColumn(link.returnsTo.cardId, link.returnsTo.columnId, ['links', i, 'returnsTo', 'cardId']);
    }
  });

  j.ideas.forEach((idea, i) => {
    idea.leverCardIds.forEach((id, k) => need(cards, id, ['ideas', i, 'leverCardIds', k], 'card', 'cards'));
    idea.painPointCardIds.forEach((id, k) =>
      need(cards, id, ['ideas', i, 'painPointCardIds', k], 'card', 'cards'),
    );
  });
  return out;
}

/** Columns of one stage stand side by side, so the stage can head them as one band. */
function checkStagesContiguous(j: Journey, out: Problem[]): void {
  const closed = new Set<string>();
  let current: string | undefined;
  j.columns.forEach((c, i) => {
    if (c.stageId === current) return;
    if (current !== undefined) closed.add(current);
    if (c.stageId !== undefined && closed.has(c.stageId)) {
      out.push(
        problem(
          'stage_not_contiguous',
          ['columns', i, 'stageId'],
          `the columns of stage "${c.stageId}" must stand together; column "${c.id}" is apart from the others`,
          'error',
          { stage: c.stageId, column: c.id },
        ),
      );
    }
    current = c.stageId;
  });
}
