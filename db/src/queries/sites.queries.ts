// SQL for sites: creating one opens its ledger accounts in the same transaction.
import { and, asc, count, eq, gt, inArray, sql } from 'drizzle-orm';
import type { ServiceCategory } from '../schema/enums.schema';
import type { Executor } from '../open';
import { anyOf, runPrepared } from './prepared';
import { members, memberships, siteCategoryRates, sites } from '../schema/index';
import type { MemberRow } from './members.queries';
import type { Role } from '../schema/enums.schema';
import { ensureSiteAccounts } from './ledger.queries';
import { ensureRegionPath } from './regions.queries';

export type SiteRow = typeof sites.$inferSelect;
export type NewSite = typeof sites.$inferInsert;

/**
 * Writes the site and its ledger accounts. Without a regionId its region rows are found or made
 * from its county/township/village names, so every site sits in a region.
 */
export async function insertSite(ex: Executor, site: NewSite): Promise<SiteRow> {
  let regionId = site.regionId ?? null;
  if (regionId === null) {
    const steps = [
      { level: 'COUNTY' as const, name: site.county },
      { level: 'TOWNSHIP' as const, name: site.township ?? '' },
      { level: 'VILLAGE' as const, name: site.village ?? '' },
    ].filter((s) => s.name !== '');
    const { rows } = await ensureRegionPath(ex, steps);
    regionId = rows[rows.length - 1]!.id;
  }
  const [row] = await ex
    .insert(sites)
    .values({ ...site, regionId })
    .returning();
  if (!row) throw new Error('insert into sites returned no row');
  await ensureSiteAccounts(ex, row.id);
  return row;
}

export async function siteById(ex: Executor, id: number): Promise<SiteRow | undefined> {
  const [row] = await ex.select().from(sites).where(eq(sites.id, id));
  return row;
}

export async function listSites(ex: Executor, limit: number, after?: number): Promise<SiteRow[]> {
  return ex
    .select()
    .from(sites)
    .where(after === undefined ? undefined : gt(sites.id, after))
    .orderBy(asc(sites.id))
    .limit(limit);
}

export async function sitesByIds(ex: Executor, ids: readonly number[]): Promise<SiteRow[]> {
  if (ids.length === 0) return [];
  return runPrepared(ex, 'sites_by_ids', (q) => q.select().from(sites).where(anyOf(sites.id, 'ids')), {
    ids: [...ids],
  });
}

export async function countSites(ex: Executor): Promise<number> {
  const [row] = await ex.select({ n: count() }).from(sites);
  return row?.n ?? 0;
}

/** A site's own points rate for a category, if it set one. */
export async function categoryRate(
  ex: Executor,
  siteId: number,
  category: ServiceCategory,
): Promise<number | undefined> {
  // Read by every confirmation: built once (runPrepared).
  const [row] = await runPrepared(
    ex,
    'category_rate',
    (q) =>
      q
        .select({ rate: siteCategoryRates.pointsPerHour })
        .from(siteCategoryRates)
        .where(
          and(
            eq(siteCategoryRates.siteId, sql.placeholder('siteId')),
            eq(siteCategoryRates.category, sql.placeholder('category')),
          ),
        ),
    { siteId, category },
  );
  return row?.rate;
}

/** The site's own rates, by category. */
export async function categoryRates(
  ex: Executor,
  siteId: number,
): Promise<{ category: ServiceCategory; pointsPerHour: number }[]> {
  return ex
    .select({ category: siteCategoryRates.category, pointsPerHour: siteCategoryRates.pointsPerHour })
    .from(siteCategoryRates)
    .where(eq(siteCategoryRates.siteId, siteId))
    .orderBy(asc(siteCategoryRates.category));
}

/** Locks the site's row: two settings changes of one site then apply one after the other. */
export async function lockSite(ex: Executor, id: number): Promise<SiteRow | undefined> {
  const [row] = await ex.select().from(sites).where(eq(sites.id, id)).for('update');
  return row;
}

export async function updateSite(
  ex: Executor,
  id: number,
  set: Partial<
    Pick<SiteRow, 'pointsPerHour' | 'timeZone' | 'publicNotice' | 'visitsBankTime' | 'noticeDays' | 'pointsSeasonEnd'>
  >,
): Promise<SiteRow> {
  const [row] = await ex.update(sites).set(set).where(eq(sites.id, id)).returning();
  if (!row) throw new Error(`update of site ${id} returned no row`);
  return row;
}

/** Sets (or with null removes) the site's own rate for a category. */
export async function setCategoryRate(
  ex: Executor,
  siteId: number,
  category: ServiceCategory,
  pointsPerHour: number | null,
): Promise<void> {
  if (pointsPerHour === null) {
    await ex
      .delete(siteCategoryRates)
      .where(and(eq(siteCategoryRates.siteId, siteId), eq(siteCategoryRates.category, category)));
    return;
  }
  await ex
    .insert(siteCategoryRates)
    .values({ siteId, category, pointsPerHour })
    .onConflictDoUpdate({ target: [siteCategoryRates.siteId, siteCategoryRates.category], set: { pointsPerHour } });
}

/** Who holds one of `roles` at the site, with those roles, by name. */
export async function roleHolders(
  ex: Executor,
  siteId: number,
  roles: readonly Role[],
): Promise<{ member: MemberRow; role: Role }[]> {
  return ex
    .select({ member: members, role: memberships.role })
    .from(memberships)
    .innerJoin(members, eq(members.id, memberships.memberId))
    .where(and(eq(memberships.siteId, siteId), inArray(memberships.role, [...roles])))
    .orderBy(asc(members.name), asc(members.id), asc(memberships.role));
}
