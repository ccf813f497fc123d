// Hours that travel (通存通兑, issue 18): alliances between counties, whose sites may then trade
// hours as sites of one county do, and a member's move from one village's site to another's.
import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { members } from './members.schema';
import { regions } from './regions.schema';
import { sites } from './sites.schema';

/**
 * Two county offices agreeing that their sites trade hours. Proposed by one county, accepted by
 * the other, ended by either; never deleted, so the book says when hours could cross. The pair
 * is kept in a canonical order (lower id first); at most one alliance of a pair is not ended.
 */
export const countyAlliances = pgTable(
  'county_alliances',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    countyAId: bigint('county_a_id', { mode: 'number' })
      .notNull()
      .references(() => regions.id),
    countyBId: bigint('county_b_id', { mode: 'number' })
      .notNull()
      .references(() => regions.id),
    /** The county whose officer proposed it: the other one accepts. */
    proposerCountyId: bigint('proposer_county_id', { mode: 'number' })
      .notNull()
      .references(() => regions.id),
    proposedBy: bigint('proposed_by', { mode: 'number' }).references(() => members.id),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull().defaultNow(),
    acceptedBy: bigint('accepted_by', { mode: 'number' }).references(() => members.id),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    endedBy: bigint('ended_by', { mode: 'number' }).references(() => members.id),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    check('county_alliances_ordered', sql`${t.countyAId} < ${t.countyBId}`),
    check('county_alliances_proposer_side', sql`${t.proposerCountyId} IN (${t.countyAId}, ${t.countyBId})`),
    uniqueIndex('county_alliances_live_pair')
      .on(t.countyAId, t.countyBId)
      .where(sql`${t.endedAt} IS NULL`),
    index('county_alliances_b_idx').on(t.countyBId),
  ],
);

/**
 * A member moving from one site to another (搬迁): started by the coordinator of the site they
 * leave, accepted (with the roles they get) by the one they join, or cancelled by either before.
 * Their account and history stay theirs; only their site and roles change on acceptance.
 */
export const memberMoves = pgTable(
  'member_moves',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    fromSiteId: bigint('from_site_id', { mode: 'number' })
      .notNull()
      .references(() => sites.id),
    toSiteId: bigint('to_site_id', { mode: 'number' })
      .notNull()
      .references(() => sites.id),
    startedBy: bigint('started_by', { mode: 'number' }).references(() => members.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    acceptedBy: bigint('accepted_by', { mode: 'number' }).references(() => members.id),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    /** The roles granted at the new site, as accepted. */
    roles: text('roles').array(),
    cancelledBy: bigint('cancelled_by', { mode: 'number' }).references(() => members.id),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    check('member_moves_other_site', sql`${t.fromSiteId} <> ${t.toSiteId}`),
    check('member_moves_one_end', sql`${t.acceptedAt} IS NULL OR ${t.cancelledAt} IS NULL`),
    uniqueIndex('member_moves_open')
      .on(t.memberId)
      .where(sql`${t.acceptedAt} IS NULL AND ${t.cancelledAt} IS NULL`),
    index('member_moves_to_idx').on(t.toSiteId),
    index('member_moves_from_idx').on(t.fromSiteId),
  ],
);
