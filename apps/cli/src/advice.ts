import * as core from '@waymark/core';
import type { Journey, Problem } from '@waymark/core';

type Advise = (journey: Journey) => readonly Problem[];

/**
 * Warnings from core's `adviseJourney` (a loop pointing forward, an empty lane), once core exports it; until
 * then none. Looked up by name so this file compiles before and after it lands.
 */
export function adviseJourney(journey: Journey): readonly Problem[] {
  const advise = (core as Record<string, unknown>).adviseJourney as Advise | undefined;
  if (typeof advise !== 'function') return [];
  const found = advise(journey);
  return Array.isArray(found) ? found.map((p) => ({ ...p, severity: 'warning' as const })) : [];
}
