// SQL for the points supermarket: the goods, their stock and the redemptions that trade points
// for them. The rules (who may, how much, in which order) live in the server's supermarket service.
import { and, asc, count, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../open';
import { anyOf, placeholderRows, placeholderSet, rowById, runPrepared } from './prepared';
import type { ProductRow, RedemptionItemRow, RedemptionRow } from '../rows';
import { products, redemptionItems, redemptions } from '../schema/index';

export type NewProduct = typeof products.$inferInsert;
export type NewRedemption = typeof redemptions.$inferInsert;
export type NewRedemptionItem = typeof redemptionItems.$inferInsert;

// ---- products ----

export async function insertProduct(ex: Executor, product: NewProduct): Promise<ProductRow> {
  const [row] = await ex.insert(products).values(product).returning();
  if (!row) throw new Error('insert into products returned no row');
  return row;
}

export async function productById(ex: Executor, id: number, lock = false): Promise<ProductRow | undefined> {
  const q = ex.select().from(products).where(eq(products.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function productsByIds(ex: Executor, ids: readonly number[]): Promise<ProductRow[]> {
  if (ids.length === 0) return [];
  return runPrepared(ex, 'products_by_ids', (q) => q.select().from(products).where(anyOf(products.id, 'ids')), {
    ids: [...ids],
  });
}

/**
 * Locks the given products FOR UPDATE in ascending id order: two baskets sharing goods then
 * queue on the first shared product instead of deadlocking on each other's.
 */
export async function lockProducts(ex: Executor, ids: readonly number[]): Promise<ProductRow[]> {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  return runPrepared(
    ex,
    'lock_products',
    (q) => q.select().from(products).where(anyOf(products.id, 'ids')).orderBy(asc(products.id)).for('update'),
    { ids: sorted },
  );
}

/** The site's goods on sale, by name. */
export async function activeProducts(ex: Executor, siteId: number): Promise<ProductRow[]> {
  return ex
    .select()
    .from(products)
    .where(and(eq(products.siteId, siteId), eq(products.active, true)))
    .orderBy(asc(products.name), asc(products.id));
}

/**
 * Moves the stock of several products by their deltas in one statement (the rows are already
 * locked). The table's check keeps stock at or above zero whatever is passed here.
 */
export async function adjustStock(
  ex: Executor,
  changes: readonly { productId: number; delta: number }[],
): Promise<ProductRow[]> {
  if (changes.length === 0) return [];
  // One statement text per number of products: ids and deltas as placeholders.
  const n = changes.length;
  const values: Record<string, unknown> = { ids: changes.map((c) => c.productId) };
  changes.forEach((c, i) => Object.assign(values, { [`p${i}`]: c.productId, [`d${i}`]: c.delta }));
  return runPrepared(
    ex,
    `adjust_stock_${n}`,
    (q) => {
      const whens = Array.from(
        { length: n },
        (_, i) => sql`when ${products.id} = ${sql.placeholder(`p${i}`)} then ${sql.placeholder(`d${i}`)}::int`,
      );
      const delta = sql.join([sql`case`, ...whens, sql`else 0 end`], sql` `);
      return q
        .update(products)
        .set({ stock: sql`${products.stock} + ${delta}` })
        .where(anyOf(products.id, 'ids'))
        .returning();
    },
    values,
  );
}

// ---- redemptions ----

export async function redemptionById(ex: Executor, id: number, lock = false): Promise<RedemptionRow | undefined> {
  return rowById(ex, redemptions, 'redemption_by_id', id, lock);
}

export async function redemptionsByIds(ex: Executor, ids: readonly number[]): Promise<RedemptionRow[]> {
  if (ids.length === 0) return [];
  return ex
    .select()
    .from(redemptions)
    .where(inArray(redemptions.id, [...ids]));
}

export async function redemptionByKey(ex: Executor, idempotencyKey: string): Promise<RedemptionRow | undefined> {
  const [row] = await ex.select().from(redemptions).where(eq(redemptions.idempotencyKey, idempotencyKey));
  return row;
}

/**
 * Inserts the redemption unless its idempotency key is taken; returns undefined when it is (the
 * caller then reads the holder). ON CONFLICT waits for a concurrent holder of the key to commit
 * or roll back, so two racing retries can never both write.
 */
export async function insertRedemption(ex: Executor, row: NewRedemption): Promise<RedemptionRow | undefined> {
  const { shape, set, values } = placeholderSet(row);
  const [inserted] = await runPrepared(
    ex,
    `insert_redemption_${shape}`,
    (q) => q.insert(redemptions).values(set).onConflictDoNothing({ target: redemptions.idempotencyKey }).returning(),
    values,
  );
  return inserted;
}

export async function insertRedemptionItems(
  ex: Executor,
  items: readonly NewRedemptionItem[],
): Promise<RedemptionItemRow[]> {
  if (items.length === 0) return [];
  const { shape, rows, values } = placeholderRows(items);
  return runPrepared(
    ex,
    `insert_redemption_items_${shape}`,
    (q) => q.insert(redemptionItems).values(rows).returning(),
    values,
  );
}

export async function itemsByRedemptionIds(ex: Executor, ids: readonly number[]): Promise<RedemptionItemRow[]> {
  if (ids.length === 0) return [];
  return runPrepared(
    ex,
    'items_of_redemptions',
    (q) =>
      q
        .select()
        .from(redemptionItems)
        .where(anyOf(redemptionItems.redemptionId, 'ids'))
        .orderBy(asc(redemptionItems.redemptionId), asc(redemptionItems.productId)),
    { ids: [...ids] },
  );
}

export async function markCancelled(
  ex: Executor,
  id: number,
  by: { cancelledBy: number; cancelReason: string },
): Promise<RedemptionRow> {
  const [row] = await ex
    .update(redemptions)
    .set({ status: 'CANCELLED', cancelledAt: new Date(), ...by })
    .where(eq(redemptions.id, id))
    .returning();
  if (!row) throw new Error(`redemption ${id} vanished`);
  return row;
}

export interface RedemptionFilter {
  siteId: number;
  memberId?: number | undefined;
}

function redemptionWhere(f: RedemptionFilter): SQL | undefined {
  return and(
    eq(redemptions.siteId, f.siteId),
    f.memberId !== undefined ? eq(redemptions.memberId, f.memberId) : undefined,
  );
}

/** Newest first, keyset on id; `beforeId` is the id of the last row seen. */
export async function listRedemptions(
  ex: Executor,
  f: RedemptionFilter,
  limit: number,
  beforeId?: number,
): Promise<RedemptionRow[]> {
  return ex
    .select()
    .from(redemptions)
    .where(and(redemptionWhere(f), beforeId !== undefined ? lt(redemptions.id, beforeId) : undefined))
    .orderBy(desc(redemptions.id))
    .limit(limit);
}

export async function countRedemptions(ex: Executor, f: RedemptionFilter): Promise<number> {
  const [row] = await ex.select({ n: count() }).from(redemptions).where(redemptionWhere(f));
  return row?.n ?? 0;
}
