/**
 * The published cost-per-contact tables (domain.md §5) as plain data, in a module of their own so the event-log
 * engine can price contacts without loading zod (`@waymark/measure/figures`, decision 0042); channel-costs.ts
 * holds the schema that reads a user's table.
 */

/** A cost-per-contact table: versioned, sourced data that users can copy and override. */
export interface CostTable {
  id: string;
  source: string;
  /** Year of the figures; null where the source gives none. */
  year: number | null;
  /** Pounds per contact by channel id ('face-to-face', 'telephone', 'web', 'post', 'email', ...). */
  perContact: Record<string, number>;
}

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
