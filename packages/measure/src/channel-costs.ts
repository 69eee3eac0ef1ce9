import { err, ok, type Result } from '@waymark/core';
import { z } from 'zod';
import { costTables, defaultCostTableId, type CostTable } from './channel-cost-tables';
import { inputError, type InputError } from './input-error';

const pounds = z.number({ error: 'expected a non-negative number of pounds' }).min(0, {
  error: 'expected a non-negative number of pounds',
});

/** A cost-per-contact table: versioned, sourced data that users can copy and override. */
export const costTableSchema = z.object({
  id: z.string({ error: 'expected a table id' }).min(1, { error: 'expected a table id' }),
  source: z
    .string({ error: 'expected the source of the figures' })
    .min(1, { error: 'expected the source of the figures' }),
  /** Year of the figures; null where the source gives none. */
  year: z.number().int({ error: 'expected a year such as 2011' }).nullable(),
  /** Pounds per contact by channel id ('face-to-face', 'telephone', 'web', 'post', 'email', ...). */
  perContact: z.record(z.string(), pounds),
});
// the schema reads exactly a CostTable (channel-cost-tables.ts, where the type is written out without zod)
export type { CostTable };
void (costTableSchema satisfies z.ZodType<CostTable>);

export { costTables, defaultCostTableId };

/** A table with some channels replaced or added by the user's own figures; keeps the source honest. */
export function overrideCostTable(
  table: CostTable,
  overrides: Readonly<Record<string, number>>,
  id: string,
): CostTable {
  const changed = Object.keys(overrides).sort().join(', ');
  return {
    id,
    source: changed === '' ? table.source : `${table.source}, with local figures for ${changed}`,
    year: table.year,
    perContact: { ...table.perContact, ...overrides },
  };
}

/** Local activity-based costing: handling minutes × loaded £ per minute × (1 + overhead uplift). */
export function localUnitCost(
  handlingMinutes: number,
  loadedPoundsPerMinute: number,
  overheadUplift: number,
): number {
  return handlingMinutes * loadedPoundsPerMinute * (1 + overheadUplift);
}

/**
 * Average cost per contact for a channel mix. Weights may be shares, percentages or counts:
 * they are normalised by their total.
 */
export function averageCostPerContact(
  mix: Readonly<Record<string, number>>,
  table: CostTable,
): Result<number, readonly InputError[]> {
  const errors: InputError[] = [];
  let total = 0;
  let weighted = 0;
  for (const [channel, weight] of Object.entries(mix)) {
    const cost = table.perContact[channel];
    if (!Number.isFinite(weight) || weight < 0) {
      errors.push(inputError(`mix.${channel}`, 'expected a non-negative share, percentage or count'));
    } else if (cost === undefined && weight > 0) {
      errors.push(
        inputError(
          `mix.${channel}`,
          `expected a channel costed in table ${table.id}; add a local cost for it`,
        ),
      );
    } else {
      total += weight;
      weighted += weight * (cost ?? 0);
    }
  }
  if (errors.length > 0) return err(errors);
  if (total <= 0) return err([inputError('mix', 'expected at least one channel with a share above zero')]);
  return ok(weighted / total);
}

/** Yearly cost of avoidable contact: contacts × avoidable share × average cost per contact. */
export function avoidableContactCost(
  contactsPerYear: number,
  avoidableShare: number,
  averageCost: number,
): number {
  if (avoidableShare < 0 || avoidableShare > 1)
    throw new RangeError(`avoidableShare must be 0..1; got ${avoidableShare}`);
  return contactsPerYear * avoidableShare * averageCost;
}
