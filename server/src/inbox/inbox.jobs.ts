// The inbox's scheduled work: every night the messages older than 180 days are dropped, so an
// inbox keeps half a year of what happened and the table stays small on a village's server.
import { inboxQueries } from '@huzhu/db';
import { DEFAULT_SITE_ZONE } from '../core/time';
import type { JobDefinition, JobDeps } from '../jobs/queue';

export const INBOX_PRUNE = 'inbox.prune';

/** How long a message is kept (issue 16: "kept 180 days"). */
export const INBOX_KEEP_DAYS = 180;

/** The instant before which messages are dropped, as of `now`. */
export function pruneBefore(now: Date): Date {
  return new Date(now.getTime() - INBOX_KEEP_DAYS * 24 * 3_600_000);
}

export function inboxJobs(deps: JobDeps): JobDefinition[] {
  return [
    {
      name: INBOX_PRUNE,
      // Once a night, at an hour nobody is reading; any zone will do for a 180-day cut.
      schedule: { cron: '15 3 * * *', timeZone: DEFAULT_SITE_ZONE },
      retryLimit: 2,
      retryDelaySeconds: 600,
      expireInSeconds: 1800,
      run: async () => {
        const before = pruneBefore(new Date());
        const deleted = await inboxQueries.deleteInboxBefore(deps.db, before);
        // Kept as the completed job's output.
        return { deleted, before: before.toISOString() };
      },
    },
  ];
}
