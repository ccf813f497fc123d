// The ledger's invariants (and the monthly figures kept beside it), read straight from the tables: what `ledger:check` prints and what the
// tests assert after every step. Each check returns the rows that break it, so an empty list holds.
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../open';

export interface InvariantResult {
  name: string;
  description: string;
  holds: boolean;
  /** A few offending rows, for the person reading the report. */
  violations: Record<string, unknown>[];
}

/** Limits a check to some accounts (a test's own village); every account when undefined. */
type Scope = (column: string) => SQL;

interface Check {
  name: string;
  description: string;
  /** `inSites` limits to the sites of those accounts (their own, or their members'). */
  query: (inScope: Scope, inSites: Scope) => SQL;
}

const CHECKS: Check[] = [
  {
    name: 'sum-zero',
    description: 'the sum of all balances in each unit is zero (double entry)',
    query: (inScope) => sql`
      select unit, sum(balance)::text as total from accounts
      where ${inScope('id')} group by unit having sum(balance) <> 0`,
  },
  {
    name: 'no-negative-member',
    description: 'no member account is below zero',
    query: (inScope) => sql`
      select id, member_id, unit, balance from accounts
      where ${inScope('id')} and owner = 'MEMBER' and balance < 0 limit 20`,
  },
  {
    name: 'cached-equals-entries',
    description: "each account's cached balance equals the sum of its entries",
    query: (inScope) => sql`
      select a.id, a.balance, coalesce(c.total, 0) - coalesce(d.total, 0) as entries
      from accounts a
      left join (select credit_account_id as id, sum(amount) as total from transfers
                 where ${inScope('credit_account_id')} group by 1) c on c.id = a.id
      left join (select debit_account_id as id, sum(amount) as total from transfers
                 where ${inScope('debit_account_id')} group by 1) d on d.id = a.id
      where ${inScope('a.id')} and a.balance <> coalesce(c.total, 0) - coalesce(d.total, 0)
      limit 20`,
  },
  {
    name: 'positive-amounts',
    description: 'every amount is a positive integer and no transfer is from an account to itself',
    query: (inScope) => sql`
      select id, amount from transfers
      where ${inScope('debit_account_id')} and (amount <= 0 or debit_account_id = credit_account_id) limit 20`,
  },
  {
    name: 'one-unit-per-transfer',
    description: 'both sides of a transfer are accounts of its unit',
    query: (inScope) => sql`
      select t.id from transfers t
      join accounts d on d.id = t.debit_account_id
      join accounts c on c.id = t.credit_account_id
      where ${inScope('t.debit_account_id')} and (d.unit <> t.unit or c.unit <> t.unit) limit 20`,
  },
  {
    name: 'reversal-mirrors-original',
    description: 'a reversal moves the same amount back between the same two accounts, at most once',
    query: (inScope) => sql`
      select r.id, r.reverses_id from transfers r
      join transfers o on o.id = r.reverses_id
      where ${inScope('r.debit_account_id')}
        and (r.amount <> o.amount or r.debit_account_id <> o.credit_account_id
             or r.credit_account_id <> o.debit_account_id or r.unit <> o.unit or o.kind = 'REVERSAL')
      limit 20`,
  },
  {
    name: 'visit-credits-match',
    description: 'a banked visit paid its visitor exactly its minutes and points, and nothing else is a visit credit',
    query: (inScope, inSites) => sql`
      select v.id as visit_id, v.minutes, v.points_awarded, m.amount as minutes_credited, p.amount as points_credited
      from visits v
      left join transfers m on m.visit_id = v.id and m.kind = 'VISIT_CREDIT' and m.unit = 'MINUTES'
      left join transfers p on p.visit_id = v.id and p.kind = 'VISIT_CREDIT' and p.unit = 'POINTS'
      where ${inSites('v.site_id')} and v.banked
        and (m.amount is distinct from v.minutes::bigint or coalesce(p.amount, 0) <> v.points_awarded)
      union all
      select t.visit_id, null, null, t.amount, null from transfers t
      left join visits v on v.id = t.visit_id
      where ${inScope('t.credit_account_id')} and t.kind = 'VISIT_CREDIT' and (v.id is null or not v.banked)
      limit 20`,
  },
  {
    name: 'monthly-figures-kept',
    description: "each site's kept monthly figures equal those computed from its claims, needs, visits and transfers",
    query: (_inScope, inSites) => {
      const sitesInScope = inSites('site_id');
      // A month whose figures all came back to zero (a credit and its reversal) may be kept as a row of
      // zeros or not at all.
      const nonZero = sql`(service_minutes, needs_posted, needs_completed, points_issued, points_redeemed)
        <> (0, 0, 0, 0, 0)`;
      return sql`
        with kept as (select * from site_months where ${sitesInScope} and ${nonZero}),
        live as (select * from site_months_recomputed where ${sitesInScope} and ${nonZero}),
        kept_v as (select * from site_month_volunteers where ${sitesInScope}),
        live_v as (select * from site_month_volunteers_recomputed where ${sitesInScope}),
        kept_e as (select * from site_month_elders where ${sitesInScope}),
        live_e as (select * from site_month_elders_recomputed where ${sitesInScope})
        select 'kept' as side, 'figures' as what, to_jsonb(d) as row from (table kept except table live) d
        union all select 'rows', 'figures', to_jsonb(d) from (table live except table kept) d
        union all select 'kept', 'volunteers', to_jsonb(d) from (table kept_v except table live_v) d
        union all select 'rows', 'volunteers', to_jsonb(d) from (table live_v except table kept_v) d
        union all select 'kept', 'elders', to_jsonb(d) from (table kept_e except table live_e) d
        union all select 'rows', 'elders', to_jsonb(d) from (table live_e except table kept_e) d
        limit 20`;
    },
  },
];

export async function checkInvariants(ex: Executor, accountIds?: readonly number[]): Promise<InvariantResult[]> {
  const listOf = (ids: readonly number[]) =>
    sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    );
  const inScope: Scope = (column) =>
    accountIds === undefined ? sql`true` : sql`${sql.raw(column)} in (${listOf(accountIds)})`;
  // The sites as a list of values, not a subquery: a filter of constants reaches into the
  // recomputing views' every branch, so a test's check reads its own site's rows only.
  const siteIds =
    accountIds === undefined
      ? undefined
      : rowsOf(
          await ex.execute(sql`
            select distinct coalesce(a.site_id, m.site_id) as id from accounts a
            left join members m on m.id = a.member_id where ${inScope('a.id')}`),
        ).map((r) => Number(r.id));
  const inSites: Scope = (column) =>
    siteIds === undefined
      ? sql`true`
      : siteIds.length === 0
        ? sql`false`
        : sql`${sql.raw(column)} in (${listOf(siteIds)})`;
  const results: InvariantResult[] = [];
  for (const check of CHECKS) {
    const list = rowsOf(await ex.execute(check.query(inScope, inSites)));
    results.push({ name: check.name, description: check.description, holds: list.length === 0, violations: list });
  }
  return results;
}

/** postgres-js returns an array, PGlite an object with `rows`: the one place that knows. */
export function rowsOf(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result)) return result as Record<string, unknown>[];
  return (result as { rows?: Record<string, unknown>[] }).rows ?? [];
}
