// The points supermarket's goods (爱心积分超市): what a site sells, added, restocked, edited and
// retired by its shopkeepers. Redemptions, which take stock away against points, are
// supermarket.service.ts's; product photos are product-photos.service.ts's.
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
/** A product's editable fields; undefined leaves one as it is, a null unit goes back to plain items. */
export interface ProductEdit {
  name?: string | null;
  pointsPrice?: number | null;
  unit?: string | null;
}

/**
 * The site's goods on sale, by name: anyone of the site (and platform staff) may look. With
 * `includeRetired`, retired goods too, after those on sale: the shopkeepers' goods page only.
 */
export async function listProducts(
  deps: ServiceDeps,
  actor: Actor | null,
  siteId: number,
  includeRetired = false,
): Promise<ProductRow[]> {
  if (!includeRetired) {
    requireMemberOf(actor, siteId);
    return q.activeProducts(deps.db, siteId);
  }
  requireRoleAt(actor, siteId, [...SHOPKEEPERS, 'ADMIN']);
  return q.allProducts(deps.db, siteId);
}

/**
 * The product for a shopkeeper of its site: NOT_FOUND for an unknown id or one of a site the
 * actor does not belong to (so ids of other sites stay unknown), FORBIDDEN for a member of the
 * site who does not keep the shop.
 */
export async function productForShopkeeper(deps: ServiceDeps, actor: Actor | null, productId: number) {
  requireActor(actor);
  const product = await deps.cache.product.load(productId);
  const missing: () => never = () =>
    fail(ErrorCode.NOT_FOUND, { en: 'Goods not found', zh: '找不到这件商品' }, { field: 'productId' });
  if (!product) missing();
  requireVisibleAt(actor, product.siteId, missing);
  requireRoleAt(actor, product.siteId, [...SHOPKEEPERS, 'ADMIN']);
  return product;
}

/** The one answer to the site's unique name being taken (adding or renaming). */
function failIfNameTaken(error: unknown, name: string, field: string): void {
  // products_site_name: the only unique key a product's own fields can hit.
  if (pgErrorOf(error)?.code === '23505') {
    fail(
      ErrorCode.CONFLICT,
      { en: `The site already has goods named ${name}`, zh: `本站点已有名为"${name}"的商品` },
      { field },
    );
  }
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
    failIfNameTaken(error, name, 'input.name');
    throw error;
  }
}

/**
 * Renames a product, reprices it or changes its unit. Past redemptions keep what they paid (each
 * line stores its points) and show the product's current name, as every receipt does.
 */
export async function updateProduct(
  deps: ServiceDeps,
  actor: Actor | null,
  productId: number,
  edit: ProductEdit,
): Promise<ProductRow> {
  await productForShopkeeper(deps, actor, productId);
  const set: q.ProductChanges = {};
  if (edit.name != null) set.name = v.text('input.name', edit.name, 60);
  if (edit.pointsPrice != null) set.pointsPrice = v.int('input.pointsPrice', edit.pointsPrice, 1, 100_000);
  if (edit.unit !== undefined) set.unit = v.optionalText('input.unit', edit.unit, 8) ?? null;
  try {
    const row = await deps.db.transaction(async (tx) => {
      const before = (await q.productById(tx, productId, true))!;
      const changed = Object.fromEntries(
        Object.entries(set).filter(([k, value]) => before[k as keyof typeof set] !== value),
      ) as q.ProductChanges;
      if (Object.keys(changed).length === 0) return before;
      const updated = await q.updateProduct(tx, productId, changed);
      const was = Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as keyof typeof set]]));
      await audit(tx, actor, before.siteId, 'updateProduct', 'product', productId, { before: was, after: changed });
      return updated;
    });
    deps.cache.product.clear(productId).prime(productId, row);
    return row;
  } catch (error) {
    failIfNameTaken(error, set.name ?? '', 'input.name');
    throw error;
  }
}

/**
 * Retires a product (retired: true: off the shop and the counter; its past redemptions still name
 * it) or puts it back on sale. Asking for the state it is already in changes nothing.
 */
export async function setProductRetired(
  deps: ServiceDeps,
  actor: Actor | null,
  productId: number,
  retired: boolean,
): Promise<ProductRow> {
  await productForShopkeeper(deps, actor, productId);
  const row = await deps.db.transaction(async (tx) => {
    const before = (await q.productById(tx, productId, true))!;
    if (before.active === !retired) return before;
    const updated = await q.updateProduct(tx, productId, { active: !retired });
    await audit(tx, actor, before.siteId, retired ? 'retireProduct' : 'restoreProduct', 'product', productId, {
      name: before.name,
    });
    return updated;
  });
  deps.cache.product.clear(productId).prime(productId, row);
  return row;
}

export async function restockProduct(
  deps: ServiceDeps,
  actor: Actor | null,
  productId: number,
  quantityInput: number,
): Promise<ProductRow> {
  await productForShopkeeper(deps, actor, productId);
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
