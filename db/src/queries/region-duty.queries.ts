// SQL for a region's visit duty as staff above the villages read it: the last months' figures in
// one statement over the kept monthly figures (site_months and its set of visited elders), and the
// region's overdue or missed visit tasks with the elder, the village and who is paired, by name.
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../open';
import type { VisitTaskStatus, VisitTier } from '../schema/enums.schema';
import { rowsOf } from './invariants.queries';

/** The sites counted: those at or under the region's kept id path, or every site (null). */
function inScope(path: string | null): SQL {
  return path === null ? sql`true` : sql`s.region_id in (select r.id from regions r where r.path like ${`${path}%`})`;
}

export interface MonthFigures {
  /** YYYY-MM. */
  month: string;
  dueCount: number;
  visitedCount: number;
  serviceMinutes: number;
  pointsIssued: number;
  pointsRedeemed: number;
}

/**
 * Each month from `from` through `through` (both 'YYYY-MM-01', oldest first) summed over the sites
 * at or under the region, in one statement: a month with no kept figures comes back with zeros.
 * Who is due a visit is read now, as the site report reads it, so each month equals the sum of its
 * sites' reports for that month.
 */
export async function regionMonths(
  ex: Executor,
  path: string | null,
  from: string,
  through: string,
): Promise<MonthFigures[]> {
  const rows = rowsOf(
    await ex.execute(sql`
      with scope as (select s.id from sites s where ${inScope(path)}),
      months as (
        select g::date as month from generate_series(${from}::date, ${through}::date, interval '1 month') g
      ),
      due as (
        select count(*) as n from members d
        where d.site_id in (select id from scope) and d.deactivated_at is null and d.visit_tier in ('A', 'B')
      ),
      kept as (
        select sm.month, sum(sm.service_minutes) as minutes, sum(sm.points_issued) as issued,
          sum(sm.points_redeemed) as redeemed
        from site_months sm
        where sm.site_id in (select id from scope) and sm.month between ${from}::date and ${through}::date
        group by sm.month
      ),
      -- A visit counts for the site that recorded it, to an elder of that site now due one.
      visited as (
        select e.month, count(*) as n
        from site_month_elders e join members d on d.id = e.elder_id
        where e.site_id in (select id from scope) and e.month between ${from}::date and ${through}::date
          and d.site_id = e.site_id and d.deactivated_at is null and d.visit_tier in ('A', 'B')
        group by e.month
      )
      select to_char(m.month, 'YYYY-MM') as month, (select n from due) as due_count,
        coalesce(v.n, 0) as visited_count, coalesce(k.minutes, 0) as service_minutes,
        coalesce(k.issued, 0) as points_issued, coalesce(k.redeemed, 0) as points_redeemed
      from months m
      left join kept k on k.month = m.month
      left join visited v on v.month = m.month
      order by m.month`),
  );
  // Sums and counts come back as bigint text: Number() reads them.
  return rows.map((r) => ({
    month: String(r.month),
    dueCount: Number(r.due_count),
    visitedCount: Number(r.visited_count),
    serviceMinutes: Number(r.service_minutes),
    pointsIssued: Number(r.points_issued),
    pointsRedeemed: Number(r.points_redeemed),
  }));
}

export interface OverdueFilter {
  /** The region's kept id path; null: every site. */
  path: string | null;
  /** The month's first and last day: tasks whose period ends within them. */
  from: string;
  to: string;
}

export interface OverdueTaskRow {
  taskId: number;
  tier: VisitTier;
  status: VisitTaskStatus;
  periodStart: string;
  dueBy: string;
  siteId: number;
  siteName: string;
  siteTimeZone: string;
  /** The divisions the site sits in, top down, by name (empty for a site given none). */
  regionNames: string[];
  elderId: number;
  elderName: string;
  /** The latest visit that found the elder at home; null: never. */
  lastVisitAt: Date | null;
  visitorName: string | null;
  backupName: string | null;
}

/** The tasks not done: missed, or open past their due day on the site's calendar. */
function overdueWhere(f: OverdueFilter): SQL {
  return sql`t.due_by between ${f.from}::date and ${f.to}::date and ${inScope(f.path)}
    and (t.status = 'MISSED' or (t.status = 'OPEN' and t.due_by < (now() at time zone s.time_zone)::date))`;
}

/** The order of the list: village (the site's own division), elder, period; the task id last. */
const sortKey = sql`coalesce(r.name, ''), coalesce(r.id, 0), e.name, e.id, t.period_start, t.id`;

/**
 * One page of the region's overdue tasks in the month, by village then elder's name, with the
 * village's path names, the elder's last visit and their pair. `afterTaskId`: the page starts after
 * that task's place in the order (a keyset read from the task itself, so names never enter a cursor).
 */
export async function overdueTasks(
  ex: Executor,
  f: OverdueFilter,
  limit: number,
  afterTaskId?: number,
): Promise<OverdueTaskRow[]> {
  const after =
    afterTaskId === undefined
      ? sql`true`
      : sql`(${sortKey}) > (select ${sortKey} from visit_tasks t join sites s on s.id = t.site_id
          join members e on e.id = t.elder_id left join regions r on r.id = s.region_id where t.id = ${afterTaskId})`;
  const rows = rowsOf(
    await ex.execute(sql`
      select page.*,
        (select coalesce(json_agg(a.name order by length(a.path)), '[]'::json) from regions a
          where a.id = any(string_to_array(trim(both '/' from page.region_path), '/')::bigint[])) as region_names,
        (select extract(epoch from max(v.visited_at)) * 1000 from visits v
          where v.elder_id = page.elder_id and v.elder_found) as last_visit_ms,
        pv.name as visitor_name, pb.name as backup_name
      from (
        select t.id as task_id, t.tier, t.status, to_char(t.period_start, 'YYYY-MM-DD') as period_start,
          to_char(t.due_by, 'YYYY-MM-DD') as due_by, s.id as site_id, s.name as site_name,
          s.time_zone as site_time_zone, coalesce(r.path, '') as region_path, e.id as elder_id,
          e.name as elder_name, coalesce(r.name, '') as village_name, coalesce(r.id, 0) as village_id,
          e.name as sort_name, t.period_start as sort_period
        from visit_tasks t
        join sites s on s.id = t.site_id
        join members e on e.id = t.elder_id
        left join regions r on r.id = s.region_id
        where ${overdueWhere(f)} and ${after}
        order by ${sortKey}
        limit ${limit}
      ) page
      left join visit_pairs p on p.elder_id = page.elder_id
      left join members pv on pv.id = p.visitor_id
      left join members pb on pb.id = p.backup_id
      order by page.village_name, page.village_id, page.sort_name, page.elder_id, page.sort_period, page.task_id`),
  );
  return rows.map((r) => ({
    taskId: Number(r.task_id),
    tier: r.tier as VisitTier,
    status: r.status as VisitTaskStatus,
    periodStart: String(r.period_start),
    dueBy: String(r.due_by),
    siteId: Number(r.site_id),
    siteName: String(r.site_name),
    siteTimeZone: String(r.site_time_zone),
    regionNames: (typeof r.region_names === 'string' ? JSON.parse(r.region_names) : r.region_names) as string[],
    elderId: Number(r.elder_id),
    elderName: String(r.elder_name),
    lastVisitAt: r.last_visit_ms == null ? null : new Date(Math.round(Number(r.last_visit_ms))),
    visitorName: (r.visitor_name as string | null) ?? null,
    backupName: (r.backup_name as string | null) ?? null,
  }));
}

export async function countOverdueTasks(ex: Executor, f: OverdueFilter): Promise<number> {
  const rows = rowsOf(
    await ex.execute(sql`select count(*) as n from visit_tasks t join sites s on s.id = t.site_id
      where ${overdueWhere(f)}`),
  );
  return Number(rows[0]?.n ?? 0);
}
