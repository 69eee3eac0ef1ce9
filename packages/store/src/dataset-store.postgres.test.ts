import { datasetStoreContract } from './dataset-store.contract';
import { describeOnPostgres } from './postgres-test-stores';

describeOnPostgres('dataset store contract on PostgreSQL', datasetStoreContract);
