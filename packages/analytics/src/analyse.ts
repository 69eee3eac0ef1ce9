import { buildCaseIndex, type CaseIndex } from './model/case-index';
import type { EventStore } from './model/event-store';
import { computeCaseFigures, type CaseFigures } from './metrics/cases';
import { computeDfg, type Dfg } from './metrics/dfg';
import { computeVariants, type Variants } from './metrics/variants';

export interface AnalysisConfig {
  readonly topVariants?: number;
}

export interface Analysis {
  readonly index: CaseIndex;
  readonly cases: CaseFigures;
  readonly dfg: Dfg;
  readonly variants: Variants;
}

/** Every metric over one imported log. Pure: no I/O, no clock. */
export function analyseLog(store: EventStore, config: AnalysisConfig = {}): Analysis {
  const index = buildCaseIndex(store);
  const cases = computeCaseFigures(index);
  const dfg = computeDfg(index);
  const variants = computeVariants(index, config.topVariants ?? 20);
  return { index, cases, dfg, variants };
}
