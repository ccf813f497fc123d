// SQL for hours that travel (通存通兑): which county each site sits in, the test of whether two
// sites may trade hours, and a site's care pool account (opened on first use: sites created
// before migration 0027 have none, and a new enum value cannot be written in its own migration).
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../open';
import { accounts } from '../schema/index';
import { rowsOf } from './invariants.queries';
import type { AccountRow } from './ledger.queries';

/**
 * The county region above each given site (the region of level COUNTY on its id path), by site
 * id; a site with no region, or none of county level above it, maps to null.
 */
export async function countiesOfSites(ex: Executor, siteIds: readonly number[]): Promise<Map<number, number | null>> {
  if (siteIds.length === 0) return new Map();
  const rows = rowsOf(
    await ex.execute(sql`
    select s.id as site_id,
      (select c.id from regions r join regions c on r.path like c.path || '%' and c.level = 'COUNTY'
        where r.id = s.region_id limit 1) as county_id
    from sites s where s.id in (${sql.join(
      [...new Set(siteIds)].map((id) => sql`${id}`),
      sql`, `,
    )})`),
  ) as { site_id: string | number; county_id: string | number | null }[];
  return new Map(rows.map((r) => [Number(r.site_id), r.county_id === null ? null : Number(r.county_id)]));
}

/** The site's care pool (minutes), opened if it is not open yet. */
export async function careAccount(ex: Executor, siteId: number): Promise<AccountRow> {
  await ex.insert(accounts).values({ owner: 'CARE_POOL', unit: 'MINUTES', siteId }).onConflictDoNothing();
  const [row] = await ex
    .select()
    .from(accounts)
    .where(and(eq(accounts.siteId, siteId), eq(accounts.owner, 'CARE_POOL'), eq(accounts.unit, 'MINUTES')));
  if (!row) throw new Error(`site ${siteId} has no care pool`);
  return row;
}
