// SQL for sites: creating one opens its ledger accounts in the same transaction.
import { asc, eq, gt } from 'drizzle-orm';
import type { Executor } from '../open';
import { sites } from '../schema/index';
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
