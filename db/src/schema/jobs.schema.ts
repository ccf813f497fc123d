// The day each daily job last finished for each of its keys (a time zone): a process starting
// runs a daily job's catch-up only when no run of it finished that local day yet. Without it every
// restart redid the whole day's work before serving (visit tiers and tasks of every site: 65 s
// and 370 MB on a county of 200,000 members). Bookkeeping, not data.
import { date, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const jobDayMarks = pgTable(
  'job_day_marks',
  {
    /** The job's queue name (`visits.generate`). */
    job: text('job').notNull(),
    /** The run's key: its time zone, '' for a job with one schedule. */
    key: text('key').notNull(),
    /** The local day (in the key's zone) of the last run that finished. */
    day: date('day', { mode: 'string' }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.job, t.key] })],
);
