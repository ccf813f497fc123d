// A region's last months for the chart staff above the villages read: each month's visit coverage,
// service and points summed over the sites at or under the region, from the kept monthly figures
// in one statement (never a month at a time), oldest first, months with nothing kept as zeros.
// Read from the replica when there is one (deps.readDb).
import { regionDutyQueries, regionQueries, type RegionRow } from '@huzhu/db';
import type { Actor } from '../auth/authorize';
import type { ServiceDeps } from '../core/deps';
import { notFound } from '../core/errors';
import * as v from '../core/validate';
import { coverageRate } from '../visits/visits.service';
import { requireRegionReader } from './region-access';

/** The chart's default span, and the most one request may ask for. */
export const TREND_MONTHS = 12;
export const MAX_TREND_MONTHS = 36;

export interface RegionMonthData {
  /** YYYY-MM. */
  month: string;
  dueCount: number;
  visitedCount: number;
  /** null when no one is due. */
  visitRate: number | null;
  serviceMinutes: number;
  pointsIssued: number;
  pointsRedeemed: number;
}

/** 'YYYY-MM-01' of the month `back` months before year-month. */
function monthStart(year: number, month: number, back = 0): string {
  const i = year * 12 + (month - 1) - back;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;
}

/** The region's months through `throughInput` (YYYY-MM), `months` of them; region null: the top. */
export async function regionTrendOf(
  deps: ServiceDeps,
  actor: Actor | null,
  region: RegionRow | null,
  throughInput: string,
  monthsInput: number = TREND_MONTHS,
): Promise<RegionMonthData[]> {
  requireRegionReader(actor, region);
  const { year, month } = v.month('through', throughInput);
  const months = v.int('months', monthsInput, 1, MAX_TREND_MONTHS);
  const rows = await regionDutyQueries.regionMonths(
    deps.readDb,
    region?.path ?? null,
    monthStart(year, month, months - 1),
    monthStart(year, month),
  );
  return rows.map((r) => ({ ...r, visitRate: coverageRate(r.dueCount, r.visitedCount) }));
}

/** The same by the region's id (null: the top); an unknown region is NOT_FOUND. */
export async function regionTrend(
  deps: ServiceDeps,
  actor: Actor | null,
  regionId: number | null,
  throughInput: string,
  monthsInput: number = TREND_MONTHS,
): Promise<RegionMonthData[]> {
  const region =
    regionId === null ? null : ((await regionQueries.regionById(deps.readDb, regionId)) ?? notFound('region'));
  return regionTrendOf(deps, actor, region, throughInput, monthsInput);
}
