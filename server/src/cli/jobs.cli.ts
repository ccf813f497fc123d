// pnpm jobs: the job queue as platform staff see it: each queue with its jobs counted by state and
// its schedules, then the jobs that failed their last try (newest first) with the error they threw.
// The platform service the admin page reads, called as the command's own actor.
import { describeTarget, openFromEnv } from '@huzhu/db/cli-env';
import { systemActor } from '../auth/authorize';
import { failedJobs, queueSummary } from '../platform/platform.service';

const STATES = ['created', 'retry', 'active', 'completed', 'failed', 'cancelled'] as const;
const ACTOR = systemActor('cli:jobs');

const handle = await openFromEnv();
try {
  console.log(`Job queue on ${describeTarget()}:`);
  const queues = await queueSummary(handle, ACTOR);
  if (!queues) {
    console.log('  no queue yet: it is installed when a server first starts');
  } else {
    const width = Math.max(5, ...queues.map((q) => q.queue.length));
    console.log(`  ${'queue'.padEnd(width)}  ${STATES.map((s) => s.padStart(9)).join(' ')}  schedule`);
    for (const q of queues) {
      const counts = STATES.map((s) => String(q.counts[s] ?? 0).padStart(9)).join(' ');
      const schedule = q.schedules.map((s) => `${s.cron} (${s.timeZone})`).join(', ') || '-';
      console.log(`  ${q.queue.padEnd(width)}  ${counts}  ${schedule}`);
    }
    const failures = await failedJobs(handle, ACTOR, 20);
    console.log(failures.length === 0 ? 'No failed jobs.' : `Failed jobs (newest ${failures.length}):`);
    for (const f of failures) {
      console.log(`  ${f.failedAt?.toISOString() ?? '?'}  ${f.queue}  ${f.id}  after ${f.tries} tries: ${f.error}`);
      console.log(`         data ${JSON.stringify(f.data)}`);
    }
  }
} finally {
  await handle.close();
}
