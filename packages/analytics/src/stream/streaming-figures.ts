import { compareCodePoints, countsByName, type Dfg, type DfgEdge } from '../metrics/dfg';
import { rangeStats, summarise, type Summary } from '../metrics/stats';
import { compareSequences, type Variant } from '../metrics/variants';
import { ImportError } from '../ingest/import-result';
import { EventStore } from '../model/event-store';
import type { BytesDecoder } from '../ingest/text-decoder';

/** The figures the streaming mode keeps: the log's counts, the directly-follows graph, variants, case figures. */
export interface StreamedFigures {
  readonly cases: number;
  readonly events: number;
  readonly activities: number;
  /** First and last event time, epoch ms (NaN when empty). */
  readonly start: number;
  readonly end: number;
  readonly dfg: Dfg;
  readonly variants: { readonly count: number; readonly top: readonly Variant[] };
  readonly eventsPerCase: Summary;
  readonly durationSeconds: Summary;
}

/** Activity ids fit in 20 bits (the distinct-activities limit is far lower), so keys are exact doubles. */
const ACT = 0x100000;

/** A growable column of doubles or ints. */
class Column<T extends Float64Array | Int32Array> {
  size = 0;
  constructor(
    public data: T,
    private readonly make: (n: number) => T,
  ) {}
  push(v: number): void {
    if (this.size === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.size++] = v;
  }
}

const floats = (n: number) => new Column(new Float64Array(n), (m) => new Float64Array(m));
const ints = (n: number) => new Column(new Int32Array(n), (m) => new Int32Array(m));

/**
 * The directly-follows graph, variants and case figures of a log, computed as its events stream past
 * instead of from every event held in memory. What is kept is a few numbers for each case (first and last
 * time and activity, count, place in the variant tree), the tree of distinct activity sequences, and for
 * every directly-follows edge the gaps between its pairs (exact medians need them): never the events.
 *
 * The events of each case must come in time order (ties in file order), as they do in a log sorted by time
 * or grouped by case; a case's events that come together (an XES trace) are sorted here first. The figures
 * equal `analyseLog`'s exactly: the same values are summed and selected in the same order.
 */
export class StreamingFigures {
  events = 0;
  private pairs = 0;
  // the run of events of one case that came one after another, sorted when another case comes
  private runCase = -1;
  private readonly runAct = ints(64);
  private readonly runTime = floats(64);
  // per case id
  private count = new Int32Array(1024);
  private first = new Float64Array(1024);
  private last = new Float64Array(1024);
  private firstAct = new Int32Array(1024);
  private lastAct = new Int32Array(1024);
  private node = new Int32Array(1024);
  // the tree of activity sequences: (node, activity) → child, in an open-addressing table of typed arrays
  // (a Map keyed by node × ACT + activity would box most keys as heap numbers)
  private slotParent = new Int32Array(1 << 12).fill(-1);
  private slotAct = new Int32Array(1 << 12);
  private slotChild = new Int32Array(1 << 12);
  private readonly nodeParent = ints(1024);
  private readonly nodeAct = ints(1024);
  // directly-follows edges: from × ACT + to → edge; each edge's gaps (seconds) and the case of each
  private readonly edgeOf = new Map<number, number>();
  private readonly edgeKey: number[] = [];
  private readonly gaps: Column<Float64Array>[] = [];
  private readonly gapCase: Column<Int32Array>[] = [];
  private activitySeen = new Uint8Array(64);

  constructor() {
    this.nodeParent.push(-1);
    this.nodeAct.push(-1);
  }

  /** One event; `caseId` and `activity` are interned ids, `time` epoch ms. */
  add(caseId: number, activity: number, time: number): void {
    if (caseId !== this.runCase) this.flushRun();
    this.runCase = caseId;
    this.runAct.push(activity);
    this.runTime.push(time);
    this.events++;
  }

  private flushRun(): void {
    const n = this.runAct.size;
    if (n === 0) return;
    const c = this.runCase;
    const act = this.runAct.data;
    const time = this.runTime.data;
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) if ((time[i] as number) < (time[i - 1] as number)) sorted = false;
    let order: number[] | undefined;
    if (!sorted) {
      order = Array.from({ length: n }, (_, i) => i);
      order.sort((x, y) => (time[x] as number) - (time[y] as number) || x - y);
    }
    this.room(c);
    for (let j = 0; j < n; j++) {
      const i = order ? (order[j] as number) : j;
      this.step(c, act[i] as number, time[i] as number, this.events - n + i + 1);
    }
    this.runAct.size = 0;
    this.runTime.size = 0;
  }

  /** Event `ordinal` (1-based among the events kept) of case c, in its case's time order. */
  private step(c: number, a: number, t: number, ordinal: number): void {
    if (a >= ACT) throw new Error(`the streaming mode takes at most ${ACT} distinct activities`);
    if (a >= this.activitySeen.length) {
      const seen = new Uint8Array(Math.max(a + 1, this.activitySeen.length * 2));
      seen.set(this.activitySeen);
      this.activitySeen = seen;
    }
    this.activitySeen[a] = 1;
    const k = this.count[c] as number;
    if (k === 0) {
      this.first[c] = t;
      this.firstAct[c] = a;
      this.node[c] = this.child(0, a);
    } else {
      const prev = this.last[c] as number;
      if (t < prev)
        throw new ImportError(
          'stream_out_of_order',
          `event ${ordinal} of the log (counting the events kept) is dated ${new Date(t).toISOString()}, before an earlier event of the same case (${new Date(prev).toISOString()}): the streaming mode reads each case's events in time order (sort the log by time, or by case and time, or set WAYMARK_STREAM_FROM_MB higher to read it into memory)`,
        );
      const key = (this.lastAct[c] as number) * ACT + a;
      let e = this.edgeOf.get(key);
      if (e === undefined) {
        e = this.edgeKey.length;
        this.edgeOf.set(key, e);
        this.edgeKey.push(key);
        this.gaps.push(floats(16));
        this.gapCase.push(ints(16));
      }
      (this.gaps[e] as Column<Float64Array>).push((t - prev) / 1000);
      (this.gapCase[e] as Column<Int32Array>).push(c);
      this.pairs++;
      this.node[c] = this.child(this.node[c] as number, a);
    }
    this.last[c] = t;
    this.lastAct[c] = a;
    this.count[c] = k + 1;
  }

  private child(parent: number, a: number): number {
    const mask = this.slotParent.length - 1;
    let slot = (Math.imul(parent, 0x9e3779b1) ^ Math.imul(a, 0x85ebca6b)) & mask;
    for (;;) {
      const p = this.slotParent[slot] as number;
      if (p < 0) break;
      if (p === parent && this.slotAct[slot] === a) return this.slotChild[slot] as number;
      slot = (slot + 1) & mask;
    }
    const id = this.nodeParent.size;
    this.nodeParent.push(parent);
    this.nodeAct.push(a);
    this.slotParent[slot] = parent;
    this.slotAct[slot] = a;
    this.slotChild[slot] = id;
    // at most half full
    if (id * 2 > mask) this.rehash();
    return id;
  }

  private rehash(): void {
    const n = this.slotParent.length * 2;
    this.slotParent = new Int32Array(n).fill(-1);
    this.slotAct = new Int32Array(n);
    this.slotChild = new Int32Array(n);
    // every node but the root is the child of its parent by its activity
    for (let id = 1; id < this.nodeParent.size; id++) {
      const parent = this.nodeParent.data[id] as number;
      const a = this.nodeAct.data[id] as number;
      let slot = (Math.imul(parent, 0x9e3779b1) ^ Math.imul(a, 0x85ebca6b)) & (n - 1);
      while ((this.slotParent[slot] as number) >= 0) slot = (slot + 1) & (n - 1);
      this.slotParent[slot] = parent;
      this.slotAct[slot] = a;
      this.slotChild[slot] = id;
    }
  }

  private room(c: number): void {
    if (c < this.count.length) return;
    const n = Math.max(c + 1, this.count.length * 2);
    const grow = <T extends Float64Array | Int32Array>(a: T, make: (m: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    const i32 = (m: number) => new Int32Array(m);
    const f64 = (m: number) => new Float64Array(m);
    this.count = grow(this.count, i32);
    this.first = grow(this.first, f64);
    this.last = grow(this.last, f64);
    this.firstAct = grow(this.firstAct, i32);
    this.lastAct = grow(this.lastAct, i32);
    this.node = grow(this.node, i32);
  }

  /** The figures, with the activities' names by id; `topN` variants are listed (default 20). */
  finish(names: readonly string[], topN = 20): StreamedFigures {
    this.flushRun();
    // cases in id order (first appearance in the file), as the in-memory case index orders them
    const caseIds: number[] = [];
    for (let c = 0; c < this.count.length; c++) if ((this.count[c] as number) > 0) caseIds.push(c);
    const cases = caseIds.length;
    const eventsOfCase = new Int32Array(cases);
    const durationOfCase = new Float64Array(cases);
    let start = Infinity;
    let end = -Infinity;
    const A = names.length;
    const starts = new Int32Array(A);
    const ends = new Int32Array(A);
    const variantCases = new Map<number, number>();
    caseIds.forEach((c, k) => {
      const t0 = this.first[c] as number;
      const t1 = this.last[c] as number;
      eventsOfCase[k] = this.count[c] as number;
      durationOfCase[k] = (t1 - t0) / 1000;
      if (t0 < start) start = t0;
      if (t1 > end) end = t1;
      starts[this.firstAct[c] as number] = (starts[this.firstAct[c] as number] as number) + 1;
      ends[this.lastAct[c] as number] = (ends[this.lastAct[c] as number] as number) + 1;
      const v = this.node[c] as number;
      variantCases.set(v, (variantCases.get(v) ?? 0) + 1);
    });
    let activities = 0;
    for (const s of this.activitySeen) activities += s;
    return {
      cases,
      events: this.events,
      activities,
      start: cases ? start : Number.NaN,
      end: cases ? end : Number.NaN,
      dfg: {
        edges: this.edges(names),
        startActivities: countsByName(starts, names),
        endActivities: countsByName(ends, names),
        pairs: this.pairs,
      },
      variants: { count: variantCases.size, top: this.topVariants(variantCases, names, cases, topN) },
      eventsPerCase: summarise(eventsOfCase),
      durationSeconds: summarise(durationOfCase),
    };
  }

  private edges(names: readonly string[]): DfgEdge[] {
    const edges = this.edgeKey.map((key, e) => {
      const g = this.gaps[e] as Column<Float64Array>;
      const byCase = (this.gapCase[e] as Column<Int32Array>).data;
      const n = g.size;
      // the gaps in case order, each case's in time order: the order the in-memory graph sums them in
      let inOrder = true;
      for (let i = 1; i < n && inOrder; i++)
        if ((byCase[i] as number) < (byCase[i - 1] as number)) inOrder = false;
      let values = g.data.subarray(0, n);
      if (!inOrder) {
        const order = Array.from({ length: n }, (_, i) => i);
        order.sort((x, y) => (byCase[x] as number) - (byCase[y] as number) || x - y);
        values = Float64Array.from(order, (i) => g.data[i] as number);
      }
      const s = rangeStats(values, 0, n);
      return {
        from: names[Math.floor(key / ACT)] as string,
        to: names[key % ACT] as string,
        count: n,
        meanSeconds: s.mean,
        medianSeconds: s.median,
        minSeconds: s.min,
        maxSeconds: s.max,
      };
    });
    return edges.sort((x, y) => compareCodePoints(x.from, y.from) || compareCodePoints(x.to, y.to));
  }

  private topVariants(
    variantCases: Map<number, number>,
    names: readonly string[],
    cases: number,
    topN: number,
  ): Variant[] {
    const counts = [...variantCases.values()].sort((x, y) => y - x);
    const cutoff = counts.length === 0 ? 0 : (counts[Math.min(topN, counts.length) - 1] as number);
    const sequence = (v: number): string[] => {
      const out: string[] = [];
      for (let n = v; n > 0; n = this.nodeParent.data[n] as number)
        out.push(names[this.nodeAct.data[n] as number] as string);
      return out.reverse();
    };
    const ranked = [...variantCases]
      .filter(([, k]) => k >= cutoff)
      .map(([v, k]) => ({ activities: sequence(v), cases: k }));
    ranked.sort((x, y) => y.cases - x.cases || compareSequences(x.activities, y.activities));
    return ranked.slice(0, topN).map((r) => ({ ...r, coverage: r.cases / cases }));
  }
}

/**
 * An EventStore that keeps no events: each one is handed to `figures` as the importer adds it (the
 * importers write an event's other columns at the index `add` returns, here always 0, and nothing reads
 * them). The interners (case ids, activities, dimension values) are kept, as in any store.
 */
export class StreamingStore extends EventStore {
  readonly figures: StreamingFigures;

  constructor(decoder: BytesDecoder, options: ConstructorParameters<typeof EventStore>[1] = {}) {
    // the events limit guards the memory events take; streamed events take none
    super(decoder, { ...options, capacity: 1, maxEvents: Number.POSITIVE_INFINITY });
    this.figures = new StreamingFigures();
  }

  override add(caseId: number, activity: number, time: number): number {
    this.figures.add(caseId, activity, time);
    return 0;
  }

  override reserve(): void {
    throw new Error('a streaming store takes its events one at a time');
  }
}
