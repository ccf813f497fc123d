// Points seasons' daily work, per time zone some site keeps: just after midnight each site whose
// points expire warns its holders a month before the season's end and expires their available
// points on the day (idempotent: a second run, or a start-up catch-up, does nothing more).
import { systemActor } from '../auth/authorize';
import { serviceDeps } from '../core/deps';
import type { JobDefinition, JobDeps } from '../jobs/queue';
import { runPointsSeasons } from './seasons.service';

export const POINTS_SEASONS = 'points.seasons';

export function pointsJobs(deps: JobDeps): JobDefinition<{ timeZone: string }>[] {
  return [
    {
      name: POINTS_SEASONS,
      schedule: { cron: '15 0 * * *', timeZone: 'each-site' },
      catchUpAtStart: true,
      retryLimit: 3,
      run: async ({ timeZone }) => runPointsSeasons(serviceDeps(deps), systemActor(`job:${POINTS_SEASONS}`), timeZone),
    },
  ];
}
