import { describe } from 'vitest';
import { improvementStoreContract } from './improvement-store.contract';
import { createTestStores } from './test-database';

describe('improvement store contract on PGlite', () => {
  improvementStoreContract(async () => {
    const stores = await createTestStores();
    return { stores, dispose: () => stores.close() };
  });
});
