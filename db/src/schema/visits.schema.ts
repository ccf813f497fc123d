// Visits (巡访) to elders: the record behind the binding 100% monthly visit rate.
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { visitModeEnum } from './enums.schema';
import { members } from './members.schema';
import { needs } from './needs.schema';
import { sites } from './sites.schema';

export const visits = pgTable(
  'visits',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    siteId: bigint('site_id', { mode: 'number' })
      .notNull()
      .references(() => sites.id),
    elderId: bigint('elder_id', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    /** Who went: the coordinator who records it, or a volunteer. */
    visitorId: bigint('visitor_id', { mode: 'number' }).references(() => members.id),
    visitedAt: timestamp('visited_at', { withTimezone: true }).notNull(),
    mode: visitModeEnum('mode').notNull().default('HOME'),
    /**
     * false: the visitor went and the elder was not there (recorded, so the attempt is known; it
     * does not count as visited and closes no task).
     */
    elderFound: boolean('elder_found').notNull().default(true),
    /**
     * What the visitor checked, each OK or CONCERN (health, mood, safety, hygiene, money and
     * benefits, family support); absent keys were not checked. Validated by the service.
     */
    checks: jsonb('checks'),
    /** How long the visit took, in minutes (1-480); null when not given. */
    minutes: integer('minutes'),
    /**
     * Whether recording it credited the visitor's time account (the site banked visits, the elder
     * was found, the visitor a volunteer): then transfers of kind VISIT_CREDIT name this visit.
     * Set once, when the visit is recorded; the site's setting changing later changes nothing.
     */
    banked: boolean('banked').notNull().default(false),
    /** Points credited with the minutes (0 when none, or not banked). */
    pointsAwarded: integer('points_awarded').notNull().default(0),
    note: text('note'),
    followUpNeeded: boolean('follow_up_needed').notNull().default(false),
    /** When the follow-up was seen to, by whom, and what was done; null while it is open. */
    followUpClosedAt: timestamp('follow_up_closed_at', { withTimezone: true }),
    followUpClosedBy: bigint('follow_up_closed_by', { mode: 'number' }).references(() => members.id),
    followUpOutcome: text('follow_up_outcome'),
    /** The need posted for the elder that closed the follow-up ("need posted"); null otherwise. */
    followUpNeedId: bigint('follow_up_need_id', { mode: 'number' }).references(() => needs.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The recorder's idempotency key, namespaced by who recorded it (a phone that recorded the
     * visit offline sends it again): a retry with it returns this visit. Null when sent without one.
     */
    idempotencyKey: text('idempotency_key').unique(),
    /** What identifies the request under its key: the same key with other arguments is CONFLICT. */
    requestHash: text('request_hash'),
  },
  (t) => [
    check('visits_key_with_hash', sql`(${t.idempotencyKey} IS NULL) = (${t.requestHash} IS NULL)`),
    check('visits_minutes_bounded', sql`${t.minutes} IS NULL OR (${t.minutes} >= 1 AND ${t.minutes} <= 480)`),
    check(
      'visits_banked_shape',
      sql`(${t.banked} AND ${t.elderFound} AND ${t.minutes} IS NOT NULL AND ${t.visitorId} IS NOT NULL)
       OR (NOT ${t.banked} AND ${t.pointsAwarded} = 0)`,
    ),
    check('visits_points_not_negative', sql`${t.pointsAwarded} >= 0`),
    check('visits_not_in_future', sql`${t.visitedAt} <= ${t.createdAt} + interval '1 day'`),
    check(
      'visits_follow_up_closed_only_if_needed',
      sql`${t.followUpClosedAt} IS NULL OR (${t.followUpNeeded} AND ${t.followUpOutcome} IS NOT NULL)`,
    ),
    check(
      'visits_follow_up_need_only_if_closed',
      sql`${t.followUpNeedId} IS NULL OR ${t.followUpClosedAt} IS NOT NULL`,
    ),
    // The site's open follow-ups, listed oldest first until someone sees to them.
    index('visits_open_follow_ups_idx')
      .on(t.siteId, t.visitedAt)
      .where(sql`${t.followUpNeeded} AND ${t.followUpClosedAt} IS NULL`),
    index('visits_site_visited_idx').on(t.siteId, t.visitedAt),
    index('visits_elder_visited_idx').on(t.elderId, t.visitedAt),
  ],
);
