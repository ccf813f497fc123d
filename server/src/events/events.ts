// Live events for subscriptions. Each event names a site and a row id; a subscriber loads the
// row itself (with its own permissions). Every event is announced inside the transaction that
// made the change (announce, and the inbox's messages: inboxQueries.deliverInboxItems), a NOTIFY
// heard at commit and never for a rollback: on PostgreSQL by every server process on the
// database (LISTEN), on PGlite by this one. So a subscriber never hears of a change it cannot
// read yet, nor of one that did not happen, and a mutation spends no round trip after its commit.
import { EventEmitter, on } from 'node:events';
import { eventQueries, inboxQueries, type DbHandle, type Transaction } from '@huzhu/db';

export type Topic = 'needPosted' | 'claimUpdated' | 'inboxDelivered';
export interface HuzhuEvent {
  topic: Topic;
  /** The site it happened at; for inboxDelivered, the member whose inbox it is. */
  siteId: number;
  id: number;
}

const CHANNEL = eventQueries.EVENTS_CHANNEL;

export interface Events {
  /**
   * Sends the events when the transaction commits (nothing if it rolls back), in one statement.
   * It goes out with the transaction's writes: list it among them (pipelined) to cost no round
   * trip of its own.
   */
  announce(tx: Transaction, events: readonly HuzhuEvent[]): Promise<void>;
  /** Events of the topic at one site (for inboxDelivered: to one member) until the signal aborts. */
  subscribe(topic: Topic, scope: number, signal: AbortSignal): AsyncIterable<HuzhuEvent>;
  close(): Promise<void>;
}

/** claimUpdated for each of a site's claims: what a change to claims announces. */
export function claimsUpdated(siteId: number, claims: readonly { id: number }[]): HuzhuEvent[] {
  return claims.map((c) => ({ topic: 'claimUpdated', siteId, id: c.id }));
}

/** The NOTIFY payloads of the events. */
export const payloadsOf = (events: readonly HuzhuEvent[]): string[] => events.map((e) => JSON.stringify(e));

export async function createEvents(handle: DbHandle): Promise<Events> {
  const local = new EventEmitter();
  local.setMaxListeners(0);
  const deliver = (event: HuzhuEvent) => local.emit(`${event.topic}:${event.siteId}`, event);
  const heard = (payload: string) => {
    try {
      deliver(JSON.parse(payload) as HuzhuEvent);
    } catch {
      // A malformed notification from elsewhere on the database: ignore it.
    }
  };
  const delivered = (payload: string) => {
    const item = inboxQueries.parseInboxAnnouncement(payload);
    if (item) deliver({ topic: 'inboxDelivered', siteId: item.memberId, id: item.id });
  };

  let close: () => Promise<void>;
  if (handle.sql) {
    const sql = handle.sql;
    const listeners = await Promise.all([
      sql.listen(CHANNEL, heard),
      sql.listen(inboxQueries.INBOX_CHANNEL, delivered),
    ]);
    close = async () => {
      await Promise.all(listeners.map((l) => l.unlisten()));
    };
  } else {
    const pglite = handle.pglite!;
    const unlisten = await Promise.all([
      pglite.listen(CHANNEL, heard),
      pglite.listen(inboxQueries.INBOX_CHANNEL, delivered),
    ]);
    close = async () => {
      await Promise.all(unlisten.map((u) => u()));
    };
  }

  return {
    // A failure here is the transaction's: it rolls back, as for any of its statements.
    announce: (tx, events) => eventQueries.announceEvents(tx, payloadsOf(events)),
    async *subscribe(topic, scope, signal) {
      try {
        for await (const [event] of on(local, `${topic}:${scope}`, { signal })) yield event as HuzhuEvent;
      } catch (error) {
        if ((error as { name?: string }).name !== 'AbortError') throw error;
      }
    },
    close: () => close(),
  };
}
