// Rate-limit counters shared by every server process on the database: failed log-ins per phone
// and per address, requests per member or address. Fixed windows: a key counts until window_ends,
// then starts again from zero. Bookkeeping, not data: rows expire and are swept.
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const rateLimits = pgTable(
  'rate_limits',
  {
    /** What is counted and for whom: `login:phone:<phone>`, `login:addr:<ip>`, `req:m:<id>`, `req:a:<ip>`. */
    key: text('key').primaryKey(),
    count: integer('count').notNull(),
    windowEnds: timestamp('window_ends', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('rate_limits_count_not_negative', sql`${t.count} >= 0`),
    index('rate_limits_window_idx').on(t.windowEnds),
  ],
);
