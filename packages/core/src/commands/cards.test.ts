import { describe, expect, it } from 'vitest';
import { asbJourney, deepFreeze } from './asb-journey.fixture';
import { cardInsertIndex } from './cards';
import { expectApplied, expectRefused } from './command-expect.fixture';

const journey = () => deepFreeze(asbJourney());
const step = (over: Record<string, unknown> = {}) => ({
  id: 'new',
  kind: 'step',
  laneId: 'steps',
  columnId: 'closed',
  text: 'Gets a letter',
  ...over,
});
const cell = (j: ReturnType<typeof journey>, laneId: string, columnId: string) =>
  j.cards.filter((c) => c.laneId === laneId && c.columnId === columnId).map((c) => c.id);

describe('card.add', () => {
  it('given a valid card and an index, then it is inserted there in journey.cards', () => {
    const { journey: next, inverse } = expectApplied(journey(), { type: 'card.add', item: step(), index: 1 });
    expect(next.cards[1]!.id).toBe('new');
    expect(inverse).toEqual({ type: 'card.remove', id: 'new' });
  });

  it.each([
    [step({ laneId: 'nowhere' }), 'lane_not_found @ item.laneId'],
    [step({ columnId: 'nowhere' }), 'column_not_found @ item.columnId'],
    [step({ laneId: 'touch' }), 'card_kind_mismatch @ item.kind'],
    [step({ id: 's1' }), 'duplicate_id @ item.id'],
    [step({ sourceId: 'rumour' }), 'source_not_found @ item.sourceId'],
    [
      { ...step(), kind: 'baton-change', laneId: 'baton', from: 'police', to: 'nhs', text: undefined },
      'organisation_not_found @ item.to',
    ],
    [
      { ...step(), kind: 'lever', laneId: 'levers', category: 'magic' },
      'lever_category_not_found @ item.category',
    ],
    [
      { id: 'e9', kind: 'emotion', laneId: 'emotion', columnId: 'closed', score: 150 },
      'invalid_command @ item.score',
    ],
  ])('given %j, then it is refused with %s', (item, where) => {
    expect(expectRefused(journey(), { type: 'card.add', item }).where).toBe(where);
  });

  it('given an index past the end, then the message gives the range', () => {
    const e = expectRefused(journey(), { type: 'card.add', item: step(), index: 12 });
    expect(e.where).toBe('index_out_of_range @ index');
    expect(e.message).toBe('expected index from 0 to 11; got 12');
  });

  it('cardInsertIndex turns a position in a cell into an index for card.add', () => {
    const j = journey();
    const first = expectApplied(j, {
      type: 'card.add',
      item: step({ columnId: 'reports', laneId: 'touch', kind: 'touchpoint', channel: 'email' }),
      index: cardInsertIndex(j, 'touch', 'reports', 1),
    });
    expect(cell(first.journey, 'touch', 'reports')).toEqual(['t1', 'new', 't2']);
    expect(cardInsertIndex(j, 'touch', 'reports')).toBe(4);
    expect(cardInsertIndex(j, 'touch', 'closed')).toBe(j.cards.length);
  });
});

describe('card.update', () => {
  it('given a new score, then only that field changes and the inverse puts the old one back', () => {
    const { journey: next, inverse } = expectApplied(journey(), {
      type: 'card.update',
      id: 'e1',
      patch: { score: 20 },
      unset: ['sourceId'],
    });
    expect(next.cards[6]).toEqual({
      id: 'e1',
      kind: 'emotion',
      laneId: 'emotion',
      columnId: 'incident',
      score: 20,
      estimate: false,
    });
    expect(inverse).toEqual({ type: 'card.update', id: 'e1', patch: { score: -80, sourceId: 'workshop-1' } });
  });

  it('given a field the card did not have, then the inverse unsets it', () => {
    const { inverse } = expectApplied(journey(), {
      type: 'card.update',
      id: 's1',
      patch: { note: '  from the workshop ' },
    });
    expect(inverse).toEqual({ type: 'card.update', id: 's1', patch: {}, unset: ['note'] });
  });

  it('given a field with a default is unset, then it returns to its default', () => {
    const j = expectApplied(journey(), {
      type: 'card.update',
      id: 't1',
      patch: { direction: 'outbound' },
    }).journey;
    const { journey: next } = expectApplied(j, {
      type: 'card.update',
      id: 't1',
      unset: ['direction'],
      patch: {},
    });
    expect(next.cards[2]).toMatchObject({ direction: 'inbound' });
  });

  it.each([
    [{ patch: { score: 150 } }, 'invalid_patch @ patch.score', /-100 to 100/],
    [{ patch: { id: 'e9' } }, 'invalid_patch @ patch.id', /cannot be changed/],
    [{ patch: { kind: 'step' } }, 'invalid_patch @ patch.kind', /cannot be changed/],
    [{ patch: { laneId: 'steps' } }, 'invalid_patch @ patch.laneId', /card\.move/],
    [{ patch: {}, unset: ['columnId'] }, 'invalid_patch @ unset[0]', /card\.move/],
    [{ patch: {}, unset: ['score'] }, 'invalid_patch @ unset[0]', /score/],
    [{ patch: { colour: 'red' } }, 'invalid_patch @ patch', /unknown field "colour"/],
    [{ patch: { score: 1 }, unset: ['score'] }, 'invalid_patch @ unset[0]', /both/],
    [{ patch: { personaId: 'ghost' } }, 'persona_not_found @ patch.personaId', /ghost/],
  ])('given %j on an emotion card, then %s', (change, where, message) => {
    const e = expectRefused(journey(), { type: 'card.update', id: 'e1', ...change });
    expect(e.where).toBe(where);
    expect(e.message).toMatch(message);
  });

  it('given a card that does not exist, then card_not_found at id', () => {
    expect(expectRefused(journey(), { type: 'card.update', id: 'zz', patch: {} }).where).toBe(
      'card_not_found @ id',
    );
  });
});

describe('card.move', () => {
  it('given a position within the same cell, then the cell is reordered', () => {
    const { journey: next } = expectApplied(journey(), { type: 'card.move', id: 't2', toIndex: 0 });
    expect(cell(next, 'touch', 'reports')).toEqual(['t2', 't1']);
  });

  it('given another column, then the card goes there and the links to it follow', () => {
    const { journey: next, inverse } = expectApplied(journey(), {
      type: 'card.move',
      id: 't1',
      columnId: 'incident',
    });
    expect(next.cards.find((c) => c.id === 't1')!.columnId).toBe('incident');
    expect(next.links[0]!.from).toEqual({ columnId: 'incident', cardId: 't1' });
    expect(inverse).toEqual({
      type: 'card.move',
      id: 't1',
      laneId: 'touch',
      columnId: 'reports',
      arrayIndex: 2,
    });
  });

  it('given a target cell with cards, then toIndex places it among them', () => {
    const { journey: next } = expectApplied(journey(), {
      type: 'card.move',
      id: 's4',
      columnId: 'reports',
      laneId: 'steps',
      toIndex: 0,
    });
    expect(cell(next, 'steps', 'reports')).toEqual(['s4', 's2']);
  });

  it('a link whose returnsTo points at the moved card follows too', () => {
    const { journey: next } = expectApplied(journey(), { type: 'card.move', id: 'p1', columnId: 'closed' });
    expect(next.links[1]!.returnsTo).toEqual({ columnId: 'closed', cardId: 'p1' });
    expect(next.links[1]!.from).toEqual({ columnId: 'assessed' });
  });

  it.each([
    [{ laneId: 'touch' }, 'card_kind_mismatch @ laneId'],
    [{ laneId: 'gone' }, 'lane_not_found @ laneId'],
    [{ columnId: 'gone' }, 'column_not_found @ columnId'],
    [{ toIndex: 2 }, 'index_out_of_range @ toIndex'],
    [{ toIndex: 0, arrayIndex: 0 }, 'invalid_command @ arrayIndex'],
    [{ arrayIndex: 11 }, 'index_out_of_range @ arrayIndex'],
  ])('given %j for step s2, then %s', (target, where) => {
    expect(expectRefused(journey(), { type: 'card.move', id: 's2', ...target }).where).toBe(where);
  });
});

describe('card.remove', () => {
  it('given a card that links and ideas point at, then they go with it and the inverse restores them in place', () => {
    const { journey: next, inverse } = expectApplied(journey(), { type: 'card.remove', id: 'p1' });
    expect(next.cards.map((c) => c.id)).not.toContain('p1');
    expect(next.links.map((l) => l.id)).toEqual(['handoff', 'loop']);
    expect(next.ideas.map((i) => i.painPointCardIds)).toEqual([[], []]);
    expect(next.ideas[0]!.leverCardIds).toEqual(['l1']);
    expect((inverse as unknown as { commands: { type: string }[] }).commands.map((c) => c.type)).toEqual([
      'card.add',
      'link.add',
      'idea.update',
      'idea.update',
    ]);
  });

  it('given a card nothing points at, then the inverse is a single card.add at its index', () => {
    const { inverse } = expectApplied(journey(), { type: 'card.remove', id: 's4' });
    expect(inverse).toMatchObject({ type: 'card.add', index: 10, item: { id: 's4' } });
  });
});
