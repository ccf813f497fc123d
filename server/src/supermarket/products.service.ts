// The points supermarket's goods (爱心积分超市): what a site sells, added and restocked by its
// shopkeepers. Redemptions, which take stock away against points, are supermarket.service.ts's.
import { pgErrorOf, supermarketQueries as q, type ProductRow } from '@huzhu/db';
import { requireActor, requireMemberOf, requireRoleAt, requireVisibleAt, type Actor } from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { ErrorCode, badInput, fail } from '../core/errors';
import * as v from '../core/validate';

/** Who runs the shop: adds goods, restocks, hands goods out for others and takes them back. */
export const SHOPKEEPERS = ['COORDINATOR', 'CLERK'] as const;
/** The most a restock may bring a product to: far above any village shop, well inside Int. */
export const MAX_STOCK = 1_000_000;

/** Goods a site starts selling. */
export interface NewProduct {
  siteId: number;
  name: string;
  pointsPrice: number;
  stock: number;
}
/** The site's goods on sale, by name: anyone of the site (and platform staff) may look. */
export async function listProducts(deps: ServiceDeps, actor: Actor | null, siteId: number): Promise<ProductRow[]> {
  requireMemberOf(actor, siteId);
  return q.activeProducts(deps.db, siteId);
}

export async function addProduct(deps: ServiceDeps, actor: Actor | null, input: NewProduct): Promise<ProductRow> {
  requireRoleAt(actor, input.siteId, [...SHOPKEEPERS, 'ADMIN']);
  const name = v.text('input.name', input.name, 60);
  const pointsPrice = v.int('input.pointsPrice', input.pointsPrice, 1, 100_000);
  const stock = v.int('input.stock', input.stock, 0, 100_000);
  if (!(await deps.cache.site.load(input.siteId))) {
    fail(ErrorCode.NOT_FOUND, { en: 'Site not found', zh: '找不到这个站点' }, { field: 'input.siteId' });
  }
  try {
    return await deps.db.transaction(async (tx) => {
      const row = await q.insertProduct(tx, { siteId: input.siteId, name, pointsPrice, stock });
      await audit(tx, actor, row.siteId, 'addProduct', 'product', row.id, { name, pointsPrice, stock });
      return row;
    });
  } catch (error) {
    // products_site_name: the only unique key a new product can hit.
    if (pgErrorOf(error)?.code === '23505') {
      fail(
        ErrorCode.CONFLICT,
        { en: `The site already has goods named ${name}`, zh: `本站点已有名为"${name}"的商品` },
        { field: 'input.name' },
      );
    }
    throw error;
  }
}

export async function restockProduct(
  deps: ServiceDeps,
  actor: Actor | null,
  productId: number,
  quantityInput: number,
): Promise<ProductRow> {
  requireActor(actor);
  const product = await deps.cache.product.load(productId);
  const missing: () => never = () =>
    fail(ErrorCode.NOT_FOUND, { en: 'Goods not found', zh: '找不到这件商品' }, { field: 'productId' });
  if (!product) missing();
  requireVisibleAt(actor, product.siteId, missing);
  requireRoleAt(actor, product.siteId, [...SHOPKEEPERS, 'ADMIN']);
  const quantity = v.int('quantity', quantityInput, 1, 100_000);
  const row = await deps.db.transaction(async (tx) => {
    const locked = (await q.productById(tx, productId, true))!;
    if (locked.stock + quantity > MAX_STOCK) {
      badInput('quantity', {
        en: `Stock would exceed ${MAX_STOCK} (now ${locked.stock})`,
        zh: `库存将超过 ${MAX_STOCK} 件（现有 ${locked.stock} 件）`,
      });
    }
    const [updated] = await q.adjustStock(tx, [{ productId, delta: quantity }]);
    await audit(tx, actor, locked.siteId, 'restockProduct', 'product', productId, {
      quantity,
      stock: updated!.stock,
    });
    return updated!;
  });
  deps.cache.product.clear(productId).prime(productId, row);
  return row;
}
