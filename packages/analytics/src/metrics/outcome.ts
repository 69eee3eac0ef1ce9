import { wilsonInterval } from '@waymark/measure/figures';
import { inCaseOrder, type CaseIndex } from '../model/case-index';
import type { DimensionName } from '../model/event-store';
import { summariseInPlace, type Summary } from './stats';

/**
 * A journey's Successful Customer Outcome (domain.md §1, "what the customer actually came for") as an event in
 * its log: an activity (`{ activity: 'Benefit paid' }`) or an attribute condition (`{ dimension: 'outcome',
 * value: 'Resolved' }`). Names compare exactly, ignoring case and surrounding spaces.
 */
export type OutcomeRule =
  { readonly activity: string } | { readonly dimension: DimensionName; readonly value: string };

export interface OutcomeReached {
  readonly rule: OutcomeRule;
  readonly cases: number;
  readonly reached: number;
  /** reached / cases with its Wilson interval (95 %). */
  readonly share: number;
  readonly interval: { readonly low: number; readonly high: number; readonly confidence: number };
  /** Seconds from a case's first event to its first event meeting the rule, over the cases that reach it. */
  readonly timeToOutcomeSeconds: Summary;
  /** False when no activity or value in the log matches the rule: the rule is probably misspelt. */
  readonly ruleMatchesLog: boolean;
}

const norm = (s: string) => s.trim().toLowerCase();

/** Says which interned ids meet the rule, or null when the rule's dimension is not in the log. */
function matching(index: CaseIndex, rule: OutcomeRule): { ids: Uint8Array; column: Int32Array } | null {
  if ('activity' in rule) {
    const names = index.store.activities.values();
    return {
      ids: Uint8Array.from(names, (n) => (norm(n) === norm(rule.activity) ? 1 : 0)),
      column: index.activity,
    };
  }
  const col = index.store.dim[rule.dimension];
  if (!col) return null;
  const names = index.store.dims[rule.dimension].values();
  return {
    ids: Uint8Array.from(names, (n) => (norm(n) === norm(rule.value) ? 1 : 0)),
    column: inCaseOrder(index, col),
  };
}

/**
 * The share of cases that reach the Successful Customer Outcome, with its Wilson interval, and how long they take
 * to reach it (median, p90). Pure. Undefined when the rule names a column the log does not have.
 */
export function computeOutcomeReached(
  index: CaseIndex,
  rule: OutcomeRule,
  confidence = 0.95,
): OutcomeReached | undefined {
  const m = matching(index, rule);
  if (m === null) return undefined;
  const times: number[] = [];
  for (let k = 0; k < index.cases; k++) {
    const from = index.caseStart[k] as number;
    const to = index.caseStart[k + 1] as number;
    for (let p = from; p < to; p++) {
      const v = m.column[p] as number;
      if (v >= 0 && m.ids[v] === 1) {
        times.push(((index.time[p] as number) - (index.time[from] as number)) / 1000);
        break;
      }
    }
  }
  const w = wilsonInterval(times.length, index.cases, confidence);
  return {
    rule,
    cases: index.cases,
    reached: times.length,
    share: w.estimate,
    interval: { low: w.low, high: w.high, confidence },
    timeToOutcomeSeconds: summariseInPlace(Float64Array.from(times)),
    ruleMatchesLog: m.ids.some((x) => x === 1),
  };
}

/** Reads `outcome=Resolved`-style conditions (`--sco-when`): the dimension, then the value after the first `=`. */
export function parseOutcomeCondition(
  text: string,
  dimensions: readonly DimensionName[],
): OutcomeRule | { readonly error: string } {
  const at = text.indexOf('=');
  const dim = at < 0 ? '' : text.slice(0, at).trim();
  const value = at < 0 ? '' : text.slice(at + 1).trim();
  if (!dimensions.includes(dim as DimensionName) || value === '')
    return { error: `expected <column>=<value> with column one of ${dimensions.join(', ')}; got "${text}"` };
  return { dimension: dim as DimensionName, value };
}
