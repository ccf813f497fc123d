// SQL for sites: creating one opens its ledger accounts in the same transaction.
import { and, asc, count, eq, gt } from 'drizzle-orm';
import type { ServiceCategory } from '../schema/enums.schema';
import type { Executor } from '../open';
import { anyOf, runPrepared } from './prepared';
import { siteCategoryRates, sites } from '../schema/index';
import { ensureSiteAccounts } from './ledger.queries';

export type SiteRow = typeof sites.$inferSelect;
export type NewSite = typeof sites.$inferInsert;

export async function insertSite(ex: Executor, site: NewSite): Promise<SiteRow> {
  const [row] = await ex.insert(sites).values(site).returning();
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
  const [row] = await ex
    .select({ rate: siteCategoryRates.pointsPerHour })
    .from(siteCategoryRates)
    .where(and(eq(siteCategoryRates.siteId, siteId), eq(siteCategoryRates.category, category)));
  return row?.rate;
}
