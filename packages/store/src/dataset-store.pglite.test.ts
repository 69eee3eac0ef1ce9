import { describe } from 'vitest';
import { datasetStoreContract } from './dataset-store.contract';
import { createTestStores } from './test-database';

describe('dataset store contract on PGlite', () => {
  datasetStoreContract(async () => {
    const stores = await createTestStores();
    return { stores, dispose: () => stores.close() };
  });
});
