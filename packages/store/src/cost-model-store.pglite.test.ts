import { describe } from 'vitest';
import { costModelStoreContract } from './cost-model-store.contract';
import { createTestStores } from './test-database';

describe('cost model store contract on PGlite', () => {
  costModelStoreContract(async () => {
    const stores = await createTestStores();
    return { stores, dispose: () => stores.close() };
  });
});
