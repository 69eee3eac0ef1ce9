import { describe, expect, it } from 'vitest';
import { matchRoute, routePath, type Route } from './routes';

describe('routes', () => {
  const routes: Route[] = [
    { page: 'start' },
    { page: 'sign-in' },
    { page: 'setup' },
    { page: 'home', ws: 'melton' },
    { page: 'members', ws: 'melton' },
    { page: 'tokens', ws: 'melton' },
    { page: 'account-password' },
    { page: 'editor', ws: 'melton', id: 'asb-victim' },
    { page: 'present', ws: 'melton', id: 'asb-victim' },
    { page: 'print', ws: 'melton', id: 'asb-victim' },
    { page: 'share', token: 'wm_share_abc' },
    { page: 'datasets', ws: 'melton' },
    { page: 'dataset', ws: 'melton', id: 'demo-change-of-address' },
  ];
  it.each(routes)('given route $page, when written and read back, then it is the same route', (route) => {
    expect(matchRoute(routePath(route))).toEqual(route);
  });

  it('given ids with spaces or slashes, when round-tripped, then they are encoded and decoded', () => {
    const route: Route = { page: 'editor', ws: 'a b', id: 'x/y' };
    expect(routePath(route)).toBe('/w/a%20b/j/x%2Fy');
    expect(matchRoute(routePath(route))).toEqual(route);
  });

  it('given an unknown path, when matched, then it is not-found with the path', () => {
    expect(matchRoute('/w/melton/j/x/y/z')).toEqual({ page: 'not-found', path: '/w/melton/j/x/y/z' });
    expect(matchRoute('/nope')).toEqual({ page: 'not-found', path: '/nope' });
  });

  it('given dataset addresses, when matched, then the list and one dataset are pages; deeper paths are not', () => {
    expect(matchRoute('/w/demo/datasets')).toEqual({ page: 'datasets', ws: 'demo' });
    expect(matchRoute('/w/demo/datasets/a%20b')).toEqual({ page: 'dataset', ws: 'demo', id: 'a b' });
    expect(routePath({ page: 'dataset', ws: 'demo', id: 'x/y' })).toBe('/w/demo/datasets/x%2Fy');
    expect(matchRoute('/w/demo/datasets/x/y')).toEqual({ page: 'not-found', path: '/w/demo/datasets/x/y' });
  });
});
