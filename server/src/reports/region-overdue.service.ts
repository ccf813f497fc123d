// The region's elders whose visit was not made: for a region at any level (or the top) and a
// month, each visit task whose period ends in the month and is missed, or open past its due day,
// with the site, the village, the elder, their last visit and who is paired, by name: the
// township officer's list of which elders of which village were not visited. Read from the
// replica when there is one (deps.readDb).
import { regionDutyQueries, regionQueries, type RegionRow } from '@huzhu/db';
import type { Actor } from '../auth/authorize';
import type { ServiceDeps } from '../core/deps';
import { notFound } from '../core/errors';
import { afterId, connection, pageOf, type Connection, type PageArgs } from '../core/pagination';
import { lastDayOfMonth } from '../core/time';
import * as v from '../core/validate';
import { requireRegionReader } from './region-access';

export type OverdueVisitData = regionDutyQueries.OverdueTaskRow;

/** The most lines one export holds: a county's month, with room to spare. */
const EXPORT_LIMIT = 20_000;

async function scope(deps: ServiceDeps, actor: Actor | null, regionId: number | null, monthInput: string) {
  const region: RegionRow | null =
    regionId === null ? null : ((await regionQueries.regionById(deps.readDb, regionId)) ?? notFound('region'));
  requireRegionReader(actor, region);
  const { year, month } = v.month('month', monthInput);
  const from = `${year}-${String(month).padStart(2, '0')}-01`;
  return { region, filter: { path: region?.path ?? null, from, to: lastDayOfMonth(year, month) } };
}

/** One page of the list, by village then the elder's name. */
export async function regionOverdueVisits(
  deps: ServiceDeps,
  actor: Actor | null,
  regionId: number | null,
  monthInput: string,
  args: PageArgs,
): Promise<Connection<OverdueVisitData>> {
  const { filter } = await scope(deps, actor, regionId, monthInput);
  const page = pageOf(args);
  const [rows, total] = await Promise.all([
    regionDutyQueries.overdueTasks(deps.readDb, filter, page.limit, afterId(page)),
    regionDutyQueries.countOverdueTasks(deps.readDb, filter),
  ]);
  return connection(rows, page, (r) => r.taskId, total);
}

/** The whole list for the CSV export, with the region (null: the top) it was asked for. */
export async function regionOverdueExport(
  deps: ServiceDeps,
  actor: Actor | null,
  regionId: number | null,
  monthInput: string,
): Promise<{ region: RegionRow | null; month: string; lines: OverdueVisitData[] }> {
  const { region, filter } = await scope(deps, actor, regionId, monthInput);
  return { region, month: monthInput, lines: await regionDutyQueries.overdueTasks(deps.readDb, filter, EXPORT_LIMIT) };
}
