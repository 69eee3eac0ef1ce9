import { penceToDecimalString, type CostBasis, type CostTable, type Pence } from '@waymark/measure';
import type { JourneyRevision, LibraryItem, LibraryStore, User, WorkspaceId } from '@waymark/store';
import type { ApiDeps } from '../deps';
import { INLINE_SUMMARIES, queuedSummaries, summariseInBackground } from './background-summaries';
import {
  costWith,
  indicatorCounts,
  searchEntriesOf,
  summariseJourney,
  summaryCostBasis,
  summaryTable,
  SUMMARY_FORMAT,
  type IndicatorCounts,
  type JourneyHeadline,
  type StepCostInput,
} from './journey-summary';

/** Why a map is flagged as needing a look: past its review date, or evidence newer than its last review. */
export type ReviewFlag = 'review-due' | 'new-evidence';

export interface PortfolioItem {
  readonly workspaceId: string;
  readonly workspaceName: string;
  readonly journeyId: string;
  readonly version: number;
  readonly title: string;
  readonly journeyType: string;
  readonly status: string;
  readonly owner: string | null;
  readonly segment: string | null;
  readonly service: string | null;
  readonly organisations: readonly string[];
  readonly reviewDate: string | null;
  readonly lastVerified: string | null;
  readonly lastReview: LibraryItem['lastReview'];
  /** The newest date of an attached log or a dated survey source. */
  readonly evidenceDate: string | null;
  readonly updatedAt: string;
  /** Its figures are still being worked out (in the background); until then they are blank or of an older version. */
  readonly summaryPending: boolean;
  readonly headline: Omit<
    JourneyHeadline,
    'stages' | 'service' | 'organisations' | 'lastVerified' | 'detail'
  > & {
    /** Cost per journey in pounds as exact decimal text ("12.50"); null when not costed. */
    readonly cost: string | null;
  };
  readonly stages: JourneyHeadline['stages'];
  readonly indicators: IndicatorCounts;
  readonly flags: readonly ReviewFlag[];
  /** The map's owner is this person (its owner field is their name or email). */
  readonly mine: boolean;
  /** Opportunities open or in progress that gather evidence from this journey; absent without an opportunity store. */
  readonly openOpportunities?: number;
}

const inFlight = new WeakMap<LibraryStore, Map<string, Promise<void>>>();

/**
 * Computes the summary and search entries of every journey of these workspaces whose stored ones are not of
 * its current version, once per version (decision 0035). Concurrent callers share the work per journey.
 */
export async function refreshLibrary(
  deps: Pick<ApiDeps, 'journeys' | 'clock'> & { readonly library: LibraryStore },
  workspaceIds: readonly WorkspaceId[],
  known?: readonly JourneyRevision[],
  options: { readonly analyse?: boolean } = {},
): Promise<void> {
  const stale = known ?? (await deps.library.staleJourneys(workspaceIds, SUMMARY_FORMAT));
  if (stale.length === 0) return;
  let running = inFlight.get(deps.library);
  if (!running) inFlight.set(deps.library, (running = new Map()));
  const jobs = stale.map((s) => {
    const key = `${s.workspaceId}\u0000${s.journeyId}\u0000${s.version}`;
    let job = running.get(key);
    if (!job) {
      job = (async () => {
        const stored = await deps.journeys.getJourney(s.workspaceId, s.journeyId);
        if (!stored) return;
        // The detail is kept apart: the portfolio lists the figures on every request, the detail once a version.
        const { detail, ...summary } = summariseJourney(stored.journey);
        await deps.library.saveSummary({
          workspaceId: s.workspaceId,
          journeyId: s.journeyId,
          version: stored.version,
          format: SUMMARY_FORMAT,
          summary,
          detail,
          entries: searchEntriesOf(stored.journey),
          at: deps.clock().toISOString(),
        });
      })().finally(() => running.delete(key));
      running.set(key, job);
    }
    return job;
  });
  await Promise.all(jobs);
  if (stale.length >= ANALYSE_AFTER && options.analyse !== false) await deps.library.analyse();
}

/** Whether a listed journey's stored summary is of its version and of this code's format. */
export const summaryIsCurrent = (i: LibraryItem): boolean =>
  i.summaryVersion === i.version && (i.summaryFormat ?? 1) >= SUMMARY_FORMAT;

/**
 * Makes these journeys' summaries current without a request computing many (decision 0039): a few (those just
 * edited) are computed now; more go to the background queue. Returns how many are still being worked out.
 */
export async function keepSummariesCurrent(
  deps: Pick<ApiDeps, 'journeys' | 'clock'> & { readonly library: LibraryStore },
  workspaceIds: readonly WorkspaceId[],
  known?: readonly JourneyRevision[],
): Promise<number> {
  const stale = known ?? (await deps.library.staleJourneys(workspaceIds, SUMMARY_FORMAT));
  if (stale.length === 0) return 0;
  if (stale.length <= INLINE_SUMMARIES) {
    await refreshLibrary(deps, workspaceIds, stale);
    return 0;
  }
  summariseInBackground(deps, stale);
  return Math.max(stale.length, queuedSummaries(deps.library, workspaceIds));
}

/** The cost table and its basis that a workspace's costs per journey use. */
export interface PortfolioCosts {
  readonly table: CostTable;
  readonly basis: CostBasis;
}

/** Without a workspace's choice: the table summaries were always costed with (Socitm 2011). */
export const defaultPortfolioCosts = async (): Promise<PortfolioCosts> => ({
  table: summaryTable,
  basis: summaryCostBasis,
});

/** After this many summaries written at once, the database's statistics are refreshed (see `analyse`). */
const ANALYSE_AFTER = 20;

const norm = (s: string) => s.trim().toLowerCase();

/** Whether `owner` names this person (their name or email, whatever the case). */
export const ownedBy = (owner: string | null, user: Pick<User, 'name' | 'email'>): boolean =>
  owner !== null && (norm(owner) === norm(user.name) || norm(owner) === norm(user.email));

/** The flags of a map on `today` (YYYY-MM-DD). Pure. */
export function reviewFlags(
  item: {
    readonly reviewDate: string | null;
    readonly lastVerified: string | null;
    readonly evidenceDate: string | null;
  },
  today: string,
): ReviewFlag[] {
  const flags: ReviewFlag[] = [];
  if (item.reviewDate !== null && item.reviewDate < today) flags.push('review-due');
  if (item.evidenceDate !== null && (item.lastVerified === null || item.evidenceDate > item.lastVerified))
    flags.push('new-evidence');
  return flags;
}

const emptyHeadline = (): JourneyHeadline => ({
  steps: 0,
  cards: 0,
  lowest: null,
  contacts: 0,
  avoidableContacts: 0,
  avoidablePercent: null,
  elapsedDays: 0,
  costPence: null,
  handOffs: 0,
  painPoints: 0,
  stages: [],
  service: null,
  organisations: [],
  lastVerified: null,
  newestEvidenceDate: null,
});

/** The portfolio and how many of its journeys' figures are still being worked out in the background. */
export interface Portfolio {
  readonly items: PortfolioItem[];
  readonly pending: number;
  /** The cost model and price base of each workspace's costs per journey. */
  readonly costBases: ReadonlyMap<WorkspaceId, CostBasis>;
}

/** Every live journey of these workspaces with its headline figures, indicators and flags, as of `now`. */
export async function portfolio(
  deps: Pick<ApiDeps, 'journeys' | 'clock' | 'opportunities'> & { readonly library: LibraryStore },
  workspaceIds: readonly WorkspaceId[],
  user: Pick<User, 'name' | 'email'>,
  costsOf: (workspaceId: WorkspaceId) => Promise<PortfolioCosts> = defaultPortfolioCosts,
): Promise<Portfolio> {
  // The list says which summaries are not current: a few are computed now and the list read again; more are
  // left to the background and shown as pending, so no request computes hundreds (decision 0039).
  let items = await deps.library.listLibrary(workspaceIds);
  const stale = items.filter((i) => !summaryIsCurrent(i));
  if (stale.length > 0 && (await keepSummariesCurrent(deps, workspaceIds, stale)) === 0)
    items = await deps.library.listLibrary(workspaceIds);
  const inputsOf = await costInputsOf(deps.library, workspaceIds, items);
  const costs = new Map<WorkspaceId, PortfolioCosts>();
  for (const ws of new Set(items.map((i) => i.workspaceId))) costs.set(ws, await costsOf(ws));
  const indicators = await deps.library.listIndicators(workspaceIds);
  const opportunitiesOf = await openOpportunityCounts(deps, workspaceIds);
  const indicatorsOf = new Map(indicators.map((i) => [`${i.workspaceId}\u0000${i.journeyId}`, i.data]));
  const today = deps.clock().toISOString().slice(0, 10);
  const result = items.map((item): PortfolioItem => {
    // A journey changed between the refresh and the list is shown with its figures computed next time.
    const h = (item.summary as JourneyHeadline | null) ?? emptyHeadline();
    const logDate = item.newestLogAt?.slice(0, 10) ?? null;
    const evidenceDate =
      [logDate, h.newestEvidenceDate]
        .filter((d): d is string => d !== null)
        .sort()
        .at(-1) ?? null;
    const { stages, service, organisations, lastVerified, detail: _detail, ...stored } = h;
    const costInputs = inputsOf(item);
    // Costed with the workspace's model at request time; a summary of an older format has no inputs to cost.
    const costPence = costInputs ? costWith(costInputs, costs.get(item.workspaceId)!.table) : null;
    const figures = { ...stored, costPence };
    return {
      workspaceId: item.workspaceId,
      workspaceName: item.workspaceName,
      journeyId: item.journeyId,
      version: item.version,
      title: item.title,
      journeyType: item.journeyType,
      status: item.status,
      owner: item.owner,
      segment: item.segment,
      service,
      organisations,
      reviewDate: item.reviewDate,
      lastVerified,
      lastReview: item.lastReview,
      evidenceDate,
      updatedAt: item.updatedAt,
      summaryPending: !summaryIsCurrent(item),
      headline: {
        ...figures,
        cost: figures.costPence === null ? null : penceToDecimalString(figures.costPence as Pence),
      },
      stages,
      indicators: indicatorCounts(indicatorsOf.get(`${item.workspaceId}\u0000${item.journeyId}`) ?? null),
      flags: reviewFlags({ reviewDate: item.reviewDate, lastVerified, evidenceDate }, today),
      mine: ownedBy(item.owner, user),
      ...(opportunitiesOf
        ? { openOpportunities: opportunitiesOf.get(`${item.workspaceId}\u0000${item.journeyId}`) ?? 0 }
        : {}),
    };
  });
  return {
    items: result,
    pending: result.filter((i) => i.summaryPending).length,
    costBases: new Map([...costs].map(([ws, c]) => [ws, c.basis])),
  };
}

/** Each journey version's cost inputs, kept in memory: they change only with the journey (at most this many). */
const detailCache = new WeakMap<LibraryStore, Map<string, readonly StepCostInput[] | null>>();
const DETAIL_CACHE_SIZE = 20_000;

/**
 * The cost inputs of the listed journeys' current summaries: from memory, else read (only those missing) from the
 * store's summary details. A journey without current ones gets null (its cost is not shown until computed).
 */
async function costInputsOf(
  library: LibraryStore,
  workspaceIds: readonly WorkspaceId[],
  items: readonly LibraryItem[],
): Promise<(item: LibraryItem) => readonly StepCostInput[] | null> {
  let cache = detailCache.get(library);
  if (!cache) detailCache.set(library, (cache = new Map()));
  const keyOf = (ws: string, id: string, version: number) => `${ws}\u0000${id}\u0000${version}`;
  const missing = items.filter(
    (i) => summaryIsCurrent(i) && !cache.has(keyOf(i.workspaceId, i.journeyId, i.version)),
  );
  if (missing.length > 0) {
    if (cache.size + missing.length > DETAIL_CACHE_SIZE) cache.clear();
    // Many missing (a fresh start): one read of the workspaces; a few (edits): only those journeys.
    const details = await library.listSummaryDetails(
      workspaceIds,
      missing.length > 50 ? undefined : missing.map((i) => i.journeyId),
    );
    for (const d of details)
      if (d.format >= SUMMARY_FORMAT)
        cache.set(
          keyOf(d.workspaceId, d.journeyId, d.version),
          (d.detail as { costInputs?: readonly StepCostInput[] } | null)?.costInputs ?? null,
        );
  }
  return (item) =>
    summaryIsCurrent(item)
      ? (cache.get(keyOf(item.workspaceId, item.journeyId, item.version)) ?? null)
      : null;
}

/** How many opportunities, open or in progress, link to each journey (issue 14 item 2's store), or null without it. */
async function openOpportunityCounts(
  deps: Pick<ApiDeps, 'opportunities'>,
  workspaceIds: readonly WorkspaceId[],
): Promise<Map<string, number> | null> {
  const store = deps.opportunities;
  if (!store) return null;
  const counts = new Map<string, number>();
  for (const ws of workspaceIds) {
    for (const o of await store.listOpportunities(ws)) {
      if (o.status !== 'open' && o.status !== 'in-progress') continue;
      for (const journeyId of new Set(o.links.map((l) => l.journeyId))) {
        const key = `${ws}\u0000${journeyId}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  return counts;
}
