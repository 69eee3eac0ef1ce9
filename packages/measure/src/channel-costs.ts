import { err, ok, type Result } from '@waymark/core';
import { z } from 'zod';
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
export type CostTable = z.infer<typeof costTableSchema>;

/** domain.md §5. Socitm 2011 is the default. No sourced email figure exists: use local costing. */
export const costTables: readonly CostTable[] = [
  {
    id: 'socitm-2011',
    // i18n-exempt: a citation, the publisher's own name for the source
    source: 'Socitm Insight channel value benchmarking',
    year: 2011,
    perContact: { 'face-to-face': 8.62, telephone: 2.83, web: 0.15 },
  },
  {
    id: 'socitm-2008-medians',
    // i18n-exempt: a citation, the publisher's own name for the source
    source: 'Socitm, medians',
    year: 2008,
    perContact: { 'face-to-face': 9.34, telephone: 3.76, web: 0.27 },
  },
  {
    id: 'pwc-london-south-east',
    // i18n-exempt: a citation, the publisher's own name for the source
    source: 'PwC, 19 London and South East councils',
    year: null,
    perContact: { 'face-to-face': 10.53, telephone: 3.39, web: 0.08, post: 12.1 },
  },
];
export const defaultCostTableId = 'socitm-2011';

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
