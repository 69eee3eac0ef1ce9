import { z } from 'zod';
import type { LivePerson } from './protocol';
import {
  changed,
  defineActivity,
  notFacilitator,
  notParticipant,
  refused,
  workshopId,
  workshopText,
  type WorkshopResult,
  type WorkshopState,
} from './workshop-base';

/**
 * Group work (decision 0014, "Groups"): the facilitator splits the room into groups, each working on its own
 * stretch of steps of this map or on its own copy of it (a journey made by `POST …/group-copies`), assigns
 * people or lets them choose, merges each copy's work back (`POST …/group-merge`, then `groups.merged` so
 * everyone sees what came in) and ends the group work, which brings everyone back to the main map.
 */
export type GroupPlace =
  | { readonly kind: 'steps'; readonly fromColumnId: string; readonly toColumnId: string }
  | { readonly kind: 'copy'; readonly journeyId: string };

export interface GroupMerged {
  readonly at: number;
  /** The main map's version after the merge. */
  readonly version: number;
  readonly applied: number;
  readonly skipped: number;
}

export interface WorkshopGroup {
  /** `g1`, `g2`…: given by the reducer, never reused within one group work. */
  readonly id: string;
  readonly name: string;
  readonly place: GroupPlace;
  readonly members: readonly LivePerson[];
  readonly merged?: GroupMerged;
}

export interface WorkshopGroups {
  readonly groups: readonly WorkshopGroup[];
  /** Whether participants may choose (and change) their group themselves. */
  readonly choosing: boolean;
  readonly startedAt: number;
  /** The last group number given, so a removed group's id is not given again. */
  readonly lastNumber: number;
}

export const MAX_GROUPS = 12;

const placeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('steps'), fromColumnId: workshopId, toColumnId: workshopId }),
  z.strictObject({ kind: z.literal('copy'), journeyId: workshopId }),
]);
const personSchema = z.strictObject({ id: workshopId, name: workshopText(200) });

const noGroups = (): WorkshopResult => refused('no_groups');

const withoutPerson = (groups: readonly WorkshopGroup[], personId: string) =>
  groups.map((g) =>
    g.members.some((m) => m.id === personId)
      ? { ...g, members: g.members.filter((m) => m.id !== personId) }
      : g,
  );

/** Puts `person` in group `groupId` (out of any other), or in none when `groupId` is null. */
function place(state: WorkshopState, work: WorkshopGroups, groupId: string | null, person: LivePerson) {
  const groups = withoutPerson(work.groups, person.id).map((g) =>
    g.id === groupId ? { ...g, members: [...g.members, { id: person.id, name: person.name }] } : g,
  );
  return changed({ ...state, groups: { ...work, groups } });
}

const findGroup = (work: WorkshopGroups, groupId: string) => work.groups.find((g) => g.id === groupId);
const unknownGroup = () => refused('group_not_found');

/** The group a person is in, if any. */
export const groupOf = (work: WorkshopGroups | null | undefined, personId: string): WorkshopGroup | null =>
  work?.groups.find((g) => g.members.some((m) => m.id === personId)) ?? null;

export const groupsActivity = defineActivity(
  [
    z.strictObject({ type: z.literal('groups.add'), name: workshopText(60), place: placeSchema }),
    z.strictObject({ type: z.literal('groups.remove'), groupId: workshopId }),
    z.strictObject({
      type: z.literal('groups.assign'),
      groupId: workshopId.nullable(),
      person: personSchema,
    }),
    z.strictObject({ type: z.literal('groups.choosing'), allowed: z.boolean() }),
    z.strictObject({ type: z.literal('groups.join'), groupId: workshopId }),
    z.strictObject({ type: z.literal('groups.leave') }),
    z.strictObject({
      type: z.literal('groups.merged'),
      groupId: workshopId,
      version: z.number().int().min(1),
      applied: z.number().int().min(0),
      skipped: z.number().int().min(0),
    }),
    z.strictObject({ type: z.literal('groups.end') }),
  ],
  (state, action, actor, now) => {
    const work = state.groups;
    if (action.type === 'groups.join' || action.type === 'groups.leave') {
      const refusal = notParticipant(state, actor);
      if (refusal) return refusal;
      if (!work) return noGroups();
      if (!work.choosing) return refused('groups_assigned');
      if (action.type === 'groups.leave') return place(state, work, null, actor.user);
      return findGroup(work, action.groupId)
        ? place(state, work, action.groupId, actor.user)
        : unknownGroup();
    }
    const refusal = notFacilitator(state, actor);
    if (refusal) return refusal;
    if (action.type === 'groups.add') {
      const current = work ?? { groups: [], choosing: false, startedAt: now, lastNumber: 0 };
      if (current.groups.length >= MAX_GROUPS) return refused('too_many_groups', { max: MAX_GROUPS });
      const name = action.name;
      if (current.groups.some((g) => g.name.toLowerCase() === name.toLowerCase()))
        return refused('group_exists', { name });
      const copyId = action.place.kind === 'copy' ? action.place.journeyId : null;
      if (copyId && current.groups.some((g) => g.place.kind === 'copy' && g.place.journeyId === copyId))
        return refused('copy_taken');
      const number = current.lastNumber + 1;
      const group: WorkshopGroup = { id: `g${number}`, name, place: action.place, members: [] };
      return changed({
        ...state,
        groups: { ...current, groups: [...current.groups, group], lastNumber: number },
      });
    }
    if (action.type === 'groups.end') return work ? changed({ ...state, groups: null }) : noGroups();
    if (!work) return noGroups();
    switch (action.type) {
      case 'groups.remove':
        return findGroup(work, action.groupId)
          ? changed({
              ...state,
              groups: { ...work, groups: work.groups.filter((g) => g.id !== action.groupId) },
            })
          : unknownGroup();
      case 'groups.assign':
        if (action.groupId !== null && !findGroup(work, action.groupId)) return unknownGroup();
        return place(state, work, action.groupId, action.person);
      case 'groups.choosing':
        return changed({ ...state, groups: { ...work, choosing: action.allowed } });
      case 'groups.merged': {
        const group = findGroup(work, action.groupId);
        if (!group) return unknownGroup();
        if (group.place.kind !== 'copy') return refused('not_a_copy', { group: group.name });
        const merged: GroupMerged = {
          at: now,
          version: action.version,
          applied: action.applied,
          skipped: action.skipped,
        };
        const groups = work.groups.map((g) => (g.id === group.id ? { ...g, merged } : g));
        return changed({ ...state, groups: { ...work, groups } });
      }
    }
  },
);
