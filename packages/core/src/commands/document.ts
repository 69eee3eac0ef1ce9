import { metaSchema, type Journey, type Meta } from '../journey/schema';
import { ok } from '../result';
import type { CommandResult } from './command-error';
import { mergePatch } from './patch';
import type { JourneyCommand } from './schema';

type Of<T extends JourneyCommand['type']> = Extract<JourneyCommand, { type: T }>;

export function updateMeta(j: Journey, c: Of<'meta.update'>): CommandResult {
  const merged = mergePatch<Meta>(j.meta, c.patch, c.unset, metaSchema);
  if (!merged.ok) return merged;
  const { inversePatch, inverseUnset } = merged.value;
  return ok({
    journey: { ...j, meta: merged.value.item },
    inverse: {
      type: 'meta.update',
      patch: inversePatch,
      ...(inverseUnset.length > 0 ? { unset: inverseUnset } : {}),
    } as JourneyCommand,
  });
}

/** Changing the axis keeps the columns; advice (adviseJourney) says where periods or ages no longer fit. */
export const setAxis = (j: Journey, c: Of<'axis.set'>): CommandResult =>
  ok({ journey: { ...j, axis: c.axis }, inverse: { type: 'axis.set', axis: j.axis } });
