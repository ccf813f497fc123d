// SQL for the in-app inbox: delivering messages (inside the caller's transaction), listing a
// member's, counting the unread, marking read, and dropping what is past its keeping.
import { and, count, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../open';
import type { InboxItemRow } from '../rows';
import { inboxItems } from '../schema/index';

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
