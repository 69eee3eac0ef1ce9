import { hierarchyStoreContract } from './hierarchy-store.contract';
import { describeOnPostgres } from './postgres-test-stores';

describeOnPostgres('hierarchy and opportunity stores contract on PostgreSQL', hierarchyStoreContract);
