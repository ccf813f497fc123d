// GraphQL for the points supermarket: parse ids, call the service, and the one mapping of the
// product, redemption and redemption-item rows to Product, Redemption and RedemptionItem.
import { ErrorCode, fail, isAppError } from '../core/errors';
import { fromId, toId } from '../core/ids';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import * as photos from './product-photos.service';
import * as products from './products.service';
import * as shop from './supermarket.service';
import * as redemptions from './redemption-list.service';

/** OUT_OF_STOCK names the goods as a client knows them: by their opaque id, not the row's. */
async function withProductIds<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (isAppError(error, ErrorCode.OUT_OF_STOCK) && typeof error.extensions.productId === 'number') {
      const { code, messageZh: zh, ...detail } = error.extensions;
      fail(code, { en: error.message, zh }, { ...detail, productId: toId('Product', error.extensions.productId) });
    }
    throw error;
  }
}

export const supermarketResolvers: Resolvers = {
  Query: {
    products: (_p, a, ctx) =>
      products.listProducts(ctx.deps, ctx.viewer, fromId('Site', a.siteId, 'siteId'), a.includeRetired ?? false),
    redemptions: (_p, a, ctx) =>
      redemptions.listRedemptions(ctx.deps, ctx.viewer, {
        siteId: fromId('Site', a.siteId, 'siteId'),
        memberId: a.memberId == null ? undefined : fromId('Member', a.memberId, 'memberId'),
        day: a.day,
        first: a.first,
        after: a.after,
      }),
  },
  Mutation: {
    addProduct: (_p, { input }, ctx) =>
      products.addProduct(ctx.deps, ctx.viewer, { ...input, siteId: fromId('Site', input.siteId, 'input.siteId') }),
    restockProduct: (_p, a, ctx) =>
      products.restockProduct(ctx.deps, ctx.viewer, fromId('Product', a.productId, 'productId'), a.quantity),
    updateProduct: (_p, a, ctx) =>
      products.updateProduct(ctx.deps, ctx.viewer, fromId('Product', a.productId, 'productId'), a.input),
    retireProduct: (_p, a, ctx) =>
      products.setProductRetired(ctx.deps, ctx.viewer, fromId('Product', a.productId, 'productId'), true),
    restoreProduct: (_p, a, ctx) =>
      products.setProductRetired(ctx.deps, ctx.viewer, fromId('Product', a.productId, 'productId'), false),
    setProductPhoto: (_p, a, ctx) =>
      photos.setProductPhoto(ctx.deps, ctx.viewer, fromId('Product', a.productId, 'productId'), a.photo ?? null),
    redeem: (_p, { input }, ctx) =>
      withProductIds(
        shop.redeem(ctx.deps, ctx.viewer, {
          memberId: fromId('Member', input.memberId, 'input.memberId'),
          siteId: input.siteId == null ? null : fromId('Site', input.siteId, 'input.siteId'),
          // Only the first lines past the limit are parsed: the service refuses the rest by count.
          items: input.items.slice(0, shop.MAX_LINES + 1).map((item, i) => ({
            productId: fromId('Product', item.productId, `input.items[${i}].productId`),
            quantity: item.quantity,
          })),
          idempotencyKey: input.idempotencyKey,
        }),
      ),
    cancelRedemption: (_p, a, ctx) =>
      shop.cancelRedemption(ctx.deps, ctx.viewer, fromId('Redemption', a.id, 'id'), a.reason),
  },
  Product: {
    id: (p) => toId('Product', p.id),
    retired: (p) => !p.active,
    // The photo's time in its URL: a new photo is a new URL, so a cached one is never stale.
    photoUrl: (p, _a, ctx) =>
      p.photoAt === null ? null : `${ctx.baseUrl}/photos/products/${toId('Product', p.id)}?v=${p.photoAt.getTime()}`,
  },
  Redemption: {
    id: (r) => toId('Redemption', r.id),
    member: async (r, _a, ctx) => (await ctx.loaders.member.load(r.memberId))!,
    handledBy: async (r, _a, ctx) =>
      r.createdBy === null ? null : ((await ctx.loaders.member.load(r.createdBy)) ?? null),
    status: (r) => r.status,
    items: (r, _a, ctx) => ctx.loaders.itemsOfRedemption.load(r.id),
    receiptNumber: (r) => redemptions.receiptNumber(r),
    balanceAfter: (r) => {
      // Written with the receipt's number, in the redemption's own transaction.
      if (r.balanceAfter === null) throw new Error(`redemption ${r.id} has no balance after`);
      return r.balanceAfter;
    },
    canCancel: (r, _a, ctx) => redemptions.canCancel(ctx.deps, ctx.viewer, r),
  },
  RedemptionItem: {
    // Goods are never deleted (only deactivated), so an item's product is always there.
    product: async (i, _a, ctx) => (await ctx.loaders.product.load(i.productId))!,
  },
};
