import type { JourneyId } from '@waymark/core';
import type { PosterHierarchy } from '@waymark/render';
import type { RouteInput } from '../route-spec';
import { workspaceOf } from '../routes/route-helpers';

/**
 * Where a journey sits, for its poster (issue 14): the title of the journey each of its steps opens, and the
 * titles of the journeys above it from the top down. Undefined when the server keeps no hierarchy.
 */
export async function posterHierarchyOf(
  input: RouteInput<unknown>,
  journeyId: JourneyId,
): Promise<PosterHierarchy | undefined> {
  const store = input.deps.hierarchy;
  if (!store) return undefined;
  const ws = workspaceOf(input);
  const edges = await store.listChildren(ws);
  const titles = new Map((await input.deps.journeys.listJourneys(ws)).map((j) => [j.id as string, j.title]));
  const childOfStep: Record<string, string> = {};
  for (const e of edges)
    if (e.parentJourneyId === journeyId)
      childOfStep[e.parentStepId] = titles.get(e.childJourneyId) ?? e.childJourneyId;
  const parentOf = new Map(edges.map((e) => [e.childJourneyId as string, e.parentJourneyId as string]));
  const ancestors: string[] = [];
  const seen = new Set<string>([journeyId]);
  for (let up = parentOf.get(journeyId); up !== undefined && !seen.has(up); up = parentOf.get(up)) {
    seen.add(up);
    ancestors.unshift(titles.get(up) ?? up);
  }
  return { childOfStep, ancestors };
}
