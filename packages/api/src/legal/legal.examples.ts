import { defaultAccessibilitySettings, defaultPrivacySettings } from './legal-settings';

/** Example requests of the legal pages' routes for the authorisation test (issue 12, item 5). */
export const legalExamples = {
  'GET /api/legal/accessibility': () => ({ path: '/api/legal/accessibility' }),
  'PUT /api/legal/accessibility': () => ({
    path: '/api/legal/accessibility',
    body: { ...defaultAccessibilitySettings, contactEmail: 'access@example.org' },
  }),
  'GET /api/legal/privacy': () => ({ path: '/api/legal/privacy' }),
  'PUT /api/legal/privacy': () => ({
    path: '/api/legal/privacy',
    body: { ...defaultPrivacySettings, dpoEmail: 'dpo@example.org' },
  }),
};

/** Routes for signed-in people that only an instance administrator may call; anyone else is refused (403). */
export const instanceAdminOnly: ReadonlySet<string> = new Set([
  'PUT /api/legal/accessibility',
  'PUT /api/legal/privacy',
]);
