// The ledger's invariants, read straight from the tables: what `ledger:check` prints and what the
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
  query: (inScope: Scope) => SQL;
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
];

export async function checkInvariants(ex: Executor, accountIds?: readonly number[]): Promise<InvariantResult[]> {
  const inScope: Scope = (column) =>
    accountIds === undefined
      ? sql`true`
      : sql`${sql.raw(column)} in (${sql.join(
          accountIds.map((id) => sql`${id}`),
          sql`, `,
        )})`;
  const results: InvariantResult[] = [];
  for (const check of CHECKS) {
    const list = rowsOf(await ex.execute(check.query(inScope)));
    results.push({ name: check.name, description: check.description, holds: list.length === 0, violations: list });
  }
  return results;
}

/** postgres-js returns an array, PGlite an object with `rows`: the one place that knows. */
export function rowsOf(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result)) return result as Record<string, unknown>[];
  return (result as { rows?: Record<string, unknown>[] }).rows ?? [];
}
