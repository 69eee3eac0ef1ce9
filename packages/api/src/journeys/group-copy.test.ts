import { applyCommand, type Journey, type JourneyCommand, type JourneyId } from '@waymark/core';
import { sampleJourney } from '@waymark/store';
import { describe, expect, it } from 'vitest';
import { groupCopyJourney, groupCopyOrigin, planGroupMerge, type CopyVersion } from './group-copy';

const main = sampleJourney('intake', { title: 'Intake', steps: 4 });
const copy = groupCopyJourney(main, 'intake-group-2' as JourneyId, 'Group 2');

const step = (id: string, columnId: string, text: string): JourneyCommand =>
  ({ type: 'card.add', item: { id, kind: 'step', laneId: 'steps', columnId, text } }) as JourneyCommand;

const run = (journey: Journey, commands: readonly JourneyCommand[]): Journey =>
  commands.reduce((j, c) => {
    const r = applyCommand(j, c);
    if (!r.ok) throw new Error(r.error.message);
    return r.value.journey;
  }, journey);

/** The copy as the group left it: its versions applied to it (what no longer applies skipped). */
const copyAfter = (versions: readonly CopyVersion[]): Journey =>
  versions
    .flatMap((v) => v.commands)
    .reduce((j, c) => {
      const r = applyCommand(j, c);
      return r.ok ? r.value.journey : j;
    }, copy);

const plan = (mainNow: Journey, versions: CopyVersion[]) =>
  planGroupMerge({
    apply: applyCommand,
    main: mainNow,
    copy: copyAfter(versions),
    versions,
    idSuffix: 'group-2',
  });

describe('a group copy', () => {
  it('is the main map under a new id and the group’s title, based on the main map', () => {
    expect(copy.id).toBe('intake-group-2');
    expect(copy.meta.title).toBe('Intake — Group 2');
    expect(copy.meta.basedOn).toBe('intake');
    expect(copy.cards).toEqual(main.cards);
  });

  it('is recognised by the detail of its first version, and nothing else is', () => {
    expect(groupCopyOrigin({ from: 'intake', fromVersion: 3, group: 'Group 2' })).toEqual({
      from: 'intake',
      fromVersion: 3,
      group: 'Group 2',
    });
    expect(groupCopyOrigin({ from: 'intake', fromVersion: 3 })).toBeNull(); // an ordinary duplicate
    expect(groupCopyOrigin(null)).toBeNull();
  });
});

describe('merging a group’s copy into the main map', () => {
  it('adds, changes and removes what the group did, in order, described in plain words', () => {
    const versions: CopyVersion[] = [
      { version: 2, kind: 'commands', commands: [step('c-new', 's2', 'Fills in the form')] },
      {
        version: 3,
        kind: 'commands',
        commands: [
          {
            type: 'card.update',
            id: 'c-new',
            patch: { text: 'Fills in the paper form' },
          } as unknown as JourneyCommand,
          { type: 'card.remove', id: 's3-call' } as unknown as JourneyCommand,
        ],
      },
    ];
    const p = plan(main, versions);
    expect(p.skipped).toEqual([]);
    expect(p.added).toEqual([{ change: 'Add card “Fills in the form” at step “Step 2”', version: 2 }]);
    expect(p.changed.map((l) => l.change)).toEqual([
      'Change card “Fills in the paper form” at step “Step 2”',
    ]);
    expect(p.removed.map((l) => l.change)).toEqual(['Remove card “Phones the council” at step “Step 3”']);
    const merged = run(main, p.commands);
    expect(merged).toEqual(p.journey);
    expect(merged.cards.find((c) => c.id === 'c-new')).toMatchObject({ text: 'Fills in the paper form' });
    expect(merged.cards.some((c) => c.id === 's3-call')).toBe(false);
  });

  it('keeps what others did on the main map meanwhile', () => {
    const mainNow = run(main, [step('m-1', 's1', 'Reads the letter')]);
    const p = plan(mainNow, [
      { version: 2, kind: 'commands', commands: [step('c-1', 's4', 'Gets a reply')] },
    ]);
    const ids = p.journey.cards.map((c) => c.id);
    expect(ids).toContain('m-1');
    expect(ids).toContain('c-1');
  });

  it('skips, by name and reason, what was made on a step deleted from the main map, and applies the rest', () => {
    const mainNow = run(main, [{ type: 'column.remove', id: 's2' } as unknown as JourneyCommand]);
    const versions: CopyVersion[] = [
      { version: 2, kind: 'commands', commands: [step('c-lost', 's2', 'Waits on hold')] },
      { version: 3, kind: 'commands', commands: [step('c-kept', 's4', 'Gets a reply')] },
      {
        version: 4,
        kind: 'commands',
        commands: [
          {
            type: 'card.update',
            id: 'c-lost',
            patch: { text: 'Waits 40 minutes' },
          } as unknown as JourneyCommand,
        ],
      },
    ];
    const p = plan(mainNow, versions);
    expect(p.skipped).toEqual([
      {
        change: 'Add card “Waits on hold” at step “Step 2”',
        version: 2,
        reason: 'its step is no longer on the main map: someone removed it while the group was working',
      },
      {
        change: 'Change card “Waits 40 minutes” at step “Step 2”',
        version: 4,
        reason: 'its card is no longer on the main map: someone removed it while the group was working',
      },
    ]);
    expect(p.added.map((l) => l.change)).toEqual(['Add card “Gets a reply” at step “Step 4”']);
    expect(p.commands).toHaveLength(1);
    expect(p.journey.cards.some((c) => c.id === 'c-lost')).toBe(false);
  });

  it('never half-applies a batch: one part that no longer applies skips the whole batch', () => {
    const mainNow = run(main, [{ type: 'column.remove', id: 's2' } as unknown as JourneyCommand]);
    const batch: JourneyCommand = {
      type: 'batch',
      label: 'Two cards',
      commands: [step('b-1', 's1', 'Fine'), step('b-2', 's2', 'Gone')],
    };
    const p = plan(mainNow, [{ version: 2, kind: 'commands', commands: [batch] }]);
    expect(p.commands).toEqual([]);
    expect(p.skipped).toEqual([{ change: 'Two cards', version: 2, reason: expect.stringContaining('step') }]);
    expect(p.journey).toBe(mainNow);
  });

  it('gives an item a new id when the main map has used its id meanwhile, and follows it in later changes', () => {
    const mainNow = run(main, [step('card-x', 's1', 'Made on the main map')]);
    const versions: CopyVersion[] = [
      { version: 2, kind: 'commands', commands: [step('card-x', 's3', 'Made by the group')] },
      {
        version: 3,
        kind: 'commands',
        commands: [
          {
            type: 'card.update',
            id: 'card-x',
            patch: { text: 'Changed by the group' },
          } as unknown as JourneyCommand,
          {
            type: 'link.add',
            item: {
              id: 'arrow-1',
              kind: 'hand-off',
              from: { columnId: 's3', cardId: 'card-x' },
              to: { kind: 'column', columnId: 's4' },
            },
          } as unknown as JourneyCommand,
        ],
      },
    ];
    const p = plan(mainNow, versions);
    expect(p.skipped).toEqual([]);
    expect(p.renamed).toEqual([{ from: 'card-x', to: 'card-x-group-2' }]);
    const merged = run(mainNow, p.commands);
    expect(merged.cards.find((c) => c.id === 'card-x')).toMatchObject({ text: 'Made on the main map' });
    expect(merged.cards.find((c) => c.id === 'card-x-group-2')).toMatchObject({
      text: 'Changed by the group',
      columnId: 's3',
    });
    expect(merged.links[0]?.from).toEqual({ columnId: 's3', cardId: 'card-x-group-2' });
  });

  it('leaves the copy’s title with the copy, and says a restore cannot be replayed', () => {
    const p = plan(main, [
      {
        version: 2,
        kind: 'commands',
        commands: [{ type: 'meta.update', patch: { title: 'Our version' } } as unknown as JourneyCommand],
      },
      { version: 3, kind: 'restore', commands: [] },
    ]);
    expect(p.commands).toEqual([]);
    expect(p.skipped.map((s) => s.change)).toEqual(['Change the journey’s details', 'Version 3 of the copy']);
    expect(p.skipped[1]?.reason).toMatch(/brought back an earlier version/);
  });
});
