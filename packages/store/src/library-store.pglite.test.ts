import { describe } from 'vitest';
import { libraryStoreContract } from './library-store.contract';
import { createTestStores } from './test-database';

describe('library store contract on PGlite', () => {
  libraryStoreContract(async () => {
    const stores = await createTestStores();
    return { stores, dispose: () => stores.close() };
  });
});
