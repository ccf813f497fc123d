// SQL for the visit duty: the site's elders and their pairings and overrides, the visit tasks a
// job generates (once per elder and period), closing a task by a visit, and the escalation pass.
import { and, asc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../open';
import type { MemberRow, VisitPairRow, VisitTaskRow, VisitTierOverrideRow } from '../rows';
import { members, memberships, sites, visitPairs, visitTasks, visitTierOverrides, visits } from '../schema/index';

/**
 * The site's list of elders: active members holding ELDER there, or with any care category (one
 * who left or died is no one's visit duty).
 */
export async function eldersOfSite(ex: Executor, siteId: number): Promise<MemberRow[]> {
  return ex
    .select()
    .from(members)
    .where(
      and(
        eq(members.siteId, siteId),
        isNull(members.deactivatedAt),
        sql`(cardinality(${members.careCategories}) > 0 or exists (select 1 from ${memberships} ms
              where ms.member_id = ${members.id} and ms.site_id = ${siteId} and ms.role = 'ELDER'))`,
      ),
    )
    .orderBy(asc(members.name), asc(members.id));
}

/**
 * The site's visits that did not find the elder, on days `from` to `to` of the site's calendar,
 * oldest first, each with its local day.
 */
export async function notFoundAttempts(
  ex: Executor,
  siteId: number,
  from: string,
  to: string,
  timeZone: string,
): Promise<{ elderId: number; visitedAt: Date; day: string }[]> {
  const day = sql<string>`to_char((${visits.visitedAt} at time zone ${timeZone})::date, 'YYYY-MM-DD')`;
  return ex
    .select({ elderId: visits.elderId, visitedAt: visits.visitedAt, day })
    .from(visits)
    .where(
      and(
        eq(visits.siteId, siteId),
        eq(visits.elderFound, false),
        sql`(${visits.visitedAt} at time zone ${timeZone})::date between ${from}::date and ${to}::date`,
      ),
    )
    .orderBy(asc(visits.visitedAt), asc(visits.id));
}

export async function pairsOfSite(ex: Executor, siteId: number): Promise<VisitPairRow[]> {
  return ex.select().from(visitPairs).where(eq(visitPairs.siteId, siteId));
}

export async function pairOf(ex: Executor, elderId: number): Promise<VisitPairRow | undefined> {
  const [row] = await ex.select().from(visitPairs).where(eq(visitPairs.elderId, elderId));
  return row;
}

export async function upsertPair(ex: Executor, pair: typeof visitPairs.$inferInsert): Promise<VisitPairRow> {
  const [row] = await ex
    .insert(visitPairs)
    .values(pair)
    .onConflictDoUpdate({
      target: visitPairs.elderId,
      set: { siteId: pair.siteId, visitorId: pair.visitorId, backupId: pair.backupId ?? null, updatedAt: sql`now()` },
    })
    .returning();
  return row!;
}

export async function overridesOf(ex: Executor, elderIds: number[]): Promise<VisitTierOverrideRow[]> {
  if (elderIds.length === 0) return [];
  return ex.select().from(visitTierOverrides).where(inArray(visitTierOverrides.elderId, elderIds));
}

export async function upsertOverride(
  ex: Executor,
  o: typeof visitTierOverrides.$inferInsert,
): Promise<VisitTierOverrideRow> {
  const [row] = await ex
    .insert(visitTierOverrides)
    .values(o)
    .onConflictDoUpdate({
      target: visitTierOverrides.elderId,
      set: { tier: o.tier, reason: o.reason, until: o.until, setBy: o.setBy ?? null, setAt: sql`now()` },
    })
    .returning();
  return row!;
}

export async function deleteOverride(ex: Executor, elderId: number): Promise<boolean> {
  const rows = await ex
    .delete(visitTierOverrides)
    .where(eq(visitTierOverrides.elderId, elderId))
    .returning({ id: visitTierOverrides.elderId });
  return rows.length > 0;
}

export type NewVisitTask = typeof visitTasks.$inferInsert;

/**
 * Writes the tasks; a regular one for an elder and period that exists already, or one for a major
 * event that has its task, is left as it is.
 */
export async function insertTasks(ex: Executor, tasks: NewVisitTask[]): Promise<VisitTaskRow[]> {
  const regular = tasks.filter((t) => t.eventId == null);
  const raised = tasks.filter((t) => t.eventId != null);
  const out: VisitTaskRow[] = [];
  if (regular.length > 0) {
    out.push(
      ...(await ex
        .insert(visitTasks)
        .values(regular)
        .onConflictDoNothing({ target: [visitTasks.elderId, visitTasks.periodStart], where: sql`event_id is null` })
        .returning()),
    );
  }
  if (raised.length > 0) {
    out.push(
      ...(await ex.insert(visitTasks).values(raised).onConflictDoNothing({ target: visitTasks.eventId }).returning()),
    );
  }
  return out;
}

/** The site's day of a visit: the task's period is on the site's calendar. */
const visitDay = sql`(${visits.visitedAt} at time zone ${sites.timeZone})::date`;

/**
 * Closes the given open tasks whose elder was already visited (found at home) within the task's
 * period, with the earliest such visit; returns those closed.
 */
export async function closeTasksVisitedAlready(ex: Executor, taskIds: number[]): Promise<VisitTaskRow[]> {
  if (taskIds.length === 0) return [];
  const firstVisit = sql`(select ${visits.id} from ${visits} join ${sites} on ${sites.id} = ${visits.siteId}
      where ${visits.elderId} = ${visitTasks.elderId} and ${visits.elderFound}
        and ${visitDay} between ${visitTasks.periodStart} and ${visitTasks.dueBy}
      order by ${visits.visitedAt}, ${visits.id} limit 1)`;
  return ex
    .update(visitTasks)
    .set({ status: 'DONE', visitId: sql`${firstVisit}`, closedAt: sql`now()` })
    .where(and(inArray(visitTasks.id, taskIds), eq(visitTasks.status, 'OPEN'), sql`${firstVisit} is not null`))
    .returning();
}

/**
 * Closes the elder's task whose period holds the visit's day (site's calendar), if any: an open
 * one, or one marked missed because the visit was recorded after its period ended.
 */
export async function closeTaskByVisit(
  ex: Executor,
  visit: { id: number; elderId: number; siteId: number; visitedAt: Date },
): Promise<VisitTaskRow | undefined> {
  const day = sql`(${visit.visitedAt.toISOString()}::timestamptz at time zone (select ${sites.timeZone} from ${sites} where ${sites.id} = ${visit.siteId}))::date`;
  const [row] = await ex
    .update(visitTasks)
    .set({ status: 'DONE', visitId: visit.id, closedAt: sql`now()` })
    .where(
      and(
        eq(visitTasks.elderId, visit.elderId),
        inArray(visitTasks.status, ['OPEN', 'MISSED']),
        sql`${day} between ${visitTasks.periodStart} and ${visitTasks.dueBy}`,
      ),
    )
    .returning();
  return row;
}

export async function taskById(ex: Executor, id: number): Promise<VisitTaskRow | undefined> {
  const [row] = await ex.select().from(visitTasks).where(eq(visitTasks.id, id));
  return row;
}

export async function setTaskVisitor(ex: Executor, id: number, visitorId: number | null): Promise<VisitTaskRow> {
  const [row] = await ex.update(visitTasks).set({ visitorId }).where(eq(visitTasks.id, id)).returning();
  return row!;
}

/** The elder's open tasks follow a new pairing to its visitor. */
export async function moveOpenTasks(ex: Executor, elderId: number, visitorId: number): Promise<number> {
  const rows = await ex
    .update(visitTasks)
    .set({ visitorId })
    .where(and(eq(visitTasks.elderId, elderId), eq(visitTasks.status, 'OPEN')))
    .returning({ id: visitTasks.id });
  return rows.length;
}

/** A visitor's open tasks, the soonest due first. */
export async function openTasksOf(ex: Executor, visitorId: number): Promise<VisitTaskRow[]> {
  return ex
    .select()
    .from(visitTasks)
    .where(and(eq(visitTasks.visitorId, visitorId), eq(visitTasks.status, 'OPEN')))
    .orderBy(asc(visitTasks.dueBy), asc(visitTasks.id));
}

/** The site's tasks whose period touches [from, to] (days), by due day. */
export async function tasksOfSite(ex: Executor, siteId: number, from: string, to: string): Promise<VisitTaskRow[]> {
  return ex
    .select()
    .from(visitTasks)
    .where(and(eq(visitTasks.siteId, siteId), lte(visitTasks.periodStart, to), gte(visitTasks.dueBy, from)))
    .orderBy(asc(visitTasks.dueBy), asc(visitTasks.id));
}

/** Open tasks of sites in the zone, with the site's today, due within `withinDays` or past due. */
export async function openTasksNearDue(
  ex: Executor,
  timeZone: string,
  withinDays: number,
): Promise<(VisitTaskRow & { today: string })[]> {
  const today = sql<string>`to_char((now() at time zone ${sites.timeZone})::date, 'YYYY-MM-DD')`;
  const rows = await ex
    .select({ task: visitTasks, today })
    .from(visitTasks)
    .innerJoin(sites, eq(sites.id, visitTasks.siteId))
    .where(
      and(
        eq(sites.timeZone, timeZone),
        eq(visitTasks.status, 'OPEN'),
        sql`${visitTasks.dueBy} <= (now() at time zone ${sites.timeZone})::date + ${withinDays}::int`,
      ),
    )
    .orderBy(asc(visitTasks.id));
  return rows.map((r) => ({ ...r.task, today: r.today }));
}

export async function markMissed(ex: Executor, ids: number[]): Promise<VisitTaskRow[]> {
  if (ids.length === 0) return [];
  return ex
    .update(visitTasks)
    .set({ status: 'MISSED', closedAt: sql`now()` })
    .where(and(inArray(visitTasks.id, ids), eq(visitTasks.status, 'OPEN')))
    .returning();
}

/** Sites keeping the zone (a job's run covers one zone's sites). */
export async function sitesInZone(ex: Executor, timeZone: string) {
  return ex.select().from(sites).where(eq(sites.timeZone, timeZone)).orderBy(asc(sites.id));
}

/** Who holds one of the roles at the site (coordinators to tell of a due visit). */
export async function holdersOf(ex: Executor, siteId: number, role: 'COORDINATOR'): Promise<number[]> {
  const rows = await ex
    .select({ id: memberships.memberId })
    .from(memberships)
    .where(and(eq(memberships.siteId, siteId), eq(memberships.role, role)));
  return rows.map((r) => r.id);
}
