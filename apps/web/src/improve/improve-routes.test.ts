import { describe, expect, it } from 'vitest';
import { improveRoutePath, improveViews, matchImproveRoute, type ImproveRoute } from './improve-routes';

const parts = (path: string) =>
  path
    .split('/')
    .filter((p) => p !== '')
    .map(decodeURIComponent);

describe('improve routes', () => {
  it('given every view, when its path is matched, then the same route comes back (ids with spaces too)', () => {
    for (const view of improveViews) {
      const route: ImproveRoute = { page: 'improve', ws: 'w 1', id: 'melton-asb-victim-desired', view };
      expect(matchImproveRoute(parts(improveRoutePath(route)))).toEqual(route);
    }
  });
  it('given an unknown view or another page, then no improve route', () => {
    expect(matchImproveRoute(parts('/w/w1/j/j1/improve/wishes'))).toBeNull();
    expect(matchImproveRoute(parts('/w/w1/j/j1/present'))).toBeNull();
  });
});
