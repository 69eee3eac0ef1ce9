import { wilsonInterval } from '@waymark/measure/figures';
import { inCaseOrder, type CaseIndex } from '../model/case-index';

export interface FirstContactResolution {
  readonly requests: number;
  readonly resolvedAtFirstContact: number;
  readonly rate: number;
  readonly interval: { readonly low: number; readonly high: number; readonly confidence: number };
  readonly resolvedPattern: string;
}

export const defaultResolvedPattern = /resolv|complet|closed|done|fixed|granted|approved|paid|answered/i;

/**
 * First-contact resolution = requests resolved at the first contact / requests (domain.md §4).
 * A case counts when its first contact has a resolved outcome and no further contact follows.
 * Needs an outcome column; undefined otherwise.
 */
export function computeFcr(
  index: CaseIndex,
  isContact: Uint8Array,
  resolved: RegExp = defaultResolvedPattern,
  confidence = 0.95,
): FirstContactResolution | undefined {
  const col = index.store.dim.outcome;
  if (!col) return undefined;
  const outcome = inCaseOrder(index, col);
  const isResolved = index.store.dims.outcome.values().map((v) => resolved.test(v));
  let requests = 0;
  let fcr = 0;
  for (let k = 0; k < index.cases; k++) {
    let first = -1;
    let contacts = 0;
    const to = index.caseStart[k + 1] as number;
    for (let p = index.caseStart[k] as number; p < to; p++) {
      if (isContact[p] === 0) continue;
      if (first < 0) first = p;
      contacts++;
    }
    if (first < 0) continue;
    requests++;
    const o = outcome[first] as number;
    if (contacts === 1 && o >= 0 && isResolved[o]) fcr++;
  }
  return fcrResult(fcr, requests, resolved, confidence);
}

/** The figure from its counts, with its Wilson interval: shared by computeFcr and the streaming mode. */
export function fcrResult(
  fcr: number,
  requests: number,
  resolved: RegExp,
  confidence: number,
): FirstContactResolution {
  const p = wilsonInterval(fcr, requests, confidence);
  return {
    requests,
    resolvedAtFirstContact: fcr,
    rate: p.estimate,
    interval: { low: p.low, high: p.high, confidence },
    resolvedPattern: resolved.source,
  };
}
