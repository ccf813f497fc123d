// Referrals (转介): a follow-up a site cannot see to itself, handed to the township it sits in.
// The township accepts it, then resolves it, or declines it with a reason; every step is kept in
// an append-only history beside the referral's current state.
import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { referralKindEnum, referralStatusEnum } from './enums.schema';
import { members } from './members.schema';
import { regions } from './regions.schema';
import { sites } from './sites.schema';
import { visits } from './visits.schema';

export const referrals = pgTable(
  'referrals',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** The visit whose follow-up this closed: one referral per follow-up. */
    visitId: bigint('visit_id', { mode: 'number' })
      .notNull()
      .unique()
      .references(() => visits.id),
    elderId: bigint('elder_id', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    siteId: bigint('site_id', { mode: 'number' })
      .notNull()
      .references(() => sites.id),
    /** The township it goes to: the site's nearest TOWNSHIP region when referred; null when the site has none. */
    regionId: bigint('region_id', { mode: 'number' }).references(() => regions.id),
    kind: referralKindEnum('kind').notNull(),
    /** What is asked of the township. */
    ask: text('ask').notNull(),
    status: referralStatusEnum('status').notNull().default('REFERRED'),
    referredAt: timestamp('referred_at', { withTimezone: true }).notNull().defaultNow(),
    referredBy: bigint('referred_by', { mode: 'number' }).references(() => members.id),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: bigint('accepted_by', { mode: 'number' }).references(() => members.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: bigint('resolved_by', { mode: 'number' }).references(() => members.id),
    declinedAt: timestamp('declined_at', { withTimezone: true }),
    declinedBy: bigint('declined_by', { mode: 'number' }).references(() => members.id),
    /** Why the township declined; set exactly when DECLINED. */
    declineReason: text('decline_reason'),
    /** The referrer's namespaced idempotency key: a retry with it returns this referral. */
    idempotencyKey: text('idempotency_key').unique(),
    requestHash: text('request_hash'),
  },
  (t) => [
    check('referrals_key_with_hash', sql`(${t.idempotencyKey} IS NULL) = (${t.requestHash} IS NULL)`),
    check('referrals_ask_not_blank', sql`length(btrim(${t.ask})) > 0`),
    check('referrals_declined_with_reason', sql`(${t.status} = 'DECLINED') = (${t.declineReason} IS NOT NULL)`),
    check('referrals_accepted_stamped', sql`${t.status} <> 'ACCEPTED' OR ${t.acceptedAt} IS NOT NULL`),
    check('referrals_resolved_stamped', sql`${t.status} <> 'RESOLVED' OR ${t.resolvedAt} IS NOT NULL`),
    check('referrals_declined_stamped', sql`${t.status} <> 'DECLINED' OR ${t.declinedAt} IS NOT NULL`),
    index('referrals_site_idx').on(t.siteId, t.id),
    index('referrals_region_idx').on(t.regionId, t.id),
  ],
);

/** Each status a referral took, in order (append-only: the database refuses edits and deletes). */
export const referralEvents = pgTable(
  'referral_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    referralId: bigint('referral_id', { mode: 'number' })
      .notNull()
      .references(() => referrals.id),
    status: referralStatusEnum('status').notNull(),
    /** The decline's reason, or a word on the step; null when none was given. */
    note: text('note'),
    /** Who took the step; null for the system. */
    actorId: bigint('actor_id', { mode: 'number' }).references(() => members.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('referral_events_referral_idx').on(t.referralId, t.id)],
);
