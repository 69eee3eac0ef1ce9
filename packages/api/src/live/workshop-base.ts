import { findUnsafeCharacter } from '@waymark/core';
import { hasRole, type Role } from '@waymark/store';
import { z } from 'zod';
import type { LivePerson } from './protocol';
import type { WorkshopGroups } from './workshop-groups';
import type { WorkshopVoting } from './workshop-voting';
import { refused, type WorkshopRefusal } from './workshop-refusals';

export { refused, workshopRefusalCodes, workshopRefusals } from './workshop-refusals';
export type { WorkshopRefusal, WorkshopRefusalCode, WorkshopRefusalValues } from './workshop-refusals';

/**
 * What every workshop activity shares (decision 0014): the state, the actor, the result of a reducer and the
 * checks of who may do what. Activity files import from here (not from workshop.ts, which imports them).
 */

/** What the facilitator is looking at, which followers' screens show. */
export interface FollowView {
  /** `map`: the editor; `present`: presentation mode at `slide`. */
  readonly mode: 'map' | 'present';
  readonly columnId?: string | undefined;
  readonly cardId?: string | undefined;
  readonly slide?: number | undefined;
}

export interface WorkshopFollow {
  readonly view: FollowView;
  /** When the facilitator started it (epoch ms, server time). */
  readonly since: number;
}

export interface WorkshopTimer {
  readonly label: string;
  /** Epoch ms, server time. Clients correct for their clock with the `now` sent beside the state. */
  readonly startedAt: number;
  readonly endsAt: number;
}

/** Voting's state: workshop-voting.ts owns its shape. */
export type { WorkshopVoting, VoteDot } from './workshop-voting';
/** Groups' state: workshop-groups.ts owns its shape. */
export type { WorkshopGroups, WorkshopGroup, GroupPlace, GroupMerged } from './workshop-groups';

export interface WorkshopState {
  /** Counts changes (the store's revision): a tab keeps the highest it has seen. 0 = never started. */
  readonly revision: number;
  /** Who runs the workshop: only they change facilitation state (but for participant actions). */
  readonly facilitator: LivePerson | null;
  readonly follow: WorkshopFollow | null;
  /** Steps, stages and lanes cannot be changed but by the facilitator (cards still can). */
  readonly structureLocked: boolean;
  readonly timer: WorkshopTimer | null;
  readonly voting: WorkshopVoting | null;
  readonly groups: WorkshopGroups | null;
}

export const emptyWorkshop: WorkshopState = {
  revision: 0,
  facilitator: null,
  follow: null,
  structureLocked: false,
  timer: null,
  voting: null,
  groups: null,
};

/** Who sends an action: the person, their role in the workspace now, and their tab's connection. */
export interface WorkshopActor {
  readonly user: LivePerson;
  readonly role: Role;
  readonly connection: string;
  /** A guest from a workshop link (decision 0015): takes part, but never runs the workshop. */
  readonly guest?: boolean;
}

/** A new state, or a refusal by code (workshop-refusals.ts) with the values its words need. */
export type WorkshopResult = { readonly ok: true; readonly state: WorkshopState } | WorkshopRefusal;

export const changed = (state: WorkshopState): WorkshopResult => ({ ok: true, state });

/** Null when `actor` runs the workshop; otherwise the refusal. */
export function notFacilitator(state: WorkshopState, actor: WorkshopActor): WorkshopRefusal | null {
  if (!state.facilitator) return refused('no_workshop');
  if (state.facilitator.id !== actor.user.id)
    return refused('not_facilitator', { facilitator: state.facilitator.name });
  // The facilitator whose role was lowered mid-workshop is told why, not that someone else runs it.
  if (!hasRole(actor.role, 'editor')) return refused('run_needs_editor', { role: actor.role });
  return null;
}

/** Null when a participant may take part (any role that can see the map may, unless `role` says more). */
export function notParticipant(
  state: WorkshopState,
  actor: WorkshopActor,
  role: Role = 'viewer',
): WorkshopRefusal | null {
  if (!state.facilitator) return refused('no_workshop_to_join');
  if (!hasRole(actor.role, role)) return refused('role_needed', { needed: role, role: actor.role });
  return null;
}

/** Words typed by the facilitator (a timer's label): trimmed, 1 to `max` characters, core's character rule. */
export const workshopText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: 'expected some words' })
    .max(max, { message: `expected at most ${max} characters` })
    .refine((text) => findUnsafeCharacter(text) === null, {
      message: 'contains a character Waymark does not store; remove it and try again',
    });

/** A step, card or other item id in an action (the journey's own ids are at most 200 characters). */
export const workshopId = z.string().min(1).max(200);

type ActionSchema = z.ZodObject<{ type: z.ZodLiteral<string> } & z.ZodRawShape>;

/**
 * One activity: its actions' zod schemas (each a strict object with a literal `type`, prefixed with the
 * activity's name, e.g. `timer.start`) and its reducer. `reduce` is pure: the time comes in as `now` (epoch
 * ms), and it returns the new state (workshop.ts bumps the revision) or a refusal by code.
 */
export interface WorkshopActivity<S extends readonly ActionSchema[]> {
  readonly actions: S;
  reduce(state: WorkshopState, action: z.infer<S[number]>, actor: WorkshopActor, now: number): WorkshopResult;
}

export function defineActivity<const S extends readonly ActionSchema[]>(
  actions: S,
  reduce: WorkshopActivity<S>['reduce'],
): WorkshopActivity<S> {
  return { actions, reduce };
}
