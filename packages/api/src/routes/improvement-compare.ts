import type { ColumnId, Journey } from '@waymark/core';
import {
  alignSteps,
  compareJourneys,
  proposeAlignment,
  type AlignmentRow,
  type Comparison,
  type ResolvedCostModel,
} from '@waymark/measure';
import { z } from 'zod';
import { fail } from '../api-error';

/** A person's pairing: this desired step is that current step, or (current null) it is new. */
export const pairingSchema = z.strictObject({
  desired: z.string().min(1).max(100),
  current: z.string().min(1).max(100).nullable(),
});
export type Pairing = z.infer<typeof pairingSchema>;

/** `d1:c1,d2:` (d2 is new) from a query string, as pairings. */
export function parsePairsQuery(text: string | undefined): Pairing[] {
  if (text === undefined || text === '') return [];
  return text.split(',').map((part, i) => {
    const [desired, current, extra] = part.split(':');
    if (!desired || current === undefined || extra !== undefined)
      throw fail(
        'invalid_request',
        `pairs: item ${i + 1} "${part}" is not desiredStepId:currentStepId (or desiredStepId: for a new step)`,
        'pairs',
      );
    return { desired, current: current === '' ? null : current };
  });
}

/**
 * The proposed alignment with a person's decisions applied in order: `confirm` confirms the name matches of
 * those desired steps ('all' for every one), `pairs` overrides pairings. Unknown step ids are 400s.
 */
export function decideAlignment(
  current: Journey,
  desired: Journey,
  pairs: readonly Pairing[],
  confirm: readonly string[] | 'all',
): AlignmentRow[] {
  let rows = proposeAlignment(current, desired);
  const currentIds = new Set<string>(current.columns.map((c) => c.id));
  const desiredIds = new Set<string>(desired.columns.map((c) => c.id));
  const toConfirm =
    confirm === 'all' ? rows.filter((r) => r.how === 'name').map((r) => r.desired as string) : confirm;
  for (const d of toConfirm) {
    const row = rows.find((r) => r.desired === d);
    if (!row) throw fail('invalid_request', `confirm: no step "${d}" in the desired journey`, 'confirm');
    rows = alignSteps(current, desired, rows, d as ColumnId, row.current);
  }
  pairs.forEach((p, i) => {
    if (!desiredIds.has(p.desired))
      throw fail(
        'invalid_request',
        `pairs[${i}].desired: no step "${p.desired}" in the desired journey`,
        `pairs[${i}].desired`,
      );
    if (p.current !== null && !currentIds.has(p.current))
      throw fail(
        'invalid_request',
        `pairs[${i}].current: no step "${p.current}" in the current journey`,
        `pairs[${i}].current`,
      );
    rows = alignSteps(current, desired, rows, p.desired as ColumnId, p.current as ColumnId | null);
  });
  return rows;
}

export function compareWith(
  current: Journey,
  desired: Journey,
  pairs: readonly Pairing[],
  confirm: readonly string[] | 'all',
  costs?: ResolvedCostModel,
): { comparison: Comparison; alignment: AlignmentRow[] } {
  const alignment = decideAlignment(current, desired, pairs, confirm);
  const priced = costs ? { costTable: costs.table, costBasis: costs.basis } : {};
  return { comparison: compareJourneys(current, desired, { alignment, ...priced }), alignment };
}
