// SQL for visits (巡访): recording one, and a site's visits in a window for the monthly coverage.
import { and, asc, desc, eq, gte, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../open';
import { runPrepared } from './prepared';
import type { VisitRow } from '../rows';
import { members, sites, visits } from '../schema/index';
import type { MemberRow, SiteRow } from '../rows';

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

/** A site's visit round for a month, as visitCoverage shows it (coverageOfSiteMonth). */
export interface SiteMonthCoverage {
  site: SiteRow;
  /** Every elder due visits (tier A or B, active), by name, with their latest visit found at home
   * before the month's end (any site's, any month), null when never visited. */
  due: { elder: MemberRow; lastVisit: VisitRow | null }[];
  /** The site's visits in the month, newest first, each with its elder (due or not). */
  visits: { visit: VisitRow; elder: MemberRow }[];
}

/**
 * The whole of a month's coverage in one statement (issue 19): the elders due with each one's last
 * visit, and the month's visits with their elders. Two branches of a UNION ALL name a member and a
 * visit by id (with their order), and the outer query joins their rows, so drizzle maps the site,
 * members and visits as it maps any row. The month's end in the site's zone is computed once (an
 * init plan). Undefined when there is no such site.
 */
export async function coverageOfSiteMonth(
  ex: Executor,
  siteId: number,
  month: string,
): Promise<SiteMonthCoverage | undefined> {
  const site = sql.placeholder('site');
  const start = sql`(${sql.placeholder('month')}::date)::timestamp at time zone s.time_zone`;
  const end = sql`((${sql.placeholder('month')}::date + interval '1 month')::timestamp) at time zone s.time_zone`;
  // Each member and visit crosses the wire once: the site in its own row (part 0), each due elder
  // with their last visit (part 1), each of the month's visits (part 2) with its elder only when
  // that elder is not among the due (else the reader takes them from part 1). Reading the rows
  // costs more than finding them (255 rows of a village: 1 ms in PostgreSQL, 8 ms to decode when
  // every row carried the site and an elder).
  const due = sql`m.site_id = ${site} and m.deactivated_at is null and m.visit_tier in ('A', 'B')`;
  const parts = sql`(
    (select 0 as part, null::bigint as member_id, null::bigint as visit_id, 0::bigint as ord)
    union all
    (select 1, m.id,
        (select lv.id from visits lv
          where lv.elder_id = m.id and lv.elder_found
            and lv.visited_at < (select ${end} from sites s where s.id = ${site})
          order by lv.visited_at desc, lv.id desc limit 1),
        row_number() over (order by m.name, m.id)
      from members m
      where ${due})
    union all
    (select 2, (select m.id from members m where m.id = v.elder_id and not coalesce(${due}, false)), v.id,
        row_number() over (order by v.visited_at desc, v.id desc)
      from visits v inner join sites s on s.id = v.site_id
      where v.site_id = ${site} and v.visited_at >= ${start} and v.visited_at < ${end})
  ) as parts`;
  const rows = await runPrepared(
    ex,
    'coverage_of_site_month',
    (q) =>
      q
        .select({ part: sql<number>`parts.part`.mapWith(Number), site: sites, member: members, visit: visits })
        .from(parts)
        .leftJoin(sites, sql`parts.part = 0 and ${sites.id} = ${sql.placeholder('site')}`)
        .leftJoin(members, sql`${members.id} = parts.member_id`)
        .leftJoin(visits, sql`${visits.id} = parts.visit_id`)
        .orderBy(sql`parts.part`, sql`parts.ord`),
    { site: siteId, month },
  );
  const first = rows[0]?.site;
  if (!first) return undefined;
  const out: SiteMonthCoverage = { site: first, due: [], visits: [] };
  const dueById = new Map<number, MemberRow>();
  for (const r of rows) {
    if (r.part === 1 && r.member) {
      out.due.push({ elder: r.member, lastVisit: r.visit });
      dueById.set(r.member.id, r.member);
    } else if (r.part === 2 && r.visit) {
      const elder = r.member ?? dueById.get(r.visit.elderId);
      if (elder) out.visits.push({ visit: r.visit, elder });
    }
  }
  return out;
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
