// Product photos: optional and small, kept in the database beside the goods (never a CDN). The
// shopkeepers set or remove one; any member of the site may look at it (the HTTP route serves it).
import { supermarketQueries as q, type ProductPhotoRow, type ProductRow } from '@huzhu/db';
import { requireVisibleAt, type Actor } from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { ErrorCode, fail } from '../core/errors';
import { checkPhoto } from './photo-check';
import { productForShopkeeper } from './products.service';

/**
 * Sets the product's photo (standard base64 of a JPEG or WebP, checked by checkPhoto), or with
 * null removes it. COORDINATOR or CLERK of the product's site.
 */
export async function setProductPhoto(
  deps: ServiceDeps,
  actor: Actor | null,
  productId: number,
  photoBase64: string | null,
): Promise<ProductRow> {
  await productForShopkeeper(deps, actor, productId);
  const photo = photoBase64 === null ? null : checkPhoto(photoBase64);
  const row = await deps.db.transaction(async (tx) => {
    const before = (await q.productById(tx, productId, true))!;
    if (!photo) {
      if (before.photoAt === null) return before;
      await q.deleteProductPhoto(tx, productId);
      await audit(tx, actor, before.siteId, 'removeProductPhoto', 'product', productId, { name: before.name });
      return q.updateProduct(tx, productId, { photoAt: null });
    }
    const at = new Date();
    await q.putProductPhoto(tx, { productId, ...photo, updatedAt: at });
    await audit(tx, actor, before.siteId, 'setProductPhoto', 'product', productId, {
      name: before.name,
      mimeType: photo.mimeType,
      bytes: photo.bytes.length,
      width: photo.width,
      height: photo.height,
    });
    return q.updateProduct(tx, productId, { photoAt: at });
  });
  deps.cache.product.clear(productId).prime(productId, row);
  return row;
}

/** The product's photo for any member of its site (and platform staff); NOT_FOUND otherwise. */
export async function readProductPhoto(
  deps: ServiceDeps,
  actor: Actor | null,
  productId: number,
): Promise<ProductPhotoRow> {
  const missing: () => never = () =>
    fail(ErrorCode.NOT_FOUND, { en: 'No such photo', zh: '没有这张照片' }, { field: 'productId' });
  const product = await deps.cache.product.load(productId);
  if (!product) missing();
  requireVisibleAt(actor, product.siteId, missing);
  return (await q.productPhoto(deps.db, productId)) ?? missing();
}
