// The daily hours expiry (issue 18): where a region's hours policy sets an expiry, minutes held
// past it go back to the home site's pool, and members are warned a month before. Per time zone
// some site keeps, at 02:15 there. Idempotent per member per day, so a retry, a second process or
// a run at start-up moves nothing twice.
import type { JobDeps, JobDefinition } from '../jobs/queue';
import { expireHours } from './hours-expiry';

export const HOURS_EXPIRE = 'ledger.hours-expire';

export function hoursExpiryJobs(deps: JobDeps): JobDefinition<{ timeZone: string }>[] {
  return [
    {
      name: HOURS_EXPIRE,
      // Each zone's sites on their own day: a site far from the others is not expired on theirs.
      schedule: { cron: '15 2 * * *', timeZone: 'each-site' },
      retryLimit: 2,
      retryDelaySeconds: 600,
      expireInSeconds: 3600,
      // Kept as the completed job's output: the day, how many members and minutes expired, who was warned.
      run: ({ timeZone }) => expireHours(deps.db, timeZone),
    },
  ];
}
