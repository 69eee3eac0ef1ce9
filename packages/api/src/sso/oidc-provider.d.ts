// oidc-provider ships no types; only what the test provider (oidc-test-provider.ts) uses is declared.
declare module 'oidc-provider' {
  interface GrantLike {
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }
  export interface ProviderContext {
    oidc: {
      provider: { Grant: new (init: { clientId: string; accountId: string }) => GrantLike };
      client?: { clientId: string };
      session?: { accountId?: string };
    };
  }
  // The package's own export is a default one.
  // eslint-disable-next-line no-restricted-exports
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    callback(): (req: unknown, res: unknown) => void;
  }
}
