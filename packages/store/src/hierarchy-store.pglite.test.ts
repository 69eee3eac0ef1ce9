import { describe } from 'vitest';
import { hierarchyStoreContract } from './hierarchy-store.contract';
import { createTestStores } from './test-database';

describe('hierarchy and opportunity stores contract on PGlite', () => {
  hierarchyStoreContract(async () => {
    const stores = await createTestStores();
    return { stores, dispose: () => stores.close() };
  });
});
