import { wilsonInterval, type Proportion } from '@waymark/measure/figures';
import { contactMask } from '../metrics/contacts';
import { defaultAvoidableRules, ni14Categories, type AvoidableRules } from '../metrics/avoidable';
import type { CaseIndex } from '../model/case-index';

/**
 * Avoidable contact per journey step: for the activities mapped to each step (the attachment's mapping), the
 * share of their contacts that are avoidable by the same rules as the log's NI14 figure (computeAvoidable:
 * named categories, progress chasing, transfers, repeats within N days), with its Wilson interval. Set beside
 * the survey's emotion for the step by `compareEvidence` of @waymark/measure.
 */
export function avoidableBySteps(
  index: CaseIndex,
  mapping: Readonly<Record<string, string>>,
  rules: AvoidableRules = {},
): Record<string, Proportion> {
  const isContact = contactMask(index);
  const names = index.store.activities.values();
  const chasing = rules.chasing ?? defaultAvoidableRules.chasing;
  const transfers = rules.transfers ?? defaultAvoidableRules.transfers;
  const avoidableCodes = new Set(rules.avoidableCodes ?? Object.keys(ni14Categories));
  const codeOf = names.map(
    (n) => rules.categories?.[n] ?? (chasing.test(n) ? 'PC' : transfers.test(n) ? 'MD' : undefined),
  );
  const windowMs = (rules.repeatWithinDays ?? defaultAvoidableRules.repeatWithinDays) * 86_400_000;
  const steps = [...new Set(Object.values(mapping))];
  const stepOf = Int32Array.from(names, (n) => {
    const s = mapping[n];
    return s === undefined ? -1 : steps.indexOf(s);
  });
  const contacts = new Float64Array(steps.length);
  const avoidable = new Float64Array(steps.length);
  const lastSeen = new Float64Array(names.length).fill(Number.NaN);
  const lastCase = new Int32Array(names.length).fill(-1);
  for (let k = 0; k < index.cases; k++) {
    const to = index.caseStart[k + 1] as number;
    for (let p = index.caseStart[k] as number; p < to; p++) {
      if (isContact[p] === 0) continue;
      const a = index.activity[p] as number;
      const t = index.time[p] as number;
      let code = codeOf[a];
      if (code === undefined && windowMs > 0 && lastCase[a] === k && t - (lastSeen[a] as number) <= windowMs)
        code = 'RP';
      lastCase[a] = k;
      lastSeen[a] = t;
      const s = stepOf[a] as number;
      if (s < 0) continue;
      contacts[s] = (contacts[s] as number) + 1;
      if (code !== undefined && avoidableCodes.has(code)) avoidable[s] = (avoidable[s] as number) + 1;
    }
  }
  const out: Record<string, Proportion> = {};
  steps.forEach((s, i) => {
    out[s] = wilsonInterval(avoidable[i] as number, contacts[i] as number, rules.confidence ?? 0.95);
  });
  return out;
}
