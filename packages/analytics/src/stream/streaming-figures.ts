import { AsyncLocalStorage } from 'node:async_hooks';
import { wilsonInterval } from '@waymark/measure/figures';
import {
  avoidableResult,
  defaultAvoidableRules,
  ni14Categories,
  type AvoidableContact,
  type AvoidableRules,
} from '../metrics/avoidable';
import { compareCodePoints, countsByName, type Dfg, type DfgEdge } from '../metrics/dfg';
import type { ChannelMix } from '../metrics/channel-cost';
import { costChannelOf, defaultChannelCostTable, type ChannelCostTable } from '../metrics/channel-costs';
import { defaultResolvedPattern, fcrResult, type FirstContactResolution } from '../metrics/fcr';
import type { Handoffs } from '../metrics/handoffs';
import type { OutcomeReached, OutcomeRule } from '../metrics/outcome';
import {
  confirmationPattern,
  deliveryPattern,
  type ClosedLoop,
  type ClosedLoopRule,
} from '../metrics/closed-loop';
import { histogram, inDays, type Bin } from '../metrics/histogram';
import type { Rework } from '../metrics/rework';
import type { Silences } from '../metrics/silences';
import { computeSegments, type Segment, type SegmentBy } from '../metrics/segments';
import { rangeStats, summarise, summariseInPlace, type Summary } from '../metrics/stats';
import type { CaseIndex } from '../model/case-index';
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
  readonly contactsPerCase: Summary;
  /** Cases whose events were not in time order in the file (each such run of a case's events was sorted). */
  readonly casesOutOfOrder: number;
  /** Undefined when the log has no team (org) column, as in `analyseLog`. */
  readonly handoffs?: Handoffs;
  readonly rework: Rework;
  readonly silences: Silences;
  readonly avoidable: AvoidableContact;
  /** Undefined when the log has neither a channel nor a cost column, as in `analyseLog`. */
  readonly channels?: ChannelMix;
  /** Undefined when the log has no outcome column. */
  readonly fcr?: FirstContactResolution;
  /** With a Successful Customer Outcome rule whose column the log has. */
  readonly successfulOutcome?: OutcomeReached;
  /** Undefined when no activity is (or can be detected as) delivery or confirmation. */
  readonly closedLoop?: ClosedLoop;
  readonly segments: Partial<Record<SegmentBy, readonly Segment[]>>;
  readonly histograms: { readonly contactsPerCase: readonly Bin[]; readonly durationDays: readonly Bin[] };
}

/** What the streamed figures need before the events arrive (the avoidable-contact rules) and at the end. */
export interface StreamingConfig {
  readonly avoidable?: AvoidableRules;
  readonly costTable?: ChannelCostTable;
  /** The user's own £ per contact by channel label, overriding the table. */
  readonly localCosts?: Readonly<Record<string, number>>;
  /** Outcomes that mean resolved (first-contact resolution). */
  readonly resolvedOutcome?: RegExp;
  /** The journey's Successful Customer Outcome as an activity or attribute condition. */
  readonly successfulOutcome?: OutcomeRule;
  /** Which activities are delivery and confirmation for closing the loop; detected by name when not given. */
  readonly closedLoop?: ClosedLoopRule;
  /** The segments to cut (default period, channel, team and variant). */
  readonly segments?: readonly SegmentBy[];
  /** A silence is a gap longer than this (default 14 days). */
  readonly silenceThresholdDays?: number;
  readonly topVariants?: number;
  /** Case ids leave only through this (a keyed hash); identity when not given. */
  readonly pseudonymise?: (caseId: string) => string;
}

/**
 * The importers make the store (`new StreamingStore(decoder, storeOptions)`) from their own options, so the
 * configuration the figures need while events pass (which activities are avoidable contact, the repeat
 * window) reaches the store through this context, set by `streamLogFile` around the import.
 */
export const streamingConfig = new AsyncLocalStorage<StreamingConfig>();

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

/** A streamed case's event dated before its case's previous one: the streaming mode needs time order. */
function outOfOrder(ordinal: number, t: number, prev: number): ImportError {
  const time = new Date(t).toISOString();
  const earlier = new Date(prev).toISOString();
  return new ImportError(
    'stream_out_of_order',
    `event ${ordinal} of the log (counting the events kept) is dated ${time}, before an earlier event of the same case (${earlier}): the streaming mode reads each case's events in time order (sort the log by time, or by case and time, or set WAYMARK_STREAM_FROM_MB higher to read it into memory)`,
    undefined,
    { event: ordinal, time, earlier, variable: 'WAYMARK_STREAM_FROM_MB' },
  );
}

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
  // the event's team (org) id, -1 when none, and whether it is a contact (1) or not (0)
  private readonly runOrg = ints(64);
  private readonly runContact = ints(64);
  // the event's channel and outcome ids (-1: none) and its cost from the log (NaN: none)
  private readonly runChannel = ints(64);
  private readonly runOutcome = ints(64);
  private readonly runCost = floats(64);
  // 1 when the event meets the Successful Customer Outcome rule
  private readonly runSco = ints(64);
  // closing the loop: 1 when the activity is a delivery, 2 a confirmation (both bits when named as both)
  private readonly runLoop = ints(64);
  // per case id
  private count = new Int32Array(1024);
  private first = new Float64Array(1024);
  private last = new Float64Array(1024);
  private firstAct = new Int32Array(1024);
  private lastAct = new Int32Array(1024);
  private node = new Int32Array(1024);
  // hand-offs: the case's last team + 1 (0: none yet), its hand-offs; silences: its longest gap (seconds)
  // and the activities either side of it; contacts and avoidable contacts; the head + 1 of its list of
  // recent contacts by activity (the repeat rule's state, see repeatOf)
  private lastOrg = new Int32Array(1024);
  private handoffs = new Int32Array(1024);
  private longestGap = new Float64Array(1024);
  private gapAfter = new Int32Array(1024);
  private gapBefore = new Int32Array(1024);
  private contacts = new Int32Array(1024);
  private avoidableN = new Int32Array(1024);
  private recentHead = new Int32Array(1024);
  // channel cost: the case's cost (summed in its time order); first-contact resolution: its first contact's outcome + 1
  private caseCost = new Float64Array(1024);
  private firstOutcome = new Int32Array(1024);
  // the time of the case's first event meeting the Successful Customer Outcome rule; 1 in `reached` once it has
  private reachedAt = new Float64Array(1024);
  private reached = new Uint8Array(1024);
  // closing the loop: 1 once the case has had a delivery, 2 once a confirming contact came after it
  private loop = new Uint8Array(1024);
  // segments: the case's first channel and first team (+ 1; 0: none yet), in its time order
  private firstChannel = new Int32Array(1024);
  private firstOrg = new Int32Array(1024);
  private channelCount: number[] = [];
  private readonly unitOf = new Map<number, number | undefined>();
  private uncosted = 0;
  // 1 for a case whose events came out of time order (a run of them sorted here)
  private unsorted = new Uint8Array(1024);
  // the pool of recent contacts: activity, time, next in the case's list (-1: end); freed entries chain from `free`
  private readonly recentAct = ints(256);
  private readonly recentTime = floats(256);
  private readonly recentNext = ints(256);
  private free = -1;
  // baton changes: from team × 2^26 + to team → count
  private readonly batons = new Map<number, number>();
  // avoidable contact: each activity's NI14 code (index into codes; -1 none; -2 not yet looked up)
  private codeOfActivity = new Int32Array(64).fill(-2);
  private readonly codes: string[] = [];
  private codeCount: number[] = [];
  private codeAvoidable: number[] = [];
  // where each code was first counted in the in-memory engine's order: case id, then event of the case
  private codeFirstCase: number[] = [];
  private codeFirstEvent: number[] = [];
  private readonly rp: number;
  private readonly windowMs: number;
  private readonly chasing: RegExp;
  private readonly transfers: RegExp;
  private readonly avoidableCodes: ReadonlySet<string>;
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

  /**
   * `nameOf` gives an activity's name by id (for the avoidable-contact rules, which go by name); `hasOrg`
   * says whether the log has a team column (hand-offs are computed only then).
   */
  constructor(
    private readonly nameOf: (activity: number) => string = String,
    private readonly rules: AvoidableRules = {},
    readonly hasOrg = false,
    /** Which columns the log has, the channels' names by id, and the unit costs (channel mix and cost). */
    private readonly columns: {
      readonly channel?: boolean;
      readonly cost?: boolean;
      readonly outcome?: boolean;
      readonly channelName?: (channel: number) => string;
      readonly costTable?: ChannelCostTable;
      readonly localCosts?: Readonly<Record<string, number>>;
    } = {},
  ) {
    this.nodeParent.push(-1);
    this.nodeAct.push(-1);
    this.chasing = rules.chasing ?? defaultAvoidableRules.chasing;
    this.transfers = rules.transfers ?? defaultAvoidableRules.transfers;
    this.avoidableCodes = new Set(rules.avoidableCodes ?? Object.keys(ni14Categories));
    this.windowMs = (rules.repeatWithinDays ?? defaultAvoidableRules.repeatWithinDays) * 86_400_000;
    this.rp = this.codeIndex('RP');
  }

  /**
   * One event; `caseId` and `activity` are interned ids, `time` epoch ms, `org` the team's id (-1: none),
   * `contact` whether it is a customer contact (as `contactMask`: it has a channel, or the log has none).
   */
  add(
    caseId: number,
    activity: number,
    time: number,
    org = -1,
    contact = true,
    channel = -1,
    outcome = -1,
    cost = Number.NaN,
    sco = false,
    loop = 0,
  ): void {
    if (caseId !== this.runCase) this.flushRun();
    this.runCase = caseId;
    this.runAct.push(activity);
    this.runTime.push(time);
    this.runOrg.push(org);
    this.runContact.push(contact ? 1 : 0);
    this.runChannel.push(channel);
    this.runOutcome.push(outcome);
    this.runCost.push(cost);
    this.runSco.push(sco ? 1 : 0);
    this.runLoop.push(loop);
    this.events++;
  }

  private flushRun(): void {
    const n = this.runAct.size;
    if (n === 0) return;
    const c = this.runCase;
    const act = this.runAct.data;
    const time = this.runTime.data;
    const org = this.runOrg.data;
    const contact = this.runContact.data;
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) if ((time[i] as number) < (time[i - 1] as number)) sorted = false;
    let order: number[] | undefined;
    if (!sorted) {
      order = Array.from({ length: n }, (_, i) => i);
      order.sort((x, y) => (time[x] as number) - (time[y] as number) || x - y);
    }
    this.room(c);
    if (order) this.unsorted[c] = 1;
    for (let j = 0; j < n; j++) {
      const i = order ? (order[j] as number) : j;
      this.step(c, act[i] as number, time[i] as number, this.events - n + i + 1);
      this.people(c, act[i] as number, time[i] as number, org[i] as number, contact[i] === 1);
      this.money(c, this.runChannel.data[i] as number, this.runCost.data[i] as number);
      // the first contact's outcome, for first-contact resolution (contacts already counts this one)
      if (this.runSco.data[i] === 1 && this.reached[c] === 0) {
        this.reached[c] = 1;
        this.reachedAt[c] = time[i] as number;
      }
      // as computeClosedLoop: a confirming contact after the case's first delivery closes the loop
      const l = this.runLoop.data[i] as number;
      const state = this.loop[c] as number;
      if (l !== 0 && (state & 2) === 0) {
        if ((state & 1) === 1 && (l & 2) === 2 && contact[i] === 1) this.loop[c] = state | 2;
        if ((l & 1) === 1) this.loop[c] = (this.loop[c] as number) | 1;
      }
      const ch = this.runChannel.data[i] as number;
      if (ch >= 0 && this.firstChannel[c] === 0) this.firstChannel[c] = ch + 1;
      const o = org[i] as number;
      if (o >= 0 && this.firstOrg[c] === 0) this.firstOrg[c] = o + 1;
      if (contact[i] === 1 && this.contacts[c] === 1)
        this.firstOutcome[c] = (this.runOutcome.data[i] as number) + 1;
    }
    this.runAct.size = 0;
    this.runTime.size = 0;
    this.runOrg.size = 0;
    this.runContact.size = 0;
    this.runChannel.size = 0;
    this.runOutcome.size = 0;
    this.runCost.size = 0;
    this.runSco.size = 0;
    this.runLoop.size = 0;
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
      if (t < prev) throw outOfOrder(ordinal, t, prev);
      const key = (this.lastAct[c] as number) * ACT + a;
      let e = this.edgeOf.get(key);
      if (e === undefined) {
        e = this.edgeKey.length;
        this.edgeOf.set(key, e);
        this.edgeKey.push(key);
        this.gaps.push(floats(16));
        this.gapCase.push(ints(16));
      }
      const g = (t - prev) / 1000;
      (this.gaps[e] as Column<Float64Array>).push(g);
      // silences: the first longest gap of the case (computeSilences keeps the first of equal gaps)
      if (g > (this.longestGap[c] as number)) {
        this.longestGap[c] = g;
        this.gapAfter[c] = this.lastAct[c] as number;
        this.gapBefore[c] = a;
      }
      (this.gapCase[e] as Column<Int32Array>).push(c);
      this.pairs++;
      this.node[c] = this.child(this.node[c] as number, a);
    }
    this.last[c] = t;
    this.lastAct[c] = a;
    this.count[c] = k + 1;
  }

  /**
   * Hand-offs and avoidable contact for event (a, t) of case c, taken after the case's earlier events (as
   * computeHandoffs and computeAvoidable walk each case's events in time order).
   */
  private people(c: number, a: number, t: number, org: number, contact: boolean): void {
    if (this.hasOrg && org >= 0) {
      const prev = (this.lastOrg[c] as number) - 1;
      if (prev >= 0 && org !== prev) {
        this.handoffs[c] = (this.handoffs[c] as number) + 1;
        const key = prev * 2 ** 26 + org;
        this.batons.set(key, (this.batons.get(key) ?? 0) + 1);
      }
      this.lastOrg[c] = org + 1;
    }
    if (!contact) return;
    const k = this.contacts[c] as number;
    this.contacts[c] = k + 1;
    let code = this.codeOf(a);
    if (code < 0 && this.windowMs > 0 && this.repeatOf(c, a, t)) code = this.rp;
    if (code < 0) return;
    this.codeCount[code] = (this.codeCount[code] as number) + 1;
    // the first time a code is counted in the in-memory order (cases by first appearance, then time)
    if (c < (this.codeFirstCase[code] as number)) {
      this.codeFirstCase[code] = c;
      this.codeFirstEvent[code] = k;
    }
    this.avoidableN[c] = (this.avoidableN[c] as number) + (this.codeAvoidable[code] as number);
  }

  /**
   * Whether a contact with activity a at time t is a repeat: the case's previous contact with the same
   * activity was at most the window before (computeAvoidable's rule). Each case keeps a short list of its
   * contacts by activity with the latest time of each; an entry older than the window before t can match
   * no later contact of the case (its times do not decrease), so it is dropped: the list holds only the
   * activities contacted within the window before the case's latest event.
   */
  private repeatOf(c: number, a: number, t: number): boolean {
    const act = this.recentAct;
    const time = this.recentTime;
    const next = this.recentNext;
    let before = -1;
    let e = (this.recentHead[c] as number) - 1;
    while (e >= 0) {
      const after = next.data[e] as number;
      if (t - (time.data[e] as number) > this.windowMs) {
        // unlink and free
        if (before < 0) this.recentHead[c] = after + 1;
        else next.data[before] = after;
        next.data[e] = this.free;
        this.free = e;
      } else if (act.data[e] === a) {
        time.data[e] = t;
        return true;
      } else before = e;
      e = after;
    }
    let slot = this.free;
    if (slot >= 0) {
      this.free = next.data[slot] as number;
      act.data[slot] = a;
      time.data[slot] = t;
      next.data[slot] = (this.recentHead[c] as number) - 1;
    } else {
      slot = act.size;
      act.push(a);
      time.push(t);
      next.push((this.recentHead[c] as number) - 1);
    }
    this.recentHead[c] = slot + 1;
    return false;
  }

  /**
   * As computeChannelMix: each event with a channel counts for its channel; the case's cost sums the log's
   * own costs when it has a cost column, else each contact's unit cost by channel (its label, or the table).
   */
  private money(c: number, channel: number, cost: number): void {
    if (channel >= 0) this.channelCount[channel] = (this.channelCount[channel] ?? 0) + 1;
    if (this.columns.cost) {
      if (!Number.isNaN(cost)) this.caseCost[c] = (this.caseCost[c] as number) + cost;
    } else if (channel >= 0) {
      const u = this.unit(channel);
      if (u === undefined) this.uncosted++;
      else this.caseCost[c] = (this.caseCost[c] as number) + u;
    }
  }

  private unit(channel: number): number | undefined {
    if (!this.unitOf.has(channel))
      this.unitOf.set(channel, this.unitByName((this.columns.channelName ?? String)(channel)));
    return this.unitOf.get(channel);
  }

  private unitByName(n: string): number | undefined {
    const table = this.columns.costTable ?? defaultChannelCostTable;
    const costChannel = costChannelOf(n);
    return this.columns.localCosts?.[n] ?? (costChannel ? table.perContact[costChannel] : undefined);
  }

  /** The activity's NI14 code (an index into `codes`), or -1: by explicit category, else by name. */
  private codeOf(a: number): number {
    if (a >= this.codeOfActivity.length) {
      const grown = new Int32Array(Math.max(a + 1, this.codeOfActivity.length * 2)).fill(-2);
      grown.set(this.codeOfActivity);
      this.codeOfActivity = grown;
    }
    let code = this.codeOfActivity[a] as number;
    if (code === -2) {
      const name = this.nameOf(a);
      const c =
        this.rules.categories?.[name] ??
        (this.chasing.test(name) ? 'PC' : this.transfers.test(name) ? 'MD' : undefined);
      code = c === undefined ? -1 : this.codeIndex(c);
      this.codeOfActivity[a] = code;
    }
    return code;
  }

  private codeIndex(code: string): number {
    let i = this.codes.indexOf(code);
    if (i < 0) {
      i = this.codes.length;
      this.codes.push(code);
      this.codeCount.push(0);
      this.codeAvoidable.push(this.avoidableCodes.has(code) ? 1 : 0);
      this.codeFirstCase.push(Number.POSITIVE_INFINITY);
      this.codeFirstEvent.push(0);
    }
    return i;
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
    this.lastOrg = grow(this.lastOrg, i32);
    this.handoffs = grow(this.handoffs, i32);
    this.longestGap = grow(this.longestGap, f64);
    this.gapAfter = grow(this.gapAfter, i32);
    this.gapBefore = grow(this.gapBefore, i32);
    this.contacts = grow(this.contacts, i32);
    this.avoidableN = grow(this.avoidableN, i32);
    this.recentHead = grow(this.recentHead, i32);
    this.caseCost = grow(this.caseCost, f64);
    this.firstOutcome = grow(this.firstOutcome, i32);
    this.reachedAt = grow(this.reachedAt, f64);
    this.firstChannel = grow(this.firstChannel, i32);
    this.firstOrg = grow(this.firstOrg, i32);
    const flags = new Uint8Array(n);
    flags.set(this.unsorted);
    this.unsorted = flags;
    const reached = new Uint8Array(n);
    reached.set(this.reached);
    this.reached = reached;
    const loop = new Uint8Array(n);
    loop.set(this.loop);
    this.loop = loop;
  }

  /**
   * The figures, with the activities' names by id; `topN` variants are listed (default 20). `teams` and
   * `caseName` give the names of team and case ids (for hand-offs and the longest silences).
   */
  finish(
    names: readonly string[],
    topN = 20,
    end: {
      readonly teams?: readonly string[];
      readonly caseName?: (caseId: number) => string;
      readonly silenceThresholdDays?: number;
      readonly pseudonymise?: (caseId: string) => string;
      readonly channels?: readonly string[];
      readonly outcomes?: readonly string[];
      readonly resolvedOutcome?: RegExp;
      /** The rule, when the log has its column, and whether any activity or value in the log matches it. */
      readonly successfulOutcome?: { readonly rule: OutcomeRule; readonly matchesLog: boolean };
      /** The activities counted as delivery and confirmation (none: no closing-the-loop figure). */
      readonly closedLoop?: {
        readonly delivery: readonly string[];
        readonly confirmation: readonly string[];
        readonly detected: boolean;
      };
      readonly segments?: readonly SegmentBy[];
    } = {},
  ): StreamedFigures {
    this.flushRun();
    // cases in id order (first appearance in the file), as the in-memory case index orders them
    const caseIds: number[] = [];
    for (let c = 0; c < this.count.length; c++) if ((this.count[c] as number) > 0) caseIds.push(c);
    const cases = caseIds.length;
    const eventsOfCase = new Int32Array(cases);
    const durationOfCase = new Float64Array(cases);
    let start = Infinity;
    let last = -Infinity;
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
      if (t1 > last) last = t1;
      starts[this.firstAct[c] as number] = (starts[this.firstAct[c] as number] as number) + 1;
      ends[this.lastAct[c] as number] = (ends[this.lastAct[c] as number] as number) + 1;
      const v = this.node[c] as number;
      variantCases.set(v, (variantCases.get(v) ?? 0) + 1);
    });
    let activities = 0;
    for (const s of this.activitySeen) activities += s;
    const contactsOfCase = Int32Array.from(caseIds, (c) => this.contacts[c] as number);
    const handoffs = this.hasOrg ? this.handoffFigures(caseIds, end.teams ?? []) : undefined;
    const variants = this.topVariants(variantCases, names, cases, topN);
    const avoidable = this.avoidableFigures(caseIds, contactsOfCase);
    const channels =
      this.columns.channel || this.columns.cost ? this.channelMix(caseIds, end.channels ?? []) : undefined;
    // as computeVariants' variantOfCase, as far as segments read it (ranks past 10 are "other"): the ranked
    // variants first, then the rest in order of first appearance (variantCases is in that order)
    const rankOf = new Map<number, number>();
    for (const v of variants.ranked) if (rankOf.size < 10) rankOf.set(v, rankOf.size);
    for (const v of variantCases.keys()) if (rankOf.size < 10 && !rankOf.has(v)) rankOf.set(v, rankOf.size);
    const first = (col: Int32Array) => Int32Array.from(caseIds, (c) => (col[c] as number) - 1);
    // computeSegments reads, for the channel and team segments, the first event of each case with a value:
    // here each case is given as one event holding that value
    const oneEventACase = {
      cases,
      caseStart: Int32Array.from({ length: cases + 1 }, (_, i) => i),
      store: {
        dim: {
          channel: this.columns.channel ? first(this.firstChannel) : undefined,
          org: this.hasOrg ? first(this.firstOrg) : undefined,
        },
        dims: {
          channel: { values: () => end.channels ?? [] },
          org: { values: () => end.teams ?? [] },
        },
      },
    } as unknown as CaseIndex;
    const segments = computeSegments(
      oneEventACase,
      {
        contacts: contactsOfCase,
        events: eventsOfCase,
        durationSeconds: durationOfCase,
        startMs: Float64Array.from(caseIds, (c) => this.first[c] as number),
        variant: Int32Array.from(caseIds, (c) => rankOf.get(this.node[c] as number) ?? 10),
        avoidable: avoidable.avoidableOfCase,
        ...(handoffs ? { handoffs: handoffs.handoffsOfCase } : {}),
        ...(channels ? { cost: channels.costOfCase } : {}),
      },
      end.segments,
    );
    return {
      cases,
      events: this.events,
      activities,
      start: cases ? start : Number.NaN,
      end: cases ? last : Number.NaN,
      dfg: {
        edges: this.edges(names),
        startActivities: countsByName(starts, names),
        endActivities: countsByName(ends, names),
        pairs: this.pairs,
      },
      variants: { count: variantCases.size, top: variants.top },
      eventsPerCase: summarise(eventsOfCase),
      durationSeconds: summarise(durationOfCase),
      contactsPerCase: summarise(contactsOfCase),
      casesOutOfOrder: caseIds.reduce((n, c) => n + (this.unsorted[c] as number), 0),
      ...(handoffs ? { handoffs } : {}),
      rework: this.rework(caseIds, variantCases, names),
      silences: this.silenceFigures(caseIds, (end.silenceThresholdDays ?? 14) * 86_400, names, (c) =>
        (end.pseudonymise ?? ((x: string) => x))(end.caseName ? end.caseName(c) : String(c)),
      ),
      avoidable,
      ...(channels ? { channels } : {}),
      segments,
      ...(end.successfulOutcome
        ? { successfulOutcome: this.outcomeReached(caseIds, end.successfulOutcome) }
        : {}),
      ...(end.closedLoop ? { closedLoop: this.closedLoop(caseIds, end.closedLoop) } : {}),
      ...(this.columns.outcome
        ? { fcr: this.fcrFigures(caseIds, end.outcomes ?? [], end.resolvedOutcome ?? defaultResolvedPattern) }
        : {}),
      histograms: {
        contactsPerCase: histogram(contactsOfCase),
        durationDays: histogram(inDays(durationOfCase)),
      },
    };
  }

  /** As computeOutcomeReached: the share of cases that reach it and the time from their first event. */
  private outcomeReached(
    caseIds: readonly number[],
    sco: { readonly rule: OutcomeRule; readonly matchesLog: boolean },
    confidence = 0.95,
  ): OutcomeReached {
    const times: number[] = [];
    for (const c of caseIds)
      if (this.reached[c] === 1)
        times.push(((this.reachedAt[c] as number) - (this.first[c] as number)) / 1000);
    const w = wilsonInterval(times.length, caseIds.length, confidence);
    return {
      rule: sco.rule,
      cases: caseIds.length,
      reached: times.length,
      share: w.estimate,
      interval: { low: w.low, high: w.high, confidence },
      timeToOutcomeSeconds: summariseInPlace(Float64Array.from(times)),
      ruleMatchesLog: sco.matchesLog,
    };
  }

  /** As computeClosedLoop: of the cases with a delivery, the share with a confirming contact after it. */
  private closedLoop(
    caseIds: readonly number[],
    loop: {
      readonly delivery: readonly string[];
      readonly confirmation: readonly string[];
      readonly detected: boolean;
    },
    confidence = 0.95,
  ): ClosedLoop {
    let delivered = 0;
    let closed = 0;
    for (const c of caseIds) {
      const state = this.loop[c] as number;
      if ((state & 1) === 1) delivered++;
      if ((state & 2) === 2) closed++;
    }
    const w = wilsonInterval(closed, delivered, confidence);
    return {
      ...loop,
      delivered,
      closed,
      share: w.estimate,
      interval: { low: w.low, high: w.high, confidence },
    };
  }

  /** As computeChannelMix: channels by contacts (ties in the channels' first-seen order), cost per journey. */
  private channelMix(caseIds: readonly number[], names: readonly string[]): ChannelMix {
    const costOfCase = Float64Array.from(caseIds, (c) => this.caseCost[c] as number);
    let contacts = 0;
    for (const n of this.channelCount) contacts += n ?? 0;
    const table = this.columns.costTable ?? defaultChannelCostTable;
    const channels = names
      .map((channel, c) => {
        const n = this.channelCount[c] ?? 0;
        const unitCost = this.unitByName(channel);
        return {
          channel,
          contacts: n,
          share: contacts ? n / contacts : 0,
          ...(unitCost === undefined ? {} : { unitCost }),
        };
      })
      .filter((r) => r.contacts > 0)
      .sort((a, b) => b.contacts - a.contacts);
    let total = 0;
    for (const v of costOfCase) total += v;
    return {
      channels,
      costSource: this.columns.cost ? 'log' : 'table',
      ...(this.columns.cost ? {} : { table: { id: table.id, source: table.source, year: table.year } }),
      costPerJourney: summarise(costOfCase),
      totalCost: total,
      uncostedContacts: this.uncosted,
      costOfCase,
    };
  }

  /** As computeFcr: a case counts when its first contact has a resolved outcome and no other contact follows. */
  private fcrFigures(
    caseIds: readonly number[],
    outcomes: readonly string[],
    resolved: RegExp,
    confidence = 0.95,
  ): FirstContactResolution {
    const isResolved = outcomes.map((v) => resolved.test(v));
    let requests = 0;
    let fcr = 0;
    for (const c of caseIds) {
      const n = this.contacts[c] as number;
      if (n === 0) continue;
      requests++;
      const o = (this.firstOutcome[c] as number) - 1;
      if (n === 1 && o >= 0 && isResolved[o]) fcr++;
    }
    return fcrResult(fcr, requests, resolved, confidence);
  }

  /** As computeHandoffs: baton changes most frequent first, ties by the teams' names. */
  private handoffFigures(caseIds: readonly number[], teams: readonly string[]): Handoffs {
    const handoffsOfCase = Int32Array.from(caseIds, (c) => this.handoffs[c] as number);
    let total = 0;
    let casesWithHandoff = 0;
    for (const n of handoffsOfCase) {
      total += n;
      if (n > 0) casesWithHandoff++;
    }
    const matrix = [...this.batons].map(([key, count]) => ({
      from: teams[Math.floor(key / 2 ** 26)] as string,
      to: teams[key % 2 ** 26] as string,
      count,
    }));
    matrix.sort(
      (a, b) =>
        b.count - a.count ||
        (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0),
    );
    return { by: 'org', total, perCase: summarise(handoffsOfCase), casesWithHandoff, matrix, handoffsOfCase };
  }

  /**
   * As computeRework. A case's rework (events whose activity came earlier in the case) depends on its
   * sequence of activities alone, so it is counted once for each distinct sequence (a node of the tree)
   * and weighted by the sequence's cases.
   */
  private rework(
    caseIds: readonly number[],
    variantCases: Map<number, number>,
    names: readonly string[],
  ): Rework {
    const A = names.length;
    const repeats = new Float64Array(A);
    const casesOf = new Float64Array(A);
    const ofVariant = new Map<number, number>();
    const inCase = new Int32Array(A);
    const touched: number[] = [];
    for (const [v, n] of variantCases) {
      let r = 0;
      for (let node = v; node > 0; node = this.nodeParent.data[node] as number) {
        const a = this.nodeAct.data[node] as number;
        if (inCase[a] === 0) touched.push(a);
        inCase[a] = (inCase[a] as number) + 1;
      }
      for (const a of touched) {
        const extra = (inCase[a] as number) - 1;
        if (extra > 0) {
          r += extra;
          repeats[a] = (repeats[a] as number) + extra * n;
          casesOf[a] = (casesOf[a] as number) + n;
        }
        inCase[a] = 0;
      }
      touched.length = 0;
      ofVariant.set(v, r);
    }
    const reworkOfCase = Int32Array.from(caseIds, (c) => ofVariant.get(this.node[c] as number) as number);
    let repeatedEvents = 0;
    let casesWithRework = 0;
    for (const n of reworkOfCase) {
      repeatedEvents += n;
      if (n > 0) casesWithRework++;
    }
    const byActivity = names
      .map((activity, a) => ({ activity, repeats: repeats[a] as number, cases: casesOf[a] as number }))
      .filter((r) => r.repeats > 0)
      .sort((x, y) => y.repeats - x.repeats || (x.activity < y.activity ? -1 : 1))
      .slice(0, 20);
    return {
      repeatedEvents,
      casesWithRework,
      shareOfCases: caseIds.length ? casesWithRework / caseIds.length : Number.NaN,
      byActivity,
      reworkOfCase,
    };
  }

  /** As computeSilences: the longest gap of each case, and the `top` longest (ties: earlier case first). */
  private silenceFigures(
    caseIds: readonly number[],
    thresholdSeconds: number,
    names: readonly string[],
    caseName: (caseId: number) => string,
    top = 10,
  ): Silences {
    const gaps = Float64Array.from(caseIds, (c) => this.longestGap[c] as number);
    let over = 0;
    for (const g of gaps) if (g > thresholdSeconds) over++;
    // a case with no gap above 0 has no silence to list (computeSilences' `at` < 0)
    const ranked: number[] = [];
    for (let k = 0; k < gaps.length; k++) {
      const g = gaps[k] as number;
      if (!(g > 0)) continue;
      if (ranked.length === top && g <= (gaps[ranked[top - 1] as number] as number)) continue;
      let i = ranked.length === top ? top - 1 : ranked.length;
      while (i > 0 && (gaps[ranked[i - 1] as number] as number) < g) {
        ranked[i] = ranked[i - 1] as number;
        i--;
      }
      ranked[i] = k;
    }
    const cases = caseIds.length;
    return {
      thresholdSeconds,
      longestGapSeconds: summarise(gaps),
      casesOverThreshold: over,
      shareOverThreshold: cases ? over / cases : Number.NaN,
      longest: ranked.map((k) => {
        const c = caseIds[k] as number;
        return {
          case: caseName(c),
          gapSeconds: gaps[k] as number,
          after: names[this.gapAfter[c] as number] as string,
          before: names[this.gapBefore[c] as number] as string,
        };
      }),
    };
  }

  /** As computeAvoidable: the categories listed in the order the in-memory engine first counts them. */
  private avoidableFigures(caseIds: readonly number[], contactsOfCase: Int32Array): AvoidableContact {
    const avoidableOfCase = Int32Array.from(caseIds, (c) => this.avoidableN[c] as number);
    let contacts = 0;
    let avoidable = 0;
    for (let k = 0; k < caseIds.length; k++) {
      contacts += contactsOfCase[k] as number;
      avoidable += avoidableOfCase[k] as number;
    }
    const seen = this.codes
      .map((_, i) => i)
      .filter((i) => (this.codeCount[i] as number) > 0)
      .sort(
        (x, y) =>
          (this.codeFirstCase[x] as number) - (this.codeFirstCase[y] as number) ||
          (this.codeFirstEvent[x] as number) - (this.codeFirstEvent[y] as number),
      );
    const byCategory: Record<string, number> = {};
    for (const i of seen) byCategory[this.codes[i] as string] = this.codeCount[i] as number;
    return avoidableResult({
      contacts,
      avoidable,
      byCategory,
      cases: caseIds.length,
      avoidableOfCase,
      rules: this.rules,
      windowMs: this.windowMs,
      chasing: this.chasing,
      transfers: this.transfers,
    });
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
  ): { top: Variant[]; ranked: number[] } {
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
      .map(([v, k]) => ({ node: v, activities: sequence(v), cases: k }));
    ranked.sort((x, y) => y.cases - x.cases || compareSequences(x.activities, y.activities));
    return {
      top: ranked
        .slice(0, topN)
        .map((r) => ({ activities: r.activities, cases: r.cases, coverage: r.cases / cases })),
      ranked: ranked.map((r) => r.node),
    };
  }
}

/**
 * An EventStore that keeps no events: each one is handed to `figures` once the importer has written its
 * columns. The importers write an event's other columns (team, channel…) at the index `add` returns, here
 * always 0, after `add`; so an event is handed on at the next `add` (or at `finish`), with its team and
 * whether it has a channel read from slot 0, which is then cleared for the next event. The interners (case
 * ids, activities, dimension values) are kept, as in any store.
 */
export class StreamingStore extends EventStore {
  readonly figures: StreamingFigures;
  private pendingCase = -1;
  private pendingActivity = 0;
  private pendingTime = 0;
  // the Successful Customer Outcome rule (when the log has its column) and which ids meet it, by id
  private readonly sco: OutcomeRule | undefined;
  private readonly scoMeets = new Map<number, boolean>();
  // closing the loop: the rule, and each activity's kind by id (1 delivery, 2 confirmation)
  private readonly loopRule: ClosedLoopRule;
  private readonly loopKind = new Map<number, number>();

  constructor(decoder: BytesDecoder, options: ConstructorParameters<typeof EventStore>[1] = {}) {
    // the events limit guards the memory events take; streamed events take none
    super(decoder, { ...options, capacity: 1, maxEvents: Number.POSITIVE_INFINITY });
    const config = streamingConfig.getStore() ?? {};
    const rule = config.successfulOutcome;
    this.loopRule = config.closedLoop ?? {};
    this.sco = rule && ('activity' in rule || this.dim[rule.dimension] !== undefined) ? rule : undefined;
    this.figures = new StreamingFigures(
      (a) => this.activities.value(a),
      config.avoidable,
      this.dim.org !== undefined,
      {
        channel: this.dim.channel !== undefined,
        cost: this.cost !== undefined,
        outcome: this.dim.outcome !== undefined,
        channelName: (c) => this.dims.channel.value(c),
        ...(config.costTable ? { costTable: config.costTable } : {}),
        ...(config.localCosts ? { localCosts: config.localCosts } : {}),
      },
    );
  }

  override add(caseId: number, activity: number, time: number): number {
    this.handOn();
    this.pendingCase = caseId;
    this.pendingActivity = activity;
    this.pendingTime = time;
    return 0;
  }

  /** The event written last, to the figures, with its team and channel (contactMask's rule). */
  private handOn(): void {
    if (this.pendingCase < 0) return;
    const org = this.dim.org;
    const channel = this.dim.channel;
    const outcome = this.dim.outcome;
    this.figures.add(
      this.pendingCase,
      this.pendingActivity,
      this.pendingTime,
      org ? (org[0] as number) : -1,
      channel ? (channel[0] as number) >= 0 : true,
      channel ? (channel[0] as number) : -1,
      outcome ? (outcome[0] as number) : -1,
      this.cost ? (this.cost[0] as number) : Number.NaN,
      this.meetsOutcome(),
      this.loopKindOf(this.pendingActivity),
    );
    // an event without a value leaves its slot untouched: cleared so it does not inherit the last one's
    for (const d of this.presentDims()) (this.dim[d] as Int32Array)[0] = -1;
    if (this.cost) this.cost[0] = Number.NaN;
    this.pendingCase = -1;
  }

  /** Whether an activity is delivery (1), confirmation (2) or both, by computeClosedLoop's rules. */
  private loopKindOf(a: number): number {
    let kind = this.loopKind.get(a);
    if (kind === undefined) {
      const { isDelivery, isConfirmation } = loopClass(this.loopRule, this.activities.value(a));
      kind = (isDelivery ? 1 : 0) | (isConfirmation ? 2 : 0);
      this.loopKind.set(a, kind);
    }
    return kind;
  }

  /** Whether the event written last meets the Successful Customer Outcome rule (names compared as outcome.ts does). */
  private meetsOutcome(): boolean {
    const rule = this.sco;
    if (!rule) return false;
    const byActivity = 'activity' in rule;
    const id = byActivity ? this.pendingActivity : ((this.dim[rule.dimension] as Int32Array)[0] as number);
    if (id < 0) return false;
    let meets = this.scoMeets.get(id);
    if (meets === undefined) {
      const name = byActivity ? this.activities.value(id) : this.dims[rule.dimension].value(id);
      meets = sameName(name, byActivity ? rule.activity : rule.value);
      this.scoMeets.set(id, meets);
    }
    return meets;
  }

  /** The figures once the import is done (`topVariants` listed, default 20). */
  finish(config: StreamingConfig = {}): StreamedFigures {
    this.handOn();
    return this.figures.finish(this.activities.values(), config.topVariants ?? 20, {
      teams: this.dims.org.values(),
      caseName: (c) => this.cases.value(c),
      ...(config.silenceThresholdDays !== undefined
        ? { silenceThresholdDays: config.silenceThresholdDays }
        : {}),
      ...(config.pseudonymise ? { pseudonymise: config.pseudonymise } : {}),
      channels: this.dims.channel.values(),
      outcomes: this.dims.outcome.values(),
      ...(config.resolvedOutcome ? { resolvedOutcome: config.resolvedOutcome } : {}),
      ...(this.sco ? { successfulOutcome: { rule: this.sco, matchesLog: this.outcomeInLog(this.sco) } } : {}),
      ...(config.segments ? { segments: config.segments } : {}),
      ...this.loopActivities(),
    });
  }

  /** The delivery and confirmation activities of the log, none when either list is empty (no figure). */
  private loopActivities() {
    const names = this.activities.values();
    const classes = names.map((n) => loopClass(this.loopRule, n));
    const delivery = names.filter((_, i) => classes[i]?.isDelivery);
    const confirmation = names.filter((_, i) => classes[i]?.isConfirmation);
    if (delivery.length === 0 || confirmation.length === 0) return {};
    const named = (list: readonly string[] | undefined) => list !== undefined && list.length > 0;
    const detected = !named(this.loopRule.delivery) || !named(this.loopRule.confirmation);
    return { closedLoop: { delivery, confirmation, detected } };
  }

  /** Whether any activity or value in the log matches the rule (false: probably misspelt). */
  private outcomeInLog(rule: OutcomeRule): boolean {
    const names = 'activity' in rule ? this.activities.values() : this.dims[rule.dimension].values();
    const want = 'activity' in rule ? rule.activity : rule.value;
    return names.some((n) => sameName(n, want));
  }

  override reserve(): void {
    throw new Error('a streaming store takes its events one at a time');
  }
}

/** Names compare exactly, ignoring case and surrounding spaces (outcome.ts's rule). */
const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** computeClosedLoop's classes of an activity: named ones by name (case and spaces ignored), else by pattern. */
function loopClass(rule: ClosedLoopRule, name: string): { isDelivery: boolean; isConfirmation: boolean } {
  const has = (list: readonly string[] | undefined) =>
    list && list.length > 0 ? list.some((x) => sameName(x, name)) : undefined;
  const isConfirmation = has(rule.confirmation) ?? confirmationPattern.test(name);
  const isDelivery = has(rule.delivery) ?? (!isConfirmation && deliveryPattern.test(name));
  return { isDelivery, isConfirmation };
}
