import { createTranslator, pickLocale } from '@waymark/i18n';
import type { RetentionStore } from '@waymark/store';
import { z } from 'zod';
import { ApiFailure, fail } from '../api-error';
import { route, type RouteInput } from '../route-spec';
import { audit, nowIso, userOf, workspaceOf } from '../routes/route-helpers';
import { defaultRetentionDays, retentionBounds, retentionDaysSchema } from './retention-policy';
import { tarEnd, tarEntry, type TarFile } from './tar';
import { workspaceExportFiles } from './workspace-export';

const storeOf = (input: RouteInput<unknown>): RetentionStore => {
  const store = input.deps.retention;
  if (!store)
    throw new ApiFailure('not_configured', 'this server has no storage for retention', null, {}, 503);
  return store;
};

async function settingsBody(input: RouteInput<unknown>) {
  const stored = await storeOf(input).getRetention(workspaceOf(input));
  return {
    days: stored?.days ?? defaultRetentionDays,
    usingDefaults: stored === null,
    defaults: defaultRetentionDays,
    bounds: retentionBounds,
    updatedAt: stored?.updatedAt ?? null,
    updatedBy: stored?.updatedBy ?? null,
  };
}

async function workspaceName(input: RouteInput<unknown>): Promise<string> {
  const found = await input.deps.accounts.getWorkspace(workspaceOf(input));
  if (!found) throw fail('workspace_not_found', `no workspace "${workspaceOf(input)}" that you can see`);
  return found.name;
}

/** A readable stream of the tar archive of `files`, made as it is read. */
function tarStream(files: AsyncIterable<TarFile>, mtime: number): ReadableStream<Uint8Array> {
  const iterator = files[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) {
        controller.enqueue(tarEnd());
        controller.close();
      } else for (const chunk of tarEntry(next.value, mtime)) controller.enqueue(chunk);
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}

/** Retention periods, the workspace export and the workspace's deletion: owners only (issue 12 item 4). */
export const retentionRoutes = () => [
  route({
    method: 'get',
    path: '/api/workspaces/{ws}/retention',
    tag: 'Retention',
    summary:
      'How long the workspace keeps deleted journeys, datasets, kept raw uploads, audit entries and history, in days',
    access: 'owner',
    success: {
      description: '{days, usingDefaults, defaults, bounds:{period:{min,max}}, updatedAt, updatedBy}',
    },
    handle: async (input) => input.c.json(await settingsBody(input)),
  }),
  route({
    method: 'put',
    path: '/api/workspaces/{ws}/retention',
    tag: 'Retention',
    summary: 'Change how long the workspace keeps each thing (whole days within each bound); audited',
    access: 'owner',
    scope: 'session',
    body: retentionDaysSchema,
    success: { description: 'the periods as now kept' },
    async handle(input) {
      const saved = await storeOf(input).setRetention({
        workspaceId: workspaceOf(input),
        days: input.body,
        by: userOf(input).id,
        at: nowIso(input),
      });
      if (!saved.ok) throw fail('workspace_not_found', saved.error.message);
      await audit(input, 'retention.update', workspaceOf(input), { ...input.body });
      return input.c.json(await settingsBody(input));
    },
  }),
  route({
    method: 'get',
    path: '/api/workspaces/{ws}/export',
    tag: 'Retention',
    summary:
      'Everything in the workspace as files a person can read (journeys as YAML, Markdown and CSV, comments, history, datasets’ figures, members, the audit trail, a README), in a tar archive',
    access: 'owner',
    scope: 'session',
    query: z.strictObject({
      locale: z.enum(['en', 'cy'], { message: 'expected en (English) or cy (Welsh)' }).optional(),
    }),
    success: {
      description: 'a tar archive, with Content-Disposition: attachment',
      mediaType: 'application/x-tar',
    },
    async handle(input) {
      const now = input.deps.clock();
      const name = await workspaceName(input);
      const stored = await storeOf(input).getRetention(workspaceOf(input));
      const locale = input.query['locale'] ?? pickLocale(input.c.req.header('accept-language') ?? null);
      await audit(input, 'workspace.export', workspaceOf(input));
      const files = workspaceExportFiles({
        deps: input.deps,
        workspaceId: workspaceOf(input),
        workspaceName: name,
        person: userOf(input).name,
        days: stored?.days ?? defaultRetentionDays,
        now,
        words: createTranslator(locale === 'cy' ? 'cy' : 'en'),
      });
      const file = `waymark-${workspaceOf(input).replace(/[^A-Za-z0-9_-]/g, '_')}-${now.toISOString().slice(0, 10)}.tar`;
      return new Response(tarStream(files, Math.floor(now.getTime() / 1000)), {
        status: 200,
        headers: {
          'content-type': 'application/x-tar',
          'content-disposition': `attachment; filename="${file}"`,
          'cache-control': 'no-store',
        },
      });
    },
  }),
  route({
    method: 'delete',
    path: '/api/workspaces/{ws}',
    tag: 'Retention',
    summary:
      'Delete the workspace and everything in it for good, confirmed by its name (confirmName); audited at instance level',
    access: 'owner',
    scope: 'session',
    body: z.strictObject({ confirmName: z.string().max(200) }),
    success: { description: '{deleted:{journeys, datasets, members, auditEntries, guests}}' },
    async handle(input) {
      const ws = workspaceOf(input);
      const name = await workspaceName(input);
      if (input.body.confirmName.trim() !== name.trim())
        throw fail(
          'invalid_request',
          "confirmName: type the workspace's name exactly as it is shown to delete it",
          'confirmName',
        );
      // Archived first: read-only to anyone still in it while it goes. Archiving goes through the account
      // store, whose cache then forgets members' roles; asked again once the workspace is gone (answered
      // workspace_not_found), it forgets any role read meanwhile, so nobody gets in on a remembered role.
      await input.deps.accounts.setWorkspaceArchived(ws, nowIso(input));
      const deleted = await storeOf(input).deleteWorkspace(ws);
      await input.deps.accounts.setWorkspaceArchived(ws, nowIso(input));
      if (!deleted) throw fail('workspace_not_found', `no workspace "${ws}" that you can see`);
      await input.deps.datasets?.keyring.forget(ws);
      await audit(input, 'workspace.delete', ws, { name, ...deleted }, null);
      return input.c.json({ deleted });
    },
  }),
];
