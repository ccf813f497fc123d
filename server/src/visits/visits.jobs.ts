// The visit duty's scheduled work, per time zone some site keeps: just after midnight (and when a
// server starts) each site's tasks for the periods that hold today (generation is idempotent: one
// task per elder and period, whichever process or retry runs it), and each morning the escalation.
import { systemActor } from '../auth/authorize';
import { serviceDeps } from '../core/deps';
import type { JobDefinition, JobDeps } from '../jobs/queue';
import { escalateVisitTasks, generateVisitTasks } from './visit-duty.service';

export const VISITS_GENERATE = 'visits.generate';
export const VISITS_ESCALATE = 'visits.escalate';

export function visitsJobs(deps: JobDeps): JobDefinition<{ timeZone: string }>[] {
  return [
    {
      name: VISITS_GENERATE,
      schedule: { cron: '5 0 * * *', timeZone: 'each-site' },
      // A server started mid-period (a new install, a restart after a night down) has this
      // period's tasks at once.
      catchUpAtStart: true,
      retryLimit: 3,
      run: async ({ timeZone }) => ({
        created: await generateVisitTasks(serviceDeps(deps), systemActor(`job:${VISITS_GENERATE}`), timeZone),
      }),
    },
    {
      name: VISITS_ESCALATE,
      schedule: { cron: '0 8 * * *', timeZone: 'each-site' },
      retryLimit: 3,
      run: async ({ timeZone }) => ({
        delivered: await escalateVisitTasks(serviceDeps(deps), systemActor(`job:${VISITS_ESCALATE}`), timeZone),
      }),
    },
  ];
}
