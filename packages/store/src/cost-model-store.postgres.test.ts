import { costModelStoreContract } from './cost-model-store.contract';
import { describeOnPostgres } from './postgres-test-stores';

describeOnPostgres('cost model store contract on PostgreSQL', costModelStoreContract);
