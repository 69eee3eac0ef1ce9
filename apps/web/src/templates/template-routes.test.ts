import { describe, expect, it } from 'vitest';
import { matchRoute, routePath } from '../app/routes';

describe('the templates page address', () => {
  it('reads /w/{ws}/templates and writes it back, with the workspace encoded', () => {
    expect(matchRoute('/w/demo/templates')).toEqual({ page: 'templates', ws: 'demo' });
    expect(routePath({ page: 'templates', ws: 'a b' })).toBe('/w/a%20b/templates');
    expect(matchRoute('/w/demo/templates/x')).toEqual({ page: 'not-found', path: '/w/demo/templates/x' });
  });
});
