/**
 * The dependency rules of docs/ARCHITECTURE.md, as data. `architecture.test.ts` checks the tree against them,
 * so a rule is enforced by a test rather than remembered.
 */
export const allowedDependencies: Record<string, readonly string[]> = {
  core: [],
  // The message catalogue and its formatters (decision 0017): words for every other layer, depending on none.
  i18n: [],
  document: ['core'],
  render: ['core', 'i18n'],
  measure: ['core', 'i18n'],
  // analytics takes its reports' words as a parameter; it imports only the catalogue's ids, as a type
  analytics: ['core', 'measure', 'i18n'],
  store: ['core'],
  api: ['core', 'document', 'render', 'measure', 'analytics', 'store', 'i18n'],
  cli: ['core', 'document', 'render', 'measure', 'analytics', 'i18n'],
  server: ['core', 'document', 'render', 'measure', 'analytics', 'store', 'api', 'i18n'],
  web: ['core', 'render', 'measure', 'analytics', 'i18n'],
};

/**
 * Extra packages a workspace's tests (not its code) may import, declared in its devDependencies:
 * the CLI's push/pull tests run against a real API on an in-memory store; the web app's model tests read
 * the examples and the store's sample journeys.
 */
export const allowedTestDependencies: Record<string, readonly string[]> = {
  cli: ['api', 'store'],
  web: ['document', 'store'],
};

/** Packages whose code must run unchanged in the browser, the server and the CLI: no I/O imports. */
export const purePackages = ['core', 'i18n', 'document', 'render', 'measure'] as const;
