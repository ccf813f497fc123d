// The in-app inbox (站内消息): one list per member of what happened that concerns them. Written in
// the same transaction as the change it tells of, so a rolled-back change leaves no message.
import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { inboxKindEnum } from './enums.schema';
import { members } from './members.schema';
import { sites } from './sites.schema';

export const inboxItems = pgTable(
  'inbox_items',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    /** The site the message is about; null for what concerns no one site. */
    siteId: bigint('site_id', { mode: 'number' }).references(() => sites.id),
    kind: inboxKindEnum('kind').notNull(),
    /** What it is about, as `<entity>:<id>` (need:12, claim:40): the client links to it. */
    subject: text('subject'),
    /**
     * The facts the message is worded from (a need's title, a reason, minutes), never words: the
     * client words them in the reader's language.
     */
    detail: jsonb('detail')
      .notNull()
      .default(sql`'{}'::jsonb`),
    /**
     * Who or what may send this message only once (claim:40:CONFIRMED, visit-task:9:DUE): a second
     * delivery with the same key for the same member is dropped. Null: no such rule.
     */
    dedupeKey: text('dedupe_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    check('inbox_items_read_after_created', sql`${t.readAt} IS NULL OR ${t.readAt} >= ${t.createdAt}`),
    index('inbox_items_member_idx').on(t.memberId, t.id),
    index('inbox_items_unread_idx')
      .on(t.memberId)
      .where(sql`${t.readAt} IS NULL`),
    index('inbox_items_created_idx').on(t.createdAt),
    // NULLs are distinct in a unique index: messages without a key never collide, a repeat of a
    // keyed one is dropped by ON CONFLICT DO NOTHING.
    uniqueIndex('inbox_items_dedupe_idx').on(t.memberId, t.dedupeKey),
  ],
);
