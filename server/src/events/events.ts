// Live events for subscriptions. Each event names a site and a row id; a subscriber loads the
// row itself (with its own permissions). On PostgreSQL events travel by LISTEN/NOTIFY, so every
// server process on the database delivers them; on PGlite (one process) they stay in process.
// Inbox messages are announced by the database itself (inboxQueries.announceInboxItems, NOTIFY in
// the delivering transaction): heard at commit on either engine, never for a rollback.
import { EventEmitter, on } from 'node:events';
import { inboxQueries, type DbHandle } from '@huzhu/db';

export type Topic = 'needPosted' | 'claimUpdated' | 'inboxDelivered';
export interface HuzhuEvent {
  topic: Topic;
  /** The site it happened at; for inboxDelivered, the member whose inbox it is. */
  siteId: number;
  id: number;
}

const CHANNEL = 'huzhu_events';

export interface Events {
  publish(event: HuzhuEvent): Promise<void>;
  /** Events of the topic at one site (for inboxDelivered: to one member) until the signal aborts. */
  subscribe(topic: Topic, scope: number, signal: AbortSignal): AsyncIterable<HuzhuEvent>;
  close(): Promise<void>;
}

export async function createEvents(handle: DbHandle): Promise<Events> {
  const local = new EventEmitter();
  local.setMaxListeners(0);
  const deliver = (event: HuzhuEvent) => local.emit(`${event.topic}:${event.siteId}`, event);
  const delivered = (payload: string) => {
    const item = inboxQueries.parseInboxAnnouncement(payload);
    if (item) deliver({ topic: 'inboxDelivered', siteId: item.memberId, id: item.id });
  };

  let publish: (event: HuzhuEvent) => Promise<void>;
  let close = async () => {};
  if (handle.sql) {
    const sql = handle.sql;
    const listener = await sql.listen(CHANNEL, (payload) => {
      try {
        deliver(JSON.parse(payload) as HuzhuEvent);
      } catch {
        // A malformed notification from elsewhere on the database: ignore it.
      }
    });
    const inbox = await sql.listen(inboxQueries.INBOX_CHANNEL, delivered);
    publish = async (event) => {
      await sql.notify(CHANNEL, JSON.stringify(event));
    };
    close = async () => {
      await Promise.all([listener.unlisten(), inbox.unlisten()]);
    };
  } else {
    const unlisten = handle.pglite ? await handle.pglite.listen(inboxQueries.INBOX_CHANNEL, delivered) : null;
    publish = async (event) => {
      deliver(event);
    };
    close = async () => {
      await unlisten?.();
    };
  }

  return {
    publish: (event) => publish(event).catch((error: unknown) => console.error('event publish failed', error)),
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
