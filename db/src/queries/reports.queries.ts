// SQL for monthly site reports and the CSV exports. Every figure of every site comes from one
// statement over the kept monthly figures, so the all-sites report costs one key read per site.
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../open';
import type { SiteRow } from '../rows';
import {
  accounts,
  claims,
  members,
  needs,
  siteMonthElders,
  siteMonthVolunteers,
  siteMonths,
  sites,
  transfers,
} from '../schema/index';
import { runPrepared } from './prepared';

export interface SiteFigures {
  /** The site itself, read in the same statement (a report shows its name and region). */
  site: SiteRow;
  serviceMinutes: number;
  activeVolunteers: number;
  needsPosted: number;
  needsCompleted: number;
  pointsIssued: number;
  pointsRedeemed: number;
  /** Elders of tier A or B (due at least a monthly visit), and those of them visited in the month. */
  dueCount: number;
  visitedCount: number;
}

/**
 * The month's figures of every site (or of `siteId` alone), in one statement. `month` is the
 * month's first day, 'YYYY-MM-01': each site's figures are kept per calendar month of its own time
 * zone (site_months, kept by triggers in the writing transaction), so the same key serves a site
 * in Urumqi and one in Shanghai.
 *
 * Points are booked in the month the transfer happened: a reversal or refund in December lowers
 * December's figure and leaves November's report as it was printed. Who is due a visit is read
 * now, as visitCoverage reads it.
 */
export async function siteFigures(ex: Executor, month: string, siteId?: number): Promise<SiteFigures[]> {
  const m = sql.placeholder('month');
  const figures = (q: Executor) =>
    q
      .select({
        serviceMinutes: sql<string>`coalesce(${siteMonths.serviceMinutes}, 0)`,
        activeVolunteers: sql<string>`(select count(*) from ${siteMonthVolunteers} v
          where v.site_id = ${sites.id} and v.month = ${m})`,
        needsPosted: sql<number>`coalesce(${siteMonths.needsPosted}, 0)`,
        needsCompleted: sql<number>`coalesce(${siteMonths.needsCompleted}, 0)`,
        pointsIssued: sql<string>`coalesce(${siteMonths.pointsIssued}, 0)`,
        pointsRedeemed: sql<string>`coalesce(${siteMonths.pointsRedeemed}, 0)`,
        dueCount: sql<string>`(select count(*) from ${members} d
          where d.site_id = ${sites.id} and d.deactivated_at is null and d.visit_tier in ('A', 'B'))`,
        // A visit counts for the site that recorded it, to an elder of the site now due one, as
        // visitCoverage counts it.
        visitedCount: sql<string>`(select count(*) from ${siteMonthElders} e join ${members} d on d.id = e.elder_id
          where e.site_id = ${sites.id} and e.month = ${m}
            and d.site_id = ${sites.id} and d.deactivated_at is null and d.visit_tier in ('A', 'B'))`,
        // Last: the bench's bare baseline reads the eight figures by place, then the site.
        site: sites,
      })
      .from(sites)
      .leftJoin(siteMonths, and(eq(siteMonths.siteId, sites.id), eq(siteMonths.month, m)))
      .orderBy(asc(sites.id));
  const rows =
    siteId === undefined
      ? await runPrepared(ex, 'site_figures_all', figures, { month })
      : await runPrepared(ex, 'site_figures_one', (q) => figures(q).where(eq(sites.id, sql.placeholder('site'))), {
          month,
          site: siteId,
        });
  // Sums and counts come back as bigint text: Number() reads them.
  return rows.map((r) => ({
    site: r.site,
    serviceMinutes: Number(r.serviceMinutes),
    activeVolunteers: Number(r.activeVolunteers),
    needsPosted: Number(r.needsPosted),
    needsCompleted: Number(r.needsCompleted),
    pointsIssued: Number(r.pointsIssued),
    pointsRedeemed: Number(r.pointsRedeemed),
    dueCount: Number(r.dueCount),
    visitedCount: Number(r.visitedCount),
  }));
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
