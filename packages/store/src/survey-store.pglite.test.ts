import { describe } from 'vitest';
import { surveyStoreContract } from './survey-store.contract';
import { createTestStores } from './test-database';

describe('survey store contract on PGlite', () => {
  surveyStoreContract(async () => {
    const stores = await createTestStores();
    return { stores, dispose: () => stores.close() };
  });
});
