/**
 * Every refusal of a workshop action (decision 0014), by code. A refusal goes to the tab as
 * `{type: 'workshop-refused', code, values, message}`: the web says it in the person's language from the
 * catalogue (`workshop.refused.<code in camelCase>`, see `workshopRefusalMessageId` in @waymark/i18n) with
 * `values`; `message` is the English below, kept for logs and for tabs that predate `values`. Each code means
 * one thing, so the words can be exact; `values` holds what the words need (a name, a number, a role, a kind).
 *
 * To refuse something new: add a code here, with the names of its values, and its words in English and Welsh
 * (workshop-refusals.test.ts fails until both have them, with the same values).
 */

import { votableKindNames, type VotableKind } from '@waymark/core';

type Value = string | number;

const say = <const K extends string = never>(
  values: readonly K[],
  english: (v: { readonly [key in K]: Value }) => string,
) => ({ values, english });

export const workshopRefusals = {
  // Who may do what (workshop-base.ts, workshop.ts).
  no_workshop: say([], () => 'No workshop is running on this map. Start one first with "Run a workshop".'),
  no_workshop_to_join: say(
    [],
    () => 'No workshop is running on this map, so there is nothing to take part in.',
  ),
  not_facilitator: say(
    ['facilitator'],
    (v) =>
      `Only the facilitator, ${v.facilitator}, can do that. Ask them, or ask a workspace owner to take over.`,
  ),
  /** `needed` and `role` are workspace roles (owner, editor, commenter, viewer). */
  role_needed: say(
    ['needed', 'role'],
    (v) => `You cannot do that in this workshop: it needs the ${v.needed} role and you are ${v.role}.`,
  ),
  run_needs_editor: say(
    ['role'],
    (v) => `Running a workshop needs the editor or owner role; you are ${v.role}. You can still take part.`,
  ),
  guest_cannot_run: say(
    [],
    () => 'Guests cannot run a workshop. Ask the person who invited you to start it or take it over.',
  ),
  workshop_running: say(
    ['facilitator'],
    (v) =>
      `${v.facilitator} is already running a workshop on this map. A workspace owner can take over from them.`,
  ),
  take_over_needs_owner: say(
    [],
    () => 'Only a workspace owner can take over a workshop. Ask the facilitator to end it instead.',
  ),
  unknown_action: say([], () => 'That workshop action is not known to this server. Reload the page.'),
  // The timer (workshop-timer.ts).
  no_timer: say([], () => 'There is no timer running to add time to. Start one first.'),
  // Dot-voting (workshop-voting.ts).
  no_voting: say([], () => 'No dot-voting is running on this map. The facilitator starts it.'),
  voting_closed: say([], () => 'This round of dot-voting has closed, so votes can no longer change.'),
  vote_needs_commenter: say(
    ['role'],
    (v) => `Voting needs the commenter, editor or owner role; you are ${v.role}. You can watch the results.`,
  ),
  /** `kind` is a votable kind (pain-point, moment-of-truth, idea). */
  not_in_vote: say(
    ['kind'],
    (v) =>
      `This round is not about ${votableKindNames[v.kind as VotableKind]?.many ?? v.kind}, so that cannot be voted for.`,
  ),
  no_votes_left: say(
    ['votesEach'],
    (v) => `You have used all ${v.votesEach} of your votes. Take one back to vote for something else.`,
  ),
  no_vote_here: say([], () => 'You have no vote there to take back.'),
  voting_open: say([], () => 'A round of dot-voting is already open. Close it before starting another.'),
  voting_not_closed: say([], () => 'Close the round of dot-voting before writing its results.'),
  // Groups (workshop-groups.ts).
  no_groups: say(
    [],
    () => 'There is no group work on this map at the moment. The facilitator sets up the groups.',
  ),
  groups_assigned: say(
    [],
    () =>
      'The facilitator is putting people into groups for this exercise. Ask them if you want to change group.',
  ),
  group_not_found: say([], () => 'That group is no longer there: the facilitator may have removed it.'),
  too_many_groups: say(['max'], (v) => `A workshop can have at most ${v.max} groups at once.`),
  group_exists: say(
    ['name'],
    (v) => `There is already a group called “${v.name}”. Give this one another name.`,
  ),
  copy_taken: say([], () => 'That copy already belongs to another group.'),
  not_a_copy: say(['group'], (v) => `${v.group} works on steps of this map, so there is nothing to merge.`),
  // The hub (live-hub.ts).
  not_available: say([], () => 'Workshops are not available on this server. Ask whoever runs it.'),
  workspace_not_found: say([], () => 'You are no longer a member of this workspace.'),
  unauthenticated: say([], () => 'Your session has ended. Sign in again.'),
  busy: say([], () => 'The workshop was changing too fast to fit that in. Please try again.'),
};

export type WorkshopRefusalCode = keyof typeof workshopRefusals;

/** Every code a workshop refusal can carry. */
export const workshopRefusalCodes = Object.keys(workshopRefusals) as WorkshopRefusalCode[];

/** The values the words of `code` need (an empty object when they need none). */
export type WorkshopRefusalValues<C extends WorkshopRefusalCode = WorkshopRefusalCode> = Parameters<
  (typeof workshopRefusals)[C]['english']
>[0];

export interface WorkshopRefusal {
  readonly ok: false;
  readonly code: WorkshopRefusalCode;
  readonly values: Readonly<Record<string, Value>>;
  /** The English words, for logs and for tabs that predate `values`. */
  readonly message: string;
}

/** A refusal by code, with the values its words need: `refused('not_facilitator', {facilitator: 'Ann'})`. */
export function refused<C extends WorkshopRefusalCode>(
  code: C,
  ...values: keyof WorkshopRefusalValues<C> extends never ? [] : [WorkshopRefusalValues<C>]
): WorkshopRefusal {
  const given = (values[0] ?? {}) as Readonly<Record<string, Value>>;
  const english = workshopRefusals[code].english as (v: Readonly<Record<string, Value>>) => string;
  return { ok: false, code, values: given, message: english(given) };
}
