// GraphQL for the points supermarket: parse ids, call the service, and the one mapping of the
// product, redemption and redemption-item rows to Product, Redemption and RedemptionItem.
import { fromId, toId } from '../graphql/ids';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import * as shop from './supermarket.service';

export const supermarketResolvers: Resolvers = {
  Query: {
    products: (_p, a, ctx) => shop.listProducts(ctx, fromId('Site', a.siteId, 'siteId')),
    redemptions: (_p, a, ctx) =>
      shop.listRedemptions(ctx, {
        siteId: fromId('Site', a.siteId, 'siteId'),
        memberId: a.memberId == null ? undefined : fromId('Member', a.memberId, 'memberId'),
        first: a.first,
        after: a.after,
      }),
  },
  Mutation: {
    addProduct: (_p, { input }, ctx) =>
      shop.addProduct(ctx, { ...input, siteId: fromId('Site', input.siteId, 'input.siteId') }),
    restockProduct: (_p, a, ctx) => shop.restockProduct(ctx, fromId('Product', a.productId, 'productId'), a.quantity),
    redeem: (_p, { input }, ctx) =>
      shop.redeem(ctx, {
        memberId: fromId('Member', input.memberId, 'input.memberId'),
        // Only the first lines past the limit are parsed: the service refuses the rest by count.
        items: input.items.slice(0, shop.MAX_LINES + 1).map((item, i) => ({
          productId: fromId('Product', item.productId, `input.items[${i}].productId`),
          quantity: item.quantity,
        })),
        idempotencyKey: input.idempotencyKey,
      }),
    cancelRedemption: (_p, a, ctx) => shop.cancelRedemption(ctx, fromId('Redemption', a.id, 'id'), a.reason),
  },
  Product: {
    id: (p) => toId('Product', p.id),
  },
  Redemption: {
    id: (r) => toId('Redemption', r.id),
    member: async (r, _a, ctx) => (await ctx.loaders.member.load(r.memberId))!,
    status: (r) => r.status,
    items: (r, _a, ctx) => ctx.loaders.itemsOfRedemption.load(r.id),
  },
  RedemptionItem: {
    // Goods are never deleted (only deactivated), so an item's product is always there.
    product: async (i, _a, ctx) => (await ctx.loaders.product.load(i.productId))!,
  },
};
