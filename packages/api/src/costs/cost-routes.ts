import {
  costModelSchema,
  isPriceYear,
  maxDeflatorCsvBytes,
  parseDeflatorCsv,
  publishedCostModels,
  shippedDeflator,
} from '@waymark/measure';
import { z } from 'zod';
import { requireInstanceAdmin } from '../auth/instance-admin';
import { fail } from '../api-error';
import { route, type RouteInput } from '../route-spec';
import { audit, nowIso, userOf, workspaceOf } from '../routes/route-helpers';
import {
  costStoreOf,
  deflatorOf,
  fallbackModelId,
  modelOf,
  storedToModel,
  workspaceCosts,
} from './workspace-costs';

const base = '/api/workspaces/{ws}/cost-models';
const modelIdOf = (input: RouteInput<unknown>) => input.params['modelId'] as string;

/** Everything the costs page shows: the workspace's models, the published ones, the default, the deflator. */
async function overview(input: RouteInput<unknown>) {
  const store = costStoreOf(input.deps);
  const ws = workspaceOf(input);
  const stored = await store.listCostModels(ws);
  const { series, loaded } = await deflatorOf(input.deps);
  const years = Object.keys(series.index).sort();
  const chosen = await store.getCostDefault(ws);
  // A default the deflator in force no longer reaches (a newer series without its years) is said, not hidden.
  let basis = null;
  let defaultProblem: string | null = null;
  try {
    basis = (await workspaceCosts(input.deps, ws)).basis;
  } catch (e) {
    defaultProblem = e instanceof Error ? e.message : String(e);
  }
  return {
    models: stored.flatMap((m) => {
      const model = storedToModel(m);
      return model ? [{ ...model, updatedAt: m.updatedAt, updatedBy: m.updatedBy }] : [];
    }),
    published: publishedCostModels,
    default: chosen ?? { modelId: fallbackModelId, priceYear: null },
    defaultBasis: basis,
    defaultProblem,
    deflator: {
      title: series.title,
      published: series.published,
      url: series.url,
      base: series.base,
      first: years[0] ?? null,
      last: years[years.length - 1] ?? null,
      years,
      loaded,
    },
  };
}

const defaultSchema = z.strictObject({
  modelId: z.string({ error: 'expected a model id' }).min(1, { error: 'expected a model id' }).max(120),
  priceYear: z
    .string()
    .refine(isPriceYear, { error: 'expected a price year such as 2024 or 2024-25' })
    .nullable()
    .default(null),
});

/** Cost models (issue 13 item 2, decision 0032): viewers read, editors and owners write. */
export const costRoutes = () => [
  route({
    method: 'get',
    path: base,
    tag: 'Costs',
    summary:
      "The workspace's cost models, the published tables (read-only, with year and source), the workspace's default and the GDP deflator in force",
    access: 'viewer',
    success: { description: '{models, published, default:{modelId, priceYear}, defaultBasis, deflator}' },
    handle: async (input) => input.c.json(await overview(input)),
  }),
  route({
    method: 'post',
    path: base,
    tag: 'Costs',
    summary: 'Add a cost model: lines per channel and per activity, each built up from staff time or entered',
    access: 'editor',
    body: costModelSchema,
    success: { status: 201, description: 'the model as stored, with its id' },
    async handle(input) {
      const id = input.deps.newId();
      const saved = await costStoreOf(input.deps).putCostModel({
        workspaceId: workspaceOf(input),
        id,
        ...input.body,
        by: userOf(input).id,
        at: nowIso(input),
      });
      if (!saved.ok) throw fail('workspace_not_found', saved.error.message);
      await audit(input, 'cost-model.create', id, { name: input.body.name });
      return input.c.json(storedToModel(saved.value), 201);
    },
  }),
  route({
    method: 'put',
    path: `${base}/{modelId}`,
    tag: 'Costs',
    summary: 'Replace a cost model of the workspace (published tables cannot be changed: copy one instead)',
    access: 'editor',
    body: costModelSchema,
    success: { description: 'the model as stored' },
    async handle(input) {
      const id = modelIdOf(input);
      const store = costStoreOf(input.deps);
      if (publishedCostModels.some((m) => m.id === id))
        throw fail(
          'forbidden',
          `"${id}" is a published table and cannot be changed; add a model of your own`,
        );
      if (!(await store.getCostModel(workspaceOf(input), id)))
        throw fail('not_found', `no cost model "${id}" in this workspace`);
      const saved = await store.putCostModel({
        workspaceId: workspaceOf(input),
        id,
        ...input.body,
        by: userOf(input).id,
        at: nowIso(input),
      });
      if (!saved.ok) throw fail('workspace_not_found', saved.error.message);
      await audit(input, 'cost-model.update', id, { name: input.body.name });
      return input.c.json(storedToModel(saved.value));
    },
  }),
  route({
    method: 'delete',
    path: `${base}/{modelId}`,
    tag: 'Costs',
    summary:
      'Remove a cost model of the workspace; if it was the default, Socitm 2011 becomes the default again',
    access: 'editor',
    success: { status: 204, description: 'removed' },
    async handle(input) {
      const id = modelIdOf(input);
      if (!(await costStoreOf(input.deps).deleteCostModel(workspaceOf(input), id)))
        throw fail('not_found', `no cost model "${id}" in this workspace`);
      await audit(input, 'cost-model.delete', id);
      return input.c.body(null, 204);
    },
  }),
  route({
    method: 'put',
    path: '/api/workspaces/{ws}/cost-default',
    tag: 'Costs',
    summary:
      "Choose the model the workspace's figures use unless told otherwise, and the price year to show them in (null: the model's own)",
    access: 'editor',
    body: defaultSchema,
    success: { description: '{default, defaultBasis}' },
    async handle(input) {
      const ws = workspaceOf(input);
      await modelOf(input.deps, ws, input.body.modelId);
      // Refuses a price year the deflator cannot reach before it is kept.
      const basis = (
        await workspaceCosts(input.deps, ws, {
          modelId: input.body.modelId,
          ...(input.body.priceYear === null ? {} : { priceYear: input.body.priceYear }),
        })
      ).basis;
      await costStoreOf(input.deps).setCostDefault(ws, input.body, userOf(input).id, nowIso(input));
      await audit(input, 'cost-model.default', input.body.modelId, { priceYear: input.body.priceYear });
      return input.c.json({ default: input.body, defaultBasis: basis });
    },
  }),
  route({
    method: 'put',
    path: '/api/admin/deflator',
    tag: 'Costs',
    summary:
      'Load a newer GDP deflator series for the whole instance (instance administrators only): the body is a CSV "year,index", the query gives the publication\'s title, date and address',
    access: 'user',
    body: 'text',
    query: z.strictObject({
      title: z.string().max(300),
      published: z.string().max(10),
      url: z.string().max(500),
    }),
    success: { description: '{deflator: {title, published, url, first, last}}' },
    async handle(input) {
      requireInstanceAdmin(input.actor, 'load a GDP deflator series');
      const text = input.body as string;
      if (text.length > maxDeflatorCsvBytes) {
        const message = `expected a file of at most ${maxDeflatorCsvBytes / 1024} KB`;
        throw fail('payload_too_large', message, 'file', {
          problems: [
            { path: 'file', message, reason: 'too_large', values: { limitKb: maxDeflatorCsvBytes / 1024 } },
          ],
        });
      }
      const parsed = parseDeflatorCsv(text, {
        title: input.query['title'] ?? '',
        published: input.query['published'] ?? '',
        url: input.query['url'] ?? '',
      });
      if (!parsed.ok) {
        throw fail(
          'invalid_request',
          parsed.error.map((e) => `${e.path}: ${e.message}`).join('; '),
          parsed.error[0]!.path,
          // each problem's reason and values, for a screen to say in its own words; message is the English
          {
            problems: parsed.error.map((e) => ({
              path: e.path,
              message: e.message,
              reason: e.reason,
              values: e.values,
            })),
          },
        );
      }
      await costStoreOf(input.deps).setDeflator(parsed.value, userOf(input).id, nowIso(input));
      await audit(input, 'deflator.load', parsed.value.id, { published: parsed.value.published }, null);
      const years = Object.keys(parsed.value.index).sort();
      return input.c.json({
        deflator: { ...parsed.value, first: years[0], last: years[years.length - 1], loaded: true },
      });
    },
  }),
  route({
    method: 'delete',
    path: '/api/admin/deflator',
    tag: 'Costs',
    summary:
      'Go back to the GDP deflator series Waymark ships, forgetting the one loaded (instance administrators only)',
    access: 'user',
    success: { description: '{deflator: {title, published, url, first, last, loaded: false}}' },
    async handle(input) {
      requireInstanceAdmin(input.actor, 'go back to the shipped GDP deflator series');
      const store = costStoreOf(input.deps);
      const before = await store.getDeflator();
      if (before) {
        await store.setDeflator(null, userOf(input).id, nowIso(input));
        await audit(
          input,
          'deflator.reset',
          shippedDeflator.id,
          { published: shippedDeflator.published },
          null,
        );
      }
      const years = Object.keys(shippedDeflator.index).sort();
      return input.c.json({
        deflator: { ...shippedDeflator, first: years[0], last: years[years.length - 1], loaded: false },
      });
    },
  }),
];
