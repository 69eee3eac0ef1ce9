import { describe } from 'vitest';
import { storeContract } from './store.contract';
import { createTestStores } from './test-database';

describe('store contract on PGlite', () => {
  storeContract(async () => {
    const stores = await createTestStores();
    return { stores, dispose: () => stores.close() };
  });
});
