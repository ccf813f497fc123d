// SQL for visits (巡访): recording one, and a site's visits in a window for the monthly coverage.
import { and, asc, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../open';
import { runPrepared } from './prepared';
import type { VisitRow } from '../rows';
import { sites, visits } from '../schema/index';

export type NewVisit = typeof visits.$inferInsert;

export async function insertVisit(ex: Executor, visit: NewVisit): Promise<VisitRow> {
  const [row] = await ex.insert(visits).values(visit).returning();
  if (!row) throw new Error('insert into visits returned no row');
  return row;
}

/**
 * Inserts the visit unless its idempotency key is taken; returns undefined when it is (the caller
 * then reads the holder with visitByKey). ON CONFLICT waits for a concurrent holder of the key to
 * commit or roll back, so two racing retries can never both write.
 */
export async function insertVisitOnce(
  ex: Executor,
  visit: NewVisit & { idempotencyKey: string; requestHash: string },
): Promise<VisitRow | undefined> {
  const [row] = await ex
    .insert(visits)
    .values(visit)
    .onConflictDoNothing({ target: visits.idempotencyKey })
    .returning();
  return row;
}

/** The visit recorded under this (namespaced) idempotency key, if any. */
export async function visitByKey(ex: Executor, idempotencyKey: string): Promise<VisitRow | undefined> {
  const [row] = await ex.select().from(visits).where(eq(visits.idempotencyKey, idempotencyKey));
  return row;
}

/**
 * Visits recorded at the site in a calendar month of the site's own time zone, newest first. A
 * visit counts for the site that recorded it (the elder's site at the time), so moving an elder
 * never rewrites a past month. The month's bounds are computed here from the site's zone (as the
 * kept monthly figures are, huzhu_month_of), so the caller need not read the site first: this and
 * the site can go out together.
 */
export async function visitsOfSiteMonth(ex: Executor, siteId: number, month: string): Promise<VisitRow[]> {
  const start = sql`(${sql.placeholder('month')}::date)::timestamp at time zone ${sites.timeZone}`;
  const end = sql`((${sql.placeholder('month')}::date + interval '1 month')::timestamp) at time zone ${sites.timeZone}`;
  const found = await runPrepared(
    ex,
    'visits_of_site_month',
    (q) =>
      q
        .select({ visit: visits })
        .from(visits)
        .innerJoin(sites, eq(sites.id, visits.siteId))
        .where(and(eq(visits.siteId, sql.placeholder('site')), gte(visits.visitedAt, start), lt(visits.visitedAt, end)))
        .orderBy(desc(visits.visitedAt), desc(visits.id)),
    { site: siteId, month },
  );
  return found.map((r) => r.visit);
}

/**
 * Each given elder's latest visit (found at home) before the instant (any site's: an elder who moved village
 * keeps the date of their last visit), one row per elder who was ever visited.
 */
export async function lastVisitsBefore(ex: Executor, elderIds: number[], before: Date): Promise<VisitRow[]> {
  if (elderIds.length === 0) return [];
  return ex
    .selectDistinctOn([visits.elderId])
    .from(visits)
    .where(and(inArray(visits.elderId, elderIds), lt(visits.visitedAt, before), eq(visits.elderFound, true)))
    .orderBy(visits.elderId, desc(visits.visitedAt), desc(visits.id));
}

/** The site's visits marked for follow-up that nobody has seen to yet, oldest first. */
export async function openFollowUps(ex: Executor, siteId: number, limit: number): Promise<VisitRow[]> {
  return ex
    .select()
    .from(visits)
    .where(and(eq(visits.siteId, siteId), eq(visits.followUpNeeded, true), isNull(visits.followUpClosedAt)))
    .orderBy(asc(visits.visitedAt), asc(visits.id))
    .limit(limit);
}

export async function visitById(ex: Executor, id: number, forUpdate = false): Promise<VisitRow | undefined> {
  const q = ex.select().from(visits).where(eq(visits.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

/** Closes an open follow-up; undefined when it was not open (closed already, or none needed). */
export async function closeFollowUp(
  ex: Executor,
  id: number,
  closedBy: number | null,
  outcome: string,
): Promise<VisitRow | undefined> {
  const [row] = await ex
    .update(visits)
    .set({ followUpClosedAt: sql`now()`, followUpClosedBy: closedBy, followUpOutcome: outcome })
    .where(and(eq(visits.id, id), eq(visits.followUpNeeded, true), isNull(visits.followUpClosedAt)))
    .returning();
  return row;
}

/** Closes an open follow-up with the need posted for it; undefined when it was not open. */
export async function closeFollowUpWithNeed(
  ex: Executor,
  id: number,
  closedBy: number | null,
  outcome: string,
  needId: number,
): Promise<VisitRow | undefined> {
  const [row] = await ex
    .update(visits)
    .set({ followUpClosedAt: sql`now()`, followUpClosedBy: closedBy, followUpOutcome: outcome, followUpNeedId: needId })
    .where(and(eq(visits.id, id), eq(visits.followUpNeeded, true), isNull(visits.followUpClosedAt)))
    .returning();
  return row;
}

/**
 * The site's follow-ups closed since the instant by posting a need or by a referral, newest
 * closed first: the list shows how each is going.
 */
export async function linkedFollowUps(ex: Executor, siteId: number, since: Date, limit: number): Promise<VisitRow[]> {
  return ex
    .select()
    .from(visits)
    .where(
      and(
        eq(visits.siteId, siteId),
        gte(visits.followUpClosedAt, since),
        sql`(${visits.followUpNeedId} IS NOT NULL OR EXISTS (SELECT 1 FROM referrals r WHERE r.visit_id = ${visits.id}))`,
      ),
    )
    .orderBy(desc(visits.followUpClosedAt), desc(visits.id))
    .limit(limit);
}
