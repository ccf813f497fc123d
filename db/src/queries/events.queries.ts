// SQL for live events announced by the database: NOTIFY inside the transaction that made the
// change is sent at its commit and dropped at its rollback, so a subscriber hears of a change
// only once it is there to be read, on PostgreSQL (every listening process) and PGlite alike.
import { sql } from 'drizzle-orm';
import type { Executor } from '../open';

/** The channel of the live events (needPosted, claimUpdated): a JSON { topic, siteId, id }. */
export const EVENTS_CHANNEL = 'huzhu_events';

/**
 * Announces the events (their JSON payloads) when the caller's transaction commits, in one
 * statement; none, no statement. Sent with the transaction's other writes (pipelined), it costs a
 * confirmation no round trip of its own, where a NOTIFY after the commit cost one while the member
 * waited for the answer.
 */
export async function announceEvents(ex: Executor, payloads: readonly string[]): Promise<void> {
  if (payloads.length === 0) return;
  if (payloads.length === 1) {
    await ex.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${payloads[0]})`);
    return;
  }
  await ex.execute(
    sql`select pg_notify(${EVENTS_CHANNEL}, p) from jsonb_array_elements_text(${JSON.stringify(payloads)}::jsonb) as p`,
  );
}
