// Needs posted by a site's elder association, and the volunteers' claims on them.
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { claimStatusEnum, needStatusEnum, payerEnum, serviceCategoryEnum } from './enums.schema';
import { members } from './members.schema';
import { needSeries } from './series.schema';
import { sites } from './sites.schema';

export const needs = pgTable(
  'needs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    siteId: bigint('site_id', { mode: 'number' })
      .notNull()
      .references(() => sites.id),
    title: text('title').notNull(),
    description: text('description'),
    category: serviceCategoryEnum('category').notNull(),
    beneficiaryId: bigint('beneficiary_id', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    estimatedMinutes: integer('estimated_minutes').notNull(),
    slots: integer('slots').notNull().default(1),
    payer: payerEnum('payer').notNull().default('SITE'),
    /** RELATIVE: the linked relative who pays; null for any other payer. */
    payerMemberId: bigint('payer_member_id', { mode: 'number' }).references(() => members.id),
    /** When that relative consented to pay for this need; null until then (a standing permission also does). */
    payerConsentedAt: timestamp('payer_consented_at', { withTimezone: true }),
    status: needStatusEnum('status').notNull().default('OPEN'),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => members.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /**
     * The poster's idempotency key, namespaced by who posted (a phone that posted offline sends it
     * again): a retry with it returns this need. Null for a need posted without one.
     */
    idempotencyKey: text('idempotency_key').unique(),
    /** What identifies the request under its key: the same key with other arguments is CONFLICT. */
    requestHash: text('request_hash'),
    /** The series this need is an occurrence of; null for a need posted on its own. */
    seriesId: bigint('series_id', { mode: 'number' }).references(() => needSeries.id),
    /** The day of the series' rule it is the occurrence for (its time may have been moved since). */
    seriesDay: date('series_day', { mode: 'string' }),
  },
  (t) => [
    check('needs_relative_payer', sql`(${t.payer}::text = 'RELATIVE') = (${t.payerMemberId} IS NOT NULL)`),
    check('needs_series_with_day', sql`(${t.seriesId} IS NULL) = (${t.seriesDay} IS NULL)`),
    // One occurrence per series and day, however often or in how many processes the job runs.
    uniqueIndex('needs_series_day_idx').on(t.seriesId, t.seriesDay),
    check('needs_key_with_hash', sql`(${t.idempotencyKey} IS NULL) = (${t.requestHash} IS NULL)`),
    check('needs_title_not_blank', sql`length(btrim(${t.title})) > 0`),
    check('needs_minutes_range', sql`${t.estimatedMinutes} BETWEEN 1 AND 1440`),
    check('needs_slots_range', sql`${t.slots} BETWEEN 1 AND 50`),
    check('needs_cancel_reason', sql`(${t.status} = 'CANCELLED') = (${t.cancelledAt} IS NOT NULL)`),
    index('needs_site_status_starts_idx').on(t.siteId, t.status, t.startsAt),
    index('needs_beneficiary_idx').on(t.beneficiaryId),
    index('needs_site_created_idx').on(t.siteId, t.createdAt),
    // The monthly report counts needs completed per site and month.
    index('needs_site_completed_idx').on(t.siteId, t.completedAt),
    // The all-sites report finds each confirmed claim's site through its need: with the site in
    // the index that is an index-only probe, not a heap fetch (docs/perf.md).
    index('needs_id_site_idx').on(t.id, t.siteId),
  ],
);

export const claims = pgTable(
  'claims',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    needId: bigint('need_id', { mode: 'number' })
      .notNull()
      .references(() => needs.id),
    volunteerId: bigint('volunteer_id', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    status: claimStatusEnum('status').notNull().default('CLAIMED'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull().defaultNow(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    reportedMinutes: integer('reported_minutes'),
    reportNote: text('report_note'),
    /** Set when the claim is confirmed, rejected, withdrawn or marked a no-show. */
    settledAt: timestamp('settled_at', { withTimezone: true }),
    settledBy: bigint('settled_by', { mode: 'number' }).references(() => members.id),
    confirmedMinutes: integer('confirmed_minutes'),
    pointsAwarded: integer('points_awarded'),
    rejectReason: text('reject_reason'),
    /**
     * When a rejected claim was closed (the coordinator reopened or cancelled its need): its
     * volunteer may no longer report again, and it holds no slot. Null while a rejected claim may
     * still be reported again.
     */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The idempotency key the confirmation came with: a retry returns this claim unchanged. */
    confirmKey: text('confirm_key').unique(),
  },
  (t) => [
    check(
      'claims_reported_minutes_range',
      sql`${t.reportedMinutes} IS NULL OR ${t.reportedMinutes} BETWEEN 1 AND 1440`,
    ),
    check(
      'claims_confirmed_minutes_range',
      sql`${t.confirmedMinutes} IS NULL OR ${t.confirmedMinutes} BETWEEN 1 AND 1440`,
    ),
    check('claims_points_not_negative', sql`${t.pointsAwarded} IS NULL OR ${t.pointsAwarded} >= 0`),
    check(
      'claims_confirmed_shape',
      sql`(${t.status} = 'CONFIRMED') = (${t.confirmedMinutes} IS NOT NULL AND ${t.pointsAwarded} IS NOT NULL)`,
    ),
    check('claims_rejected_reason', sql`${t.status} <> 'REJECTED' OR ${t.rejectReason} IS NOT NULL`),
    check('claims_closed_only_rejected', sql`${t.closedAt} IS NULL OR ${t.status} = 'REJECTED'`),
    // A volunteer holds at most one live claim on a need; after withdrawing they may claim again.
    uniqueIndex('claims_one_live_per_volunteer')
      .on(t.needId, t.volunteerId)
      .where(sql`${t.status} <> 'WITHDRAWN'`),
    index('claims_need_idx').on(t.needId),
    index('claims_volunteer_status_idx').on(t.volunteerId, t.status),
    index('claims_settled_idx').on(t.status, t.settledAt),
  ],
);
