import { describe } from 'vitest';
import { retentionStoreContract } from './retention-store.contract';
import { createTestStores } from './test-database';

describe('retention store contract on PGlite', () => {
  retentionStoreContract(async () => {
    const stores = await createTestStores();
    return { stores, dispose: () => stores.close() };
  });
});
