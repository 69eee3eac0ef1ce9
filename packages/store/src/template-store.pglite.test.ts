import { describe } from 'vitest';
import { templateStoreContract } from './template-store.contract';
import { createTestStores } from './test-database';

describe('template store contract on PGlite', () => {
  templateStoreContract(async () => {
    const stores = await createTestStores();
    return { stores, dispose: () => stores.close() };
  });
});
