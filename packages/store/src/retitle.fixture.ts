import { applyCommand, type JourneyCommand } from '@waymark/core';
import type { JourneyStore } from './journey-store';
import type { UserId, WorkspaceId } from './records';
import { sampleJourney } from './sample-journey';

/** Appends a version of `sampleJourney(id)` retitled by one command, made on `baseVersion` (for store tests). */
export function appendRetitled(
  journeys: JourneyStore,
  at: { workspaceId: WorkspaceId; by: UserId; at: string },
  id: string,
  baseVersion: number,
  title: string,
) {
  const command: JourneyCommand = { type: 'meta.update', patch: { title } };
  const applied = applyCommand(sampleJourney(id), command);
  if (!applied.ok) throw new Error(applied.error.message);
  return journeys.appendVersion({
    ...at,
    journey: applied.value.journey,
    kind: 'commands',
    commands: [command],
    baseVersion,
  });
}
