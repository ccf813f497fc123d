// Recurring needs (a meal round every weekday, a bath every Saturday): the rule a coordinator
// posts once. Each occurrence is an ordinary need (needs.series_id, needs.series_day), generated
// ahead by the needs.series job.
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { payerEnum, serviceCategoryEnum } from './enums.schema';
import { members } from './members.schema';
import { sites } from './sites.schema';

export const needSeries = pgTable(
  'need_series',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    siteId: bigint('site_id', { mode: 'number' })
      .notNull()
      .references(() => sites.id),
    beneficiaryId: bigint('beneficiary_id', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    title: text('title').notNull(),
    description: text('description'),
    category: serviceCategoryEnum('category').notNull(),
    estimatedMinutes: integer('estimated_minutes').notNull(),
    slots: integer('slots').notNull().default(1),
    payer: payerEnum('payer').notNull().default('SITE'),
    /** ISO weekdays the need recurs on (1 Monday ... 7 Sunday); empty when only monthDays apply. */
    weekdays: integer('weekdays')
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    /** Days of the month (1-31) it recurs on; a day a month lacks (31 in April) is skipped. */
    monthDays: integer('month_days')
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    /** The local time of day each occurrence starts, HH:MM on the site's clock. */
    timeOfDay: text('time_of_day').notNull(),
    /** The first day an occurrence may fall on (the site's calendar). */
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    /**
     * The last day one may fall on; null while it runs on (or until its count). Ending a series
     * ("this and the following") sets it to the day before, which may be before startsOn.
     */
    endsOn: date('ends_on', { mode: 'string' }),
    /** How many occurrences in all, counted from startsOn; null: no count. */
    occurrenceCount: integer('occurrence_count'),
    /** The series this one continues, when "this and the following" split it. */
    splitFrom: bigint('split_from', { mode: 'number' }),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => members.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('need_series_title_not_blank', sql`length(btrim(${t.title})) > 0`),
    check('need_series_minutes_range', sql`${t.estimatedMinutes} BETWEEN 1 AND 1440`),
    check('need_series_slots_range', sql`${t.slots} BETWEEN 1 AND 50`),
    check('need_series_time_of_day', sql`${t.timeOfDay} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    check('need_series_has_days', sql`cardinality(${t.weekdays}) > 0 OR cardinality(${t.monthDays}) > 0`),
    check('need_series_count_range', sql`${t.occurrenceCount} IS NULL OR ${t.occurrenceCount} BETWEEN 1 AND 1000`),
    index('need_series_site_idx').on(t.siteId),
  ],
);
