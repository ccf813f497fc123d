// SQL for live events announced by the database: NOTIFY inside the transaction that made the
// change is sent at its commit and dropped at its rollback, so a subscriber hears of a change
// only once it is there to be read, on PostgreSQL (every listening process) and PGlite alike.
import { sql } from 'drizzle-orm';
import type { Executor } from '../open';

/** The channel of the live events (needPosted, claimUpdated): a JSON { topic, siteId, id }. */
export const EVENTS_CHANNEL = 'huzhu_events';

/**
 * NOTIFYs each payload on the channel when the caller's transaction commits, in one statement;
 * none, no statement. One payload (every confirmation's) is a plain call, several go as one JSON
 * array. Sent with the transaction's other writes (pipelined), it costs no round trip of its own.
 */
export async function notifyEach(ex: Executor, channel: string, payloads: readonly string[]): Promise<void> {
  if (payloads.length === 0) return;
  if (payloads.length === 1) {
    await ex.execute(sql`select pg_notify(${channel}, ${payloads[0]})`);
    return;
  }
  await ex.execute(
    sql`select pg_notify(${channel}, p) from jsonb_array_elements_text(${JSON.stringify(payloads)}::jsonb) as p`,
  );
}

/** Announces the events (their JSON payloads) on EVENTS_CHANNEL when the transaction commits. */
export function announceEvents(ex: Executor, payloads: readonly string[]): Promise<void> {
  return notifyEach(ex, EVENTS_CHANNEL, payloads);
}
