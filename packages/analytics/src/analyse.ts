import { buildCaseIndex, type CaseIndex } from './model/case-index';
import type { EventStore } from './model/event-store';
import { computeAvoidable, type AvoidableContact, type AvoidableRules } from './metrics/avoidable';
import { type CaseFigures } from './metrics/cases';
import { computeChannelMix, type ChannelMix } from './metrics/channel-cost';
import { defaultChannelCostTable, type ChannelCostTable } from './metrics/channel-costs';
import { contactMask } from './metrics/contacts';
import { type Dfg } from './metrics/dfg';
import { MetricsInWorker } from './metrics/in-worker';
import { segmentFigures, workerMetrics, type SegmentsJob } from './metrics/metrics-worker';
import { computeFcr, type FirstContactResolution } from './metrics/fcr';
import { computeHandoffs, type Handoffs } from './metrics/handoffs';
import { histogram, inDays, type Bin } from './metrics/histogram';
import { computeRework, type Rework } from './metrics/rework';
import { defaultSegmentBy, segmentsOf, storeLabels, type Segment, type SegmentBy } from './metrics/segments';
import { computeSilences, type Silences } from './metrics/silences';
import { summarise, type Summary } from './metrics/stats';
import { computeValueAdded, type ValueAdded, type ValueClass } from './metrics/value-added';
import { computeOutcomeReached, type OutcomeReached, type OutcomeRule } from './metrics/outcome';
import { computeClosedLoop, type ClosedLoop, type ClosedLoopRule } from './metrics/closed-loop';
import { type Variants } from './metrics/variants';

export interface AnalysisConfig {
  readonly topVariants?: number;
  /** A silence is a gap longer than this (default 14 days). */
  readonly silenceThresholdDays?: number;
  readonly avoidable?: AvoidableRules;
  readonly costTable?: ChannelCostTable;
  /** The user's own £ per contact by channel label, overriding the table. */
  readonly localCosts?: Readonly<Record<string, number>>;
  readonly resolvedOutcome?: RegExp;
  readonly valueClasses?: Readonly<Record<string, ValueClass>>;
  readonly segments?: readonly SegmentBy[];
  /** The journey's Successful Customer Outcome as an activity or attribute condition (issue 13 item 5). */
  readonly successfulOutcome?: OutcomeRule;
  /** Which activities are delivery and confirmation for closing the loop; detected by name when not given. */
  readonly closedLoop?: ClosedLoopRule;
  /**
   * Logs of at least this many events compute the directly-follows graph and the variants in a worker
   * thread while this one computes the rest (default 2,000,000; below it a worker's start-up costs
   * more than it saves). Infinity: never.
   */
  readonly parallelFrom?: number;
  /** Case ids leave the engine only through this (a keyed hash); identity when not given. */
  readonly pseudonymise?: (caseId: string) => string;
}

export interface Analysis {
  readonly index: CaseIndex;
  readonly cases: CaseFigures;
  readonly contactsPerCase: Summary;
  readonly dfg: Dfg;
  readonly variants: Variants;
  readonly handoffs?: Handoffs;
  readonly rework: Rework;
  readonly silences: Silences;
  readonly channels?: ChannelMix;
  readonly avoidable: AvoidableContact;
  readonly fcr?: FirstContactResolution;
  readonly valueAdded?: ValueAdded;
  readonly successfulOutcome?: OutcomeReached;
  readonly closedLoop?: ClosedLoop;
  readonly segments: Partial<Record<SegmentBy, readonly Segment[]>>;
  readonly histograms: { readonly contactsPerCase: readonly Bin[]; readonly durationDays: readonly Bin[] };
}

/** Every metric over one imported log. Pure: no I/O, no clock. */
export function analyseLog(store: EventStore, config: AnalysisConfig = {}): Analysis {
  const worker = store.size >= (config.parallelFrom ?? 2_000_000) ? new MetricsInWorker() : undefined;
  try {
    return analyseWith(store, config, worker);
  } finally {
    worker?.dispose();
  }
}

function analyseWith(
  store: EventStore,
  config: AnalysisConfig,
  worker: MetricsInWorker | undefined,
): Analysis {
  const topVariants = config.topVariants ?? 20;
  // the worker gathers the time column into case order while this thread moves the others, then starts on
  // the graph and the variants
  const index = buildCaseIndex(store, {
    shared: worker !== undefined,
    ...(worker ? { timeGatherer: worker.gatherer(store.activities.values(), topVariants) } : {}),
  });
  worker?.indexed(index);
  const isContact = contactMask(index);
  const contactsOfCase = new Int32Array(index.cases);
  for (let k = 0; k < index.cases; k++) {
    let n = 0;
    for (let p = index.caseStart[k] as number; p < (index.caseStart[k + 1] as number); p++)
      n += isContact[p] as number;
    contactsOfCase[k] = n;
  }
  const handoffs = computeHandoffs(index, 'org');
  const channels = computeChannelMix(index, config.costTable ?? defaultChannelCostTable, config.localCosts);
  const avoidable = computeAvoidable(index, isContact, config.avoidable);
  // the figures the segments need from this thread first: the worker cuts the segments after its own metrics
  // while this thread computes the rest of its own
  const by = config.segments ?? defaultSegmentBy;
  const segmentsJob: SegmentsJob = {
    by,
    labels: storeLabels(index, by),
    contacts: contactsOfCase,
    avoidable: avoidable.avoidableOfCase,
    ...(handoffs ? { handoffs: handoffs.handoffsOfCase } : {}),
    ...(channels ? { cost: channels.costOfCase } : {}),
  };
  worker?.segments(segmentsJob);
  const silences = computeSilences(
    index,
    (config.silenceThresholdDays ?? 14) * 86_400,
    config.pseudonymise ?? ((c) => c),
  );
  const fcr = computeFcr(index, isContact, config.resolvedOutcome);
  const valueAdded = computeValueAdded(index, config.valueClasses ?? {});
  const successfulOutcome = config.successfulOutcome
    ? computeOutcomeReached(index, config.successfulOutcome)
    : undefined;
  const closedLoop = computeClosedLoop(index, isContact, config.closedLoop);
  const rework = computeRework(index);
  const contactsPerCase = summarise(contactsOfCase);
  // the worker's share (the graph, the variants, the case figures and the segments) last: this thread does its
  // own while the worker works
  const fromWorker = worker ? worker.result() : workerMetrics(index, topVariants);
  const { dfg, variants, cases } = fromWorker;
  const histograms = {
    contactsPerCase: histogram(contactsOfCase),
    durationDays: histogram(inDays(cases.durationOfCase)),
  };
  const segments =
    fromWorker.segments ??
    segmentsOf(index.cases, by, segmentsJob.labels, segmentFigures(segmentsJob, fromWorker));
  return {
    index,
    cases,
    contactsPerCase,
    dfg,
    variants,
    rework,
    silences,
    avoidable,
    segments,
    histograms,
    ...(handoffs ? { handoffs } : {}),
    ...(channels ? { channels } : {}),
    ...(fcr ? { fcr } : {}),
    ...(valueAdded ? { valueAdded } : {}),
    ...(successfulOutcome ? { successfulOutcome } : {}),
    ...(closedLoop ? { closedLoop } : {}),
  };
}
