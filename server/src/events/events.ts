// Live events for subscriptions. Each event names a site and a row id; a subscriber loads the
// row itself (with its own permissions). On PostgreSQL events travel by LISTEN/NOTIFY, so every
// server process on the database delivers them; on PGlite (one process) a published event stays
// in process. An event announced inside the transaction that made the change (announce, and the
// inbox's messages: inboxQueries.deliverInboxItems) is a NOTIFY in that transaction: heard at
// commit on either engine, never for a rollback.
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
  /** Sends the event now: for a change already committed. */
  publish(event: HuzhuEvent): Promise<void>;
  /**
   * Sends the event when the transaction commits (nothing if it rolls back). The statement goes
   * out with the transaction's writes: list it among them (pipelined) to cost no round trip.
   */
  announce(tx: Transaction, event: HuzhuEvent): Promise<void>;
  /** Events of the topic at one site (for inboxDelivered: to one member) until the signal aborts. */
  subscribe(topic: Topic, scope: number, signal: AbortSignal): AsyncIterable<HuzhuEvent>;
  close(): Promise<void>;
}

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

  let publish: (event: HuzhuEvent) => Promise<void>;
  let close = async () => {};
  if (handle.sql) {
    const sql = handle.sql;
    const listener = await sql.listen(CHANNEL, heard);
    const inbox = await sql.listen(inboxQueries.INBOX_CHANNEL, delivered);
    publish = async (event) => {
      await sql.notify(CHANNEL, JSON.stringify(event));
    };
    close = async () => {
      await Promise.all([listener.unlisten(), inbox.unlisten()]);
    };
  } else {
    const pglite = handle.pglite!;
    const unlisten = await Promise.all([
      pglite.listen(inboxQueries.INBOX_CHANNEL, delivered),
      pglite.listen(CHANNEL, heard),
    ]);
    publish = async (event) => {
      deliver(event);
    };
    close = async () => {
      await Promise.all(unlisten.map((u) => u()));
    };
  }

  return {
    publish: (event) => publish(event).catch((error: unknown) => console.error('event publish failed', error)),
    // A failure here is the transaction's: it rolls back, as for any of its statements.
    announce: (tx, event) => eventQueries.announceEvent(tx, JSON.stringify(event)),
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
