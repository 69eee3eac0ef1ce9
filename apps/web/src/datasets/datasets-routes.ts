/** The dataset pages of a workspace (issue 5): the list with upload, and one dataset's dashboard. */
export type DatasetsRoute =
  | { readonly page: 'datasets'; readonly ws: string }
  | { readonly page: 'dataset'; readonly ws: string; readonly id: string };

export const isDatasetsRoute = (route: { readonly page: string }): route is DatasetsRoute =>
  route.page === 'datasets' || route.page === 'dataset';

const seg = (s: string) => encodeURIComponent(s);

export const datasetsRoutePath = (r: DatasetsRoute): string =>
  r.page === 'datasets' ? `/w/${seg(r.ws)}/datasets` : `/w/${seg(r.ws)}/datasets/${seg(r.id)}`;

/** `/w/:ws/datasets` and `/w/:ws/datasets/:id` (decoded path parts), or null. */
export function matchDatasetsRoute(parts: readonly string[]): DatasetsRoute | null {
  const [a, ws, d, id] = parts;
  if (a !== 'w' || !ws || d !== 'datasets') return null;
  if (parts.length === 3) return { page: 'datasets', ws };
  if (parts.length === 4 && id) return { page: 'dataset', ws, id };
  return null;
}
