import {
  err,
  formatPath,
  ok,
  type Journey,
  type JourneyCommand,
  type JourneyId,
  type Result,
} from '@waymark/core';
import type { StoredJourney, UserId, WorkspaceId } from '@waymark/store';
import type { ApiDeps, ApplyCommand } from '../deps';
import { firstStructureCommand, lockedFor, STRUCTURE_LOCKED_MESSAGE, workshopOf } from '../live/workshop';

export interface RefusedCommand {
  readonly index: number;
  readonly code: string;
  readonly message: string;
  /** `commands[2].item.columnId`: which command, and where in it. */
  readonly path: string;
}

/** Applies commands in order, all or none: the first refusal stops it and names the command. */
export function applyCommands(
  apply: ApplyCommand,
  journey: Journey,
  commands: readonly JourneyCommand[],
): Result<Journey, RefusedCommand> {
  let current = journey;
  for (const [index, command] of commands.entries()) {
    const applied = apply(current, command);
    if (!applied.ok) {
      const { code, message, path } = applied.error;
      return err({ index, code, message, path: formatPath(['commands', index, ...path]) });
    }
    current = applied.value.journey;
  }
  return ok(current);
}

export type CommitFailure =
  | { readonly code: 'journey_not_found' }
  | { readonly code: 'version_conflict'; readonly current: StoredJourney }
  | { readonly code: 'command_refused'; readonly refused: RefusedCommand };

export interface CommitInput {
  readonly workspaceId: WorkspaceId;
  readonly journeyId: JourneyId;
  readonly commands: readonly JourneyCommand[];
  /** The version the commands were made on. */
  readonly baseVersion: number;
  /**
   * `refuse`: only on `baseVersion` (a 409 otherwise: the REST route, whose editor re-applies on conflict).
   * `rebase`: on whatever is current, if they still apply (the live route: concurrent edits to different
   * things never conflict). The store's version check is the arbiter across processes: when another writer
   * got in between the read and the write, the commands are applied again to the newer journey.
   */
  readonly onStale: 'refuse' | 'rebase';
  readonly by: UserId;
  readonly at: string;
  readonly detail?: Record<string, unknown>;
}

const REBASE_ATTEMPTS = 8;

/**
 * The one path by which commands change a stored journey (REST and live): read the current version, apply the
 * commands with the reducer (all or none), store the next version with the commands as its history.
 */
export async function commitCommands(
  deps: Pick<ApiDeps, 'journeys' | 'applyCommand' | 'workshops'>,
  input: CommitInput,
): Promise<Result<StoredJourney, CommitFailure>> {
  // A workshop's structure lock (decision 0014): steps, stages and lanes stay as the facilitator left them.
  // Read only for commands that change the structure, so card edits cost nothing more.
  const structural = deps.workshops ? firstStructureCommand(input.commands) : -1;
  if (structural >= 0 && deps.workshops) {
    const workshop = workshopOf(await deps.workshops.get(input.workspaceId, input.journeyId));
    if (lockedFor(workshop, input.by)) {
      return err({
        code: 'command_refused',
        refused: {
          index: structural,
          code: 'structure_locked',
          message: STRUCTURE_LOCKED_MESSAGE,
          path: formatPath(['commands', structural]),
        },
      });
    }
  }
  let current = await deps.journeys.getJourney(input.workspaceId, input.journeyId);
  for (let attempt = 0; ; attempt++) {
    if (!current) return err({ code: 'journey_not_found' });
    if (input.onStale === 'refuse' && current.version !== input.baseVersion)
      return err({ code: 'version_conflict', current });
    const applied = applyCommands(deps.applyCommand, current.journey, input.commands);
    if (!applied.ok) return err({ code: 'command_refused', refused: applied.error });
    const stored = await deps.journeys.appendVersion({
      workspaceId: input.workspaceId,
      journey: applied.value,
      kind: 'commands',
      commands: input.commands,
      ...(input.detail ? { detail: input.detail } : {}),
      baseVersion: current.version,
      by: input.by,
      at: input.at,
    });
    if (stored.ok) return ok(stored.value);
    if (stored.error.code !== 'version_conflict' || !stored.error.current)
      return err({ code: 'journey_not_found' });
    if (input.onStale === 'refuse' || attempt + 1 >= REBASE_ATTEMPTS)
      return err({ code: 'version_conflict', current: stored.error.current });
    // The store answered the conflict with the newer journey: try again on that, without reading it again,
    // after a random pause that grows with each lost race, so two processes racing for one journey stop
    // colliding in step.
    current = stored.error.current;
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 4 * 2 ** attempt)));
  }
}
