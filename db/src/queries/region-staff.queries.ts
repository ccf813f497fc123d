// SQL for staff scoped to a region (乡镇/县 officers): an ADMIN membership with no site and a
// region. Appointing and removing them, who they are, and the officers to tell about a site.
import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../open';
import type { MemberRow, RegionRow } from '../rows';
import { members, memberships, regions, sites } from '../schema/index';

/** Makes the member an officer of the region; false when they were one already. */
export async function appoint(ex: Executor, memberId: number, regionId: number): Promise<boolean> {
  const rows = await ex
    .insert(memberships)
    .values({ memberId, siteId: null, role: 'ADMIN', regionId })
    .onConflictDoNothing()
    .returning({ id: memberships.id });
  return rows.length > 0;
}

/** Ends the member's office in the region; false when they held none there. */
export async function remove(ex: Executor, memberId: number, regionId: number): Promise<boolean> {
  const rows = await ex
    .delete(memberships)
    .where(
      and(
        eq(memberships.memberId, memberId),
        isNull(memberships.siteId),
        eq(memberships.role, 'ADMIN'),
        eq(memberships.regionId, regionId),
      ),
    )
    .returning({ id: memberships.id });
  return rows.length > 0;
}

/** The officers of each of these regions (of the region itself, not those under it), by name. */
export async function officersOf(
  ex: Executor,
  regionIds: readonly number[],
): Promise<{ regionId: number; member: MemberRow }[]> {
  if (regionIds.length === 0) return [];
  const rows = await ex
    .select({ regionId: memberships.regionId, member: members })
    .from(memberships)
    .innerJoin(members, eq(members.id, memberships.memberId))
    .where(and(inArray(memberships.regionId, [...regionIds]), isNull(members.deactivatedAt)))
    .orderBy(asc(members.name), asc(members.id));
  return rows.map((r) => ({ regionId: r.regionId!, member: r.member }));
}

/** The regions the member is an officer of, by id. */
export async function regionsOf(ex: Executor, memberId: number): Promise<RegionRow[]> {
  return ex
    .select({ region: regions })
    .from(memberships)
    .innerJoin(regions, eq(regions.id, memberships.regionId))
    .where(and(eq(memberships.memberId, memberId), isNotNull(memberships.regionId)))
    .orderBy(asc(regions.id))
    .then((rows) => rows.map((r) => r.region));
}

/**
 * The regions the site sits in, at its own region and above (the prefixes of its region's path),
 * deepest first: where to find the township and the county to tell about the site.
 */
export async function regionsAboveSite(ex: Executor, siteId: number): Promise<RegionRow[]> {
  const at = alias(regions, 'at_region');
  const rows = await ex
    .select({ region: regions })
    .from(sites)
    .innerJoin(at, eq(at.id, sites.regionId))
    .innerJoin(regions, sql`left(${at.path}, length(${regions.path})) = ${regions.path}`)
    .where(eq(sites.id, siteId));
  return rows.map((r) => r.region).sort((x, y) => y.path.length - x.path.length);
}
