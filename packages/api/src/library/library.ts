import { penceToDecimalString, type Pence } from '@waymark/measure';
import type { JourneyRevision, LibraryItem, LibraryStore, User, WorkspaceId } from '@waymark/store';
import type { ApiDeps } from '../deps';
import {
  indicatorCounts,
  searchEntriesOf,
  summariseJourney,
  type IndicatorCounts,
  type JourneyHeadline,
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
  readonly headline: Omit<JourneyHeadline, 'stages' | 'service' | 'organisations' | 'lastVerified'> & {
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
): Promise<void> {
  const stale = known ?? (await deps.library.staleJourneys(workspaceIds));
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
        await deps.library.saveSummary({
          workspaceId: s.workspaceId,
          journeyId: s.journeyId,
          version: stored.version,
          summary: summariseJourney(stored.journey),
          entries: searchEntriesOf(stored.journey),
          at: deps.clock().toISOString(),
        });
      })().finally(() => running.delete(key));
      running.set(key, job);
    }
    return job;
  });
  await Promise.all(jobs);
  if (stale.length >= ANALYSE_AFTER) await deps.library.analyse();
}

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

/** Every live journey of these workspaces with its headline figures, indicators and flags, as of `now`. */
export async function portfolio(
  deps: Pick<ApiDeps, 'journeys' | 'clock' | 'opportunities'> & { readonly library: LibraryStore },
  workspaceIds: readonly WorkspaceId[],
  user: Pick<User, 'name' | 'email'>,
): Promise<PortfolioItem[]> {
  // The list says which summaries are not of their journey's version: only then are they computed and the
  // list read again, so an unchanged library is one query for the journeys.
  let items = await deps.library.listLibrary(workspaceIds);
  const stale = items.filter((i) => i.summaryVersion !== i.version);
  if (stale.length > 0) {
    await refreshLibrary(deps, workspaceIds, stale);
    items = await deps.library.listLibrary(workspaceIds);
  }
  const indicators = await deps.library.listIndicators(workspaceIds);
  const opportunitiesOf = await openOpportunityCounts(deps, workspaceIds);
  const indicatorsOf = new Map(indicators.map((i) => [`${i.workspaceId}\u0000${i.journeyId}`, i.data]));
  const today = deps.clock().toISOString().slice(0, 10);
  return items.map((item): PortfolioItem => {
    // A journey changed between the refresh and the list is shown with its figures computed next time.
    const h = (item.summary as JourneyHeadline | null) ?? emptyHeadline();
    const logDate = item.newestLogAt?.slice(0, 10) ?? null;
    const evidenceDate =
      [logDate, h.newestEvidenceDate]
        .filter((d): d is string => d !== null)
        .sort()
        .at(-1) ?? null;
    const { stages, service, organisations, lastVerified, ...figures } = h;
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
