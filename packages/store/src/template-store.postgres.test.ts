import { describeOnPostgres } from './postgres-test-stores';
import { templateStoreContract } from './template-store.contract';

describeOnPostgres('template store contract on PostgreSQL', templateStoreContract);
