import { describeOnPostgres } from './postgres-test-stores';
import { scimStoreContract } from './scim-store.contract';

describeOnPostgres('SCIM store contract on PostgreSQL', scimStoreContract);
