import { ni14ActivityPatterns } from '@waymark/core/text';
import { wilsonInterval, type Proportion } from '@waymark/measure/figures';
import type { CaseIndex } from '../model/case-index';

/** NI14 categories (domain.md §4); users may add their own codes. */
export const ni14Categories: Readonly<Record<string, string>> = {
  PC: 'progress chasing',
  RP: 'repeat or duplicate contact about the same request',
  CL: 'seeking clarification',
  MD: 'misdirected, wrong number, transferred',
  NR: 'not resolved at first point of contact',
  SS: 'information should have been available; self-service failed',
  RI: 're-supplying information already given',
  ER: 'made in error, nugatory',
  FD: 'other failure demand',
};

export interface AvoidableRules {
  /** Activity name → category code; takes precedence over the rules below. */
  readonly categories?: Readonly<Record<string, string>>;
  /** Codes counted as avoidable (default: all NI14 codes). */
  readonly avoidableCodes?: readonly string[];
  /** The same activity again in a case within this many days is a repeat (RP); 0 turns it off. Default 7. */
  readonly repeatWithinDays?: number;
  /** Activity names that are progress chasing (PC). */
  readonly chasing?: RegExp;
  /** Activity names that are transfers or misdirected contact (MD). */
  readonly transfers?: RegExp;
  readonly confidence?: number;
}

export const defaultAvoidableRules = {
  repeatWithinDays: 7,
  chasing: ni14ActivityPatterns.chasing,
  transfers: ni14ActivityPatterns.transfers,
} as const;

export interface AvoidableContact {
  readonly contacts: number;
  readonly avoidable: number;
  /** NI14 % = avoidable contacts / all contacts × 100, with its Wilson interval (in %). */
  readonly ni14Percent: number;
  readonly interval: { readonly low: number; readonly high: number; readonly confidence: number };
  readonly proportion: Proportion;
  readonly byCategory: Readonly<Record<string, number>>;
  /** Contacts per journey (the draft NI14 form: ideal 1.0). */
  readonly contactsPerJourney: number;
  readonly avoidableOfCase: Int32Array;
  readonly rules: {
    readonly repeatWithinDays: number;
    readonly chasing: string;
    readonly transfers: string;
    readonly categories: number;
  };
}

/** Avoidable contact by configurable rules: explicit categories, progress chasing, transfers, repeats within N days. */
export function computeAvoidable(
  index: CaseIndex,
  isContact: Uint8Array,
  rules: AvoidableRules = {},
): AvoidableContact {
  const names = index.store.activities.values();
  const explicit = names.map((n) => rules.categories?.[n]);
  const chasing = rules.chasing ?? defaultAvoidableRules.chasing;
  const transfers = rules.transfers ?? defaultAvoidableRules.transfers;
  const byName = names.map(
    (n, a) => explicit[a] ?? (chasing.test(n) ? 'PC' : transfers.test(n) ? 'MD' : undefined),
  );
  const avoidableCodes = new Set(rules.avoidableCodes ?? Object.keys(ni14Categories));
  const windowMs = (rules.repeatWithinDays ?? defaultAvoidableRules.repeatWithinDays) * 86_400_000;
  // codes as small integers in the loop: per-code counts in an array, not a string-keyed object
  const codes = [...new Set([...byName.filter((c) => c !== undefined), 'RP'])];
  const codeOfActivity = Int32Array.from(byName, (c) => (c === undefined ? -1 : codes.indexOf(c)));
  const RP = codes.indexOf('RP');
  const counts = new Float64Array(codes.length);
  const countsAvoidable = Uint8Array.from(codes, (c) => (avoidableCodes.has(c) ? 1 : 0));
  const firstSeen: number[] = [];
  const lastSeen = new Float64Array(names.length).fill(Number.NaN);
  const lastCase = new Int32Array(names.length).fill(-1);
  const avoidableOfCase = new Int32Array(index.cases);
  let contacts = 0;
  let avoidable = 0;
  for (let k = 0; k < index.cases; k++) {
    let n = 0;
    const to = index.caseStart[k + 1] as number;
    for (let p = index.caseStart[k] as number; p < to; p++) {
      if (isContact[p] === 0) continue;
      contacts++;
      const a = index.activity[p] as number;
      const t = index.time[p] as number;
      let code = codeOfActivity[a] as number;
      if (code < 0 && windowMs > 0 && lastCase[a] === k && t - (lastSeen[a] as number) <= windowMs) code = RP;
      lastCase[a] = k;
      lastSeen[a] = t;
      if (code < 0) continue;
      if (counts[code] === 0) firstSeen.push(code);
      counts[code] = (counts[code] as number) + 1;
      n += countsAvoidable[code] as number;
    }
    avoidableOfCase[k] = n;
    avoidable += n;
  }
  const byCategory: Record<string, number> = {};
  for (const c of firstSeen) byCategory[codes[c] as string] = counts[c] as number;
  return avoidableResult({
    contacts,
    avoidable,
    byCategory,
    cases: index.cases,
    avoidableOfCase,
    rules,
    windowMs,
    chasing,
    transfers,
  });
}

/** The figures from their counts, with the interval and the rules used: shared by computeAvoidable and streaming. */
export function avoidableResult(a: {
  contacts: number;
  avoidable: number;
  byCategory: Record<string, number>;
  cases: number;
  avoidableOfCase: AvoidableContact['avoidableOfCase'];
  rules: AvoidableRules;
  windowMs: number;
  chasing: RegExp;
  transfers: RegExp;
}): AvoidableContact {
  const proportion = wilsonInterval(a.avoidable, a.contacts, a.rules.confidence ?? 0.95);
  return {
    contacts: a.contacts,
    avoidable: a.avoidable,
    ni14Percent: proportion.estimate * 100,
    interval: { low: proportion.low * 100, high: proportion.high * 100, confidence: proportion.confidence },
    proportion,
    byCategory: a.byCategory,
    contactsPerJourney: a.cases ? a.contacts / a.cases : Number.NaN,
    avoidableOfCase: a.avoidableOfCase,
    rules: {
      repeatWithinDays: a.windowMs / 86_400_000,
      chasing: a.chasing.source,
      transfers: a.transfers.source,
      categories: Object.keys(a.rules.categories ?? {}).length,
    },
  };
}
