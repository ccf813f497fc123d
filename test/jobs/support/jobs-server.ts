// The server process (serve(), as main.ts runs it) with two jobs of the tests' own beside every
// domain's. Each run is one line appended to JOBS_TEST_LOG, so the test reads what ran where.
//  test.tick   scheduled every minute in each site's time zone
//  test.hold   its first try holds until the process dies; later tries finish at once
// JOBS_TEST_ENQUEUE=1 enqueues one test.hold job (in a transaction, as a service would) at start.
import { appendFileSync } from 'node:fs';
import type { JobDefinition } from '@huzhu/server/jobs';
import { domainJobs } from '@huzhu/server/jobs/registry';
import { serve } from '@huzhu/server/serve';

const logFile = process.env.JOBS_TEST_LOG;
if (!logFile) throw new Error('JOBS_TEST_LOG is not set');
const record = (entry: Record<string, unknown>) =>
  appendFileSync(logFile, JSON.stringify({ pid: process.pid, at: new Date().toISOString(), ...entry }) + '\n');

const testJobs: JobDefinition[] = [
  {
    name: 'test.tick',
    schedule: { cron: '* * * * *', timeZone: 'each-site' },
    run: async (data, job) => record({ job: 'test.tick', id: job.id, data }),
  },
  {
    name: 'test.hold',
    // Short, so a try whose process died is taken as lost within seconds.
    expireInSeconds: 5,
    retryDelaySeconds: 1,
    run: async (_data, job) => {
      record({ job: 'test.hold', id: job.id, event: 'start', retry: job.retryCount });
      if (job.retryCount === 0) await new Promise(() => {});
      record({ job: 'test.hold', id: job.id, event: 'done', retry: job.retryCount });
    },
  },
];

const server = await serve({ jobDefinitions: (deps) => [...domainJobs(deps), ...testJobs] });
if (process.env.JOBS_TEST_ENQUEUE) {
  const id = await server.handle.db.transaction((tx) => server.jobs.enqueue(tx, 'test.hold', { for: 'sigkill' }));
  record({ job: 'test.hold', id, event: 'enqueued' });
}
