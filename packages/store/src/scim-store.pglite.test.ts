import { describe } from 'vitest';
import { scimStoreContract } from './scim-store.contract';
import { createTestStores } from './test-database';

describe('SCIM store contract on PGlite', () => {
  scimStoreContract(async () => {
    const stores = await createTestStores();
    return { stores, dispose: () => stores.close() };
  });
});
