// A member's own inbox: the list newest first, the unread count, marking read. Nobody reads or
// marks another's messages, whatever their roles: each call is about the viewer alone.
import { inboxQueries, type InboxItemRow } from '@huzhu/db';
import { requireViewer, type Actor } from '../auth/authorize';
import type { ServiceDeps } from '../core/deps';
import { badInput } from '../core/errors';
import { afterId, connection, pageOf, type PageArgs } from '../core/pagination';

/** Ids one markInboxRead takes at most: a page of the inbox. */
export const MARK_LIMIT = 100;

export interface InboxArgs extends PageArgs {
  unreadOnly?: boolean | null;
}

/** What marking read did: the messages it marked, and how many are still unread. */
export interface InboxReadData {
  items: InboxItemRow[];
  unreadCount: number;
}

export async function listInbox(deps: ServiceDeps, actor: Actor | null, args: InboxArgs) {
  const viewer = requireViewer(actor);
  const page = pageOf(args);
  const unreadOnly = args.unreadOnly ?? false;
  const [rows, total] = await Promise.all([
    inboxQueries.inboxPage(deps.db, viewer.id, page.limit, afterId(page), unreadOnly),
    inboxQueries.inboxCount(deps.db, viewer.id, unreadOnly),
  ]);
  return connection(rows, page, (m) => m.id, total);
}

export async function inboxUnreadCount(deps: ServiceDeps, actor: Actor | null): Promise<number> {
  return inboxQueries.unreadCount(deps.db, requireViewer(actor).id);
}

/**
 * Marks the viewer's messages read: `ids` of theirs, or 'all'. Ids of messages that are someone
 * else's, gone or already read change nothing (a second tap, or two phones, are no error).
 * Reading one's mail changes nothing for anyone else, so it leaves no audit row.
 */
export async function markInboxRead(
  deps: ServiceDeps,
  actor: Actor | null,
  ids: readonly number[] | 'all',
): Promise<InboxReadData> {
  const viewer = requireViewer(actor);
  if (ids !== 'all' && ids.length > MARK_LIMIT) {
    badInput('ids', {
      en: `At most ${MARK_LIMIT} messages at a time`,
      zh: `一次最多标记 ${MARK_LIMIT} 条消息`,
    });
  }
  const items = await inboxQueries.markRead(deps.db, viewer.id, ids === 'all' ? 'all' : [...ids]);
  return { items, unreadCount: await inboxQueries.unreadCount(deps.db, viewer.id) };
}

/** One of the viewer's own messages (a subscription's event), or undefined. */
export async function ownInboxItem(
  deps: ServiceDeps,
  actor: Actor | null,
  id: number,
): Promise<InboxItemRow | undefined> {
  const viewer = requireViewer(actor);
  const row = await inboxQueries.inboxItemById(deps.db, id);
  return row?.memberId === viewer.id ? row : undefined;
}
