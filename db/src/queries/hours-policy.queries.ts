// SQL for the hours policy per region (issue 18): a region's own row, the rows up a path, every
// site's region path (the daily expiry reads all sites at once), and what the expiry needs to
// know of each member of a site: the minutes held and those credited since a moment.
import { eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../open';
import { hoursPolicies, regions, sites } from '../schema/index';
import { rowsOf } from './invariants.queries';
import { runPrepared } from './prepared';

import type { HoursPolicyRow } from '../rows';

export async function policiesOf(ex: Executor, regionIds: number[]): Promise<HoursPolicyRow[]> {
  if (regionIds.length === 0) return [];
  return ex.select().from(hoursPolicies).where(inArray(hoursPolicies.regionId, regionIds));
}

/**
 * A site's region path (its ids, top first) and the policy rows set on it, in one statement: a
 * confirmation reads them on every credit. No rows and an empty path for a site in no region.
 */
export async function sitePolicyRows(
  ex: Executor,
  siteId: number,
): Promise<{ path: number[]; rows: HoursPolicyRow[] }> {
  const found = await runPrepared(
    ex,
    'site_policy_rows',
    (q) =>
      q
        .select({ path: regions.path, policy: hoursPolicies })
        .from(sites)
        .innerJoin(regions, eq(regions.id, sites.regionId))
        .leftJoin(
          hoursPolicies,
          sql`${hoursPolicies.regionId} = any(string_to_array(trim(both '/' from ${regions.path}), '/')::bigint[])`,
        )
        .where(eq(sites.id, sql.placeholder('siteId'))),
    { siteId },
  );
  const path = found[0]?.path ?? '';
  return {
    path: path
      .split('/')
      .filter((x) => x !== '')
      .map(Number),
    rows: found.flatMap((r) => (r.policy ? [r.policy] : [])),
  };
}

export async function allPolicies(ex: Executor): Promise<HoursPolicyRow[]> {
  return ex.select().from(hoursPolicies);
}

export async function upsertPolicy(ex: Executor, row: typeof hoursPolicies.$inferInsert): Promise<HoursPolicyRow> {
  const [out] = await ex
    .insert(hoursPolicies)
    .values(row)
    .onConflictDoUpdate({
      target: hoursPolicies.regionId,
      set: {
        capMinutes: row.capMinutes ?? null,
        minWithdrawAge: row.minWithdrawAge ?? null,
        expiryMonths: row.expiryMonths ?? null,
        categoryWeights: row.categoryWeights ?? {},
        setBy: row.setBy ?? null,
        setAt: sql`now()`,
      },
    })
    .returning();
  return out!;
}

export async function deletePolicy(ex: Executor, regionId: number): Promise<boolean> {
  const rows = await ex
    .delete(hoursPolicies)
    .where(eq(hoursPolicies.regionId, regionId))
    .returning({ id: hoursPolicies.regionId });
  return rows.length > 0;
}

/** Every site with its region's kept path ("/3/17/52/"), or null for a site in no region. */
export async function sitePaths(ex: Executor): Promise<{ siteId: number; path: string | null; timeZone: string }[]> {
  const rows = await ex
    .select({ siteId: sites.id, path: regions.path, timeZone: sites.timeZone })
    .from(sites)
    .leftJoin(regions, eq(regions.id, sites.regionId));
  return rows.map((r) => ({ siteId: r.siteId, path: r.path ?? null, timeZone: r.timeZone }));
}

export interface ExpiryCandidate {
  memberId: number;
  accountId: number;
  /** Minutes held now. */
  balance: number;
  /** Minutes credited to the account at or after `since` (any kind): these are not yet old. */
  creditedSince: number;
}

/**
 * Members whose home is the site and who hold minutes, with what was credited to them since
 * `since`. Oldest minutes are spent first (FIFO), so balance minus creditedSince, where positive,
 * is what has been held since before `since`.
 */
export async function expiryCandidates(ex: Executor, siteId: number, since: Date): Promise<ExpiryCandidate[]> {
  const rows = rowsOf(
    await ex.execute(sql`
    select a.member_id, a.id as account_id, a.balance,
      coalesce((select sum(t.amount) from transfers t
                where t.credit_account_id = a.id and t.created_at >= ${since.toISOString()}::timestamptz), 0) as fresh
    from accounts a join members m on m.id = a.member_id
    where a.owner = 'MEMBER' and a.unit = 'MINUTES' and a.balance > 0 and m.site_id = ${siteId}::bigint
    order by a.member_id`),
  ) as { member_id: string | number; account_id: string | number; balance: string | number; fresh: string | number }[];
  return rows.map((r) => ({
    memberId: Number(r.member_id),
    accountId: Number(r.account_id),
    balance: Number(r.balance),
    creditedSince: Number(r.fresh),
  }));
}

/** Minutes credited to the account at or after each of the moments, in their order. */
export async function creditedSince(ex: Executor, accountId: number, moments: readonly Date[]): Promise<number[]> {
  const rows = rowsOf(
    await ex.execute(sql`
    select ${sql.join(
      moments.map(
        (m, i) =>
          sql`coalesce(sum(amount) filter (where created_at >= ${m.toISOString()}::timestamptz), 0) as ${sql.raw(`c${i}`)}`,
      ),
      sql`, `,
    )} from transfers where credit_account_id = ${accountId}::bigint`),
  );
  const row = rows[0] ?? {};
  return moments.map((_m, i) => Number(row[`c${i}`] ?? 0));
}
