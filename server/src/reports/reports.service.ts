// Monthly site reports: one site's for its staff, every site's for the civil-affairs bureau. The
// figures are kept per site and month as the ledger is written (db site_months), so either is one
// statement, never a query per site. Read from the replica when there is one (deps.readDb).
import { reportQueries, type SiteRow } from '@huzhu/db';
import {
  STAFF,
  inMyRegions,
  isPlatformAdmin,
  isRegionStaff,
  requireActor,
  requireRoleAt,
  type Actor,
} from '../auth/authorize';
import type { ServiceDeps } from '../core/deps';
import { ErrorCode, fail } from '../core/errors';
import * as v from '../core/validate';
import { requireSite } from '../sites/sites.service';
import { coverageRate } from '../visits/visits.service';

export interface SiteReportData {
  site: SiteRow;
  month: string;
  serviceMinutes: number;
  activeVolunteers: number;
  needsPosted: number;
  needsCompleted: number;
  pointsIssued: number;
  pointsRedeemed: number;
  /** null when no elder of the site is due a visit. */
  visitRate: number | null;
  /** Elders due a visit, and of them visited in the month (the rate's two terms, for roll-ups). */
  dueCount: number;
  visitedCount: number;
}

/** The key of the month's kept figures: its first day, the same for every site's own time zone. */
function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

function toReport(month: string, f: reportQueries.SiteFigures): SiteReportData {
  return {
    site: f.site,
    month,
    serviceMinutes: f.serviceMinutes,
    activeVolunteers: f.activeVolunteers,
    needsPosted: f.needsPosted,
    needsCompleted: f.needsCompleted,
    pointsIssued: f.pointsIssued,
    pointsRedeemed: f.pointsRedeemed,
    visitRate: coverageRate(f.dueCount, f.visitedCount),
    dueCount: f.dueCount,
    visitedCount: f.visitedCount,
  };
}

/** One site's report for its staff and platform staff; `month` as "2026-11". */
export async function siteReport(
  deps: ServiceDeps,
  actor: Actor | null,
  siteId: number,
  monthInput: string,
): Promise<SiteReportData> {
  requireRoleAt(actor, siteId, STAFF);
  const { year, month } = v.month('month', monthInput);
  // The site comes with its figures: no row, no such site.
  const [figures] = await reportQueries.siteFigures(deps.readDb, monthKey(year, month), siteId);
  deps.cache.site.prime(siteId, requireSite(figures?.site));
  return toReport(monthInput, figures!);
}

const byName = new Intl.Collator('zh-CN');

/** Every site's report for the month, the sites furthest from the visit target first, those without a rate last. */
export async function siteReports(
  deps: ServiceDeps,
  actor: Actor | null,
  monthInput: string,
): Promise<SiteReportData[]> {
  // Platform staff, or the system acting with their rights (a monthly job): every site; a
  // region's staff: the sites under their regions.
  const who = requireActor(actor);
  const platform = isPlatformAdmin(who);
  if (!platform && !isRegionStaff(who)) {
    fail(ErrorCode.FORBIDDEN, {
      en: 'Only platform staff can see every site',
      zh: '只有民政局管理员可以查看所有站点',
    });
  }
  const { year, month } = v.month('month', monthInput);
  return (await reportQueries.siteFigures(deps.readDb, monthKey(year, month)))
    .filter((f) => platform || inMyRegions(who, f.site.id))
    .map((f) => toReport(monthInput, f))
    .sort(
      (a, b) =>
        (a.visitRate ?? Infinity) - (b.visitRate ?? Infinity) ||
        byName.compare(a.site.name, b.site.name) ||
        a.site.id - b.site.id,
    );
}
