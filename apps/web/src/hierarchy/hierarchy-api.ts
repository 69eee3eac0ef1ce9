import { callJson } from '../api/call-json';

const w = (ws: string) => `/api/workspaces/${encodeURIComponent(ws)}`;
const e = encodeURIComponent;

export interface ChildLinkView {
  readonly parentJourneyId: string;
  readonly parentStepId: string;
  readonly childJourneyId: string;
  readonly parentTitle: string | null;
  readonly parentStepLabel: string | null;
  readonly childTitle: string | null;
}
export interface StepLinkView {
  readonly id: string;
  readonly fromJourneyId: string;
  readonly fromStepId: string;
  readonly toJourneyId: string;
  readonly toStepId: string;
  readonly label: string | null;
  readonly fromTitle: string | null;
  readonly fromStepLabel: string | null;
  readonly toTitle: string | null;
  readonly toStepLabel: string | null;
}
export interface JourneyBrief {
  readonly id: string;
  readonly title: string;
  readonly journeyType: string;
  readonly status: string;
}
export interface Hierarchy {
  readonly journeys: readonly JourneyBrief[];
  readonly children: readonly ChildLinkView[];
  readonly stepLinks: readonly StepLinkView[];
}

export const opportunityStatuses = ['open', 'in-progress', 'solved', 'parked'] as const;
export type OpportunityStatus = (typeof opportunityStatuses)[number];
export const opportunityPriorities = ['high', 'medium', 'low'] as const;
export type OpportunityPriority = (typeof opportunityPriorities)[number];
export const linkKinds = ['card', 'step', 'figure', 'idea', 'business-case', 'indicator'] as const;
export type LinkKind = (typeof linkKinds)[number];

export interface OpportunityLinkView {
  readonly journeyId: string;
  readonly kind: LinkKind;
  readonly target: string;
  readonly journeyTitle?: string | null;
  readonly label?: string | null;
  readonly cardKind?: string;
  readonly stepId?: string;
  readonly stepLabel?: string | null;
  readonly quotes?: readonly string[];
  readonly missing?: boolean;
}
export interface OpportunityView {
  readonly id: string;
  readonly title: string;
  readonly description: string | null;
  readonly owner: { readonly id: string; readonly name: string } | null;
  readonly status: OpportunityStatus;
  readonly priority: OpportunityPriority;
  readonly version: number;
  readonly links: readonly OpportunityLinkView[];
}
export interface Connections {
  readonly parent: ChildLinkView | null;
  readonly children: readonly ChildLinkView[];
  readonly stepLinks: readonly StepLinkView[];
  readonly opportunities: readonly Pick<OpportunityView, 'id' | 'title' | 'status' | 'priority' | 'links'>[];
  /** Links added and taken off, oldest first (links make no version of the map; decision 0040). */
  readonly history?: readonly LinkChangeView[];
}
export interface LinkChangeView {
  readonly seq: number;
  readonly at: string;
  readonly by: { readonly id: string; readonly name: string } | null;
  readonly action: 'added' | 'removed';
  readonly link: 'step-link' | 'child' | 'opportunity';
  readonly detail: Readonly<Record<string, unknown>>;
  readonly labels: {
    readonly fromTitle: string | null;
    readonly fromStepLabel: string | null;
    readonly toTitle: string | null;
    readonly toStepLabel: string | null;
    readonly parentTitle: string | null;
    readonly parentStepLabel: string | null;
    readonly childTitle: string | null;
    readonly targetLabel: string | null;
  };
}
export interface NewLink {
  readonly journeyId: string;
  readonly kind: LinkKind;
  readonly target: string;
}

export const readHierarchy = (ws: string) => callJson<Hierarchy>('GET', `${w(ws)}/hierarchy`);
export const readConnections = (ws: string, id: string) =>
  callJson<Connections>('GET', `${w(ws)}/journeys/${e(id)}/connections`);
export const setChild = (
  ws: string,
  csrf: string,
  parentId: string,
  stepId: string,
  childJourneyId: string,
) =>
  callJson<ChildLinkView>('PUT', `${w(ws)}/journeys/${e(parentId)}/steps/${e(stepId)}/child`, csrf, {
    childJourneyId,
  });
export const removeChild = (ws: string, csrf: string, parentId: string, stepId: string) =>
  callJson<null>('DELETE', `${w(ws)}/journeys/${e(parentId)}/steps/${e(stepId)}/child`, csrf);
export const addStepLink = (
  ws: string,
  csrf: string,
  body: { fromJourneyId: string; fromStepId: string; toJourneyId: string; toStepId: string },
) => callJson<StepLinkView>('POST', `${w(ws)}/step-links`, csrf, body);
export const removeStepLink = (ws: string, csrf: string, id: string) =>
  callJson<null>('DELETE', `${w(ws)}/step-links/${e(id)}`, csrf);

export const listOpportunities = (ws: string) =>
  callJson<{ items: OpportunityView[] }>('GET', `${w(ws)}/opportunities`).then((r) => r.items);
export const readOpportunity = (ws: string, id: string) =>
  callJson<OpportunityView>('GET', `${w(ws)}/opportunities/${e(id)}`);
export const createOpportunity = (
  ws: string,
  csrf: string,
  body: {
    title: string;
    priority?: OpportunityPriority;
    ownerId?: string | null;
    links?: readonly NewLink[];
  },
) => callJson<OpportunityView>('POST', `${w(ws)}/opportunities`, csrf, body);
export const updateOpportunity = (
  ws: string,
  csrf: string,
  id: string,
  body: {
    baseVersion: number;
    title?: string;
    description?: string | null;
    ownerId?: string | null;
    status?: OpportunityStatus;
    priority?: OpportunityPriority;
  },
) => callJson<OpportunityView>('PATCH', `${w(ws)}/opportunities/${e(id)}`, csrf, body);
export const addOpportunityLink = (ws: string, csrf: string, id: string, link: NewLink) =>
  callJson<OpportunityView>('POST', `${w(ws)}/opportunities/${e(id)}/links`, csrf, link);
export const removeOpportunityLink = (ws: string, csrf: string, id: string, link: NewLink) =>
  callJson<null>(
    'DELETE',
    `${w(ws)}/opportunities/${e(id)}/links?journeyId=${e(link.journeyId)}&kind=${e(link.kind)}&target=${e(link.target)}`,
    csrf,
  );

/** An opportunity the library search found: by its title, its description or the words of its evidence. */
export interface OpportunityHit {
  readonly workspaceId: string;
  readonly workspaceName: string;
  readonly id: string;
  readonly title: string;
  readonly status: OpportunityStatus;
  readonly priority: OpportunityPriority;
  readonly matched: 'title' | 'description' | 'evidence';
  /** Each matched word between U+0002 and U+0003, as the journey hits. */
  readonly excerpt: string;
}

/** The library search (`GET /api/search`): journey hits and opportunity hits. */
export const searchLibrary = <Hit>(params: URLSearchParams) =>
  callJson<{ items: Hit[]; opportunities?: OpportunityHit[]; pending?: number }>(
    'GET',
    `/api/search?${params.toString()}`,
  );
