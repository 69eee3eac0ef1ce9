import { describeOnPostgres } from './postgres-test-stores';
import { libraryStoreContract } from './library-store.contract';

describeOnPostgres('library store contract on PostgreSQL', libraryStoreContract);
