// SQL for monthly site reports and the CSV exports. Every figure of every site comes from one
// statement, so the all-sites report costs the same few statements as one site's.
import { and, asc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../open';
import type { SiteRow } from '../rows';
import { accounts, claims, members, needs, sites, transfers } from '../schema/index';
import { rowsOf } from './invariants.queries';

/** A calendar month in one time zone, as UTC instants [from, to): every site in the zone shares it. */
export interface ZoneWindow {
  timeZone: string;
  from: Date;
  to: Date;
}

export interface SiteFigures {
  siteId: number;
  serviceMinutes: number;
  activeVolunteers: number;
  needsPosted: number;
  needsCompleted: number;
  pointsIssued: number;
  pointsRedeemed: number;
  /** Members with any care category (due a visit), and those of them visited in the month. */
  dueCount: number;
  visitedCount: number;
}

/**
 * The month's figures of every site whose time zone has a window (or of `siteId` alone), in one
 * statement. Sites are matched to their month through the window of their zone, so a site in
 * Urumqi and one in Shanghai each get their own calendar month.
 *
 * Points are booked in the month the transfer happened: a reversal or refund in December lowers
 * December's figure and leaves November's report as it was printed.
 */
export async function siteFigures(
  ex: Executor,
  windows: readonly ZoneWindow[],
  siteId?: number,
): Promise<SiteFigures[]> {
  if (windows.length === 0) return [];
  const zones = sql.join(
    windows.map(
      (w) => sql`(${w.timeZone}::text, ${w.from.toISOString()}::timestamptz, ${w.to.toISOString()}::timestamptz)`,
    ),
    sql`, `,
  );
  const earliest = new Date(Math.min(...windows.map((w) => w.from.getTime()))).toISOString();
  const latest = new Date(Math.max(...windows.map((w) => w.to.getTime()))).toISOString();
  const onlySite: SQL = siteId === undefined ? sql`true` : sql`sites.id = ${siteId}`;
  // Each per-site figure below is a range scan of a (site_id, time) index, so 500 sites read
  // only their month's rows. JIT is off for it: for a statement that finishes in tens of
  // milliseconds, compiling it (estimated costly over many sites) took a second on PostgreSQL.
  const query = sql`
    with z (time_zone, from_at, to_at) as (values ${zones}),
    s as materialized (
      select sites.id, z.from_at, z.to_at from sites join z on z.time_zone = sites.time_zone where ${onlySite}
    ),
    service as (
      -- Claims carry no site: the (status, settled_at) index finds the month's for every site at once.
      select n.site_id, sum(c.confirmed_minutes) as minutes, count(distinct c.volunteer_id) as volunteers
      from claims c
      join needs n on n.id = c.need_id
      join s on s.id = n.site_id
      where c.status = 'CONFIRMED'
        and c.settled_at >= ${earliest}::timestamptz and c.settled_at < ${latest}::timestamptz
        and c.settled_at >= s.from_at and c.settled_at < s.to_at
      group by n.site_id
    )
    select s.id as site_id,
      coalesce(service.minutes, 0) as service_minutes,
      coalesce(service.volunteers, 0) as active_volunteers,
      (select count(*) from needs n
        where n.site_id = s.id and n.created_at >= s.from_at and n.created_at < s.to_at) as needs_posted,
      (select count(*) from needs n
        where n.site_id = s.id and n.completed_at >= s.from_at and n.completed_at < s.to_at) as needs_completed,
      coalesce(points.issued, 0) as points_issued,
      coalesce(points.redeemed, 0) as points_redeemed,
      (select count(*) from members m
        where m.site_id = s.id and cardinality(m.care_categories) > 0) as due_count,
      -- A visit counts for the site that recorded it, to an elder of the site now due one, as
      -- visitCoverage counts it.
      (select count(distinct v.elder_id) from visits v join members m on m.id = v.elder_id
        where v.site_id = s.id and v.visited_at >= s.from_at and v.visited_at < s.to_at
          and m.site_id = s.id and cardinality(m.care_categories) > 0) as visited_count
    from s
    left join service on service.site_id = s.id
    left join lateral (
      select
        sum(case
          when t.kind = 'SERVICE_CREDIT' and ca.owner = 'MEMBER' then t.amount
          when t.kind = 'REVERSAL' and da.owner = 'MEMBER'
            and (select o.kind from transfers o where o.id = t.reverses_id) = 'SERVICE_CREDIT' then -t.amount
          else 0 end) as issued,
        -- Into the site's supermarket by redemption (or a reversed refund), out of it by refund
        -- (or a reversed redemption): the net points the supermarket took back.
        sum(case
          when ca.owner = 'SUPERMARKET' and ca.site_id = s.id and t.kind in ('REDEMPTION', 'REVERSAL') then t.amount
          when da.owner = 'SUPERMARKET' and da.site_id = s.id and t.kind in ('REFUND', 'REVERSAL') then -t.amount
          else 0 end) as redeemed
      from transfers t
      join accounts ca on ca.id = t.credit_account_id
      join accounts da on da.id = t.debit_account_id
      where t.site_id = s.id and t.unit = 'POINTS' and t.created_at >= s.from_at and t.created_at < s.to_at
    ) points on true
    order by s.id`;
  const result = await ex.transaction(async (tx) => {
    // Every statement runs prepared (open.ts), and a prepared statement may be given a generic
    // plan, blind to the month and the site: for this one that plan is eight times slower (pnpm bench). So this
    // transaction plans it for its values each time, without JIT (compiling costs more here than
    // it saves).
    await tx.execute(
      sql`select set_config('jit', 'off', true), set_config('plan_cache_mode', 'force_custom_plan', true)`,
    );
    return tx.execute(query);
  });
  // Sums and counts come back as bigint (a string or a BigInt, by driver): Number() takes either.
  return rowsOf(result).map((r) => ({
    siteId: Number(r.site_id),
    serviceMinutes: Number(r.service_minutes),
    activeVolunteers: Number(r.active_volunteers),
    needsPosted: Number(r.needs_posted),
    needsCompleted: Number(r.needs_completed),
    pointsIssued: Number(r.points_issued),
    pointsRedeemed: Number(r.points_redeemed),
    dueCount: Number(r.due_count),
    visitedCount: Number(r.visited_count),
  }));
}

/** Every site, for the all-sites report (a county has hundreds: one statement, no paging). */
export async function allSites(ex: Executor): Promise<SiteRow[]> {
  return ex.select().from(sites).orderBy(asc(sites.id));
}

/** The month's confirmed service at a site, one line per claim, in order of confirmation. */
export async function serviceLines(ex: Executor, siteId: number, from: Date, to: Date) {
  const volunteer = alias(members, 'volunteer');
  const beneficiary = alias(members, 'beneficiary');
  const confirmer = alias(members, 'confirmer');
  return ex
    .select({
      claimId: claims.id,
      settledAt: claims.settledAt,
      startsAt: needs.startsAt,
      title: needs.title,
      category: needs.category,
      volunteerName: volunteer.name,
      beneficiaryName: beneficiary.name,
      minutes: claims.confirmedMinutes,
      points: claims.pointsAwarded,
      confirmedBy: confirmer.name,
    })
    .from(claims)
    .innerJoin(needs, eq(needs.id, claims.needId))
    .innerJoin(volunteer, eq(volunteer.id, claims.volunteerId))
    .innerJoin(beneficiary, eq(beneficiary.id, needs.beneficiaryId))
    .leftJoin(confirmer, eq(confirmer.id, claims.settledBy))
    .where(
      and(
        eq(needs.siteId, siteId),
        eq(claims.status, 'CONFIRMED'),
        gte(claims.settledAt, from),
        lt(claims.settledAt, to),
      ),
    )
    .orderBy(asc(claims.settledAt), asc(claims.id));
}

/** The month's transfers on a site's books, oldest first, with each side's owner and member name. */
export async function ledgerLines(ex: Executor, siteId: number, from: Date, to: Date) {
  const debit = alias(accounts, 'debit');
  const credit = alias(accounts, 'credit');
  const payer = alias(members, 'payer');
  const payee = alias(members, 'payee');
  return ex
    .select({
      id: transfers.id,
      createdAt: transfers.createdAt,
      kind: transfers.kind,
      unit: transfers.unit,
      amount: transfers.amount,
      memo: transfers.memo,
      reversesId: transfers.reversesId,
      fromOwner: debit.owner,
      fromName: payer.name,
      toOwner: credit.owner,
      toName: payee.name,
    })
    .from(transfers)
    .innerJoin(debit, eq(debit.id, transfers.debitAccountId))
    .innerJoin(credit, eq(credit.id, transfers.creditAccountId))
    .leftJoin(payer, eq(payer.id, debit.memberId))
    .leftJoin(payee, eq(payee.id, credit.memberId))
    .where(and(eq(transfers.siteId, siteId), gte(transfers.createdAt, from), lt(transfers.createdAt, to)))
    .orderBy(asc(transfers.createdAt), asc(transfers.id));
}
