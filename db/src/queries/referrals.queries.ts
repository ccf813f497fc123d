// SQL for referrals (转介): writing one with its first history step, moving it one step on, its
// history, and the pages of a site's or a region's referrals (newest first, keyset on the id).
import { and, asc, count, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../open';
import type { ReferralEventRow, ReferralRow } from '../rows';
import type { ReferralStatus } from '../schema/enums.schema';
import { referralEvents, referrals, regions, sites } from '../schema/index';

export type NewReferral = typeof referrals.$inferInsert;

/**
 * Writes the referral and its REFERRED step, unless its visit already has one or its key is
 * taken; undefined then (the caller tells a retry from a clash).
 */
export async function insertReferralOnce(ex: Executor, referral: NewReferral): Promise<ReferralRow | undefined> {
  const [row] = await ex.insert(referrals).values(referral).onConflictDoNothing().returning();
  if (!row) return undefined;
  await ex.insert(referralEvents).values({ referralId: row.id, status: 'REFERRED', actorId: row.referredBy });
  return row;
}

export async function referralById(ex: Executor, id: number, forUpdate = false): Promise<ReferralRow | undefined> {
  const q = ex.select().from(referrals).where(eq(referrals.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function referralByKey(ex: Executor, key: string): Promise<ReferralRow | undefined> {
  const [row] = await ex.select().from(referrals).where(eq(referrals.idempotencyKey, key));
  return row;
}

/** The referrals that closed these visits' follow-ups. */
export async function referralsOfVisits(ex: Executor, visitIds: readonly number[]): Promise<ReferralRow[]> {
  if (visitIds.length === 0) return [];
  return ex
    .select()
    .from(referrals)
    .where(inArray(referrals.visitId, [...visitIds]));
}

const STAMP = {
  ACCEPTED: (by: number | null) => ({ acceptedAt: sql`now()`, acceptedBy: by }),
  RESOLVED: (by: number | null) => ({ resolvedAt: sql`now()`, resolvedBy: by }),
  DECLINED: (by: number | null) => ({ declinedAt: sql`now()`, declinedBy: by }),
} as const;

/**
 * Moves the referral from `from` to `to` and appends the step; undefined when it was no longer
 * at `from` (someone moved it first).
 */
export async function moveReferral(
  ex: Executor,
  id: number,
  from: ReferralStatus,
  to: 'ACCEPTED' | 'RESOLVED' | 'DECLINED',
  by: number | null,
  note: string | null,
): Promise<ReferralRow | undefined> {
  const [row] = await ex
    .update(referrals)
    .set({ status: to, ...STAMP[to](by), ...(to === 'DECLINED' ? { declineReason: note } : {}) })
    .where(and(eq(referrals.id, id), eq(referrals.status, from)))
    .returning();
  if (!row) return undefined;
  await ex.insert(referralEvents).values({ referralId: id, status: to, note, actorId: by });
  return row;
}

/** The steps of these referrals, oldest first. */
export async function eventsOf(ex: Executor, referralIds: readonly number[]): Promise<ReferralEventRow[]> {
  if (referralIds.length === 0) return [];
  return ex
    .select()
    .from(referralEvents)
    .where(inArray(referralEvents.referralId, [...referralIds]))
    .orderBy(asc(referralEvents.id));
}

/** One page of the referrals matching `where` (joined to their site's region when asked), and how many match. */
async function page(
  ex: Executor,
  where: SQL | undefined,
  joinRegion: boolean,
  afterId: number | undefined,
  limit: number,
): Promise<{ rows: ReferralRow[]; total: number }> {
  const rowsQ = ex.select({ r: referrals }).from(referrals).$dynamic();
  const countQ = ex.select({ n: count() }).from(referrals).$dynamic();
  for (const q of [rowsQ, countQ] as const) {
    if (joinRegion)
      q.innerJoin(sites, eq(sites.id, referrals.siteId)).innerJoin(regions, eq(regions.id, sites.regionId));
  }
  const [found, [total]] = await Promise.all([
    rowsQ
      .where(and(where, afterId === undefined ? undefined : lt(referrals.id, afterId)))
      .orderBy(desc(referrals.id))
      .limit(limit),
    countQ.where(where),
  ]);
  return { rows: found.map((f) => f.r), total: total?.n ?? 0 };
}

const withStatus = (statuses: readonly ReferralStatus[] | null) =>
  statuses && statuses.length > 0 ? inArray(referrals.status, [...statuses]) : undefined;

/** A site's referrals, newest first. */
export function referralsOfSite(
  ex: Executor,
  siteId: number,
  statuses: readonly ReferralStatus[] | null,
  afterId: number | undefined,
  limit: number,
) {
  return page(ex, and(eq(referrals.siteId, siteId), withStatus(statuses)), false, afterId, limit);
}

/** The referrals of the sites at or under the region (every site's when `regionPath` is null), newest first. */
export function referralsUnder(
  ex: Executor,
  regionPath: string | null,
  statuses: readonly ReferralStatus[] | null,
  afterId: number | undefined,
  limit: number,
) {
  if (regionPath === null) return page(ex, withStatus(statuses), false, afterId, limit);
  return page(ex, and(sql`${regions.path} like ${`${regionPath}%`}`, withStatus(statuses)), true, afterId, limit);
}
