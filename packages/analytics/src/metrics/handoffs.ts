import { inCaseOrder, type CaseIndex } from '../model/case-index';
import type { DimensionName } from '../model/event-store';
import { summarise, type Summary } from './stats';

export interface BatonChange {
  readonly from: string;
  readonly to: string;
  readonly count: number;
}

export interface Handoffs {
  /** The dimension compared (organisation/team by default). */
  readonly by: DimensionName;
  readonly total: number;
  readonly perCase: Summary;
  readonly casesWithHandoff: number;
  /** The baton-change matrix as a list, most frequent first. */
  readonly matrix: readonly BatonChange[];
  readonly handoffsOfCase: Int32Array;
}

/**
 * Hand-offs (baton changes): consecutive events of a case owned by different teams or
 * organisations. Events with no owner are skipped, so a gap in the data is not a hand-off.
 */
export function computeHandoffs(index: CaseIndex, by: DimensionName = 'org'): Handoffs | undefined {
  const column = index.store.dim[by];
  if (!column) return undefined;
  const owner = inCaseOrder(index, column);
  const names = index.store.dims[by].values();
  const O = names.length;
  const matrix = new Map<number, number>();
  const handoffsOfCase = new Int32Array(index.cases);
  let total = 0;
  let casesWithHandoff = 0;
  for (let k = 0; k < index.cases; k++) {
    let prev = -1;
    let n = 0;
    const to = index.caseStart[k + 1] as number;
    for (let p = index.caseStart[k] as number; p < to; p++) {
      const o = owner[p] as number;
      if (o < 0) continue;
      if (prev >= 0 && o !== prev) {
        n++;
        const key = prev * O + o;
        matrix.set(key, (matrix.get(key) ?? 0) + 1);
      }
      prev = o;
    }
    handoffsOfCase[k] = n;
    total += n;
    if (n > 0) casesWithHandoff++;
  }
  const list = [...matrix].map(([key, count]) => ({
    from: names[Math.floor(key / O)] as string,
    to: names[key % O] as string,
    count,
  }));
  list.sort(
    (a, b) =>
      b.count - a.count ||
      (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0),
  );
  return { by, total, perCase: summarise(handoffsOfCase), casesWithHandoff, matrix: list, handoffsOfCase };
}
