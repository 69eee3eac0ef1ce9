import { t } from '../i18n';

/** The Improve pages of a journey (issue 6), as route values beside the app's own routes. */
export const improveViews = ['compare', 'ideas', 'business-case', 'indicators', 'sampling'] as const;
export type ImproveView = (typeof improveViews)[number];

export const improveViewLabels: Record<ImproveView, () => string> = {
  compare: () => t('improve.view.compare'),
  ideas: () => t('improve.view.ideas'),
  'business-case': () => t('improve.view.businessCase'),
  indicators: () => t('improve.view.indicators'),
  sampling: () => t('improve.view.sampling'),
};

export interface ImproveRoute {
  readonly page: 'improve';
  readonly ws: string;
  /** The journey the work hangs off: for Compare, the desired journey (or the current one). */
  readonly id: string;
  readonly view: ImproveView;
}

export const isImproveRoute = (route: { readonly page: string }): route is ImproveRoute =>
  route.page === 'improve';

const seg = (s: string) => encodeURIComponent(s);

export const improveRoutePath = (r: ImproveRoute): string =>
  `/w/${seg(r.ws)}/j/${seg(r.id)}/improve/${r.view}`;

/** `/w/:ws/j/:id/improve/:view` (decoded path parts), or null. */
export function matchImproveRoute(parts: readonly string[]): ImproveRoute | null {
  const [a, ws, j, id, improve, view] = parts;
  if (parts.length !== 6 || a !== 'w' || j !== 'j' || improve !== 'improve' || !ws || !id) return null;
  return (improveViews as readonly string[]).includes(view ?? '')
    ? { page: 'improve', ws, id, view: view as ImproveView }
    : null;
}
