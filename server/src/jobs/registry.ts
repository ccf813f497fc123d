// Every domain's jobs, as the queue runs them. A domain adds its <domain>.jobs.ts here.
import { inboxJobs } from '../inbox/inbox.jobs';
import { hoursExpiryJobs } from '../ledger/hours-expiry.jobs';
import { ledgerJobs } from '../ledger/ledger.jobs';
import { seriesJobs } from '../needs/series.jobs';
import { pointsJobs } from '../points/points.jobs';
import { visitsJobs } from '../visits/visits.jobs';
import type { JobDefinition, JobDeps } from './queue';

export function domainJobs(deps: JobDeps): JobDefinition[] {
  return [
    ...ledgerJobs(deps),
    ...hoursExpiryJobs(deps),
    ...inboxJobs(deps),
    ...(seriesJobs(deps) as JobDefinition[]),
    ...(visitsJobs(deps) as JobDefinition[]),
    ...(pointsJobs(deps) as JobDefinition[]),
  ];
}
