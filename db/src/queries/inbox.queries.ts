// SQL for the in-app inbox: delivering messages (inside the caller's transaction), listing a
// member's, counting the unread, marking read, and dropping what is past its keeping.
import { and, count, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../open';
import type { InboxItemRow } from '../rows';
import { inboxItems, memberships, type Role } from '../schema/index';
import { notifyEach } from './events.queries';
import { placeholderSet, runPrepared } from './prepared';

/**
 * The channel a delivered message is announced on, `<memberId>:<itemId>`. NOTIFY inside the
 * delivering transaction is sent at its commit and dropped at its rollback, on PostgreSQL (to
 * every listening process) and on PGlite alike: a subscriber hears only of messages that exist.
 */
export const INBOX_CHANNEL = 'huzhu_inbox';

export type NewInboxItem = typeof inboxItems.$inferInsert;

/**
 * Delivers the messages; one whose (member, dedupeKey) was delivered before is dropped. Returns
 * the rows written, so the caller announces only those.
 */
export async function insertInboxItems(ex: Executor, items: NewInboxItem[]): Promise<InboxItemRow[]> {
  if (items.length === 0) return [];
  return ex
    .insert(inboxItems)
    .values(items)
    .onConflictDoNothing({ target: [inboxItems.memberId, inboxItems.dedupeKey] })
    .returning();
}

/**
 * insertInboxItems and announceInboxItems in one statement (a data-modifying WITH): the rows
 * written, each announced on INBOX_CHANNEL at commit. Every confirmation delivers a message, and
 * each statement costs the transaction a round trip while it holds its locks.
 */
export async function deliverInboxItems(ex: Executor, items: NewInboxItem[]): Promise<InboxItemRow[]> {
  if (items.length === 0) return [];
  const build = (q: Executor, values: NewInboxItem[] | Record<string, unknown>) => {
    const ins = q.$with('ins').as(
      q
        .insert(inboxItems)
        .values(values as NewInboxItem[])
        .onConflictDoNothing({ target: [inboxItems.memberId, inboxItems.dedupeKey] })
        .returning(),
    );
    return q
      .with(ins)
      .select({
        ...ins._.selectedFields,
        notified: sql`pg_notify(${INBOX_CHANNEL}, ${ins.memberId}::text || ':' || ${ins.id}::text)`,
      })
      .from(ins);
  };
  // One message (each confirmation's) is a statement built once per shape of its fields.
  const one = (item: NewInboxItem) => {
    const { shape, set, values } = placeholderSet(item);
    return runPrepared(ex, `deliver_inbox_${shape}`, (q) => build(q, set), values);
  };
  const rows = items.length === 1 ? await one(items[0]!) : await build(ex, items);
  return rows.map(({ notified: _, ...item }) => item);
}

/** Announces the delivered messages on INBOX_CHANNEL, heard when the transaction commits. */
export async function announceInboxItems(ex: Executor, items: Pick<InboxItemRow, 'memberId' | 'id'>[]): Promise<void> {
  await notifyEach(
    ex,
    INBOX_CHANNEL,
    items.map((i) => `${i.memberId}:${i.id}`),
  );
}

/** An announcement's member and message, or null for a payload that is none of ours. */
export function parseInboxAnnouncement(payload: string): { memberId: number; id: number } | null {
  const match = /^([1-9][0-9]{0,14}):([1-9][0-9]{0,14})$/.exec(payload);
  return match ? { memberId: Number(match[1]), id: Number(match[2]) } : null;
}

/** One message by id, whoever's it is (the caller checks it is the reader's). */
export async function inboxItemById(ex: Executor, id: number): Promise<InboxItemRow | undefined> {
  const [row] = await ex.select().from(inboxItems).where(eq(inboxItems.id, id));
  return row;
}

/** Who holds the role at the site: the readers of a message to, say, every coordinator. */
export async function memberIdsWithRole(ex: Executor, siteId: number, role: Role): Promise<number[]> {
  const rows = await ex
    .select({ id: memberships.memberId })
    .from(memberships)
    .where(and(eq(memberships.siteId, siteId), eq(memberships.role, role)))
    .orderBy(memberships.memberId);
  return rows.map((r) => r.id);
}

/** A member's messages, newest first, after the cursor id (exclusive), `limit` of them. */
export async function inboxPage(
  ex: Executor,
  memberId: number,
  limit: number,
  beforeId?: number,
  unreadOnly = false,
): Promise<InboxItemRow[]> {
  return ex
    .select()
    .from(inboxItems)
    .where(
      and(
        eq(inboxItems.memberId, memberId),
        beforeId === undefined ? undefined : lt(inboxItems.id, beforeId),
        unreadOnly ? isNull(inboxItems.readAt) : undefined,
      ),
    )
    .orderBy(desc(inboxItems.id))
    .limit(limit);
}

/** How many messages the member has, or unread ones only. */
export async function inboxCount(ex: Executor, memberId: number, unreadOnly = false): Promise<number> {
  const [row] = await ex
    .select({ n: count() })
    .from(inboxItems)
    .where(and(eq(inboxItems.memberId, memberId), unreadOnly ? isNull(inboxItems.readAt) : undefined));
  return row?.n ?? 0;
}

export async function unreadCount(ex: Executor, memberId: number): Promise<number> {
  const [row] = await ex
    .select({ n: count() })
    .from(inboxItems)
    .where(and(eq(inboxItems.memberId, memberId), isNull(inboxItems.readAt)));
  return row?.n ?? 0;
}

/** Marks the member's own messages read (others' ids are ignored); returns those changed. */
export async function markRead(ex: Executor, memberId: number, ids: number[] | 'all'): Promise<InboxItemRow[]> {
  return ex
    .update(inboxItems)
    .set({ readAt: sql`now()` })
    .where(
      and(
        eq(inboxItems.memberId, memberId),
        isNull(inboxItems.readAt),
        ids === 'all' ? undefined : inArray(inboxItems.id, ids.length ? ids : [-1]),
      ),
    )
    .returning();
}

/** Drops messages created before the instant (kept 180 days); returns how many. */
export async function deleteInboxBefore(ex: Executor, before: Date): Promise<number> {
  const rows = await ex.delete(inboxItems).where(lt(inboxItems.createdAt, before)).returning({ id: inboxItems.id });
  return rows.length;
}
