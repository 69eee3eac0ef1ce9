import { applyCommand, type Idea, type Journey } from '@waymark/core';
import { sampleJourney } from '@waymark/store';
import { describe, expect, it } from 'vitest';
import { ideaCommand, ideaMatrix } from './ideas-model';

const idea = (id: string, over: Partial<Idea> = {}): Idea =>
  ({ id, title: `Idea ${id}`, leverCardIds: [], painPointCardIds: [], status: 'proposed', ...over }) as Idea;
const apply = (j: Journey, cmd: ReturnType<typeof ideaCommand>) => {
  const r = applyCommand(j, cmd!);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.journey;
};

describe('idea matrix', () => {
  it('given ideas of each kind, then quadrants by value and effort, parked and unscored apart, highest value first', () => {
    const m = ideaMatrix([
      idea('a', { value: 4, effort: 1 }),
      idea('b', { value: 5, effort: 2 }),
      idea('c', { value: 5, effort: 5 }),
      idea('d', { value: 1, effort: 1 }),
      idea('e', { value: 2, effort: 4 }),
      idea('f', { value: 5, effort: 1, status: 'parked', parkedReason: 'outside the business question' }),
      idea('g', { value: 3 }),
    ]);
    expect(m.quadrants['quick-win'].map((i) => i.id)).toEqual(['b', 'a']);
    expect(m.quadrants['major-project'].map((i) => i.id)).toEqual(['c']);
    expect(m.quadrants['fill-in'].map((i) => i.id)).toEqual(['d']);
    expect(m.quadrants['thankless-task'].map((i) => i.id)).toEqual(['e']);
    expect(m.parked.map((i) => i.id)).toEqual(['f']);
    expect(m.unscored.map((i) => i.id)).toEqual(['g']);
  });
});

describe('idea commands', () => {
  it('given a new idea, when its command is applied by the reducer, then the journey holds it', () => {
    const j = apply(
      sampleJourney('j'),
      ideaCommand(undefined, idea('x', { effort: 2, value: 4, owner: 'ASB team' })),
    );
    expect(j.ideas.find((i) => i.id === 'x')).toMatchObject({ owner: 'ASB team', effort: 2, value: 4 });
  });

  it('given an edit that parks an idea and clears its owner, then one update with a patch and an unset', () => {
    const before = idea('x', { owner: 'ASB team', value: 4 });
    const after = { ...before, status: 'parked', parkedReason: 'later project' } as Idea;
    delete (after as { owner?: string }).owner;
    const cmd = ideaCommand(before, after);
    expect(cmd).toEqual({
      type: 'idea.update',
      id: 'x',
      patch: { status: 'parked', parkedReason: 'later project' },
      unset: ['owner'],
    });
    const j = apply(apply(sampleJourney('j'), ideaCommand(undefined, before)), cmd);
    expect(j.ideas[0]).toMatchObject({ status: 'parked', parkedReason: 'later project' });
    expect(j.ideas[0]?.owner).toBeUndefined();
  });

  it('given no change, then no command', () => {
    expect(ideaCommand(idea('x'), idea('x'))).toBeNull();
  });
});
