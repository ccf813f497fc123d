// Paper for members without phones: the passbook's print record, the member card's code, and the
// numbered service record certificates (志愿服务记录证明) with their per-site, per-year counters.
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { unitEnum } from './enums.schema';
import { members } from './members.schema';
import { sites } from './sites.schema';

/**
 * Each printing of a member's passbook (存折), one unit a book: the last transfer and the last line
 * it printed, so the next printing starts on the next line of the right page, like a real passbook.
 */
export const passbookPrints = pgTable(
  'passbook_prints',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    unit: unitEnum('unit').notNull(),
    /** The last transfer printed (lines are the account's transfers in id order). */
    lastTransferId: bigint('last_transfer_id', { mode: 'number' }).notNull(),
    /** Its line number in the whole book (1-based); page and line on the page follow from it. */
    lastLine: integer('last_line').notNull(),
    /** The page it was printed on (1-based), with the rows per page at the time. */
    lastPage: integer('last_page').notNull(),
    rowsPerPage: integer('rows_per_page').notNull(),
    printedBy: bigint('printed_by', { mode: 'number' }).references(() => members.id),
    printedAt: timestamp('printed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('passbook_prints_line_positive', sql`${t.lastLine} > 0 AND ${t.lastPage} > 0 AND ${t.rowsPerPage} > 0`),
    index('passbook_prints_member_idx').on(t.memberId, t.unit, t.id),
  ],
);

/** The next certificate number of a site in a year: one row per site and year, bumped atomically. */
export const certificateCounters = pgTable(
  'certificate_counters',
  {
    siteId: bigint('site_id', { mode: 'number' })
      .notNull()
      .references(() => sites.id),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.year] })],
);

/** A service record certificate issued: its number, whom for, what period, by whom. */
export const serviceCertificates = pgTable(
  'service_certificates',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    siteId: bigint('site_id', { mode: 'number' })
      .notNull()
      .references(() => sites.id),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    /** As printed: e.g. 站点编号-2026-000012. */
    number: text('number').notNull().unique(),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    /** The minutes of service the certificate states, as counted when issued. */
    minutes: bigint('minutes', { mode: 'number' }).notNull(),
    issuedBy: bigint('issued_by', { mode: 'number' }).references(() => members.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('service_certificates_site_year_seq').on(t.siteId, t.year, t.seq),
    check('service_certificates_period', sql`${t.periodFrom} <= ${t.periodTo}`),
    index('service_certificates_member_idx').on(t.memberId, t.id),
  ],
);
