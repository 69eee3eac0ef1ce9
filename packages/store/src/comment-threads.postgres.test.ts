import { commentThreadContract } from './comment-threads.contract';
import { describeOnPostgres } from './postgres-test-stores';

describeOnPostgres('comment threads contract on PostgreSQL', commentThreadContract);
