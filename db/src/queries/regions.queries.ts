// SQL for regions: finding or creating a division path (省/市/县/乡镇/村) row by row, a region's
// ancestors and children, and the sites under a region (a prefix match on the kept id path).
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../open';
import type { RegionRow } from '../rows';
import type { RegionLevel } from '../schema/enums.schema';
import { regions, sites } from '../schema/index';

export interface RegionStep {
  level: RegionLevel;
  name: string;
  /** 12 digits, or null. */
  code?: string | null;
}

/**
 * The rows of the path, top down, creating those missing (sites of one township share its row).
 * A step whose row exists keeps its code; one given where none was kept is written. Returns the
 * rows, and the names of steps whose given code differs from the one kept (the caller refuses).
 */
export async function ensureRegionPath(
  ex: Executor,
  steps: RegionStep[],
): Promise<{ rows: RegionRow[]; codeClashes: string[] }> {
  const rows: RegionRow[] = [];
  const codeClashes: string[] = [];
  let parent = null as RegionRow | null;
  for (const step of steps) {
    const parentId: number | null = parent?.id ?? null;
    const under = parentId === null ? isNull(regions.parentId) : eq(regions.parentId, parentId);
    await ex
      .insert(regions)
      .values({ parentId, level: step.level, name: step.name, code: step.code ?? null })
      .onConflictDoNothing({ target: [regions.parentId, regions.name] });
    let [row] = await ex
      .select()
      .from(regions)
      .where(and(under, eq(regions.name, step.name)));
    if (!row) throw new Error(`region ${step.name} was neither found nor written`);
    if (row.path === '') {
      [row] = await ex
        .update(regions)
        .set({ path: `${parent?.path || '/'}${row.id}/` })
        .where(eq(regions.id, row.id))
        .returning();
    }
    if (step.code && row!.code === null) {
      [row] = await ex.update(regions).set({ code: step.code }).where(eq(regions.id, row!.id)).returning();
    } else if (step.code && row!.code !== step.code) {
      codeClashes.push(step.name);
    }
    rows.push(row!);
    parent = row!;
  }
  return { rows, codeClashes };
}

export async function regionById(ex: Executor, id: number): Promise<RegionRow | undefined> {
  const [row] = await ex.select().from(regions).where(eq(regions.id, id));
  return row;
}

/** The region and those above it, top down (from its kept path). */
export async function regionLine(ex: Executor, region: RegionRow): Promise<RegionRow[]> {
  const ids = region.path.split('/').filter(Boolean).map(Number);
  if (ids.length === 0) return [region];
  const rows = await ex.select().from(regions).where(inArray(regions.id, ids));
  return ids.map((id) => rows.find((r) => r.id === id)!).filter(Boolean);
}

export async function childrenOf(ex: Executor, regionId: number): Promise<RegionRow[]> {
  return ex.select().from(regions).where(eq(regions.parentId, regionId)).orderBy(asc(regions.name));
}

/** The top of every path (provinces, and counties given without a province). */
export async function topRegions(ex: Executor): Promise<RegionRow[]> {
  return ex.select().from(regions).where(isNull(regions.parentId)).orderBy(asc(regions.name));
}

/** Each site under the region (at it or below), with the path of the region it sits in. */
export async function sitesUnder(ex: Executor, region: RegionRow): Promise<{ siteId: number; path: string }[]> {
  return ex
    .select({ siteId: sites.id, path: regions.path })
    .from(sites)
    .innerJoin(regions, eq(regions.id, sites.regionId))
    .where(sql`${regions.path} like ${`${region.path}%`}`)
    .orderBy(asc(sites.id));
}

export async function regionsByIds(ex: Executor, ids: number[]): Promise<RegionRow[]> {
  if (ids.length === 0) return [];
  return ex.select().from(regions).where(inArray(regions.id, ids));
}
