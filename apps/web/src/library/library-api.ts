import type { CostBasis } from '@waymark/measure';
import { callJson } from '../api/call-json';

/** A stage's pain in one journey (the heat map's cell). */
export interface StagePain {
  readonly name: string;
  readonly painPoints: number;
  readonly lowestEmotion: number | null;
}

export type ReviewFlag = 'review-due' | 'new-evidence';

/** One row of `GET /api/workspaces/{ws}/portfolio` (decision 0035). */
export interface PortfolioItem {
  readonly workspaceId: string;
  readonly workspaceName: string;
  readonly journeyId: string;
  readonly version: number;
  readonly title: string;
  readonly journeyType: string;
  readonly owner: string | null;
  readonly segment: string | null;
  readonly service: string | null;
  readonly organisations: readonly string[];
  readonly reviewDate: string | null;
  readonly lastVerified: string | null;
  readonly evidenceDate: string | null;
  readonly headline: {
    readonly lowest: { readonly columnId: string; readonly label: string; readonly score: number } | null;
    readonly avoidablePercent: number | null;
    readonly contacts: number;
    readonly elapsedDays: number;
    readonly costPence: number | null;
    readonly cost: string | null;
    readonly painPoints: number;
  };
  readonly stages: readonly StagePain[];
  readonly indicators: {
    readonly met: number;
    readonly improving: number;
    readonly missed: number;
    readonly noValue: number;
  };
  readonly flags: readonly ReviewFlag[];
  readonly mine: boolean;
  /** Filled from the opportunities store when the server has one (issue 14 item 2). */
  readonly openOpportunities?: number;
}

export interface ReviewDue {
  readonly journeyId: string;
  readonly title: string;
  readonly owner: string | null;
  readonly reviewDate: string | null;
  readonly lastVerified: string | null;
  readonly evidenceDate: string | null;
  readonly flags: readonly ReviewFlag[];
  readonly mine: boolean;
}

export interface SearchHit {
  readonly workspaceId: string;
  readonly workspaceName: string;
  readonly journeyId: string;
  readonly journeyTitle: string;
  readonly journeyType: string;
  readonly kind: 'title' | 'stage' | 'step' | 'card' | 'quote';
  readonly itemId: string | null;
  readonly columnId: string | null;
  readonly cardKind: string | null;
  readonly language: 'en' | 'cy';
  readonly text: string;
  readonly excerpt: string;
}

const ws = (id: string) => `/api/workspaces/${encodeURIComponent(id)}`;

/** The portfolio's address: one workspace's, or every workspace's for an instance administrator. */
export const portfolioPath = (workspace: string | null) =>
  workspace === null ? '/api/admin/portfolio' : `${ws(workspace)}/portfolio`;

export const readPortfolio = (workspace: string | null) =>
  // costBasis: the model and price base of every cost per journey (issue 13 item 2); pending: how many
  // journeys' figures are still being worked out in the background (decision 0039)
  callJson<{ items: PortfolioItem[]; costBasis?: CostBasis | null; pending?: number }>(
    'GET',
    portfolioPath(workspace),
  );

export const readReviewsDue = (workspace: string) =>
  callJson<{ items: ReviewDue[] }>('GET', `${ws(workspace)}/reviews-due`);

export const markReviewed = (
  workspace: string,
  journeyId: string,
  nextReviewDate: string | undefined,
  csrfToken: string,
) =>
  callJson<{ version: number; lastVerified: string; reviewDate: string | null }>(
    'POST',
    `${ws(workspace)}/journeys/${encodeURIComponent(journeyId)}/review`,
    csrfToken,
    nextReviewDate ? { nextReviewDate } : {},
  );

export const search = (params: URLSearchParams) =>
  callJson<{ items: SearchHit[] }>('GET', `/api/search?${params.toString()}`);
