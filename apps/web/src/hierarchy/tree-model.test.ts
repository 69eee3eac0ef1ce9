import { describe, expect, it } from 'vitest';
import type { Hierarchy } from './hierarchy-api';
import { buildTree, treeKey, visibleNodes } from './tree-model';

const journey = (id: string, title = id) => ({ id, title, journeyType: 'current', status: 'draft' });
const child = (parent: string, step: string, kid: string) => ({
  parentJourneyId: parent,
  parentStepId: step,
  childJourneyId: kid,
  parentTitle: parent,
  parentStepLabel: `Step ${step}`,
  childTitle: kid,
});
// Moving home opens council tax (step 1) and housing benefit (step 2); council tax opens discounts.
const h: Hierarchy = {
  journeys: [
    journey('zeta'),
    journey('move', 'Moving home'),
    journey('ctax'),
    journey('hb'),
    journey('disc'),
  ],
  children: [child('move', '1', 'ctax'), child('move', '2', 'hb'), child('ctax', '3', 'disc')],
  stepLinks: [],
};

describe('the journey tree', () => {
  it('puts journeys with no parent at the top, the whole-problem journeys first, each child under its step', () => {
    const forest = buildTree(h);
    expect(forest.map((n) => n.journeyId)).toEqual(['move', 'zeta']);
    expect(forest[0]!.children.map((n) => [n.journeyId, n.fromStep, n.level])).toEqual([
      ['ctax', 'Step 1', 2],
      ['hb', 'Step 2', 2],
    ]);
    expect(forest[0]!.children[0]!.children[0]).toMatchObject({ journeyId: 'disc', level: 3 });
  });

  it('moves with the keys of a WAI-ARIA tree: right opens then enters, left closes then climbs, down skips closed children', () => {
    const forest = buildTree(h);
    let state = { focused: 'move', expanded: new Set<string>() as ReadonlySet<string> };
    state = treeKey(forest, state.expanded, state.focused, 'ArrowDown');
    expect(state.focused).toBe('zeta');
    state = treeKey(forest, state.expanded, 'move', 'ArrowRight');
    expect([state.focused, [...state.expanded]]).toEqual(['move', ['move']]);
    state = treeKey(forest, state.expanded, state.focused, 'ArrowRight');
    expect(state.focused).toBe('ctax');
    expect(visibleNodes(forest, state.expanded).map((n) => n.journeyId)).toEqual([
      'move',
      'ctax',
      'hb',
      'zeta',
    ]);
    state = treeKey(forest, state.expanded, state.focused, 'End');
    expect(state.focused).toBe('zeta');
    state = treeKey(forest, state.expanded, 'ctax', 'ArrowLeft');
    expect(state.focused).toBe('move');
    state = treeKey(forest, state.expanded, state.focused, 'ArrowLeft');
    expect([...state.expanded]).toEqual([]);
  });
});
