import { describe } from 'vitest';
import { commentThreadContract } from './comment-threads.contract';
import { createTestStores } from './test-database';

describe('comment threads contract on PGlite', () => {
  commentThreadContract(async () => {
    const stores = await createTestStores();
    return { stores, dispose: () => stores.close() };
  });
});
