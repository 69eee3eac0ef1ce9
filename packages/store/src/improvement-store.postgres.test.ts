import { improvementStoreContract } from './improvement-store.contract';
import { describeOnPostgres } from './postgres-test-stores';

describeOnPostgres('improvement store contract on PostgreSQL', improvementStoreContract);
