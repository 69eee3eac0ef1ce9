import {
  addRemoved,
  noneRemoved,
  parseTemplatePack,
  readTemplateBody,
  serialiseTemplatePack,
  templateFromJourney,
  type JourneyId,
  type Problem,
  type TemplateBody,
} from '@waymark/core';
import { hasRole, type TemplateStore, type WorkspaceId } from '@waymark/store';
import { z } from 'zod';
import { ApiFailure, fail } from '../api-error';
import { problemBodies } from '../journeys/journey-input';
import { route, type RouteInput } from '../route-spec';
import { audit, journeyOr404, nowIso, userOf, workspaceOf } from '../routes/route-helpers';

const storeOf = (input: RouteInput<unknown>): TemplateStore => {
  const store = input.deps.templates;
  if (!store)
    throw new ApiFailure('not_configured', 'this server has no storage for templates', null, {}, 503);
  return store;
};

const name = z.string().trim().min(1, { message: 'expected a name' }).max(200);
const description = z.string().trim().max(2000).optional();
const templateId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, { message: 'expected a template id' });

const saveBody = z.strictObject({
  journeyId: z.string().max(80),
  name,
  description,
  part: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('map') }),
    z.strictObject({
      kind: z.literal('lanes'),
      laneIds: z.array(z.string().max(80)).min(1, { message: 'expected at least one lane' }).max(60),
    }),
    z.strictObject({ kind: z.literal('persona'), personaId: z.string().max(80) }),
  ]),
});

const invalid = (
  code: 'invalid_template' | 'invalid_template_pack',
  problems: readonly Problem[],
  prefix = '',
) => {
  const bodies = problemBodies(problems).map((p) => ({
    ...p,
    path:
      prefix === '' ? p.path : p.path === '(document)' ? prefix : `${prefix}.${p.path}`.replace('.[', '['),
  }));
  const first = bodies[0]!;
  const more = bodies.length > 1 ? ` (and ${bodies.length - 1} more)` : '';
  return fail(code, `${first.path}: ${first.message}${more}`, first.path, { problems: bodies });
};

const templateOr404 = async (input: RouteInput<unknown>) => {
  const found = await storeOf(input).getTemplate(workspaceOf(input), input.params['templateId'] ?? '');
  if (!found)
    throw fail('template_not_found', `no template "${input.params['templateId']}" in this workspace`);
  return found;
};

/** A stored body read back; one that no longer reads (a hand-edited row) is a 422 naming the field. */
const bodyOf = (stored: { body: unknown }): TemplateBody => {
  const read = readTemplateBody(stored.body);
  if (!read.ok) throw invalid('invalid_template', read.error, 'body');
  return read.value;
};

const fileSafe = (text: string) => text.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '') || 'templates';

/**
 * Templates of a workspace, template packs and copying a map to another workspace (issue 14 item 5,
 * decision 0036). Saved and imported content has its personal data taken out first; the answer says what.
 */
export const templateRoutes = () => [
  route({
    method: 'get',
    path: '/api/workspaces/{ws}/templates',
    tag: 'Templates',
    summary:
      "The workspace's templates (whole maps, lane sets, personas), newest first, without their content",
    access: 'viewer',
    success: { description: '{items:[{id,name,description,source,kind,createdAt,createdBy,createdByName}]}' },
    handle: async (input) => input.c.json({ items: await storeOf(input).listTemplates(workspaceOf(input)) }),
  }),
  route({
    method: 'post',
    path: '/api/workspaces/{ws}/templates',
    tag: 'Templates',
    summary:
      'Save a map, or a part of it (lanes, a persona), as a template; quote sources, respondents, owners, notes and research sources are taken out, and the answer says how many (removed)',
    access: 'editor',
    body: saveBody,
    success: { status: 201, description: '{template, removed}' },
    errors: ['journey_not_found', 'invalid_template'],
    async handle(input) {
      const ws = workspaceOf(input);
      const journey = await input.deps.journeys.getJourney(ws, input.body.journeyId as JourneyId);
      if (!journey)
        throw fail(
          'journey_not_found',
          `journeyId: no journey "${input.body.journeyId}" in this workspace`,
          'journeyId',
        );
      const made = templateFromJourney(journey.journey, input.body.part);
      if (!made.ok) throw invalid('invalid_template', made.error, 'part');
      const id = input.deps.newId();
      await storeOf(input).addTemplates([
        {
          workspaceId: ws,
          id,
          name: input.body.name,
          ...(input.body.description ? { description: input.body.description } : {}),
          body: made.value.body,
          by: userOf(input).id,
          at: nowIso(input),
        },
      ]);
      await audit(input, 'template.save', id, { journeyId: journey.id, kind: made.value.body.kind });
      const saved = (await storeOf(input).getTemplate(ws, id))!;
      const { body: _body, ...template } = saved;
      return input.c.json({ template, removed: made.value.removed }, 201);
    },
  }),
  route({
    method: 'get',
    path: '/api/workspaces/{ws}/templates/{templateId}',
    tag: 'Templates',
    summary: 'One template with its content (body), to preview or start a map from',
    access: 'viewer',
    success: { description: '{template:{…, body}}' },
    errors: ['template_not_found'],
    async handle(input) {
      const found = await templateOr404(input);
      return input.c.json({ template: { ...found, body: bodyOf(found) } });
    },
  }),
  route({
    method: 'delete',
    path: '/api/workspaces/{ws}/templates/{templateId}',
    tag: 'Templates',
    summary: 'Delete a template (maps started from it are not changed)',
    access: 'editor',
    success: { description: '{deleted: true}' },
    errors: ['template_not_found'],
    async handle(input) {
      const id = input.params['templateId'] ?? '';
      if (!(await storeOf(input).deleteTemplate(workspaceOf(input), id)))
        throw fail('template_not_found', `no template "${id}" in this workspace`);
      await audit(input, 'template.delete', id);
      return input.c.json({ deleted: true });
    },
  }),
  route({
    method: 'get',
    path: '/api/workspaces/{ws}/template-pack',
    tag: 'Templates',
    summary:
      'A template pack file of the workspace\'s templates (all, or ids=a,b): JSON, format "waymark-template-pack" version 1 (docs/template-packs.md)',
    access: 'viewer',
    query: z.strictObject({ ids: z.string().max(10_000).optional() }),
    success: { description: 'the pack, with Content-Disposition: attachment', mediaType: 'application/json' },
    errors: ['template_not_found'],
    async handle(input) {
      const ws = workspaceOf(input);
      const asked = input.query['ids']?.split(',').filter((s) => s !== '');
      const ids = asked ?? (await storeOf(input).listTemplates(ws)).map((t) => t.id);
      for (const [i, id] of ids.entries())
        if (!templateId.safeParse(id).success)
          throw fail('invalid_request', `ids[${i}]: expected a template id`, 'ids');
      const found = await storeOf(input).getTemplates(ws, ids);
      const missing = ids.find((id) => !found.some((t) => t.id === id));
      if (missing) throw fail('template_not_found', `ids: no template "${missing}" in this workspace`, 'ids');
      const workspace = await input.deps.accounts.getWorkspace(ws);
      const now = nowIso(input);
      const text = serialiseTemplatePack({
        ...(workspace ? { name: workspace.name } : {}),
        exportedAt: now,
        templates: found.map((t) => ({
          id: t.id,
          name: t.name,
          ...(t.description !== null ? { description: t.description } : {}),
          ...(t.source !== null ? { source: t.source } : {}),
          body: bodyOf(t),
        })),
      });
      await audit(input, 'template.export', null, { count: found.length });
      const file = `waymark-templates-${fileSafe(workspace?.name ?? ws)}-${now.slice(0, 10)}.json`;
      return new Response(text, {
        status: 200,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-disposition': `attachment; filename="${file}"`,
          'cache-control': 'no-store',
        },
      });
    },
  }),
  route({
    method: 'post',
    path: '/api/workspaces/{ws}/template-pack',
    // Import: a file up to the import limit reaches the pack's own 5 MB check, and tokens need the import scope.
    tag: 'Import',
    summary:
      'Import a template pack file (the body is the file): every template is checked, each problem names its field; all or none are saved, with personal data taken out (removed)',
    access: 'editor',
    body: 'text',
    success: { status: 201, description: '{imported:[template], removed}' },
    errors: ['invalid_template_pack', 'payload_too_large'],
    async handle(input) {
      const read = parseTemplatePack(new TextEncoder().encode(input.body as string));
      if (!read.ok) throw invalid('invalid_template_pack', read.error);
      const ws = workspaceOf(input);
      const at = nowIso(input);
      const by = userOf(input).id;
      const made = read.value.pack.templates.map((t) => ({
        workspaceId: ws,
        id: input.deps.newId(),
        name: t.name,
        ...(t.description !== undefined ? { description: t.description } : {}),
        ...(t.source !== undefined ? { source: t.source } : {}),
        body: t.body,
        by,
        at,
      }));
      await storeOf(input).addTemplates(made);
      await audit(input, 'template.import', null, { count: made.length, pack: read.value.pack.name ?? null });
      const imported = await storeOf(input).getTemplates(
        ws,
        made.map((t) => t.id),
      );
      return input.c.json(
        {
          imported: imported.map(({ body: _body, ...t }) => t),
          removed: addRemoved(noneRemoved, read.value.removed),
        },
        201,
      );
    },
  }),
  route({
    method: 'post',
    path: '/api/workspaces/{ws}/journeys/{id}/copy',
    tag: 'Templates',
    summary:
      'Copy the map into another workspace where you are an editor or owner (toWorkspace); the copy keeps where it came from (provenance: workspace, map, version, when, by whom)',
    access: 'viewer',
    scope: 'session',
    body: z.strictObject({
      toWorkspace: z.string().min(1).max(80),
      title: z.string().trim().min(1).max(200).optional(),
    }),
    success: { status: 201, description: '{workspace, id, version, provenance}' },
    errors: ['journey_not_found', 'workspace_not_found', 'forbidden', 'journey_exists'],
    async handle(input) {
      const from = workspaceOf(input);
      const to = input.body.toWorkspace as WorkspaceId;
      const user = userOf(input);
      const source = await journeyOr404(input);
      const role = await input.deps.accounts.roleOf(to, user.id);
      if (role === null)
        throw fail(
          'workspace_not_found',
          `toWorkspace: no workspace "${to}" that you belong to`,
          'toWorkspace',
        );
      if (!hasRole(role, 'editor'))
        throw fail(
          'forbidden',
          `toWorkspace: you need to be an editor or owner of "${to}" to copy a map into it`,
          'toWorkspace',
        );
      const fromWorkspace = await input.deps.accounts.getWorkspace(from);
      const at = nowIso(input);
      const provenance = {
        fromWorkspaceId: from,
        fromWorkspaceName: fromWorkspace?.name ?? from,
        fromJourneyId: source.id,
        fromJourneyTitle: source.journey.meta.title,
        fromVersion: source.version,
        copiedAt: at,
        copiedBy: user.id,
        copiedByName: user.name,
      };
      const title = input.body.title;
      const journey = { ...source.journey, meta: { ...source.journey.meta, ...(title ? { title } : {}) } };
      let stored = null;
      for (let n = 1; n <= 50 && !stored; n++) {
        const id = (n === 1 ? source.id : `${source.id.slice(0, 75)}-${n}`) as JourneyId;
        const made = await input.deps.journeys.createJourney({
          workspaceId: to,
          journey: { ...journey, id },
          kind: 'duplicate',
          commands: [],
          detail: { copiedFrom: { workspaceId: from, journeyId: source.id, version: source.version } },
          by: user.id,
          at,
        });
        if (made.ok) stored = made.value;
      }
      if (!stored)
        throw fail('journey_exists', `a map with the id "${source.id}" already exists there`, 'id');
      await storeOf(input).recordProvenance(to, stored.id, provenance);
      await audit(input, 'journey.copy-out', source.id, {
        toWorkspace: to,
        id: stored.id,
        version: source.version,
      });
      await audit(input, 'journey.copy-in', stored.id, { fromWorkspace: from, fromJourney: source.id }, to);
      return input.c.json({ workspace: to, id: stored.id, version: stored.version, provenance }, 201);
    },
  }),
  route({
    method: 'get',
    path: '/api/workspaces/{ws}/journeys/{id}/provenance',
    tag: 'Templates',
    summary:
      'Where a copied map came from (workspace, map, version, when, by whom), or null for a map made here',
    access: 'viewer',
    success: {
      description:
        '{provenance: {fromWorkspaceId, fromWorkspaceName, fromJourneyId, fromJourneyTitle, fromVersion, copiedAt, copiedBy, copiedByName} | null}',
    },
    errors: ['journey_not_found'],
    async handle(input) {
      const journey = await journeyOr404(input);
      return input.c.json({ provenance: await storeOf(input).getProvenance(workspaceOf(input), journey.id) });
    },
  }),
];
