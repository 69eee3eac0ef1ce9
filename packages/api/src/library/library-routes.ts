import type { JourneyCommand, JourneyId } from '@waymark/core';
import { createTranslator, pickLocale, type Translator } from '@waymark/i18n';
import {
  costBasisLabel,
  escapeHtml,
  type CostBasis,
  orderPortfolio,
  portfolioSorts,
  toCsv,
  type PortfolioSort,
} from '@waymark/measure';
import {
  opportunityStatuses,
  type LibraryStore,
  type OpportunityStatus,
  type WorkspaceId,
} from '@waymark/store';
import { z } from 'zod';
import { ApiFailure, fail } from '../api-error';
import { requireInstanceAdmin } from '../auth/instance-admin';
import { commitCommands } from '../journeys/apply-commands';
import { route, type RouteInput } from '../route-spec';
import { createPdfPrinter } from '../routes/improvement-pdf';
import { audit, nowIso, userOf, workspaceOf } from '../routes/route-helpers';
import { workspaceCosts } from '../costs/workspace-costs';
import type { ApiDeps } from '../deps';
import { summaryCostBasis } from './journey-summary';
import { keepSummariesCurrent, ownedBy, portfolio, type PortfolioCosts, type PortfolioItem } from './library';

const libraryOf = (input: RouteInput<unknown>): LibraryStore => {
  const store = input.deps.library;
  if (!store) throw new ApiFailure('not_configured', 'this server has no journey library', null, {}, 503);
  return store;
};

export { portfolioSorts, type PortfolioSort };

const filterText = z.string().max(300).optional();
const portfolioQuery = z.strictObject({
  format: z.enum(['json', 'csv', 'pdf'], { message: 'expected json, csv or pdf' }).optional(),
  locale: z.enum(['en', 'cy'], { message: 'expected en (English) or cy (Welsh)' }).optional(),
  service: filterText,
  organisation: filterText,
  segment: filterText,
  owner: filterText,
  workspace: filterText,
  flagged: z.enum(['true', 'false'], { message: 'expected true or false' }).optional(),
  sort: z.enum(portfolioSorts, { message: `expected one of ${portfolioSorts.join(', ')}` }).optional(),
  dir: z.enum(['asc', 'desc'], { message: 'expected asc or desc' }).optional(),
});

const same = (a: string | null, b: string | undefined) =>
  b === undefined || b === '' || (a ?? '').trim().toLowerCase() === b.trim().toLowerCase();

/** The items that pass the filters, sorted (missing figures last whichever the direction). Pure. */
export function filterAndSort(items: readonly PortfolioItem[], q: Record<string, string>): PortfolioItem[] {
  const kept = items.filter(
    (i) =>
      same(i.service, q['service']) &&
      same(i.segment, q['segment']) &&
      same(i.owner, q['owner']) &&
      (q['workspace'] === undefined || q['workspace'] === '' || i.workspaceId === q['workspace']) &&
      (q['organisation'] === undefined ||
        q['organisation'] === '' ||
        i.organisations.some((o) => same(o, q['organisation']))) &&
      (q['flagged'] !== 'true' || i.flags.length > 0),
  );
  return orderPortfolio(kept, (q['sort'] ?? 'title') as PortfolioSort, q['dir'] === 'desc' ? 'desc' : 'asc');
}

const figure = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

/** The portfolio as CSV rows, headed in the reader's language. Pure. */
/** Where the open opportunities column is in the CSV. */
const OPPORTUNITIES_COLUMN = 14;

export function portfolioCsv(
  items: readonly PortfolioItem[],
  t: Translator,
  basisOf: (item: PortfolioItem) => CostBasis = () => summaryCostBasis,
): string {
  // Without an opportunity store the open opportunities column is left out, not shown empty.
  const withOpportunities = items.some((i) => i.openOpportunities !== undefined);
  const keep = (_: unknown, k: number) => withOpportunities || k !== OPPORTUNITIES_COLUMN;
  const head = [
    'workspace',
    'journey',
    'type',
    'owner',
    'service',
    'segment',
    'lowestEmotion',
    'lowestStep',
    'avoidable',
    'contacts',
    'days',
    'cost',
    'costBasis',
    'painPoints',
    'openOpportunities',
    'indicatorsMet',
    'indicatorsImproving',
    'indicatorsMissed',
    'reviewDate',
    'lastVerified',
    'flags',
  ]
    .map((k) => t.t(`library.csv.${k}` as never))
    .filter(keep);
  return toCsv([
    head,
    ...items.map((i) =>
      [
        i.workspaceName,
        i.title,
        t.t(`model.journeyType.${i.journeyType}` as never),
        i.owner ?? '',
        i.service ?? '',
        i.segment ?? '',
        figure(i.headline.lowest?.score),
        i.headline.lowest?.label ?? '',
        figure(i.headline.avoidablePercent),
        figure(i.headline.contacts),
        figure(i.headline.elapsedDays),
        i.headline.cost ?? '',
        i.headline.cost === null ? '' : costBasisLabel(basisOf(i), t),
        figure(i.headline.painPoints),
        figure(i.openOpportunities),
        figure(i.indicators.met),
        figure(i.indicators.improving),
        figure(i.indicators.missed),
        i.reviewDate ?? '',
        i.lastVerified ?? '',
        i.flags.map((f) => t.t(`library.flag.${f}` as never)).join('; '),
      ].filter(keep),
    ),
  ]);
}

/** The portfolio as a self-contained HTML report for a committee, printed to PDF. Pure. */
export function portfolioHtml(
  items: readonly PortfolioItem[],
  t: Translator,
  title: string,
  date: string,
  bases: readonly CostBasis[] = [summaryCostBasis],
) {
  const e = escapeHtml;
  const pending = items.filter((i) => i.summaryPending).length;
  const rows = items
    .map(
      (i) => `<tr><th scope="row">${e(i.title)}<br><small>${e(i.workspaceName)}</small></th>
<td>${i.headline.lowest ? `${i.headline.lowest.score} (${e(i.headline.lowest.label)})` : '–'}</td>
<td>${i.headline.avoidablePercent === null ? '–' : `${i.headline.avoidablePercent} %`}</td>
<td>${i.headline.contacts}</td><td>${i.headline.elapsedDays}</td>
<td>${i.headline.cost === null ? '–' : `£${e(i.headline.cost)}`}</td><td>${i.headline.painPoints}</td>
<td>${e(i.owner ?? '–')}</td><td>${e(i.reviewDate ?? '–')}</td>
<td>${e(i.flags.map((f) => t.t(`library.flag.${f}` as never)).join(', ') || '–')}</td></tr>`,
    )
    .join('\n');
  const th = (k: string) => `<th scope="col">${e(t.t(`library.column.${k}` as never))}</th>`;
  return `<!doctype html><html lang="${t.locale}"><head><meta charset="utf-8"><title>${e(title)}</title>
<style>body{font-family:sans-serif;font-size:10pt;margin:1.5cm}table{border-collapse:collapse;width:100%}
th,td{border:1px solid #666;padding:3px 5px;text-align:left;vertical-align:top}small{color:#333}</style></head>
<body><h1>${e(title)}</h1><p>${e(t.t('library.pdf.date' as never, { date } as never))}</p>
<table><thead><tr>${th('journey')}${th('lowest')}${th('avoidable')}${th('contacts')}${th('days')}${th('cost')}${th('pain')}${th('owner')}${th('reviewDate')}${th('flags')}</tr></thead>
<tbody>${rows}</tbody></table>
${bases.map((b) => `<p>${e(t.t('costs.basis.costsUsed' as never, { basis: costBasisLabel(b, t) } as never))}</p>`).join('')}
${pending > 0 ? `<p>${e(t.t('library.pending.pdf' as never, { count: pending } as never))}</p>` : ''}</body></html>`;
}

const printPdf = createPdfPrinter();

/**
 * Each workspace's costs per journey with its default cost model and price year (issue 13's models, decision
 * 0032); a default that cannot be resolved (a price year the deflator lacks) falls back to Socitm 2011, which the
 * basis then says.
 */
const costsOf =
  (deps: ApiDeps) =>
  async (ws: WorkspaceId): Promise<PortfolioCosts> => {
    try {
      const resolved = await workspaceCosts(deps, ws);
      return { table: resolved.table, basis: resolved.basis };
    } catch {
      const fallback = await workspaceCosts(deps, ws, { modelId: 'socitm-2011' });
      return { table: fallback.table, basis: fallback.basis };
    }
  };

const sameBasis = (a: CostBasis, b: CostBasis) => JSON.stringify(a) === JSON.stringify(b);

async function answerPortfolio(input: RouteInput<unknown>, workspaceIds: WorkspaceId[], name: string) {
  const found = await portfolio(
    { ...input.deps, library: libraryOf(input) },
    workspaceIds,
    userOf(input),
    costsOf(input.deps),
  );
  const items = filterAndSort(found.items, input.query);
  // One basis when every workspace shown uses the same (always so for one workspace); else one per workspace.
  const bases = [...found.costBases.values()].filter(
    (b, i, all) => all.findIndex((o) => sameBasis(o, b)) === i,
  );
  const basisOf = (i: PortfolioItem) => found.costBases.get(i.workspaceId as WorkspaceId) ?? summaryCostBasis;
  const format = input.query['format'] ?? 'json';
  if (format === 'json')
    return input.c.json({
      items,
      costBasis: bases.length === 1 ? bases[0]! : bases.length === 0 ? summaryCostBasis : null,
      costBases: Object.fromEntries(found.costBases),
      pending: found.pending,
    });
  const locale = input.query['locale'] ?? pickLocale(input.c.req.header('accept-language') ?? null);
  const t = createTranslator(locale === 'cy' ? 'cy' : 'en');
  const date = nowIso(input).slice(0, 10);
  const file = `waymark-portfolio-${name.replace(/[^A-Za-z0-9_-]/g, '_')}-${date}`;
  if (format === 'csv')
    return input.c.body(portfolioCsv(items, t, basisOf), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${file}.csv"`,
    });
  const printed = await printPdf(
    portfolioHtml(
      items,
      t,
      t.t('library.pdf.title' as never),
      date,
      bases.length > 0 ? bases : [summaryCostBasis],
    ),
  );
  if (!printed.ok) throw new ApiFailure('pdf_unavailable', printed.message, 'format', {}, 503);
  return input.c.body(printed.pdf as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `attachment; filename="${file}.pdf"`,
  });
}

const portfolioSuccess = {
  description:
    "{costBasis (the model and price base of every cost per journey: the workspace's default cost model; null when the workspaces shown use different ones), costBases (by workspace), pending (how many journeys' figures are still being worked out in the background), items:[{workspaceId, journeyId, title, owner, service, segment, organisations, headline:{lowest, avoidablePercent, contacts, elapsedDays, cost, painPoints…}, stages:[{name, painPoints, lowestEmotion}], indicators, reviewDate, lastVerified, flags, mine}]}, or CSV, or PDF",
};

const reviewBody = z.strictObject({
  nextReviewDate: z.iso.date({ message: 'expected a date as YYYY-MM-DD' }).nullable().optional(),
});

const searchQuery = z.strictObject({
  q: z.string().min(1, { message: 'expected some words to search for' }).max(300),
  workspace: filterText,
  type: filterText,
  owner: filterText,
  cardKind: filterText,
  find: z.enum(['journeys', 'opportunities'], { message: 'expected journeys or opportunities' }).optional(),
  status: z.enum(opportunityStatuses, { message: 'expected open, in-progress, solved or parked' }).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

/** The portfolio, search across the library, and reviews (issue 14, items 3, 4 and 6; decision 0035). */
export const libraryRoutes = () => [
  route({
    method: 'get',
    path: '/api/workspaces/{ws}/portfolio',
    tag: 'Library',
    summary:
      'Every journey of the workspace with its headline figures, pain by stage, indicators and review flags; filtered and sorted; as JSON, CSV or PDF (format=)',
    access: 'viewer',
    query: portfolioQuery,
    success: portfolioSuccess,
    handle: async (input) => {
      const ws = await input.deps.accounts.getWorkspace(workspaceOf(input));
      return answerPortfolio(input, [workspaceOf(input)], ws?.name ?? workspaceOf(input));
    },
  }),
  route({
    method: 'get',
    path: '/api/admin/portfolio',
    tag: 'Library',
    summary: 'The portfolio across every workspace of the instance: instance administrators only',
    access: 'user',
    scope: 'session',
    query: portfolioQuery,
    success: portfolioSuccess,
    handle: async (input) => {
      requireInstanceAdmin(input.actor, 'see the portfolio of every workspace');
      const all = await input.deps.accounts.listAllWorkspaces();
      return answerPortfolio(
        input,
        all.map((w) => w.id),
        'all',
      );
    },
  }),
  route({
    method: 'get',
    path: '/api/workspaces/{ws}/reviews-due',
    tag: 'Library',
    summary:
      "Maps past their review date or with evidence newer than their last review, each saying whether it is the caller's",
    access: 'viewer',
    success: {
      description: '{items:[{journeyId, title, owner, reviewDate, lastVerified, evidenceDate, flags, mine}]}',
    },
    handle: async (input) => {
      const { items } = await portfolio(
        { ...input.deps, library: libraryOf(input) },
        [workspaceOf(input)],
        userOf(input),
      );
      return input.c.json({
        items: items
          .filter((i) => i.flags.length > 0)
          .map((i) => ({
            journeyId: i.journeyId,
            title: i.title,
            owner: i.owner,
            reviewDate: i.reviewDate,
            lastVerified: i.lastVerified,
            evidenceDate: i.evidenceDate,
            flags: i.flags,
            mine: i.mine,
          })),
      });
    },
  }),
  route({
    method: 'post',
    path: '/api/workspaces/{ws}/journeys/{id}/review',
    tag: 'Library',
    summary:
      'Mark the map as reviewed: sets its lastVerified to today (and, if given, its next review date) as one edit, and records who and when; audited',
    access: 'editor',
    body: reviewBody,
    errors: ['version_conflict'],
    success: { description: '{version, lastVerified, reviewDate, reviewedAt, reviewedBy}' },
    async handle(input) {
      const library = libraryOf(input);
      const user = userOf(input);
      const at = nowIso(input);
      const today = at.slice(0, 10);
      const next = input.body.nextReviewDate;
      const command = {
        type: 'meta.update',
        patch: { lastVerified: today, ...(next ? { reviewDate: next } : {}) },
        ...(next === null ? { unset: ['reviewDate'] } : {}),
      } as JourneyCommand;
      const committed = await commitCommands(input.deps, {
        workspaceId: workspaceOf(input),
        journeyId: input.params['id'] as JourneyId,
        commands: [command],
        // Applied to the map as it now is: a review says the map as it stands is still true.
        baseVersion: 0,
        onStale: 'rebase',
        by: user.id,
        at,
        detail: { review: true },
      });
      if (!committed.ok) {
        if (committed.error.code === 'journey_not_found')
          throw fail('journey_not_found', `no journey "${input.params['id']}" in this workspace`);
        if (committed.error.code === 'version_conflict')
          throw fail('version_conflict', 'the map changed while it was being marked reviewed; try again');
        throw fail('invalid_request', committed.error.refused.message, 'nextReviewDate');
      }
      const stored = committed.value;
      await library.recordReview({
        workspaceId: workspaceOf(input),
        journeyId: stored.id,
        version: stored.version,
        by: user.id,
        at,
      });
      await audit(input, 'journey.review', stored.id, {
        version: stored.version,
        lastVerified: today,
        ...(next !== undefined ? { nextReviewDate: next } : {}),
      });
      return input.c.json({
        version: stored.version,
        lastVerified: today,
        reviewDate: stored.journey.meta.reviewDate ?? null,
        reviewedAt: at,
        reviewedBy: { id: user.id, name: user.name },
      });
    },
  }),
  route({
    method: 'get',
    path: '/api/search',
    tag: 'Library',
    summary:
      'Full-text search over titles, stages, steps, cards and quotes, and over opportunities (title, description and the words of their evidence), in every workspace the caller belongs to (a token: its own workspace only); English stemmed, Welsh word for word; find=journeys or find=opportunities narrows it, status filters opportunities',
    access: 'user',
    query: searchQuery,
    success: {
      description:
        "{items:[{workspaceId, workspaceName, journeyId, journeyTitle, kind, itemId, columnId, cardKind, language, text, excerpt}], opportunities:[{workspaceId, workspaceName, id, title, status, priority, matched (title, description or evidence), excerpt}], pending (how many journeys' text is still being indexed in the background: their words are not found yet)}; in excerpt each match is between U+0002 and U+0003",
    },
    async handle(input) {
      const library = libraryOf(input);
      const actor = input.actor!;
      const mine =
        actor.via === 'token'
          ? [actor.token.workspaceId]
          : actor.via === 'session'
            ? (await input.deps.accounts.listWorkspacesOf(actor.user.id)).map((w) => w.id)
            : [];
      const wanted = input.query['workspace'];
      const workspaceIds = wanted ? mine.filter((w) => w === wanted) : mine;
      // A few stale summaries are computed now; more (a bulk import) in the background: hits come from the ready ones.
      const pending = await keepSummariesCurrent({ ...input.deps, library }, workspaceIds);
      const find = input.query['find'];
      const text = input.query['q'] ?? '';
      const limit = Number(input.query['limit'] ?? 50);
      const items =
        find === 'opportunities'
          ? []
          : await library.search({
              workspaceIds,
              text,
              ...(input.query['type'] ? { journeyType: input.query['type'] } : {}),
              ...(input.query['owner'] ? { owner: input.query['owner'] } : {}),
              ...(input.query['cardKind'] ? { cardKind: input.query['cardKind'] } : {}),
              limit,
            });
      // Opportunities have no journey type, owner text or card kind: those filters ask for journeys only.
      const journeysOnly = ['type', 'owner', 'cardKind'].some((k) => input.query[k]);
      const opportunities =
        find === 'journeys' || (journeysOnly && find !== 'opportunities') || !input.deps.opportunities
          ? []
          : await input.deps.opportunities.searchOpportunities({
              workspaceIds,
              text,
              ...(input.query['status'] ? { status: input.query['status'] as OpportunityStatus } : {}),
              limit,
            });
      return input.c.json({ items, opportunities, pending });
    },
  }),
];

export { ownedBy };
