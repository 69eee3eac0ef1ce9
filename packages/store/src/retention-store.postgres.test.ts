import { describeOnPostgres } from './postgres-test-stores';
import { retentionStoreContract } from './retention-store.contract';

describeOnPostgres('retention store contract on PostgreSQL', retentionStoreContract);
