import { describe } from 'vitest';
import { guestStoreContract } from './guest-store.contract';
import { createTestStores } from './test-database';

describe('guest store contract on PGlite', () => {
  guestStoreContract(async () => {
    const stores = await createTestStores();
    return { stores, dispose: () => stores.close() };
  });
});
