// Joining a site and offering help: a villager's request to join (kept apart from members until a
// coordinator approves it, so nothing of the site opens to them before), and a volunteer's offer of
// what they can do and when, which the coordinator sees when posting a need.
import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { serviceCategoryEnum } from './enums.schema';
import { members } from './members.schema';
import { sites } from './sites.schema';

export const JOIN_REQUEST_STATUSES = ['PENDING', 'APPROVED', 'DECLINED'] as const;
export type JoinRequestStatus = (typeof JOIN_REQUEST_STATUSES)[number];

export const joinRequests = pgTable(
  'join_requests',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    siteId: bigint('site_id', { mode: 'number' })
      .notNull()
      .references(() => sites.id),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    /** scrypt hash of the password the villager chose; used only if approval creates the member. */
    passwordHash: text('password_hash'),
    /** What they can help with; becomes their offer at the site on approval. */
    categories: serviceCategoryEnum('categories')
      .array()
      .notNull()
      .default(sql`'{}'`),
    status: text('status', { enum: JOIN_REQUEST_STATUSES }).notNull().default('PENDING'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: bigint('decided_by', { mode: 'number' }).references(() => members.id),
    declineReason: text('decline_reason'),
    /** The member approval created, or gave the role to. */
    memberId: bigint('member_id', { mode: 'number' }).references(() => members.id),
  },
  (t) => [
    check('join_requests_status', sql`${t.status} in ('PENDING', 'APPROVED', 'DECLINED')`),
    check('join_requests_phone_digits', sql`${t.phone} ~ '^1[3-9][0-9]{9}$'`),
    check('join_requests_name_not_blank', sql`length(btrim(${t.name})) > 0`),
    check(
      'join_requests_decided',
      sql`(${t.status} = 'PENDING') = (${t.decidedAt} IS NULL) AND (${t.status} <> 'APPROVED' OR ${t.memberId} IS NOT NULL)`,
    ),
    // One waiting request per phone and site: asking again while waiting changes nothing.
    uniqueIndex('join_requests_pending_once')
      .on(t.siteId, t.phone)
      .where(sql`${t.status} = 'PENDING'`),
    index('join_requests_site_idx').on(t.siteId, t.status, t.id),
  ],
);

/**
 * What a volunteer offers at a site: categories of service, on which weekdays (ISO 1 = Monday ..
 * 7 = Sunday; none listed: any day) and at which times of day (none listed: any time).
 */
export const volunteerOffers = pgTable(
  'volunteer_offers',
  {
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    siteId: bigint('site_id', { mode: 'number' })
      .notNull()
      .references(() => sites.id),
    categories: serviceCategoryEnum('categories')
      .array()
      .notNull()
      .default(sql`'{}'`),
    weekdays: smallint('weekdays')
      .array()
      .notNull()
      .default(sql`'{}'`),
    /** MORNING (before 12:00), AFTERNOON (12:00-18:00), EVENING (from 18:00), in the site's time zone. */
    times: text('times')
      .array()
      .notNull()
      .default(sql`'{}'`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.memberId, t.siteId] }),
    check('volunteer_offers_weekdays', sql`${t.weekdays} <@ '{1,2,3,4,5,6,7}'::smallint[]`),
    check('volunteer_offers_times', sql`${t.times} <@ '{MORNING,AFTERNOON,EVENING}'::text[]`),
    index('volunteer_offers_site_idx').on(t.siteId),
  ],
);
