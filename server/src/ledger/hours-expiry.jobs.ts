// The daily hours expiry (issue 18): where a region's hours policy sets an expiry, minutes held
// past it go back to the home site's pool, and members are warned a month before. Idempotent per
// member per day, so a retry, a second process or a run at start-up moves nothing twice.
import type { JobDeps, JobDefinition } from '../jobs/queue';
import { DEFAULT_SITE_ZONE } from '../core/time';
import { expireHours } from './hours-expiry';

export const HOURS_EXPIRE = 'ledger.hours-expire';

export function hoursExpiryJobs(deps: JobDeps): JobDefinition[] {
  return [
    {
      name: HOURS_EXPIRE,
      // The day an expiry run counts in is the one most sites keep (see hours-expiry.ts).
      schedule: { cron: '15 2 * * *', timeZone: DEFAULT_SITE_ZONE },
      retryLimit: 2,
      retryDelaySeconds: 600,
      expireInSeconds: 3600,
      // Kept as the completed job's output: the day, how many members and minutes expired, who was warned.
      run: () => expireHours(deps.db),
    },
  ];
}
