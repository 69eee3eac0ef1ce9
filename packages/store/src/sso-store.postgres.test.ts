import { describeOnPostgres } from './postgres-test-stores';
import { ssoStoreContract } from './sso-store.contract';

describeOnPostgres('SSO store contract on PostgreSQL', ssoStoreContract);
