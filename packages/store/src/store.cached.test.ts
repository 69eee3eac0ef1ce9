import { describe } from 'vitest';
import { createCachedAccountStore, createCachedJourneyStore } from './cached-stores';
import { storeContract } from './store.contract';
import { createTestStores } from './test-database';

describe('store contract through the caches (as the server uses them on the embedded database)', () => {
  storeContract(
    async () => {
      const inner = await createTestStores();
      const stores = {
        ...inner,
        accounts: createCachedAccountStore(inner.accounts, 60_000, () => 0),
        journeys: createCachedJourneyStore(inner.journeys),
      };
      return { stores, dispose: () => inner.close() };
    },
    { singleWriter: true },
  );
});
