import { describe } from 'vitest';
import { ssoStoreContract } from './sso-store.contract';
import { createTestStores } from './test-database';

describe('SSO store contract on PGlite', () => {
  ssoStoreContract(async () => {
    const stores = await createTestStores();
    return { stores, dispose: () => stores.close() };
  });
});
