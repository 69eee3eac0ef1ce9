import { surveyStoreContract } from './survey-store.contract';
import { describeOnPostgres } from './postgres-test-stores';

describeOnPostgres('survey store contract on PostgreSQL', surveyStoreContract);
