// SQL for the job queue's side of the database. The queue itself (pg-boss) keeps its tables in the
// `pgboss` schema and writes its own SQL; what lives here is what the rest of Huzhu asks of it: a
// transaction handed to the queue (so a job is written with the rows that cause it), the time zones
// scheduled work runs in, and the read that `pnpm jobs` and platform staff see.
import { and, eq, sql } from 'drizzle-orm';
import { jobDayMarks } from '../schema/index';
import type { Executor } from '../open';
import { rowsOf } from './invariants.queries';

/** The schema pg-boss keeps its tables in (its default). */
export const JOB_SCHEMA = 'pgboss';

/**
 * Hands a transaction to an adapter that runs the queue's SQL through it, with the SQL tag it
 * needs (pg-boss's `fromDrizzle(tx, sql)`): the tag stays inside db/, the adapter stays outside.
 */
export function throughTransaction<T>(ex: Executor, adapt: (ex: Executor, tag: typeof sql) => T): T {
  return adapt(ex, sql);
}

/** Every time zone some site keeps: a schedule "in the site's time zone" runs once in each. */
export async function siteTimeZones(ex: Executor): Promise<string[]> {
  const rows = rowsOf(await ex.execute(sql`select distinct time_zone from sites order by time_zone`));
  return rows.map((r) => String(r.time_zone));
}

export interface QueueSummary {
  queue: string;
  /** Jobs by state: created, retry, active, completed, cancelled, failed (those kept). */
  counts: Record<string, number>;
  retryLimit: number;
  /** Its schedules: cron and time zone. */
  schedules: { cron: string; timeZone: string }[];
}

/** Every queue with its jobs counted by state and its schedules (pg-boss's own queues left out). */
export async function queueSummaries(ex: Executor): Promise<QueueSummary[]> {
  const s = sql.raw(JOB_SCHEMA);
  const queues = rowsOf(
    await ex.execute(sql`select name, retry_limit from ${s}.queue where name not like '\_\_pgboss%' order by name`),
  );
  const counts = rowsOf(
    await ex.execute(sql`select name, state::text, count(*)::int as n from ${s}.job group by 1, 2`),
  );
  const schedules = rowsOf(await ex.execute(sql`select name, cron, timezone from ${s}.schedule order by name, key`));
  return queues.map((q) => ({
    queue: String(q.name),
    retryLimit: Number(q.retry_limit),
    counts: Object.fromEntries(counts.filter((c) => c.name === q.name).map((c) => [String(c.state), Number(c.n)])),
    schedules: schedules
      .filter((r) => r.name === q.name)
      .map((r) => ({ cron: String(r.cron), timeZone: String(r.timezone) })),
  }));
}

export interface JobFailure {
  queue: string;
  id: string;
  /** Tries made: the first run and its retries. */
  tries: number;
  failedAt: Date | null;
  /** The error the last try threw, as the queue stored it. */
  error: string;
  data: unknown;
}

/** Whether the queue has been installed on this database (a server with jobs on started once). */
export async function queueInstalled(ex: Executor): Promise<boolean> {
  const [row] = rowsOf(await ex.execute(sql`select to_regclass(${`${JOB_SCHEMA}.job`}) is not null as ok`));
  return Boolean(row?.ok);
}

/**
 * Jobs that failed after their last try, newest first. pg-boss keeps them for the queue's
 * deleteAfterSeconds; every Huzhu queue also copies them to the `failed-jobs` queue, which nothing
 * works and which keeps them for a year, so this reads both and shows each failure once.
 */
export async function jobFailures(ex: Executor, limit = 20): Promise<JobFailure[]> {
  const rows = rowsOf(
    await ex.execute(sql`
      select coalesce(source_name, name) as queue, coalesce(source_id, id)::text as id,
             coalesce(source_retry_count, retry_count) + 1 as tries,
             coalesce(completed_on, created_on) as "failedAt",
             coalesce(source_output, output) as output, data
        from ${sql.raw(JOB_SCHEMA)}.job
       where (state = 'failed' and name <> 'failed-jobs') or name = 'failed-jobs'
       order by coalesce(completed_on, created_on) desc
       limit ${limit * 2}`),
  );
  const seen = new Set<string>();
  const failures: JobFailure[] = [];
  for (const r of rows) {
    const id = String(r.id);
    if (seen.has(id)) continue;
    seen.add(id);
    const output = typeof r.output === 'string' ? (JSON.parse(r.output) as unknown) : r.output;
    failures.push({
      queue: String(r.queue),
      id,
      tries: Number(r.tries),
      failedAt: r.failedAt ? new Date(r.failedAt as string) : null,
      error: errorText(output),
      data: typeof r.data === 'string' ? (JSON.parse(r.data) as unknown) : r.data,
    });
  }
  return failures.slice(0, limit);
}

function errorText(output: unknown): string {
  if (output && typeof output === 'object' && 'message' in output) return String(output.message);
  return output == null ? '' : JSON.stringify(output);
}

/** The local day a daily job last finished for `key`, if it ever did (job_day_marks). */
export async function jobDayMark(ex: Executor, job: string, key: string): Promise<string | undefined> {
  const [row] = await ex
    .select({ day: jobDayMarks.day })
    .from(jobDayMarks)
    .where(and(eq(jobDayMarks.job, job), eq(jobDayMarks.key, key)));
  return row?.day;
}

/** Records that a daily job finished for `key` on `day` (its local date); a later day only moves it on. */
export async function markJobDay(ex: Executor, job: string, key: string, day: string): Promise<void> {
  await ex
    .insert(jobDayMarks)
    .values({ job, key, day })
    .onConflictDoUpdate({
      target: [jobDayMarks.job, jobDayMarks.key],
      set: { day: sql`greatest(${jobDayMarks.day}, excluded.day)`, finishedAt: sql`now()` },
    });
}
