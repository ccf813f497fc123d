// Read-only looks at the database behind a server under test: what the API cannot show, such as
// a key stored twice or a confirmation that credited nothing. Each query returns offending rows.
import { openDb } from '@huzhu/db';
import type { Outcome } from './workload';

type Row = Record<string, unknown>;

/** Runs `work` with a one-connection client on the database, closed afterwards. */
export async function withSql<T>(url: string, work: (query: (text: string) => Promise<Row[]>) => Promise<T>) {
  const handle = await openDb({ url, migrate: false, poolSize: 1 });
  try {
    return await work(async (text) => [...(await handle.sql!.unsafe(text))] as Row[]);
  } finally {
    await handle.close();
  }
}

/** Idempotency keys stored more than once: transfers, redemptions, confirmed claims. */
export const DUPLICATE_KEYS = `
  select 'transfers' as "table", idempotency_key as key, count(*)::int as n from transfers
   group by idempotency_key having count(*) > 1
  union all
  select 'redemptions', idempotency_key, count(*)::int from redemptions
   group by idempotency_key having count(*) > 1
  union all
  select 'claims.confirm_key', confirm_key, count(*)::int from claims
   where confirm_key is not null group by confirm_key having count(*) > 1`;

/**
 * Requests applied in part: a confirmed claim without its minutes credit, or a credit or key on a
 * claim that is not confirmed; a redemption whose lines, points debit or total disagree.
 */
export const HALF_APPLIED = `
  select 'claim' as what, c.id from claims c
   where (c.confirm_key is not null and c.status <> 'CONFIRMED')
      or (c.status = 'CONFIRMED') <> exists (select 1 from transfers t
           where t.claim_id = c.id and t.kind = 'SERVICE_CREDIT' and t.unit = 'MINUTES' and t.amount = c.confirmed_minutes)
      or coalesce(c.points_awarded, 0) <> coalesce((select sum(t.amount) from transfers t
           where t.claim_id = c.id and t.kind = 'SERVICE_CREDIT' and t.unit = 'POINTS'), 0)
  union all
  select 'redemption', r.id from redemptions r
   where r.total_points <> coalesce((select sum(i.points) from redemption_items i where i.redemption_id = r.id), -1)
      or 1 <> (select count(*) from transfers t
           where t.redemption_id = r.id and t.kind = 'REDEMPTION' and t.amount = r.total_points)`;

/** How many rows hold each key the clients sent (confirm keys on claims, redeem keys namespaced by member). */
export async function rowsPerKey(url: string, outcomes: Outcome[]): Promise<Map<string, number>> {
  return withSql(url, async (query) => {
    const rows = await query(`
      select confirm_key as key from claims where confirm_key like 'fault-%'
      union all
      select regexp_replace(idempotency_key, '^redeem:[0-9]+:', '') from redemptions
       where idempotency_key like 'redeem:%:fault-%'`);
    const counts = new Map(outcomes.map((o) => [o.op.key, 0]));
    for (const r of rows) {
      const key = String(r.key);
      if (counts.has(key)) counts.set(key, counts.get(key)! + 1);
    }
    return counts;
  });
}

/** Stock of the given goods (opaque ids end in the row id), and units handed out against them. */
export const STOCK_SQL = `
  select p.id, p.stock, coalesce(sum(i.quantity) filter (where r.status = 'COMPLETED'), 0)::int as handed_out
    from products p left join redemption_items i on i.product_id = p.id
    left join redemptions r on r.id = i.redemption_id
   where p.name like '故障测试%' group by p.id, p.stock`;

export interface DbFindings {
  duplicateKeys: Row[];
  halfApplied: Row[];
  /** Goods whose stock plus what was handed out is not what was stocked. */
  stockMismatch: Row[];
}

export function findings(url: string, stocked: number): Promise<DbFindings> {
  return withSql(url, async (query) => ({
    duplicateKeys: await query(DUPLICATE_KEYS),
    halfApplied: await query(HALF_APPLIED),
    stockMismatch: (await query(STOCK_SQL)).filter((r) => Number(r.stock) + Number(r.handed_out) !== stocked),
  }));
}
