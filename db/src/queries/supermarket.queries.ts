// SQL for the points supermarket: the goods, their stock and the redemptions that trade points
// for them. The rules (who may, how much, in which order) live in the server's supermarket service.
import { and, asc, count, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../open';
import { anyOf, placeholderRows, placeholderSet, rowById, runPrepared } from './prepared';
import type { ProductPhotoRow, ProductRow, RedemptionItemRow, RedemptionRow } from '../rows';
import { accounts, productPhotos, products, redemptionItems, redemptions, sites, transfers } from '../schema/index';

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

/** The site's goods, retired ones too (the goods page, where a retired one can be put back on sale). */
export async function allProducts(ex: Executor, siteId: number): Promise<ProductRow[]> {
  return ex
    .select()
    .from(products)
    .where(eq(products.siteId, siteId))
    .orderBy(desc(products.active), asc(products.name), asc(products.id));
}

/** The fields of a product that change after it is added (stock moves through adjustStock). */
export type ProductChanges = Partial<Pick<ProductRow, 'name' | 'pointsPrice' | 'unit' | 'active' | 'photoAt'>>;

/** Changes a product's own fields (name, price, unit, on sale or retired); the row is locked. */
export async function updateProduct(ex: Executor, id: number, set: ProductChanges): Promise<ProductRow> {
  const [row] = await ex.update(products).set(set).where(eq(products.id, id)).returning();
  if (!row) throw new Error(`update of product ${id} returned no row`);
  return row;
}

/** Writes the product's photo, replacing any earlier one. */
export async function putProductPhoto(
  ex: Executor,
  photo: Omit<ProductPhotoRow, 'updatedAt'> & { updatedAt: Date },
): Promise<void> {
  await ex
    .insert(productPhotos)
    .values(photo)
    .onConflictDoUpdate({
      target: productPhotos.productId,
      set: {
        mimeType: photo.mimeType,
        bytes: photo.bytes,
        width: photo.width,
        height: photo.height,
        updatedAt: photo.updatedAt,
      },
    });
}

export async function deleteProductPhoto(ex: Executor, productId: number): Promise<void> {
  await ex.delete(productPhotos).where(eq(productPhotos.productId, productId));
}

export async function productPhoto(ex: Executor, productId: number): Promise<ProductPhotoRow | undefined> {
  const [row] = await ex.select().from(productPhotos).where(eq(productPhotos.productId, productId));
  return row;
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

/**
 * Numbers the redemption's receipt and records the member's points after it: the site's day (in
 * its time zone) of the redemption, the next number of that day at the site, and the balance of
 * the member's points account. Call it after the points moved: the transfer holds the site's
 * supermarket account until commit, so the site's redemptions pass here one at a time, each
 * statement seeing the numbers of those committed before it.
 */
export async function numberReceipt(ex: Executor, id: number, memberAccountId: number): Promise<RedemptionRow> {
  const day = sql`(${redemptions.createdAt} at time zone (select ${sites.timeZone} from ${sites} where ${sites.id} = ${redemptions.siteId}))::date`;
  // Every redemption numbers its receipt: built once (runPrepared).
  const [row] = await runPrepared(
    ex,
    'number_receipt',
    (q) =>
      q
        .update(redemptions)
        .set({
          receiptDay: sql`${day}`,
          receiptNo: sql`coalesce((select max(x.receipt_no) from ${redemptions} x
            where x.site_id = ${redemptions.siteId} and x.receipt_day = ${day}), 0) + 1`,
          balanceAfter: sql`(select ${accounts.balance} from ${accounts} where ${accounts.id} = ${sql.placeholder('account')})`,
        })
        .where(eq(redemptions.id, sql.placeholder('id')))
        .returning(),
    { id, account: memberAccountId },
  );
  if (!row) throw new Error(`redemption ${id} vanished`);
  return row;
}

/** Of the given redemptions, those whose points a ledger reversal already returned. */
export async function reversedRedemptionIds(ex: Executor, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await ex
    .select({ id: transfers.redemptionId })
    .from(transfers)
    .where(
      and(
        inArray(transfers.redemptionId, [...ids]),
        eq(transfers.kind, 'REDEMPTION'),
        sql`exists (select 1 from ${transfers} r where r.reverses_id = ${transfers.id})`,
      ),
    );
  return rows.map((r) => r.id!);
}

export interface RedemptionFilter {
  siteId: number;
  memberId?: number | undefined;
  /** The receipt's day, YYYY-MM-DD: the site's calendar day the redemption was made on. */
  day?: string | undefined;
}

function redemptionWhere(f: RedemptionFilter): SQL | undefined {
  return and(
    eq(redemptions.siteId, f.siteId),
    f.memberId !== undefined ? eq(redemptions.memberId, f.memberId) : undefined,
    f.day !== undefined ? eq(redemptions.receiptDay, f.day) : undefined,
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

/** What a list of redemptions adds up to, over all its pages. */
export interface RedemptionTotals {
  /** How many, cancelled ones included. */
  count: number;
  /** How many were cancelled (refunded and restocked). */
  cancelled: number;
  /** Points taken by those that stand (a cancelled one gave its points back). */
  points: number;
}

export async function redemptionTotals(ex: Executor, f: RedemptionFilter): Promise<RedemptionTotals> {
  const [row] = await ex
    .select({
      count: count(),
      cancelled: sql<number>`(count(*) filter (where ${redemptions.status} = 'CANCELLED'))::int`,
      points: sql<number>`(coalesce(sum(${redemptions.totalPoints}) filter (where ${redemptions.status} = 'COMPLETED'), 0))::int`,
    })
    .from(redemptions)
    .where(redemptionWhere(f));
  return { count: row?.count ?? 0, cancelled: Number(row?.cancelled ?? 0), points: Number(row?.points ?? 0) };
}
