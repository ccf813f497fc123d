// Live events for subscriptions. Each event names a site and a row id; a subscriber loads the
// row itself (with its own permissions). On PostgreSQL events travel by LISTEN/NOTIFY, so every
// server process on the database delivers them; on PGlite (one process) they stay in process.
import { EventEmitter, on } from 'node:events';
import type { DbHandle } from '@huzhu/db';

export type Topic = 'needPosted' | 'claimUpdated';
export interface HuzhuEvent {
  topic: Topic;
  siteId: number;
  id: number;
}

const CHANNEL = 'huzhu_events';

export interface Events {
  publish(event: HuzhuEvent): Promise<void>;
  subscribe(topic: Topic, siteId: number, signal: AbortSignal): AsyncIterable<HuzhuEvent>;
  close(): Promise<void>;
}

export async function createEvents(handle: DbHandle): Promise<Events> {
  const local = new EventEmitter();
  local.setMaxListeners(0);
  const deliver = (event: HuzhuEvent) => local.emit(`${event.topic}:${event.siteId}`, event);

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
    publish = async (event) => {
      await sql.notify(CHANNEL, JSON.stringify(event));
    };
    close = () => listener.unlisten();
  } else {
    publish = async (event) => {
      deliver(event);
    };
  }

  return {
    publish: (event) => publish(event).catch((error: unknown) => console.error('event publish failed', error)),
    async *subscribe(topic, siteId, signal) {
      try {
        for await (const [event] of on(local, `${topic}:${siteId}`, { signal })) yield event as HuzhuEvent;
      } catch (error) {
        if ((error as { name?: string }).name !== 'AbortError') throw error;
      }
    },
    close: () => close(),
  };
}
