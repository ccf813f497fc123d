// SQL for the rate-limit counters every server process shares (table rate_limits). Each count is
// one atomic upsert, timed by the database's clock, so processes whose clocks differ still agree on
// when a window ends, and two processes counting the same key at once both land.
import { sql } from 'drizzle-orm';
import type { Executor } from '../open';
import { rowsOf } from './invariants.queries';

export interface Hit {
  key: string;
  /** How many to add (the caller may have counted several locally). */
  add: number;
  /** The window a key starts when it has none running. */
  windowSeconds: number;
}

export interface Tally {
  key: string;
  /** The key's count in its current window, the hit included. */
  count: number;
  /** Milliseconds until the window ends. */
  retryMs: number;
}

// A window that has ended starts again with this hit: one statement whatever the key's state.
const UPSERT_SET =
  sql.raw(`count = case when r.window_ends <= now() then excluded.count else r.count + excluded.count end,
    window_ends = case when r.window_ends <= now() then excluded.window_ends else r.window_ends end`);
const RETRY_MS = (t: string) =>
  sql.raw(`greatest(0, ceil(extract(epoch from ${t}.window_ends - now()) * 1000))::float8`);

/** Adds to several keys at once (each key at most once in `hits`), returning every key's new count. */
export async function hit(ex: Executor, hits: readonly Hit[]): Promise<Tally[]> {
  if (hits.length === 0) return [];
  const rows = rowsOf(
    await ex.execute(sql`
      insert into rate_limits as r (key, count, window_ends)
      select x.key, x.add, now() + make_interval(secs => x.secs)
        from jsonb_to_recordset(${JSON.stringify(hits.map((h) => ({ key: h.key, add: h.add, secs: h.windowSeconds })))}::jsonb)
          as x(key text, add int, secs int)
      on conflict (key) do update set ${UPSERT_SET}
      returning r.key, r.count, ${RETRY_MS('r')} as "retryMs"`),
  );
  return rows.map((row) => ({ key: String(row.key), count: Number(row.count), retryMs: Number(row.retryMs) }));
}

export interface LoginAttempt {
  /** Tries for the phone in its window, this one included; 0 when the address was locked and this try not counted. */
  phoneCount: number;
  phoneRetryMs: number;
  /** Failures from the address in its window. */
  addressCount: number;
  addressRetryMs: number;
}

/**
 * A log-in try: counts it against the phone (before the password is checked, so tries on several
 * processes at once cannot all pass a check made before any of them failed) unless the address is
 * already locked, and reads the address's failures. One statement.
 */
export async function loginAttempt(
  ex: Executor,
  phoneKey: string,
  addressKey: string | undefined,
  addressLockAt: number,
  windowSeconds: number,
): Promise<LoginAttempt> {
  const [row] = rowsOf(
    await ex.execute(sql`
      with addr as (
        select a.count, ${RETRY_MS('a')} as retry_ms from rate_limits a
         where a.key = ${addressKey ?? ''} and a.window_ends > now()
      ), phone as (
        insert into rate_limits as r (key, count, window_ends)
        select ${phoneKey}, 1, now() + make_interval(secs => ${windowSeconds}::int)
         where coalesce((select count from addr), 0) < ${addressLockAt}::int
        on conflict (key) do update set ${UPSERT_SET}
        returning r.count, ${RETRY_MS('r')} as retry_ms
      )
      select coalesce((select count from phone), 0) as "phoneCount",
             coalesce((select retry_ms from phone), 0) as "phoneRetryMs",
             coalesce((select count from addr), 0) as "addressCount",
             coalesce((select retry_ms from addr), 0) as "addressRetryMs"`),
  );
  return {
    phoneCount: Number(row?.phoneCount ?? 0),
    phoneRetryMs: Number(row?.phoneRetryMs ?? 0),
    addressCount: Number(row?.addressCount ?? 0),
    addressRetryMs: Number(row?.addressRetryMs ?? 0),
  };
}

export async function clear(ex: Executor, key: string): Promise<void> {
  await ex.execute(sql`delete from rate_limits where key = ${key}`);
}

/** Drops windows that ended: an expired row counts as nothing anyway, this only keeps the table small. */
export async function sweep(ex: Executor): Promise<void> {
  await ex.execute(sql`delete from rate_limits where window_ends < now() - interval '1 minute'`);
}
