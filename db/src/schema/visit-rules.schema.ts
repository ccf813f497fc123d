// What makes a visit tier in a county, and what changes it for a time: the tier rules a region
// keeps (the nearest region up a site's path with rules wins, the defaults otherwise), a region's
// raised visit frequencies for a period (extreme weather, festivals), and the major events
// reported for an elder (a fall, a hospital discharge, a bereavement: tier A for 24 hours).
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { majorEventKindEnum, visitFrequencyEnum } from './enums.schema';
import { members } from './members.schema';
import { regions } from './regions.schema';
import { sites } from './sites.schema';

/**
 * A region's tier rules, the whole set (shape and checks in server/src/visits/tier-rules.ts, which
 * validates before writing); a region without a row takes the nearest above it, then the defaults.
 */
export const visitTierRules = pgTable('visit_tier_rules', {
  regionId: bigint('region_id', { mode: 'number' })
    .primaryKey()
    .references(() => regions.id),
  rules: jsonb('rules').notNull(),
  setBy: bigint('set_by', { mode: 'number' }).references(() => members.id),
  setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Visits raised for a period in a region and every region under it: B and C elders visited as
 * often as the row says from its first to its last day (site's calendar). A row never lowers a
 * tier's frequency (the checks).
 */
export const visitFrequencyRaises = pgTable(
  'visit_frequency_raises',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    regionId: bigint('region_id', { mode: 'number' })
      .notNull()
      .references(() => regions.id),
    fromDay: date('from_day', { mode: 'string' }).notNull(),
    untilDay: date('until_day', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    /** How often tier B is visited during it: WEEKLY or MONTHLY (as usual). */
    tierB: visitFrequencyEnum('tier_b').notNull(),
    /** How often tier C is visited during it. */
    tierC: visitFrequencyEnum('tier_c').notNull(),
    setBy: bigint('set_by', { mode: 'number' }).references(() => members.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('visit_frequency_raises_days', sql`${t.untilDay} >= ${t.fromDay}`),
    check('visit_frequency_raises_reason', sql`length(btrim(${t.reason})) > 0`),
    check('visit_frequency_raises_b', sql`${t.tierB} <> 'QUARTERLY'`),
    index('visit_frequency_raises_region_idx').on(t.regionId, t.untilDay),
  ],
);

/**
 * A major event reported for an elder (append-only): the elder is tier A from the report for 24
 * hours, with a visit task due within that window generated at once.
 */
export const visitMajorEvents = pgTable(
  'visit_major_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    elderId: bigint('elder_id', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    siteId: bigint('site_id', { mode: 'number' })
      .notNull()
      .references(() => sites.id),
    kind: majorEventKindEnum('kind').notNull(),
    /** The day it happened (site's calendar), as the reporter told it. */
    happenedOn: date('happened_on', { mode: 'string' }).notNull(),
    note: text('note'),
    reportedBy: bigint('reported_by', { mode: 'number' }).references(() => members.id),
    /** The 24 hours of tier A run from here. */
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('visit_major_events_elder_idx').on(t.elderId, t.reportedAt)],
);
