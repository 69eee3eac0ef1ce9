import type { CostBasis, CostModel, CostModelInput } from '@waymark/measure';
import { callJson } from '../api/call-json';
import { toApiError } from '../api/api-error';

export interface CostsOverview {
  readonly models: readonly (CostModel & { readonly updatedAt: string })[];
  readonly published: readonly CostModel[];
  readonly default: { readonly modelId: string; readonly priceYear: string | null };
  readonly defaultBasis: CostBasis | null;
  readonly defaultProblem: string | null;
  readonly deflator: {
    readonly title: string;
    readonly published: string;
    readonly url: string;
    readonly first: string | null;
    readonly last: string | null;
    readonly years: readonly string[];
    readonly loaded: boolean;
  };
}

const path = (ws: string) => `/api/workspaces/${encodeURIComponent(ws)}`;

export const costsApi = {
  overview: (ws: string) => callJson<CostsOverview>('GET', `${path(ws)}/cost-models`),
  create: (ws: string, model: CostModelInput, csrf: string) =>
    callJson<CostModel>('POST', `${path(ws)}/cost-models`, csrf, model),
  update: (ws: string, id: string, model: CostModelInput, csrf: string) =>
    callJson<CostModel>('PUT', `${path(ws)}/cost-models/${encodeURIComponent(id)}`, csrf, model),
  remove: (ws: string, id: string, csrf: string) =>
    callJson<null>('DELETE', `${path(ws)}/cost-models/${encodeURIComponent(id)}`, csrf),
  setDefault: (ws: string, modelId: string, priceYear: string | null, csrf: string) =>
    callJson<{ defaultBasis: CostBasis }>('PUT', `${path(ws)}/cost-default`, csrf, { modelId, priceYear }),
  /** An instance administrator goes back to the series Waymark ships. */
  resetDeflator: (csrf: string) => callJson<unknown>('DELETE', '/api/admin/deflator', csrf),
  /** An instance administrator's newer GDP deflator: the CSV as it is, its publication in the query. */
  async loadDeflator(csv: string, meta: { title: string; published: string; url: string }, csrf: string) {
    let response: Response;
    try {
      response = await fetch(`/api/admin/deflator?${new URLSearchParams(meta)}`, {
        method: 'PUT',
        headers: { accept: 'application/json', 'content-type': 'text/csv', 'x-csrf-token': csrf },
        credentials: 'same-origin',
        body: csv,
      });
    } catch {
      throw toApiError(0, null);
    }
    const json: unknown = await response.json().catch(() => null);
    // the body's `problems` (each with its reason and values) stay on the error for deflatorFailure
    if (!response.ok) throw toApiError(response.status, json);
    return json;
  },
};
