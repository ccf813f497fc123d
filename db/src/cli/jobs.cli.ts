// pnpm jobs: the job queue as platform staff see it: each queue with its jobs counted by state and
// its schedules, then the jobs that failed their last try (newest first) with the error they threw.
import { jobFailures, queueInstalled, queueSummaries } from '../queries/jobs.queries';
import { describeTarget, openFromEnv } from './env';

const STATES = ['created', 'retry', 'active', 'completed', 'failed', 'cancelled'] as const;

const handle = await openFromEnv();
try {
  console.log(`Job queue on ${describeTarget()}:`);
  if (!(await queueInstalled(handle.db))) {
    console.log('  no queue yet: it is installed when a server first starts');
  } else {
    const queues = await queueSummaries(handle.db);
    const width = Math.max(5, ...queues.map((q) => q.queue.length));
    console.log(`  ${'queue'.padEnd(width)}  ${STATES.map((s) => s.padStart(9)).join(' ')}  schedule`);
    for (const q of queues) {
      const counts = STATES.map((s) => String(q.counts[s] ?? 0).padStart(9)).join(' ');
      const schedule = q.schedules.map((s) => `${s.cron} (${s.timeZone})`).join(', ') || '-';
      console.log(`  ${q.queue.padEnd(width)}  ${counts}  ${schedule}`);
    }
    const failures = await jobFailures(handle.db);
    console.log(failures.length === 0 ? 'No failed jobs.' : `Failed jobs (newest ${failures.length}):`);
    for (const f of failures) {
      console.log(`  ${f.failedAt?.toISOString() ?? '?'}  ${f.queue}  ${f.id}  after ${f.tries} tries: ${f.error}`);
      console.log(`         data ${JSON.stringify(f.data)}`);
    }
  }
} finally {
  await handle.close();
}
