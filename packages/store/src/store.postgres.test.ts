import { describeOnPostgres } from './postgres-test-stores';
import { storeContract } from './store.contract';

// Each test gets its own schema in the test database, migrated from scratch, dropped afterwards.
describeOnPostgres('store contract on PostgreSQL', (open) => storeContract(open));
