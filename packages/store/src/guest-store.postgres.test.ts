import { guestStoreContract } from './guest-store.contract';
import { describeOnPostgres } from './postgres-test-stores';

describeOnPostgres('guest store contract on PostgreSQL', guestStoreContract);
