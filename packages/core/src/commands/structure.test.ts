import { describe, expect, it } from 'vitest';
import { asbJourney, deepFreeze } from './asb-journey.fixture';
import { expectApplied, expectRefused } from './command-expect.fixture';
import type { JourneyCommand } from './schema';

const journey = () => deepFreeze(asbJourney());
const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);
const types = (c: JourneyCommand) => (c.type === 'batch' ? c.commands.map((x) => x.type) : [c.type]);

describe('stages', () => {
  it('given stage.remove, then its columns lose their stage and the inverse gives it back', () => {
    const { journey: next, inverse } = expectApplied(journey(), { type: 'stage.remove', id: 'report' });
    expect(ids(next.stages)).toEqual(['resolve']);
    expect(next.columns.slice(0, 2).map((c) => c.stageId)).toEqual([undefined, undefined]);
    expect('stageId' in next.columns[0]!).toBe(false);
    expect(types(inverse)).toEqual(['stage.add', 'column.update', 'column.update']);
  });

  it('given stage.move and stage.update, then order and name change', () => {
    expect(
      ids(expectApplied(journey(), { type: 'stage.move', id: 'resolve', toIndex: 0 }).journey.stages),
    ).toEqual(['resolve', 'report']);
    const renamed = expectApplied(journey(), {
      type: 'stage.update',
      id: 'report',
      patch: { name: 'Reporting', description: 'First contact' },
    });
    expect(renamed.journey.stages[0]).toEqual({
      id: 'report',
      name: 'Reporting',
      description: 'First contact',
    });
  });

  it('given a duplicate stage id or a missing one, then duplicate_id / stage_not_found', () => {
    expect(expectRefused(journey(), { type: 'stage.add', item: { id: 'report', name: 'Again' } }).where).toBe(
      'duplicate_id @ item.id',
    );
    expect(expectRefused(journey(), { type: 'stage.remove', id: 'nope' }).where).toBe('stage_not_found @ id');
  });
});

describe('columns', () => {
  it('given column.add inside its stage, then it is placed at the index', () => {
    const { journey: next } = expectApplied(journey(), {
      type: 'column.add',
      item: { id: 'visit', label: 'Home visit', stageId: 'resolve' },
      index: 3,
    });
    expect(ids(next.columns)).toEqual(['incident', 'reports', 'assessed', 'visit', 'closed']);
  });

  it.each([
    [
      { type: 'column.add', item: { id: 'x', label: 'X', stageId: 'report' }, index: 3 },
      'stage_not_contiguous @ item.stageId',
    ],
    [{ type: 'column.add', item: { id: 'x', label: 'X' }, index: 1 }, 'stage_not_contiguous @ index'],
    [
      { type: 'column.add', item: { id: 'x', label: 'X', stageId: 'later' } },
      'stage_not_found @ item.stageId',
    ],
    [
      { type: 'column.add', item: { id: 'x', label: 'X', ownerId: 'nhs' } },
      'organisation_not_found @ item.ownerId',
    ],
    [{ type: 'column.move', id: 'incident', toIndex: 2 }, 'stage_not_contiguous @ toIndex'],
    [{ type: 'column.move', id: 'incident', toIndex: 4 }, 'index_out_of_range @ toIndex'],
    [
      { type: 'column.update', id: 'incident', patch: { stageId: 'resolve' } },
      'stage_not_contiguous @ patch.stageId',
    ],
    [
      {
        type: 'batch',
        commands: [
          { type: 'column.add', item: { id: 'visit', label: 'Home visit', stageId: 'resolve' }, index: 3 },
          { type: 'column.update', id: 'visit', patch: {}, unset: ['stageId'] },
        ],
      },
      'stage_not_contiguous @ commands[1].unset[0]',
    ],
    [
      { type: 'column.update', id: 'assessed', patch: { age: { from: 30, to: 20 } } },
      'invalid_command @ patch.age',
    ],
    [{ type: 'column.update', id: 'assessed', patch: {}, unset: ['label'] }, 'invalid_patch @ unset[0]'],
  ])('given %j, then %s', (command, where) => {
    expect(expectRefused(journey(), command).where).toBe(where);
  });

  it('given a whole stage moved as a batch, then the batch succeeds where a single move would split it', () => {
    const { journey: next } = expectApplied(journey(), {
      type: 'batch',
      commands: [
        { type: 'column.update', id: 'closed', patch: {}, unset: ['stageId'] },
        { type: 'column.move', id: 'closed', toIndex: 0 },
      ],
    });
    expect(ids(next.columns)).toEqual(['closed', 'incident', 'reports', 'assessed']);
  });

  it('given column.remove, then its cards, the links at it or its cards, and idea references go; the inverse restores them in place', () => {
    const j = journey();
    const { journey: next, inverse } = expectApplied(j, { type: 'column.remove', id: 'assessed' });
    expect(ids(next.columns)).toEqual(['incident', 'reports', 'closed']);
    expect(next.cards.filter((c) => c.columnId === 'assessed')).toEqual([]);
    expect(ids(next.cards)).toEqual(['s1', 's2', 't1', 't2', 'e1', 's4']);
    expect(ids(next.links)).toEqual(['loop']);
    expect(next.ideas.map((i) => [...i.leverCardIds, ...i.painPointCardIds])).toEqual([[], []]);
    expect(types(inverse)).toEqual([
      'column.add',
      ...Array(5).fill('card.add'),
      'link.add',
      'link.add',
      'idea.update',
      'idea.update',
    ]);
  });

  it('given a column with no cards, then the inverse is one column.add', () => {
    const j = expectApplied(journey(), { type: 'column.add', item: { id: 'empty', label: 'Empty' } }).journey;
    expect(expectApplied(j, { type: 'column.remove', id: 'empty' }).inverse).toMatchObject({
      type: 'column.add',
      index: 4,
    });
  });
});

describe('lanes', () => {
  it('given lane.remove, then its cards and what pointed at them go, and come back on undo', () => {
    const { journey: next } = expectApplied(journey(), { type: 'lane.remove', id: 'touch' });
    expect(ids(next.cards)).not.toContain('t1');
    expect(ids(next.links)).toEqual(['check', 'loop']);
  });

  it.each([
    [{ type: 'lane.update', id: 'steps', patch: { kind: 'text' } }, 'invalid_command @ patch'],
    [
      { type: 'lane.update', id: 'emotion', patch: { personaId: 'nobody' } },
      'persona_not_found @ patch.personaId',
    ],
    [{ type: 'lane.add', item: { id: 'x', kind: 'sticky', label: 'X' } }, 'invalid_command @ item.kind'],
    [
      { type: 'lane.add', item: { id: 'x', kind: 'emotion', label: 'X', personaId: 'nobody' } },
      'persona_not_found @ item.personaId',
    ],
    [{ type: 'lane.move', id: 'steps', toIndex: 6 }, 'index_out_of_range @ toIndex'],
  ])('given %j, then %s', (command, where) => {
    expect(expectRefused(journey(), command).where).toBe(where);
  });

  it('given lane.move and lane.update, then they apply and invert', () => {
    expect(
      ids(expectApplied(journey(), { type: 'lane.move', id: 'levers', toIndex: 0 }).journey.lanes)[0],
    ).toBe('levers');
    expect(
      expectApplied(journey(), { type: 'lane.update', id: 'emotion', patch: {}, unset: ['personaId'] })
        .inverse,
    ).toEqual({
      type: 'lane.update',
      id: 'emotion',
      patch: { personaId: 'victim' },
    });
  });
});

describe('links and ideas', () => {
  it.each([
    [
      {
        type: 'link.add',
        item: {
          id: 'x',
          kind: 'hand-off',
          from: { columnId: 'reports', cardId: 's3' },
          to: { kind: 'customer' },
        },
      },
      'link_card_not_in_column @ item.from.cardId',
    ],
    [
      {
        type: 'link.add',
        item: { id: 'x', kind: 'hand-off', from: { columnId: 'gone' }, to: { kind: 'customer' } },
      },
      'column_not_found @ item.from.columnId',
    ],
    [
      {
        type: 'link.add',
        item: {
          id: 'x',
          kind: 'outside-request',
          from: { columnId: 'reports' },
          to: { kind: 'organisation', organisationId: 'dwp' },
        },
      },
      'organisation_not_found @ item.to.organisationId',
    ],
    [
      { type: 'link.update', id: 'loop', patch: { returnsTo: { columnId: 'closed', cardId: 'zz' } } },
      'card_not_found @ patch.returnsTo.cardId',
    ],
    [
      {
        type: 'link.add',
        item: { id: 'loop', kind: 'hand-off', from: { columnId: 'reports' }, to: { kind: 'customer' } },
      },
      'duplicate_id @ item.id',
    ],
    [
      { type: 'idea.add', item: { id: 'x', title: 'X', leverCardIds: ['l1', 'l9'] } },
      'card_not_found @ item.leverCardIds[1]',
    ],
    [{ type: 'idea.update', id: 'updates', patch: { effort: 9 } }, 'invalid_command @ patch.effort'],
    [{ type: 'idea.remove', id: 'nope' }, 'idea_not_found @ id'],
  ])('given %j, then %s', (command, where) => {
    expect(expectRefused(journey(), command).where).toBe(where);
  });

  it('given link and idea edits that fit, then they apply and invert', () => {
    expectApplied(journey(), {
      type: 'link.add',
      item: {
        id: 'back',
        kind: 'feedback-loop',
        from: { columnId: 'assessed', cardId: 'b1' },
        to: { kind: 'customer' },
      },
      index: 0,
    });
    expectApplied(journey(), {
      type: 'link.update',
      id: 'check',
      patch: { waitDays: 14, label: 'Tenancy check' },
      unset: ['returnsTo'],
    });
    expectApplied(journey(), { type: 'link.move', id: 'loop', toIndex: 0 });
    expectApplied(journey(), { type: 'link.remove', id: 'handoff' });
    const idea = expectApplied(journey(), {
      type: 'idea.update',
      id: 'updates',
      patch: { status: 'agreed', effort: 2 },
    });
    expect(idea.journey.ideas[0]).toMatchObject({
      status: 'agreed',
      effort: 2,
      title: 'Proactive text updates',
    });
    expectApplied(journey(), { type: 'idea.remove', id: 'updates' });
  });
});
