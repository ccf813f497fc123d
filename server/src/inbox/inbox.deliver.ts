// The one way a service puts a message in members' inboxes: inside the transaction of the change
// the message tells of, so the two commit together or not at all. Words are the client's: a
// message carries its kind and the facts (detail), never a sentence.
import { inboxQueries, type InboxItemRow, type InboxKind, type Transaction } from '@huzhu/db';

export interface InboxMessage {
  /** Who reads it. */
  memberId: number;
  siteId: number | null;
  kind: InboxKind;
  /** What it is about, `<entity>:<id>` (need:12, claim:40), for the client's link. */
  subject?: string | null;
  /** The facts the client words it from: titles, reasons, minutes, instants as ISO strings. */
  detail?: Record<string, unknown>;
  /**
   * A key that makes the message once-only per member (claim:40:CONFIRMED): delivering it again
   * does nothing. Omit for messages that may repeat.
   */
  dedupeKey?: string | null;
}

/**
 * Delivers the messages in the caller's transaction; returns those written (repeats dropped).
 * Each written one is announced to its reader's live subscription when, and only if, the
 * transaction commits (NOTIFY, see inboxQueries.deliverInboxItems): one statement.
 */
export async function deliver(tx: Transaction, messages: InboxMessage[]): Promise<InboxItemRow[]> {
  return inboxQueries.deliverInboxItems(
    tx,
    messages.map((m) => ({
      memberId: m.memberId,
      siteId: m.siteId,
      kind: m.kind,
      subject: m.subject ?? null,
      detail: m.detail ?? {},
      dedupeKey: m.dedupeKey ?? null,
    })),
  );
}
