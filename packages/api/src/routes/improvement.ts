import type { Journey, JourneyId } from '@waymark/core';
import {
  renderBusinessCaseCsv,
  renderBusinessCaseHtml,
  renderCompareLogMarkdown,
  renderComparisonCsv,
  renderComparisonHtml,
  renderComparisonMarkdown,
  withCompareLogHtml,
} from '@waymark/measure';
import {
  artifactKinds,
  isArtifactKind,
  type ArtifactKind,
  type ImprovementStore,
  type StoredArtifact,
} from '@waymark/store';
import { z } from 'zod';
import { ApiFailure, fail } from '../api-error';
import { route, type RouteInput } from '../route-spec';
import {
  parseArtifactData,
  type BusinessCaseArtifact,
  type indicatorsArtifactSchema,
} from './improvement-artifacts';
import { figuresOfLog, recordFigures } from './improvement-log';
import { compareWith, pairingSchema, parsePairsQuery, type Pairing } from './improvement-compare';
import { compareLogsOf } from './compare-logs';
import { workspaceCosts } from '../costs/workspace-costs';
import { createPdfPrinter } from './improvement-pdf';
import { businessCaseReportOf, figuresOfComparison } from './improvement-report';
import { audit, journeyOr404, nowIso, userOf, workspaceOf } from './route-helpers';
import { createTranslator, isLocale, locales, pickLocale, type Translator } from '@waymark/i18n';

const base = '/api/workspaces/{ws}/journeys/{id}';
const artifactIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, { error: 'expected an id of lower-case letters, digits and dashes' });
const notFound = (message: string) => new ApiFailure('artifact_not_found', message, null, {}, 404);

function storeOf(input: RouteInput<unknown>): ImprovementStore {
  const store = input.deps.improvements;
  if (!store)
    throw new ApiFailure('not_configured', 'this server has no storage for improvement work', null, {}, 503);
  return store;
}
function kindOf(input: RouteInput<unknown>): ArtifactKind {
  const kind = input.params['kind'] ?? '';
  if (!isArtifactKind(kind))
    throw fail('not_found', `kind: expected one of ${artifactKinds.join(', ')}; got "${kind}"`, 'kind');
  return kind;
}
function artifactIdOf(input: RouteInput<unknown>): string {
  const parsed = artifactIdSchema.safeParse(input.params['artifactId']);
  if (!parsed.success)
    throw fail('invalid_request', `artifactId: ${parsed.error.issues[0]!.message}`, 'artifactId');
  return parsed.data;
}
const artifactBody = (a: StoredArtifact) => ({
  kind: a.kind,
  id: a.id,
  version: a.version,
  data: a.data,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
  updatedBy: a.updatedBy,
});

async function liveJourney(input: RouteInput<unknown>, id: string, param: string): Promise<Journey> {
  const found = await input.deps.journeys.getJourney(workspaceOf(input), id as JourneyId);
  if (!found) throw fail('journey_not_found', `${param}: no journey "${id}" in this workspace`, param);
  return found.journey;
}

/** `locale`: the language of a report's own words (en or cy); without it, the request's Accept-Language. */
const localeField = z.enum(locales, { message: 'expected en (English) or cy (Welsh)' }).optional();
function reportWords(input: RouteInput<unknown>, asked: unknown): Translator {
  return createTranslator(isLocale(asked) ? asked : pickLocale(input.c.req.header('accept-language')));
}

const compareFormat = z.enum(['json', 'md', 'html', 'csv', 'pdf']).default('json');
const compareQuery = z.strictObject({
  current: z.string().min(1).max(100),
  desired: z.string().min(1).max(100),
  format: compareFormat,
  pairs: z.string().max(5000).optional(),
  confirm: z.string().max(5000).optional(),
  locale: localeField,
  costModel: z.string().min(1).max(120).optional(),
  priceYear: z.string().max(7).optional(),
  /** Event logs (dataset ids) whose figures are set beside each map's (issue 13 items 1, 4, 5). */
  currentLog: z.string().min(1).max(100).optional(),
  desiredLog: z.string().min(1).max(100).optional(),
});
const compareBody = z.strictObject({
  current: z.string().min(1).max(100),
  desired: z.string().min(1).max(100),
  format: compareFormat,
  locale: localeField,
  pairs: z.array(pairingSchema).max(500).default([]),
  confirm: z.union([z.literal('all'), z.array(z.string().max(100)).max(500)]).default([]),
  costModel: z.string().min(1).max(120).optional(),
  priceYear: z.string().max(7).optional(),
  /** Event logs (dataset ids) whose figures are set beside each map's (issue 13 items 1, 4, 5). */
  currentLog: z.string().min(1).max(100).optional(),
  desiredLog: z.string().min(1).max(100).optional(),
});

async function answerComparison(
  input: RouteInput<unknown>,
  q: {
    current: string;
    desired: string;
    format: z.output<typeof compareFormat>;
    pairs: readonly Pairing[];
    confirm: readonly string[] | 'all';
    locale?: string | undefined;
    costModel?: string | undefined;
    priceYear?: string | undefined;
    currentLog?: string | undefined;
    desiredLog?: string | undefined;
  },
  printPdf: ReturnType<typeof createPdfPrinter>,
) {
  const current = await liveJourney(input, q.current, 'current');
  const desired = await liveJourney(input, q.desired, 'desired');
  // the workspace's cost model (or the one asked for), named with its price base (issue 13 item 2)
  const costs = await workspaceCosts(input.deps, workspaceOf(input), {
    modelId: q.costModel,
    priceYear: q.priceYear,
  });
  const { comparison, alignment } = compareWith(current, desired, q.pairs, q.confirm, costs);
  // each side's event log, measured as its dataset page measures it (issue 13 items 1, 4, 5)
  const logs = await compareLogsOf(input, q, current, desired);
  if (q.format === 'json') return input.c.json({ comparison, alignment, logs });
  const words = reportWords(input, q.locale);
  const html = () => {
    const report = renderComparisonHtml(comparison, words);
    return logs ? withCompareLogHtml(report, comparison, logs, words) : report;
  };
  const disposition = `attachment; filename="compare-${current.id}-${desired.id}.${q.format}"`;
  if (q.format === 'pdf') {
    const printed = await printPdf(html());
    if (!printed.ok) throw new ApiFailure('pdf_unavailable', printed.message, 'format', {}, 503);
    return input.c.body(printed.pdf as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': disposition,
    });
  }
  const [text, type] =
    q.format === 'md'
      ? [
          renderComparisonMarkdown(comparison, words) +
            (logs ? `\n${renderCompareLogMarkdown(comparison, logs, words)}` : ''),
          'text/markdown',
        ]
      : q.format === 'csv'
        ? [renderComparisonCsv(comparison, logs ?? { current: null, desired: null }, words), 'text/csv']
        : [html(), 'text/html'];
  return input.c.body(text, 200, {
    'Content-Type': `${type}; charset=utf-8`,
    'Content-Disposition': disposition,
  });
}
const confirmList = (text: string | undefined): string[] | 'all' =>
  text === 'all' ? 'all' : (text ?? '').split(',').filter((s) => s !== '');

export function improvementRoutes() {
  const printPdf = createPdfPrinter();
  return [
    route({
      method: 'get',
      path: `${base}/artifacts/{kind}`,
      tag: 'Improve',
      summary: 'List the business cases, indicators or sampling studies of a journey (kind)',
      access: 'viewer',
      success: { description: '{items:[{kind,id,version,data,createdAt,updatedAt,updatedBy}]}' },
      errors: ['journey_not_found'],
      async handle(input) {
        const kind = kindOf(input);
        const j = await journeyOr404(input);
        const items = await storeOf(input).listArtifacts(workspaceOf(input), j.id, kind);
        return input.c.json({ items: items.map(artifactBody) });
      },
    }),
    route({
      method: 'get',
      path: `${base}/artifacts/{kind}/{artifactId}`,
      tag: 'Improve',
      summary: 'One business case, indicator set or sampling study',
      access: 'viewer',
      success: { description: '{kind,id,version,data,createdAt,updatedAt,updatedBy}' },
      errors: ['journey_not_found', 'artifact_not_found'],
      async handle(input) {
        const key = {
          workspaceId: workspaceOf(input),
          journeyId: (await journeyOr404(input)).id,
          kind: kindOf(input),
          id: artifactIdOf(input),
        };
        const found = await storeOf(input).getArtifact(key);
        if (!found) throw notFound(`no ${key.kind} "${key.id}" on this journey`);
        return input.c.json(artifactBody(found));
      },
    }),
    route({
      method: 'put',
      path: `${base}/artifacts/{kind}/{artifactId}`,
      tag: 'Improve',
      summary:
        'Create (baseVersion 0, answers 201) or change (baseVersion = current) one; 409 with current when stale',
      access: 'editor',
      body: z.strictObject({ baseVersion: z.number().int().min(0), data: z.unknown() }),
      success: { description: '{kind,id,version,data,…}' },
      errors: ['journey_not_found', 'artifact_not_found', 'version_conflict'],
      async handle(input) {
        const kind = kindOf(input);
        const id = artifactIdOf(input);
        const j = await journeyOr404(input);
        const data = parseArtifactData(kind, input.body.data);
        const put = await storeOf(input).putArtifact({
          workspaceId: workspaceOf(input),
          journeyId: j.id,
          kind,
          id,
          data,
          baseVersion: input.body.baseVersion,
          by: userOf(input).id,
          at: nowIso(input),
        });
        if (!put.ok) {
          const { code, message, current } = put.error;
          if (code === 'version_conflict')
            throw fail('version_conflict', message, 'baseVersion', {
              current: current ? artifactBody(current) : null,
            });
          throw code === 'artifact_not_found' ? notFound(message) : fail('journey_not_found', message);
        }
        await audit(input, `${kind}.save`, `${j.id}/${id}`, { version: put.value.version });
        return input.c.json(artifactBody(put.value), input.body.baseVersion === 0 ? 201 : 200);
      },
    }),
    route({
      method: 'delete',
      path: `${base}/artifacts/{kind}/{artifactId}`,
      tag: 'Improve',
      summary: 'Remove one (?baseVersion= the version you saw)',
      access: 'editor',
      query: z.strictObject({ baseVersion: z.coerce.number().int().min(1) }),
      success: { status: 204, description: 'nothing' },
      errors: ['journey_not_found', 'artifact_not_found', 'version_conflict'],
      async handle(input) {
        const key = {
          workspaceId: workspaceOf(input),
          journeyId: (await journeyOr404(input)).id,
          kind: kindOf(input),
          id: artifactIdOf(input),
        };
        const removed = await storeOf(input).deleteArtifact({
          ...key,
          baseVersion: Number(input.query['baseVersion']),
        });
        if (!removed.ok) {
          const { code, message, current } = removed.error;
          if (code === 'version_conflict')
            throw fail('version_conflict', message, 'baseVersion', {
              current: current ? artifactBody(current) : null,
            });
          throw code === 'artifact_not_found' ? notFound(message) : fail('journey_not_found', message);
        }
        await audit(input, `${key.kind}.delete`, `${key.journeyId}/${key.id}`);
        return input.c.body(null, 204);
      },
    }),
    route({
      method: 'post',
      path: `${base}/artifacts/indicators/{artifactId}/from-log`,
      tag: 'Import',
      summary:
        'Record indicator values for ?period= computed from an event log (the body is a CSV file: case, activity, timestamp, channel, team, outcome); ?baseVersion= the indicators version you saw',
      access: 'editor',
      body: 'text',
      query: z.strictObject({
        period: z
          .string()
          .regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, { error: 'expected a period such as 2026-04 or 2026-Q2' }),
        baseVersion: z.coerce.number().int().min(1),
      }),
      success: { description: '{artifact, figures, recorded:[indicator keys]}' },
      errors: ['journey_not_found', 'artifact_not_found', 'version_conflict', 'nothing_to_record'],
      async handle(input) {
        const j = await journeyOr404(input);
        const id = artifactIdOf(input);
        const key = { workspaceId: workspaceOf(input), journeyId: j.id, kind: 'indicators' as const, id };
        const found = await storeOf(input).getArtifact(key);
        if (!found) throw notFound(`no indicators "${id}" on this journey`);
        const figures = await figuresOfLog(input.body as string, j.journey.meta.outcomeRule);
        const data = parseArtifactData('indicators', found.data) as z.output<typeof indicatorsArtifactSchema>;
        const { data: next, recorded } = recordFigures(data, figures, input.query['period']!);
        if (recorded.length === 0)
          throw new ApiFailure(
            'nothing_to_record',
            `the log gives ${Object.keys(figures).join(', ')}; none of these indicators has one of those keys`,
            'key',
            {},
            422,
          );
        const put = await storeOf(input).putArtifact({
          ...key,
          data: next,
          baseVersion: Number(input.query['baseVersion']),
          by: userOf(input).id,
          at: nowIso(input),
        });
        if (!put.ok) {
          const { code, message, current } = put.error;
          if (code === 'version_conflict')
            throw fail('version_conflict', message, 'baseVersion', {
              current: current ? artifactBody(current) : null,
            });
          throw code === 'artifact_not_found' ? notFound(message) : fail('journey_not_found', message);
        }
        await audit(input, 'indicators.from-log', `${j.id}/${id}`, {
          period: input.query['period'],
          recorded,
        });
        return input.c.json({ artifact: artifactBody(put.value), figures, recorded });
      },
    }),
    route({
      method: 'get',
      path: '/api/workspaces/{ws}/compare',
      tag: 'Improve',
      summary:
        "Compare a current and a desired journey step by step (format=json|md|html|csv|pdf); pairs=d1:c1,d2: overrides pairings, confirm=all|d1,d2 confirms name matches; currentLog=/desiredLog= (dataset ids) set each log's closed loop, Successful Customer Outcome, value-added ratio and hand-offs beside the map's",
      access: 'viewer',
      query: compareQuery,
      success: { description: '{comparison, alignment} or the report file' },
      errors: ['journey_not_found', 'dataset_not_found', 'pdf_unavailable'],
      handle(input) {
        const q = compareQuery.parse(input.query);
        return answerComparison(
          input,
          { ...q, pairs: parsePairsQuery(q.pairs), confirm: confirmList(q.confirm) },
          printPdf,
        );
      },
    }),
    route({
      method: 'post',
      path: '/api/workspaces/{ws}/compare',
      tag: 'Improve',
      summary: 'Compare as GET, with pairings and confirmations in the body',
      access: 'viewer',
      // Compares journeys already stored, as the GET does: a read, though a POST.
      scope: 'read',
      body: compareBody,
      success: { description: '{comparison, alignment} or the report file' },
      errors: ['journey_not_found', 'dataset_not_found', 'pdf_unavailable'],
      handle: (input) => answerComparison(input, input.body, printPdf),
    }),
    route({
      method: 'get',
      path: `${base}/business-case/{artifactId}/export`,
      tag: 'Improve',
      summary:
        'Download a business case: format=html (prints well, pastes into a word processor)|csv|pdf|json',
      access: 'viewer',
      query: z.strictObject({
        format: z.enum(['html', 'csv', 'pdf', 'json']).default('html'),
        locale: localeField,
      }),
      success: {
        description: 'the document, with Content-Disposition: attachment',
        mediaType: 'application/octet-stream',
      },
      errors: ['journey_not_found', 'artifact_not_found', 'pdf_unavailable'],
      async handle(input) {
        const j = await journeyOr404(input);
        const id = artifactIdOf(input);
        const found = await storeOf(input).getArtifact({
          workspaceId: workspaceOf(input),
          journeyId: j.id,
          kind: 'business-case',
          id,
        });
        if (!found) throw notFound(`no business-case "${id}" on this journey`);
        const data = parseArtifactData('business-case', found.data) as BusinessCaseArtifact;
        const cmp = data.comparison;
        // The scorecard links benefits to the current journey's figures; a compared journey since deleted
        // leaves them unlinked rather than stopping the export.
        const [current, desired] = cmp
          ? await Promise.all(
              [cmp.current, cmp.desired].map((j) =>
                input.deps.journeys.getJourney(workspaceOf(input), j as JourneyId),
              ),
            )
          : [null, null];
        const figures = current && desired ? figuresOfComparison(current.journey, desired.journey) : {};
        const words = reportWords(input, input.query['locale']);
        const built = businessCaseReportOf(data, { generatedOn: nowIso(input).slice(0, 10), figures, words });
        if (!built.ok) {
          const first = built.error[0]!;
          throw fail(
            'invalid_request',
            `data.input.${first.path}: ${first.message}`,
            `data.input.${first.path}`,
          );
        }
        const format = input.query['format'] ?? 'html';
        await audit(input, 'business-case.export', `${j.id}/${id}`, { format, version: found.version });
        const file = `${j.id}-${id}-business-case.${format}`;
        const disposition = { 'Content-Disposition': `attachment; filename="${file}"` };
        if (format === 'json') return input.c.json(built.value);
        if (format === 'csv')
          return input.c.body(renderBusinessCaseCsv(built.value.businessCase, words), 200, {
            'Content-Type': 'text/csv; charset=utf-8',
            ...disposition,
          });
        const html = renderBusinessCaseHtml(built.value.report, words);
        if (format === 'html')
          return input.c.body(html, 200, { 'Content-Type': 'text/html; charset=utf-8', ...disposition });
        const printed = await printPdf(html);
        if (!printed.ok) throw new ApiFailure('pdf_unavailable', printed.message, 'format', {}, 503);
        return input.c.body(printed.pdf as Uint8Array<ArrayBuffer>, 200, {
          'Content-Type': 'application/pdf',
          ...disposition,
        });
      },
    }),
  ];
}
