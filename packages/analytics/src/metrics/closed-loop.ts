import { wilsonInterval } from '@waymark/measure/figures';
import type { CaseIndex } from '../model/case-index';

/**
 * Closing the loop (seed 000: "have you told them the service has been delivered and asked if it was ok?"),
 * from a log: of the cases that reach a delivery activity, the share with a confirmation contact after it.
 * The user names the delivery and confirmation activities; without names they are detected by these words
 * (docs/worked-checks/closing-the-loop.md). An activity matching both is a confirmation.
 */
export const confirmationPattern =
  /was it ok|were you (happy|satisfied)|satisf|feedback|follow[- ]?up|confirm|call[- ]?back|survey|how did we do|check(ed)?[- ]in/i;
export const deliveryPattern =
  /deliver|complet|install|fitted|issued|\bpaid\b|payment made|granted|approved|decision|closed|resolved|done/i;

export interface ClosedLoopRule {
  readonly delivery?: readonly string[];
  readonly confirmation?: readonly string[];
}

export interface ClosedLoop {
  /** The activities counted as delivery and as confirmation, and whether they were detected or named. */
  readonly delivery: readonly string[];
  readonly confirmation: readonly string[];
  readonly detected: boolean;
  /** Cases with a delivery activity. */
  readonly delivered: number;
  /** Of those, cases with a confirmation contact after the first delivery event. */
  readonly closed: number;
  readonly share: number;
  readonly interval: { readonly low: number; readonly high: number; readonly confidence: number };
}

const norm = (s: string) => s.trim().toLowerCase();

/**
 * The closed-loop share with its Wilson interval. A confirmation counts when it is a contact (`isContact`: an
 * event with a channel, or every event of a log without a channel column) and comes after the case's first
 * delivery event in case order. Undefined when no activity is (or can be detected as) delivery or confirmation.
 */
export function computeClosedLoop(
  index: CaseIndex,
  isContact: Uint8Array,
  rule: ClosedLoopRule = {},
  confidence = 0.95,
): ClosedLoop | undefined {
  const names = index.store.activities.values();
  const named = (list: readonly string[] | undefined) =>
    list && list.length > 0 ? new Set(list.map(norm)) : undefined;
  const wantDelivery = named(rule.delivery);
  const wantConfirmation = named(rule.confirmation);
  const isConfirmation = names.map((n) =>
    wantConfirmation ? wantConfirmation.has(norm(n)) : confirmationPattern.test(n),
  );
  const isDelivery = names.map((n, i) =>
    wantDelivery ? wantDelivery.has(norm(n)) : !isConfirmation[i] && deliveryPattern.test(n),
  );
  const delivery = names.filter((_, i) => isDelivery[i]);
  const confirmation = names.filter((_, i) => isConfirmation[i]);
  if (delivery.length === 0 || confirmation.length === 0) return undefined;
  let delivered = 0;
  let closed = 0;
  for (let k = 0; k < index.cases; k++) {
    const to = index.caseStart[k + 1] as number;
    let seen = false;
    let told = false;
    for (let p = index.caseStart[k] as number; p < to && !told; p++) {
      const a = index.activity[p] as number;
      if (seen && isConfirmation[a] && isContact[p] === 1) told = true;
      if (isDelivery[a]) seen = true;
    }
    if (seen) delivered++;
    if (told) closed++;
  }
  const w = wilsonInterval(closed, delivered, confidence);
  return {
    delivery,
    confirmation,
    detected: !wantDelivery || !wantConfirmation,
    delivered,
    closed,
    share: w.estimate,
    interval: { low: w.low, high: w.high, confidence },
  };
}
