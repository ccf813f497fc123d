// Every domain's jobs, as the queue runs them. A domain adds its <domain>.jobs.ts here.
import type { Database } from '@huzhu/db';
import { ledgerJobs } from '../ledger/ledger.jobs';
import type { JobDefinition } from './queue';

export interface JobDeps {
  db: Database;
}

export function domainJobs(deps: JobDeps): JobDefinition[] {
  return [...ledgerJobs(deps)];
}
