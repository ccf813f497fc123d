// Monthly figures kept as the month goes, so a site's report is a key read, not a scan of its
// month. Triggers (migration 0005) keep them exact in the transaction that writes the ledger, a
// claim, a need or a visit; `pnpm ledger:check` compares them with a recomputation from the rows.
// A month is the calendar month in the site's own time zone, as the report shows it.
import { bigint, date, integer, pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { members } from './members.schema';
import { sites } from './sites.schema';

export const siteMonths = pgTable(
  'site_months',
  {
    siteId: bigint('site_id', { mode: 'number' })
      .notNull()
      .references(() => sites.id),
    /** The first day of the month, in the site's time zone. */
    month: date('month', { mode: 'string' }).notNull(),
    serviceMinutes: bigint('service_minutes', { mode: 'number' }).notNull().default(0),
    needsPosted: integer('needs_posted').notNull().default(0),
    needsCompleted: integer('needs_completed').notNull().default(0),
    pointsIssued: bigint('points_issued', { mode: 'number' }).notNull().default(0),
    pointsRedeemed: bigint('points_redeemed', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.month] })],
);

/** Who served at the site in the month (confirmed claims each): the distinct active volunteers. */
export const siteMonthVolunteers = pgTable(
  'site_month_volunteers',
  {
    siteId: bigint('site_id', { mode: 'number' })
      .notNull()
      .references(() => sites.id),
    month: date('month', { mode: 'string' }).notNull(),
    volunteerId: bigint('volunteer_id', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    claims: integer('claims').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.month, t.volunteerId] })],
);

/** Which elders the site visited in the month (visits each): the report's visit rate. */
export const siteMonthElders = pgTable(
  'site_month_elders',
  {
    siteId: bigint('site_id', { mode: 'number' })
      .notNull()
      .references(() => sites.id),
    month: date('month', { mode: 'string' }).notNull(),
    elderId: bigint('elder_id', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    visits: integer('visits').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.month, t.elderId] })],
);
