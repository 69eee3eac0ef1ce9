/**
 * `@waymark/measure/figures`: the Wilson interval and the published cost-per-contact tables, without the parsers
 * (zod) and words (the message catalogue) the package's main entry loads. For code that must start fast: the
 * event-log engine behind `waymark analyse` (decision 0042). Everything here is also exported from
 * `@waymark/measure`.
 */
export { wilsonInterval, zForConfidence, type Proportion } from './wilson';
export { costTables, defaultCostTableId, type CostTable } from './channel-cost-tables';
