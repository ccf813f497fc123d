// Reports rolled up by region (省/市/县/乡镇/村): a region's month is the sum of its sites' kept
// figures (never a second count), with one level of children to drill down by, and the sites that
// sit at the region itself. Platform staff read every region, a region's staff theirs and below.
// Read from the replica when there is one (deps.readDb), as the site reports it sums.
import { regionQueries, type RegionRow } from '@huzhu/db';
import type { Actor } from '../auth/authorize';
import type { ServiceDeps } from '../core/deps';
import { notFound } from '../core/errors';
import { homeRegionId, requireRegionReader } from './region-access';
import { coverageRate } from '../visits/visits.service';
import { siteReports, type SiteReportData } from './reports.service';

export interface RegionTotals {
  siteCount: number;
  dueCount: number;
  visitedCount: number;
  visitRate: number | null;
  serviceMinutes: number;
  pointsIssued: number;
  pointsRedeemed: number;
}

export interface RegionTotalsData extends RegionTotals {
  region: RegionRow;
  month: string;
}

export interface RegionReportData extends RegionTotals {
  /** null: every region (the top of the tree). */
  region: RegionRow | null;
  month: string;
  /** The divisions one level down that hold sites, each with its own sums, by name. */
  children: RegionTotalsData[];
  /** The sites that sit at this region itself (a village's site). */
  sites: SiteReportData[];
}

function totals(reports: SiteReportData[]): RegionTotals {
  const sum = (f: (r: SiteReportData) => number) => reports.reduce((a, r) => a + f(r), 0);
  const dueCount = sum((r) => r.dueCount);
  const visitedCount = sum((r) => r.visitedCount);
  return {
    siteCount: reports.length,
    dueCount,
    visitedCount,
    visitRate: coverageRate(dueCount, visitedCount),
    serviceMinutes: sum((r) => r.serviceMinutes),
    pointsIssued: sum((r) => r.pointsIssued),
    pointsRedeemed: sum((r) => r.pointsRedeemed),
  };
}

export async function regionReport(
  deps: ServiceDeps,
  actor: Actor | null,
  regionId: number | null,
  month: string,
): Promise<RegionReportData> {
  // No region asked: the top for platform staff, a region officer's own region.
  const asked = regionId ?? homeRegionId(actor);
  const region = asked === null ? null : ((await regionQueries.regionById(deps.readDb, asked)) ?? notFound('region'));
  requireRegionReader(actor, region);
  // siteReports checks the month too, and gives region staff only their own sites.
  const reports = await siteReports(deps, actor, month);
  const kids = region
    ? await regionQueries.childrenOf(deps.readDb, region.id)
    : await regionQueries.topRegions(deps.readDb);
  const paths = new Map(
    (await regionQueries.regionsByIds(deps.readDb, [...new Set(reports.flatMap((r) => r.site.regionId ?? []))])).map(
      (r) => [r.id, r.path],
    ),
  );
  const pathOf = (r: SiteReportData) => (r.site.regionId === null ? '' : (paths.get(r.site.regionId) ?? ''));
  const under = (prefix: string) => reports.filter((r) => pathOf(r).startsWith(prefix));
  const mine = region ? under(region.path) : reports;
  const children = kids
    .map((kid) => ({ region: kid, month, ...totals(under(kid.path)) }))
    .filter((c) => c.siteCount > 0);
  return {
    region,
    month,
    ...totals(mine),
    children,
    sites: region ? mine.filter((r) => r.site.regionId === region.id) : [],
  };
}
