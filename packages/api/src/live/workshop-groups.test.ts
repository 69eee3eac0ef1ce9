import type { Role } from '@waymark/store';
import { describe, expect, it } from 'vitest';
import {
  applyWorkshopAction,
  emptyWorkshop,
  workshopActionSchema,
  type WorkshopAction,
  type WorkshopState,
} from './workshop';
import { groupOf, MAX_GROUPS } from './workshop-groups';

const T = 1_800_000_000_000;
const actor = (name: string, role: Role) => ({
  user: { id: `u-${name.toLowerCase()}`, name },
  role,
  connection: `c-${name}`,
});
const fay = actor('Fay', 'editor'); // the facilitator
const ann = actor('Ann', 'owner');
const eve = actor('Eve', 'editor');
const cam = actor('Cam', 'commenter');
const vic = actor('Vic', 'viewer');

function run(state: WorkshopState, action: WorkshopAction, who = fay, now = T): WorkshopState {
  const result = applyWorkshopAction(state, action, who, now);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.state;
}
function refusal(state: WorkshopState, action: WorkshopAction, who: typeof fay) {
  const result = applyWorkshopAction(state, action, who, T);
  if (result.ok) throw new Error(`expected ${action.type} by ${who.user.name} to be refused`);
  return result;
}
const started = () => run(emptyWorkshop, { type: 'workshop.start' });
const steps = (fromColumnId: string, toColumnId: string) => ({
  kind: 'steps' as const,
  fromColumnId,
  toColumnId,
});
const twoGroups = () => {
  let s = started();
  s = run(s, { type: 'groups.add', name: 'Group 1', place: steps('s1', 's3') });
  return run(s, {
    type: 'groups.add',
    name: 'Group 2',
    place: { kind: 'copy', journeyId: 'intake-group-2' },
  });
};

describe('groups: the facilitator sets them up', () => {
  it('given a workshop, when the facilitator adds two groups, then each has an id, its place and no members', () => {
    const s = twoGroups();
    expect(s.groups).toEqual({
      groups: [
        { id: 'g1', name: 'Group 1', place: steps('s1', 's3'), members: [] },
        { id: 'g2', name: 'Group 2', place: { kind: 'copy', journeyId: 'intake-group-2' }, members: [] },
      ],
      choosing: false,
      startedAt: T,
      lastNumber: 2,
    });
  });

  it('given groups, when one is removed and another added, then the removed id is not given again', () => {
    let s = run(twoGroups(), { type: 'groups.remove', groupId: 'g2' });
    s = run(s, { type: 'groups.add', name: 'Group 3', place: steps('s4', 's4') });
    expect(s.groups?.groups.map((g) => g.id)).toEqual(['g1', 'g3']);
  });

  it('refuses a second group of the same name, a copy already given to a group, and more than the maximum', () => {
    const s = twoGroups();
    expect(refusal(s, { type: 'groups.add', name: 'group 1', place: steps('s1', 's1') }, fay)).toMatchObject({
      code: 'group_exists',
      values: { name: 'group 1' },
    });
    expect(
      refusal(
        s,
        { type: 'groups.add', name: 'Group 9', place: { kind: 'copy', journeyId: 'intake-group-2' } },
        fay,
      ).code,
    ).toBe('copy_taken');
    let full = started();
    for (let n = 1; n <= MAX_GROUPS; n++)
      full = run(full, { type: 'groups.add', name: `G${n}`, place: steps('s1', 's1') });
    expect(
      refusal(full, { type: 'groups.add', name: 'One more', place: steps('s1', 's1') }, fay),
    ).toMatchObject({
      code: 'too_many_groups',
      values: { max: MAX_GROUPS },
    });
  });

  it('refuses everyone but the facilitator the facilitator’s actions, and all of them without a workshop', () => {
    const s = twoGroups();
    const facilitatorOnly: WorkshopAction[] = [
      { type: 'groups.add', name: 'Mine', place: steps('s1', 's1') },
      { type: 'groups.remove', groupId: 'g1' },
      { type: 'groups.assign', groupId: 'g1', person: { id: 'u-cam', name: 'Cam' } },
      { type: 'groups.choosing', allowed: true },
      { type: 'groups.merged', groupId: 'g2', version: 5, applied: 2, skipped: 0 },
      { type: 'groups.end' },
    ];
    for (const action of facilitatorOnly) {
      for (const who of [eve, cam, vic]) expect(refusal(s, action, who).code).toBe('not_facilitator');
      expect(refusal(emptyWorkshop, action, fay).code).toBe('no_workshop');
    }
    // An owner who has not taken over is not the facilitator either.
    expect(refusal(s, { type: 'groups.end' }, ann).code).toBe('not_facilitator');
  });
});

describe('groups: people in groups', () => {
  it('given groups, when the facilitator assigns people, then each is in one group only and can be taken out', () => {
    let s = twoGroups();
    s = run(s, { type: 'groups.assign', groupId: 'g1', person: { id: 'u-cam', name: 'Cam' } });
    s = run(s, { type: 'groups.assign', groupId: 'g2', person: { id: 'u-eve', name: 'Eve' } });
    s = run(s, { type: 'groups.assign', groupId: 'g2', person: { id: 'u-cam', name: 'Cam' } });
    expect(groupOf(s.groups, 'u-cam')?.name).toBe('Group 2');
    expect(s.groups?.groups[0]?.members).toEqual([]);
    expect(s.groups?.groups[1]?.members).toEqual([
      { id: 'u-eve', name: 'Eve' },
      { id: 'u-cam', name: 'Cam' },
    ]);
    s = run(s, { type: 'groups.assign', groupId: null, person: { id: 'u-cam', name: 'Cam' } });
    expect(groupOf(s.groups, 'u-cam')).toBeNull();
    expect(
      refusal(s, { type: 'groups.assign', groupId: 'g7', person: { id: 'u-cam', name: 'Cam' } }, fay).code,
    ).toBe('group_not_found');
  });

  it('given people may not choose, when a participant joins a group, then it is refused', () => {
    const r = refusal(twoGroups(), { type: 'groups.join', groupId: 'g1' }, cam);
    expect(r).toMatchObject({ code: 'groups_assigned', values: {} });
  });

  it('given people may choose, then anyone on the map (a viewer too) joins, moves and leaves by themselves', () => {
    let s = run(twoGroups(), { type: 'groups.choosing', allowed: true });
    s = run(s, { type: 'groups.join', groupId: 'g1' }, vic);
    s = run(s, { type: 'groups.join', groupId: 'g2' }, cam);
    s = run(s, { type: 'groups.join', groupId: 'g2' }, vic);
    expect(s.groups?.groups.map((g) => g.members.map((m) => m.name))).toEqual([[], ['Cam', 'Vic']]);
    s = run(s, { type: 'groups.leave' }, cam);
    expect(groupOf(s.groups, 'u-cam')).toBeNull();
    expect(refusal(s, { type: 'groups.join', groupId: 'g9' }, cam).code).toBe('group_not_found');
  });

  it('given no group work, when someone joins, then they are told there is none', () => {
    expect(refusal(started(), { type: 'groups.join', groupId: 'g1' }, cam).code).toBe('no_groups');
    expect(refusal(emptyWorkshop, { type: 'groups.join', groupId: 'g1' }, cam).code).toBe(
      'no_workshop_to_join',
    );
  });
});

describe('groups: merging and ending', () => {
  it('records a copy’s merge for everyone to see, and refuses it for a stretch of steps', () => {
    const s = run(
      twoGroups(),
      { type: 'groups.merged', groupId: 'g2', version: 9, applied: 4, skipped: 1 },
      fay,
      T + 5,
    );
    expect(s.groups?.groups[1]?.merged).toEqual({ at: T + 5, version: 9, applied: 4, skipped: 1 });
    expect(
      refusal(s, { type: 'groups.merged', groupId: 'g1', version: 9, applied: 1, skipped: 0 }, fay),
    ).toMatchObject({ code: 'not_a_copy', values: { group: s.groups?.groups[0]?.name } });
  });

  it('ending the group work (or the workshop) brings everyone back: no groups, nobody in one', () => {
    let s = run(twoGroups(), { type: 'groups.assign', groupId: 'g1', person: { id: 'u-cam', name: 'Cam' } });
    const ended = run(s, { type: 'groups.end' });
    expect(ended.groups).toBeNull();
    expect(ended.facilitator).toEqual(fay.user); // the workshop itself goes on
    expect(refusal(ended, { type: 'groups.end' }, fay).code).toBe('no_groups');
    s = run(s, { type: 'workshop.end' });
    expect(s.groups).toBeNull();
  });

  it('the action schema refuses a malformed place and an empty name', () => {
    expect(
      workshopActionSchema.safeParse({
        type: 'groups.add',
        name: 'G',
        place: { kind: 'steps', fromColumnId: 's1' },
      }).success,
    ).toBe(false);
    expect(
      workshopActionSchema.safeParse({
        type: 'groups.add',
        name: '  ',
        place: { kind: 'copy', journeyId: 'x' },
      }).success,
    ).toBe(false);
    expect(
      workshopActionSchema.safeParse({
        type: 'groups.add',
        name: 'G',
        place: { kind: 'copy', journeyId: 'x' },
      }).success,
    ).toBe(true);
  });
});
