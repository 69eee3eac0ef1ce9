/**
 * Workshop facilitation (issue 10 item 3, decision 0014): one workshop state per journey, beside the journey
 * and not in it, kept in the database (`journey_workshops`, migration 009) so every server process serves
 * the same workshop, and sent to every tab on the map as `{type: 'workshop', state, now}`.
 *
 * HOW TO ADD AN ACTIVITY (voting, groups, …)
 * 1. Make `workshop-<name>.ts`. Import from './workshop-base' (never from here: this file imports yours).
 *    Export `<name>Activity = defineActivity([...schemas], reduce)`: each schema a `z.strictObject` whose
 *    `type` is a literal prefixed with the activity (`voting.start`, `voting.cast`); `reduce(state, action,
 *    actor, now)` is pure and returns `changed({...state, <yours>: …})` or `refused(code, values)`: add each new
 *    code, with the English and the names of its values, to workshop-refusals.ts and its words (English and
 *    Welsh) to the catalogue as `workshop.refused.<code in camelCase>` (workshop-refusals.test.ts checks).
 *    Use `notFacilitator(state, actor)` for the facilitator's actions and `notParticipant(state, actor,
 *    role?)` for the ones any participant may take (casting a vote, joining a group). Times are epoch ms.
 * 2. Your slice of the state is `voting` / `groups` in WorkshopState (workshop-base.ts): replace its
 *    placeholder type there with a type re-export of yours, and keep it JSON (it is stored as jsonb).
 * 3. Register it below with one line in `activities`. The protocol's action union, the hub and the store
 *    need nothing else; the web client sends it with `sendWorkshop(action)` and reads `workshop` back.
 * 4. Test the reducer (workshop-<name>.test.ts, like workshop.test.ts) and the refusals through the hub.
 */
import { hasRole } from '@waymark/store';
import { z } from 'zod';
import {
  changed,
  defineActivity,
  emptyWorkshop,
  notFacilitator,
  refused,
  type WorkshopActor,
  type WorkshopResult,
  type WorkshopState,
} from './workshop-base';
import { followActivity } from './workshop-follow';
import { groupsActivity } from './workshop-groups';
import { lockActivity } from './workshop-lock';
import { timerActivity } from './workshop-timer';
import { votingActivity } from './workshop-voting';

export * from './workshop-base';
export { firstStructureCommand, lockedFor, STRUCTURE_LOCKED_MESSAGE } from './workshop-lock';

/** Starting, taking over and ending the workshop itself. */
const sessionActivity = defineActivity(
  [
    z.strictObject({ type: z.literal('workshop.start') }),
    z.strictObject({ type: z.literal('workshop.takeOver') }),
    z.strictObject({ type: z.literal('workshop.end') }),
  ],
  (state, action, actor) => {
    if (!hasRole(actor.role, 'editor')) return refused('run_needs_editor', { role: actor.role });
    if (actor.guest && action.type !== 'workshop.end') return refused('guest_cannot_run');
    const facilitator = state.facilitator;
    switch (action.type) {
      case 'workshop.start':
        if (facilitator && facilitator.id !== actor.user.id)
          return refused('workshop_running', { facilitator: facilitator.name });
        return changed({ ...state, facilitator: actor.user });
      case 'workshop.takeOver':
        if (actor.role !== 'owner') return refused('take_over_needs_owner');
        return changed({ ...state, facilitator: actor.user });
      case 'workshop.end':
        if (actor.role !== 'owner') {
          const refusal = notFacilitator(state, actor);
          if (refusal) return refusal;
        }
        return changed({ ...emptyWorkshop, revision: state.revision });
    }
  },
);

/** Every activity, one line each. */
const activities = [
  sessionActivity,
  followActivity,
  lockActivity,
  timerActivity,
  votingActivity,
  groupsActivity,
] as const;

type ActionOf<A> = A extends { readonly actions: readonly (infer S)[] }
  ? S extends z.ZodType
    ? z.infer<S>
    : never
  : never;
export type WorkshopAction = ActionOf<(typeof activities)[number]>;

const allSchemas = activities.flatMap((a) => [...a.actions]);
/** Every action of every activity, told apart by `type`. */
export const workshopActionSchema = z.discriminatedUnion(
  'type',
  allSchemas as unknown as [(typeof allSchemas)[number], ...(typeof allSchemas)[number][]],
) as unknown as z.ZodType<WorkshopAction>;

type AnyReduce = (
  state: WorkshopState,
  action: WorkshopAction,
  actor: WorkshopActor,
  now: number,
) => WorkshopResult;
const reducers = new Map<string, AnyReduce>(
  activities.flatMap((a) =>
    a.actions.map((s) => [s.shape.type.value as string, a.reduce as AnyReduce] as const),
  ),
);

/**
 * Applies one action: the new state with its revision one higher, or why it was refused (a code and the
 * values its words need). Pure: the time comes in as `now` (epoch ms).
 */
export function applyWorkshopAction(
  state: WorkshopState,
  action: WorkshopAction,
  actor: WorkshopActor,
  now: number,
): WorkshopResult {
  const reduce = reducers.get(action.type);
  if (!reduce) return refused('unknown_action');
  const result = reduce(state, action, actor, now);
  return result.ok ? changed({ ...result.state, revision: state.revision + 1 }) : result;
}

/** A stored workshop as state (fields added later get their empty value), or the empty one. */
export function workshopOf(
  stored: { readonly state: unknown; readonly revision: number } | null,
): WorkshopState {
  if (!stored) return emptyWorkshop;
  const state = (
    stored.state && typeof stored.state === 'object' ? stored.state : {}
  ) as Partial<WorkshopState>;
  return { ...emptyWorkshop, ...state, revision: stored.revision };
}
