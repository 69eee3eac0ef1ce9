/**
 * The dependency rules of docs/ARCHITECTURE.md, as data. `architecture.test.ts` checks the tree against them,
 * so a rule is enforced by a test rather than remembered.
 */
export const allowedDependencies: Record<string, readonly string[]> = {
  core: [],
  document: ['core'],
  render: ['core'],
  measure: ['core'],
  analytics: ['core', 'measure'],
  store: ['core'],
  api: ['core', 'document', 'render', 'measure', 'analytics', 'store'],
  cli: ['core', 'document', 'render', 'measure', 'analytics'],
  server: ['core', 'document', 'render', 'measure', 'analytics', 'store', 'api'],
  web: ['core', 'render', 'measure', 'analytics'],
};

/** Packages whose code must run unchanged in the browser, the server and the CLI: no I/O imports. */
export const purePackages = ['core', 'document', 'render', 'measure'] as const;
