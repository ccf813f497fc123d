// SQL for hours that travel (通存通兑): which county each site sits in, alliances between
// counties and the test of whether two sites may trade hours, where a member's minutes were
// earned (by site), what each site has delivered for hours earned at another, and a site's care
// pool account (opened on first use: sites created before migration 0027 have none, and a new
// enum value cannot be written in its own migration).
import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../open';
import { accounts, countyAlliances } from '../schema/index';
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

export type CountyAllianceRow = typeof countyAlliances.$inferSelect;

/** Whether an accepted, not ended alliance joins the two counties (in either order). */
export async function countiesAllied(ex: Executor, countyX: number, countyY: number): Promise<boolean> {
  const [a, b] = countyX < countyY ? [countyX, countyY] : [countyY, countyX];
  const rows = await ex
    .select({ id: countyAlliances.id })
    .from(countyAlliances)
    .where(
      and(
        eq(countyAlliances.countyAId, a),
        eq(countyAlliances.countyBId, b),
        isNull(countyAlliances.endedAt),
        sql`${countyAlliances.acceptedAt} IS NOT NULL`,
      ),
    );
  return rows.length > 0;
}

/** The pair's alliance that is not ended (proposed or accepted), if any. */
export async function liveAlliance(
  ex: Executor,
  countyX: number,
  countyY: number,
): Promise<CountyAllianceRow | undefined> {
  const [a, b] = countyX < countyY ? [countyX, countyY] : [countyY, countyX];
  const [row] = await ex
    .select()
    .from(countyAlliances)
    .where(and(eq(countyAlliances.countyAId, a), eq(countyAlliances.countyBId, b), isNull(countyAlliances.endedAt)));
  return row;
}

/** Writes a proposal; undefined when the pair already has a live alliance (a racing proposal). */
export async function insertAlliance(
  ex: Executor,
  a: { proposerCountyId: number; otherCountyId: number; proposedBy: number | null },
): Promise<CountyAllianceRow | undefined> {
  const [lo, hi] =
    a.proposerCountyId < a.otherCountyId
      ? [a.proposerCountyId, a.otherCountyId]
      : [a.otherCountyId, a.proposerCountyId];
  const [row] = await ex
    .insert(countyAlliances)
    .values({ countyAId: lo, countyBId: hi, proposerCountyId: a.proposerCountyId, proposedBy: a.proposedBy })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function lockAlliance(ex: Executor, id: number): Promise<CountyAllianceRow | undefined> {
  const [row] = await ex.select().from(countyAlliances).where(eq(countyAlliances.id, id)).for('update');
  return row;
}

export async function allianceById(ex: Executor, id: number): Promise<CountyAllianceRow | undefined> {
  const [row] = await ex.select().from(countyAlliances).where(eq(countyAlliances.id, id));
  return row;
}

export async function markAllianceAccepted(ex: Executor, id: number, by: number | null): Promise<CountyAllianceRow> {
  const [row] = await ex
    .update(countyAlliances)
    .set({ acceptedBy: by, acceptedAt: sql`now()` })
    .where(eq(countyAlliances.id, id))
    .returning();
  return row!;
}

export async function markAllianceEnded(ex: Executor, id: number, by: number | null): Promise<CountyAllianceRow> {
  const [row] = await ex
    .update(countyAlliances)
    .set({ endedBy: by, endedAt: sql`now()` })
    .where(eq(countyAlliances.id, id))
    .returning();
  return row!;
}

/** The ids of the counties at or under the given region paths (a county or city officer's). */
export async function countiesUnder(ex: Executor, paths: readonly string[]): Promise<number[]> {
  if (paths.length === 0) return [];
  const rows = rowsOf(
    await ex.execute(sql`
    select id from regions where level = 'COUNTY' and (${sql.join(
      paths.map((p) => sql`path like ${p} || '%'`),
      sql` or `,
    )}) order by id limit 200`),
  ) as { id: string | number }[];
  return rows.map((r) => Number(r.id));
}

/** Alliances of the given counties (every alliance when undefined), newest first, ended ones too. */
export async function alliancesOf(
  ex: Executor,
  countyIds: readonly number[] | undefined,
): Promise<CountyAllianceRow[]> {
  if (countyIds !== undefined && countyIds.length === 0) return [];
  const ids = countyIds === undefined ? [] : [...new Set(countyIds)];
  const inList = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  return ex
    .select()
    .from(countyAlliances)
    .where(
      countyIds === undefined
        ? undefined
        : or(sql`${countyAlliances.countyAId} in (${inList})`, sql`${countyAlliances.countyBId} in (${inList})`),
    )
    .orderBy(desc(countyAlliances.proposedAt), desc(countyAlliances.id))
    .limit(500);
}

/**
 * Where a member's minutes came from, by site: what transfers attributed to the site credited
 * their MINUTES account, less what such transfers debited. A transfer is attributed to its
 * counterparty site when it names one (a withdrawal spends hours earned there, its reversal gives
 * them back), else to its own site; `siteId` null gathers transfers of no site. `firstCreditAt`
 * is the oldest credit attributed to the site (null when none). The sums add up to the balance.
 */
export interface MinutesOrigin {
  siteId: number | null;
  minutes: number;
  firstCreditAt: Date | null;
}

export async function minutesOrigins(ex: Executor, accountId: number): Promise<MinutesOrigin[]> {
  const rows = rowsOf(
    await ex.execute(sql`
    select coalesce(t.counterparty_site_id, t.site_id) as site_id,
      sum(case when t.credit_account_id = ${accountId}::bigint then t.amount else -t.amount end)::text as minutes,
      min(case when t.credit_account_id = ${accountId}::bigint then t.created_at end) as first_credit_at
    from transfers t
    where (t.credit_account_id = ${accountId}::bigint or t.debit_account_id = ${accountId}::bigint)
      and t.unit = 'MINUTES'
    group by 1`),
  ) as { site_id: string | number | null; minutes: string; first_credit_at: string | Date | null }[];
  return rows.map((r) => ({
    siteId: r.site_id === null ? null : Number(r.site_id),
    minutes: Number(r.minutes),
    firstCreditAt: r.first_credit_at === null ? null : new Date(r.first_credit_at),
  }));
}

/**
 * A site's hours traded with one other site: `delivered`, the minutes of care this site gave for
 * hours earned at the other (withdrawals here naming it), `received`, the reverse (withdrawals
 * there naming this site); reversals subtracted from both. `net` = delivered - received: what the
 * other site owes this one, in minutes (negative: what this one owes).
 */
export interface TradeBalance {
  otherSiteId: number;
  delivered: number;
  received: number;
  net: number;
}

export async function tradeBalances(ex: Executor, siteId: number): Promise<TradeBalance[]> {
  const rows = rowsOf(
    await ex.execute(sql`
    select case when t.site_id = ${siteId}::bigint then t.counterparty_site_id else t.site_id end as other_site_id,
      coalesce(sum(case when t.site_id = ${siteId}::bigint
        then case when t.kind::text = 'REVERSAL' then -t.amount else t.amount end end), 0)::text as delivered,
      coalesce(sum(case when t.counterparty_site_id = ${siteId}::bigint
        then case when t.kind::text = 'REVERSAL' then -t.amount else t.amount end end), 0)::text as received
    from transfers t
    where t.counterparty_site_id is not null
      and (t.site_id = ${siteId}::bigint or t.counterparty_site_id = ${siteId}::bigint)
      and t.kind::text in ('WITHDRAWAL', 'REVERSAL')
    group by 1
    order by 1`),
  ) as { other_site_id: string | number; delivered: string; received: string }[];
  return rows.map((r) => {
    const delivered = Number(r.delivered);
    const received = Number(r.received);
    return { otherSiteId: Number(r.other_site_id), delivered, received, net: delivered - received };
  });
}
