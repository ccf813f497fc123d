// Points that stay local (issue 18): objections (异议) to service under public notice (公示), and
// the seasons at whose end a site's points expire.
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { objectionStatusEnum } from './enums.schema';
import { members } from './members.schema';
import { claims } from './needs.schema';
import { sites } from './sites.schema';
import { visits } from './visits.schema';

/**
 * A member's objection to a credited service (a confirmed claim or a banked visit) during its
 * notice period. While OPEN the service's points stay pending; the coordinator UPHOLDs it (the
 * points stay) or REVERSEs it (reversal transfers of the service's minutes and points).
 */
export const objections = pgTable(
  'objections',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    siteId: bigint('site_id', { mode: 'number' })
      .notNull()
      .references(() => sites.id),
    /** The service objected to: a claim or a visit, exactly one. */
    claimId: bigint('claim_id', { mode: 'number' }).references(() => claims.id),
    visitId: bigint('visit_id', { mode: 'number' }).references(() => visits.id),
    /** Who was credited for it. */
    volunteerId: bigint('volunteer_id', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    raisedBy: bigint('raised_by', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    reason: text('reason').notNull(),
    status: objectionStatusEnum('status').notNull().default('OPEN'),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedBy: bigint('resolved_by', { mode: 'number' }).references(() => members.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    /** The coordinator's word on the decision. */
    resolutionNote: text('resolution_note'),
    /** The resolver's namespaced key: the same resolve sent again returns this objection. */
    resolveKey: text('resolve_key'),
  },
  (t) => [
    check('objections_one_service', sql`(${t.claimId} IS NULL) <> (${t.visitId} IS NULL)`),
    check('objections_reason_not_blank', sql`length(btrim(${t.reason})) > 0`),
    check(
      'objections_resolved_stamped',
      sql`(${t.status} = 'OPEN') = (${t.resolvedAt} IS NULL) AND (${t.status} = 'OPEN') = (${t.resolveKey} IS NULL)`,
    ),
    // One open objection per service at a time: a second is CONFLICT until the first is resolved.
    uniqueIndex('objections_open_claim_idx')
      .on(t.claimId)
      .where(sql`${t.status} = 'OPEN' AND ${t.claimId} IS NOT NULL`),
    uniqueIndex('objections_open_visit_idx')
      .on(t.visitId)
      .where(sql`${t.status} = 'OPEN' AND ${t.visitId} IS NOT NULL`),
    index('objections_site_idx').on(t.siteId, t.id),
  ],
);

/**
 * A site's points season, from the warning a month before its end to the expiry at the end: the
 * expiry runs only for a season warned of, and once (expiredAt).
 */
export const pointsSeasons = pgTable(
  'points_seasons',
  {
    siteId: bigint('site_id', { mode: 'number' })
      .notNull()
      .references(() => sites.id),
    /** The local day the season ends (points held at its start expire). */
    seasonEnd: date('season_end', { mode: 'string' }).notNull(),
    warnedAt: timestamp('warned_at', { withTimezone: true }).notNull().defaultNow(),
    expiredAt: timestamp('expired_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.seasonEnd] })],
);
