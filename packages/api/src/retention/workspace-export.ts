import { readTemplateBody, serialiseTemplatePack, type Journey, type JourneyId } from '@waymark/core';
import { writeJourneyYaml } from '@waymark/document';
import type { Translator } from '@waymark/i18n';
import { csvCell, renderCsv, renderMarkdown } from '@waymark/render';
import type { AuditRecord, RetentionDays, WorkspaceId } from '@waymark/store';
import type { ApiDeps } from '../deps';
import type { TarFile } from './tar';

type Cell = string | number | boolean | null | undefined;
const csv = (header: readonly string[], rows: readonly (readonly Cell[])[]) =>
  [header, ...rows].map((r) => r.map((c) => csvCell(c ?? undefined)).join(',')).join('\r\n') + '\r\n';

/** A file name from an id: letters, digits, dot, dash and underscore only, so every system can open it. */
const safeName = (id: string) => id.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 80) || '_';

const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export interface ExportInput {
  readonly deps: ApiDeps;
  readonly workspaceId: WorkspaceId;
  readonly workspaceName: string;
  readonly person: string;
  readonly days: RetentionDays;
  readonly now: Date;
  readonly words: Translator;
}

async function journeyFiles(input: ExportInput, folder: string, id: JourneyId): Promise<TarFile[]> {
  const { deps, workspaceId: ws } = input;
  const stored = await deps.journeys.getJourney(ws, id, { includeDeleted: true });
  if (!stored) return [];
  const journey: Journey = stored.journey;
  const base = `${folder}/${safeName(id)}`;
  const render = { locale: input.words.locale };
  const comments = await deps.journeys.listComments(ws, id);
  const history = await deps.journeys.history(ws, id);
  const files: TarFile[] = [
    { name: `${base}/journey.yaml`, content: writeJourneyYaml(journey) },
    { name: `${base}/journey.md`, content: renderMarkdown(journey, render) },
    { name: `${base}/journey.csv`, content: renderCsv(journey, render) },
    {
      name: `${base}/comments.csv`,
      content: csv(
        ['id', 'thread', 'step', 'card', 'author', 'written_at', 'text', 'resolved_at', 'resolved_by'],
        comments.map((c) => [
          c.id,
          c.parentId ?? c.id,
          c.target.columnId,
          c.target.cardId,
          c.author.name,
          c.createdAt,
          c.body,
          c.resolvedAt,
          c.resolvedBy?.name,
        ]),
      ),
    },
    {
      name: `${base}/history.csv`,
      content: csv(
        ['version', 'kind', 'at', 'by', 'changes'],
        history.map((v) => [v.version, v.kind, v.at, v.by?.name, v.commands.length]),
      ),
    },
  ];
  for (const artefact of (await deps.improvements?.listArtifacts(ws, id)) ?? [])
    files.push({
      name: `${base}/improvements/${artefact.kind}-${safeName(artefact.id)}.json`,
      content: pretty(artefact.data),
    });
  return files;
}

async function allAudit(input: ExportInput): Promise<AuditRecord[]> {
  const all: AuditRecord[] = [];
  for (let before: number | undefined; ;) {
    const page = await input.deps.accounts.listAudit(input.workspaceId, {
      limit: 1000,
      ...(before ? { before } : {}),
    });
    all.push(...page);
    if (page.length < 1000) return all;
    before = page.at(-1)!.seq;
  }
}

function readme(input: ExportInput): string {
  const w = input.words;
  return [
    w.t('retention.readme.title', { name: input.workspaceName }),
    w.t('retention.readme.made', { date: w.dateTime(input.now), person: input.person }),
    '',
    w.t('retention.readme.files'),
    ...(
      [
        'retention.readme.journeyYaml',
        'retention.readme.journeyMd',
        'retention.readme.journeyCsv',
        'retention.readme.comments',
        'retention.readme.history',
        'retention.readme.improvements',
        'retention.readme.bin',
        'retention.readme.datasets',
        'retention.readme.templates',
        'retention.readme.opportunities',
        'retention.readme.opportunityLinks',
        'retention.readme.journeyLinks',
        'retention.readme.members',
        'retention.readme.audit',
      ] as const
    ).map((id) => `- ${w.t(id)}`),
    '',
    w.t('retention.readme.retention', { ...input.days }),
    w.t('retention.readme.csv'),
    '',
  ].join('\r\n');
}

/** The workspace's templates as one template pack (issue 14 item 5), when it has any. */
async function templateFiles(input: ExportInput): Promise<TarFile[]> {
  const store = input.deps.templates;
  const listed = (await store?.listTemplates(input.workspaceId)) ?? [];
  if (!store || listed.length === 0) return [];
  const full = await store.getTemplates(
    input.workspaceId,
    listed.map((t) => t.id),
  );
  const templates = full.flatMap((t) => {
    const body = readTemplateBody(t.body);
    if (!body.ok) return [];
    return [
      {
        id: t.id,
        name: t.name,
        ...(t.description !== null ? { description: t.description } : {}),
        ...(t.source !== null ? { source: t.source } : {}),
        body: body.value,
      },
    ];
  });
  const content = serialiseTemplatePack({
    name: input.workspaceName,
    exportedAt: input.now.toISOString(),
    templates,
  });
  return [{ name: 'templates.json', content }];
}

/** Opportunities, what each gathers and leads to, and the links between journeys (issue 14 items 1 and 2). */
async function linkFiles(input: ExportInput): Promise<TarFile[]> {
  const { deps, workspaceId: ws } = input;
  const files: TarFile[] = [];
  const opportunities = (await deps.opportunities?.listOpportunities(ws)) ?? [];
  if (opportunities.length > 0) {
    files.push({
      name: 'opportunities.csv',
      content: csv(
        [
          'id',
          'title',
          'description',
          'owner',
          'status',
          'priority',
          'version',
          'created_at',
          'updated_at',
          'updated_by',
        ],
        opportunities.map((o) => [
          o.id,
          o.title,
          o.description,
          o.owner?.name,
          o.status,
          o.priority,
          o.version,
          o.createdAt,
          o.updatedAt,
          o.updatedBy?.name,
        ]),
      ),
    });
    files.push({
      name: 'opportunity-links.csv',
      content: csv(
        ['opportunity', 'journey', 'kind', 'target', 'added_at', 'added_by'],
        opportunities.flatMap((o) =>
          o.links.map((l) => [o.id, l.journeyId, l.kind, l.target, l.createdAt, l.createdBy?.name]),
        ),
      ),
    });
  }
  const children = (await deps.hierarchy?.listChildren(ws)) ?? [];
  const steps = (await deps.hierarchy?.listStepLinks(ws)) ?? [];
  if (children.length + steps.length > 0)
    files.push({
      name: 'journey-links.csv',
      content: csv(
        ['kind', 'from_journey', 'from_step', 'to_journey', 'to_step', 'label', 'added_at', 'added_by'],
        [
          ...children.map((c) => [
            'opens',
            c.parentJourneyId,
            c.parentStepId,
            c.childJourneyId,
            null,
            null,
            c.createdAt,
            c.createdBy?.name,
          ]),
          ...steps.map((l) => [
            'hands-over',
            l.fromJourneyId,
            l.fromStepId,
            l.toJourneyId,
            l.toStepId,
            l.label,
            l.createdAt,
            l.createdBy?.name,
          ]),
        ],
      ),
    });
  return files;
}

/** Every file of a workspace's export, README.txt first: readable without Waymark (issue 12 item 4). */
export async function* workspaceExportFiles(input: ExportInput): AsyncGenerator<TarFile> {
  const { deps, workspaceId: ws } = input;
  yield { name: 'README.txt', content: readme(input) };
  for (const j of await deps.journeys.listJourneys(ws)) yield* await journeyFiles(input, 'journeys', j.id);
  for (const j of await deps.journeys.listJourneys(ws, { deleted: true }))
    yield* await journeyFiles(input, 'bin', j.id);
  const datasets = deps.datasets?.store;
  for (const d of (await datasets?.listDatasets(ws)) ?? []) {
    const base = `datasets/${safeName(d.id)}`;
    yield {
      name: `${base}/about.csv`,
      content: csv(
        [
          'id',
          'name',
          'file',
          'format',
          'cases',
          'events',
          'rejected_rows',
          'imported_at',
          'imported_by',
          'journey',
        ],
        [
          [
            d.id,
            d.name,
            d.fileName,
            d.format,
            d.cases,
            d.events,
            d.rejectedRows,
            d.createdAt,
            d.createdBy?.name,
            d.journeyId,
          ],
        ],
      ),
    };
    const full = await datasets!.getDataset(ws, d.id);
    if (full) yield { name: `${base}/figures.json`, content: pretty(full.result) };
  }
  yield* await templateFiles(input);
  yield* await linkFiles(input);
  yield {
    name: 'members.csv',
    content: csv(
      ['name', 'email', 'role', 'since'],
      (await deps.accounts.listMembers(ws)).map((m) => [m.user.name, m.user.email, m.role, m.since]),
    ),
  };
  yield {
    name: 'audit.csv',
    content: csv(
      ['seq', 'at', 'action', 'person', 'target', 'detail', 'address'],
      (await allAudit(input)).map((e) => [
        e.seq,
        e.at,
        e.action,
        e.actorName ?? e.actorId,
        e.target,
        e.detail ? JSON.stringify(e.detail) : null,
        e.ip,
      ]),
    ),
  };
}
