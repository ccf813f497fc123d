// Recurring needs' scheduled work: every night each running series gets its occurrences of the
// next two weeks (a series' own posting already wrote the first two weeks). Each occurrence is
// written once per series and day, so a second run, or two processes at once, write nothing new.
import { systemActor } from '../auth/authorize';
import { serviceDeps } from '../core/deps';
import type { JobDeps, JobDefinition } from '../jobs/queue';
import { generateDue, generateSeries } from './series.service';

export const SERIES_GENERATE = 'needs.series';

/** Who generates: the audit trail shows the job, not a member. */
export const SERIES_ACTOR = systemActor(`job:${SERIES_GENERATE}`);

/** One series (`seriesId`), or every running one of the sites in `timeZone` (the nightly run), or all. */
export interface SeriesJobData {
  seriesId?: number;
  timeZone?: string;
}

export function seriesJobs(deps: JobDeps): JobDefinition<SeriesJobData>[] {
  return [
    {
      name: SERIES_GENERATE,
      // 01:10 on each site's clock: the new last day of the two weeks is written before anyone
      // plans it. One schedule per zone some site keeps, each run for that zone's sites.
      schedule: { cron: '10 1 * * *', timeZone: 'each-site' },
      retryLimit: 3,
      expireInSeconds: 1800,
      run: async (data) => {
        const d = serviceDeps(deps);
        if (data.seriesId !== undefined) {
          return { created: (await generateSeries(d, SERIES_ACTOR, data.seriesId)).length };
        }
        const result = await generateDue(d, SERIES_ACTOR, new Date(), data.timeZone);
        // A series that failed fails the run, to be retried (what was written stays written).
        if (result.failed.length > 0) throw new Error(`series not generated: ${result.failed.join(', ')}`);
        return result;
      },
    },
  ];
}
