// The points supermarket's rules, example by example, on PGlite and on PostgreSQL.
import { ledgerQueries, memberQueries, supermarketQueries, type MemberRow, type ProductRow } from '@huzhu/db';
import { seedDemo } from '@huzhu/db/seed';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../graphql/context';
import { toId } from '../core/ids';
import { buildSchema } from '../graphql/schema';
import * as products from './products.service';
import * as shop from './supermarket.service';
import * as redemptions from './redemption-list.service';

import { codeOf } from '../testing';
import { errorOf, harness, key } from './supermarket.testing';

describe.each(testEngines())('points supermarket on %s', (engine) => {
  let handle: TestDb;
  const db = () => handle.db;
  const { as, deps, contextAs, balance, stockOf, village, snapshot, invariantsHold } = harness(db);
  const line = (p: ProductRow, quantity: number) => ({ productId: p.id, quantity });

  beforeAll(async () => {
    handle = await openTestDb(engine);
  });
  afterAll(() => handle.close());

  it('hands out goods at the demo village: points and stock move together', async () => {
    const demo = await seedDemo(db());
    const clerk = (await memberQueries.memberByPhone(db(), '13900000002'))!; // 王小芳
    const zhang = (await memberQueries.memberByPhone(db(), '13900000003'))!; // 张建国, 100 points
    const goods = await products.listProducts(deps(), await as(zhang), demo.siteId);
    const towel = goods.find((p) => p.name === '毛巾')!;
    const eggs = goods.find((p) => p.name === '鸡蛋（一盒10个）')!;
    const account = (await ledgerQueries.memberAccount(db(), zhang.id, 'POINTS'))!;
    const shopAccount = (await ledgerQueries.siteAccount(db(), demo.siteId, 'SUPERMARKET', 'POINTS'))!;

    const r = await shop.redeem(deps(), await as(clerk), {
      memberId: zhang.id,
      items: [line(towel, 2), line(eggs, 1)],
      idempotencyKey: key(),
    });
    expect(r).toMatchObject({ memberId: zhang.id, siteId: demo.siteId, totalPoints: 70, status: 'COMPLETED' });
    expect(r.createdBy).toBe(clerk.id);
    const items = await supermarketQueries.itemsByRedemptionIds(db(), [r.id]);
    expect(items.map((i) => [i.productId, i.quantity, i.points]).sort()).toEqual(
      [
        [towel.id, 2, 30],
        [eggs.id, 1, 40],
      ].sort(),
    );
    expect([await stockOf(towel), await stockOf(eggs)]).toEqual([towel.stock - 2, eggs.stock - 1]);
    expect(await balance(account.id)).toBe(30);
    expect(await balance(shopAccount.id)).toBe(70);
    const [debit] = await ledgerQueries.accountTransfers(db(), [shopAccount.id], 1);
    expect(debit).toMatchObject({ kind: 'REDEMPTION', redemptionId: r.id, amount: 70, debitAccountId: account.id });
    await invariantsHold();
  });

  it('refuses a basket the stock cannot fill, and changes nothing', async () => {
    const v = await village('oos', [1000]);
    const before = await snapshot(v);
    const error = await errorOf(
      shop.redeem(deps(), await as(v.buyers[0]!), {
        memberId: v.buyers[0]!.id,
        items: [line(v.towel, 3), line(v.eggs, 3)],
        idempotencyKey: key(),
      }),
    );
    // The service names the goods by their row id; GraphQL shows the opaque one (see 'speaks GraphQL').
    expect(error).toMatchObject({ code: 'OUT_OF_STOCK', productId: v.eggs.id, stock: 2 });
    expect(await snapshot(v)).toEqual(before);
  });

  it('refuses a basket the points cannot pay, and changes neither points nor stock', async () => {
    const v = await village('poor', [150]);
    const before = await snapshot(v);
    const error = await errorOf(
      shop.redeem(deps(), await as(v.clerk), {
        memberId: v.buyers[0]!.id,
        items: [line(v.towel, 4), line(v.rice, 1)],
        idempotencyKey: key(),
      }),
    );
    expect(error).toMatchObject({ code: 'INSUFFICIENT_BALANCE', balance: 150, required: 160 });
    expect(await snapshot(v)).toEqual(before);
    await invariantsHold(v);
  });

  it('answers a retry with the first redemption and charges once, even when the stock is gone', async () => {
    const v = await village('retry', [500]);
    const buyer = v.buyers[0]!;
    const request = { memberId: buyer.id, items: [line(v.eggs, 2), line(v.towel, 1)], idempotencyKey: key() };
    const first = await shop.redeem(deps(), await as(buyer), request);
    const after = await snapshot(v);
    expect(after.stock[1]).toBe(0);
    // Again from the buyer, then from the clerk's till with the lines in another order.
    const again = await shop.redeem(deps(), await as(buyer), request);
    const fromClerk = await shop.redeem(deps(), await as(v.clerk), { ...request, items: [...request.items].reverse() });
    expect([again.id, fromClerk.id]).toEqual([first.id, first.id]);
    expect(await snapshot(v)).toEqual(after);
    expect(after.points[0]).toBe(500 - 95);
  });

  it('calls other goods under a used key a CONFLICT, and changes nothing', async () => {
    const v = await village('conflict', [500]);
    const buyer = v.buyers[0]!;
    const idempotencyKey = key();
    await shop.redeem(deps(), await as(buyer), { memberId: buyer.id, items: [line(v.towel, 1)], idempotencyKey });
    const before = await snapshot(v);
    for (const items of [[line(v.towel, 2)], [line(v.towel, 1), line(v.eggs, 1)]]) {
      expect(await codeOf(shop.redeem(deps(), await as(buyer), { memberId: buyer.id, items, idempotencyKey }))).toBe(
        'CONFLICT',
      );
    }
    expect(await snapshot(v)).toEqual(before);
  });

  it('cancels once: refunds the points and restores the stock', async () => {
    const v = await village('cancel', [300]);
    const buyer = v.buyers[0]!;
    const before = await snapshot(v);
    const r = await shop.redeem(deps(), await as(buyer), {
      memberId: buyer.id,
      items: [line(v.rice, 2), line(v.towel, 3)],
      idempotencyKey: key(),
    });
    expect(await codeOf(shop.cancelRedemption(deps(), await as(buyer), r.id, '买错了'))).toBe('FORBIDDEN');
    const cancelled = await shop.cancelRedemption(deps(), await as(v.coordinator), r.id, '  买错了，退回  ');
    expect(cancelled).toMatchObject({
      status: 'CANCELLED',
      cancelReason: '买错了，退回',
      cancelledBy: v.coordinator.id,
    });
    const after = await snapshot(v);
    expect({ ...after, redemptions: 0, items: 0, transfers: 0 }).toEqual({
      ...before,
      redemptions: 0,
      items: 0,
      transfers: 0,
    });
    expect(after.transfers).toBe(before.transfers + 2); // the debit and its refund, both kept
    const [refund] = await ledgerQueries.accountTransfers(db(), [v.f.supermarket], 1);
    expect(refund).toMatchObject({ kind: 'REFUND', redemptionId: r.id, amount: 245 });
    expect(await codeOf(shop.cancelRedemption(deps(), await as(v.clerk), r.id, '再退一次'))).toBe('CONFLICT');
    // The same undo sent again by its maker (its first answer lost on a dead link) is that undo.
    const again = await shop.cancelRedemption(deps(), await as(v.coordinator), r.id, '买错了，退回');
    expect(again).toMatchObject({ id: r.id, status: 'CANCELLED', cancelledBy: v.coordinator.id });
    expect(await codeOf(shop.cancelRedemption(deps(), await as(v.coordinator), r.id, '另一个原因'))).toBe('CONFLICT');
    expect(await snapshot(v)).toEqual(after);
    await invariantsHold(v);
  });

  it("keeps each site's shop to its own staff, and each member's points to themself", async () => {
    const v = await village('home', [200, 200]);
    const other = await village('away', []);
    const [a, b] = v.buyers as [MemberRow, MemberRow];
    const basket = (memberId: number) => ({ memberId, items: [line(v.towel, 1)], idempotencyKey: key() });
    const before = await snapshot(v);
    // Another site's member, goods or redemption is NOT_FOUND there, as one that does not exist.
    expect(await codeOf(shop.redeem(deps(), await as(other.clerk), basket(a.id)))).toBe('NOT_FOUND');
    expect(await codeOf(shop.redeem(deps(), await as(other.coordinator), basket(a.id)))).toBe('NOT_FOUND');
    expect(await codeOf(shop.redeem(deps(), await as(b), basket(a.id)))).toBe('FORBIDDEN');
    // A member cannot spend another site's goods either: they are unknown there.
    expect(
      await codeOf(
        shop.redeem(deps(), await as(a), { memberId: a.id, items: [line(other.towel, 1)], idempotencyKey: key() }),
      ),
    ).toBe('NOT_FOUND');
    expect(await snapshot(v)).toEqual(before);

    const mine = await shop.redeem(deps(), await as(a), basket(a.id));
    const forB = await shop.redeem(deps(), await as(v.clerk), basket(b.id));
    expect(await codeOf(shop.cancelRedemption(deps(), await as(other.clerk), mine.id, '越权'))).toBe('NOT_FOUND');
    expect(
      await codeOf(
        products.addProduct(deps(), await as(other.clerk), {
          siteId: v.f.siteId,
          name: '肥皂',
          pointsPrice: 5,
          stock: 1,
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await codeOf(
        products.addProduct(deps(), await as(a), { siteId: v.f.siteId, name: '肥皂', pointsPrice: 5, stock: 1 }),
      ),
    ).toBe('FORBIDDEN');
    expect(await codeOf(products.restockProduct(deps(), await as(other.clerk), v.towel.id, 5))).toBe('NOT_FOUND');
    expect(await codeOf(products.listProducts(deps(), await as(other.clerk), v.f.siteId))).toBe('FORBIDDEN');
    expect(await codeOf(redemptions.listRedemptions(deps(), await as(other.clerk), { siteId: v.f.siteId }))).toBe(
      'FORBIDDEN',
    );

    // Members see their own redemptions only; staff see the site's, newest first, page by page.
    const own = await redemptions.listRedemptions(deps(), await as(a), { siteId: v.f.siteId });
    expect(own.edges.map((e) => e.node.id)).toEqual([mine.id]);
    expect(await codeOf(redemptions.listRedemptions(deps(), await as(a), { siteId: v.f.siteId, memberId: b.id }))).toBe(
      'FORBIDDEN',
    );
    const page1 = await redemptions.listRedemptions(deps(), await as(v.clerk), { siteId: v.f.siteId, first: 1 });
    expect(page1).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    expect(page1.edges[0]!.node.id).toBe(forB.id);
    const page2 = await redemptions.listRedemptions(deps(), await as(v.clerk), {
      siteId: v.f.siteId,
      after: page1.pageInfo.endCursor,
    });
    expect(page2.edges.map((e) => e.node.id)).toEqual([mine.id]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it('speaks GraphQL: typed ids, the member, and items with their goods through the loaders', async () => {
    const v = await village('gql', [500]);
    const buyer = v.buyers[0]!;
    // Apollo runs the operation, as the server does: the schema and the executor share one graphql.
    const apollo = new ApolloServer<Context>({ schema: buildSchema() });
    const run = async (query: string, variables: Record<string, unknown>) => {
      const res = await apollo.executeOperation({ query, variables }, { contextValue: await contextAs(v.clerk) });
      if (res.body.kind !== 'single') throw new Error('expected a single result');
      return res.body.singleResult;
    };
    const redeem = `mutation ($input: RedeemInput!) { redeem(input: $input) {
      id totalPoints status member { id } items { quantity points product { id name stock } } } }`;
    const input = (productId: string) => ({
      memberId: toId('Member', buyer.id),
      items: [{ productId, quantity: 2 }],
      idempotencyKey: key(),
    });
    const ok = await run(redeem, { input: input(toId('Product', v.towel.id)) });
    expect(ok.errors).toBeUndefined();
    const r = (ok.data as { redeem: { id: string } }).redeem;
    expect(r).toEqual({
      id: expect.stringMatching(/^red_[0-9]+$/),
      totalPoints: 30,
      status: 'COMPLETED',
      member: { id: toId('Member', buyer.id) },
      items: [{ quantity: 2, points: 30, product: { id: toId('Product', v.towel.id), name: '毛巾', stock: 48 } }],
    });
    const bad = await run(redeem, { input: input(toId('Member', buyer.id)) });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.items[0].productId' });
    const short = await run(redeem, {
      input: { ...input(toId('Product', v.eggs.id)), items: [{ productId: toId('Product', v.eggs.id), quantity: 3 }] },
    });
    expect(short.errors?.[0]?.extensions).toMatchObject({
      code: 'OUT_OF_STOCK',
      productId: toId('Product', v.eggs.id),
      stock: 2,
      requested: 3,
      field: 'input.items[0].productId',
    });
    const list = await run(`query ($s: ID!) { redemptions(siteId: $s) { totalCount edges { node { id } } } }`, {
      s: toId('Site', v.f.siteId),
    });
    expect(list.data).toEqual({ redemptions: { totalCount: 1, edges: [{ node: { id: r.id } }] } });
  });

  it('checks every field and names it', async () => {
    const v = await village('input', [1000]);
    const clerk = await as(v.clerk);
    const d = deps();
    const fieldOf = async (promise: Promise<unknown>) => {
      const e = await errorOf(promise);
      return `${e.code} ${String(e.field)}`;
    };
    const product = (over: Partial<products.NewProduct>) =>
      products.addProduct(d, clerk, { siteId: v.f.siteId, name: '酱油', pointsPrice: 20, stock: 10, ...over });
    expect(await fieldOf(product({ name: '   ' }))).toBe('BAD_USER_INPUT input.name');
    expect(await fieldOf(product({ name: '米'.repeat(61) }))).toBe('BAD_USER_INPUT input.name');
    expect(await fieldOf(product({ pointsPrice: 0 }))).toBe('BAD_USER_INPUT input.pointsPrice');
    expect(await fieldOf(product({ pointsPrice: 100_001 }))).toBe('BAD_USER_INPUT input.pointsPrice');
    expect(await fieldOf(product({ stock: -1 }))).toBe('BAD_USER_INPUT input.stock');
    expect(await fieldOf(product({ name: '毛巾' }))).toBe('CONFLICT input.name');
    expect(await fieldOf(products.restockProduct(d, clerk, v.towel.id, 0))).toBe('BAD_USER_INPUT quantity');
    expect((await products.restockProduct(d, clerk, v.eggs.id, 8)).stock).toBe(10);
    expect((await products.listProducts(d, clerk, v.f.siteId)).map((p) => p.name)).toEqual(
      ['大米（5公斤）', '毛巾', '鸡蛋（一盒10个）'].sort(),
    );

    const before = await snapshot(v);
    const redeem = (items: { productId: number; quantity: number }[]) =>
      shop.redeem(d, clerk, { memberId: v.buyers[0]!.id, items, idempotencyKey: key() });
    expect(await fieldOf(redeem([]))).toBe('BAD_USER_INPUT input.items');
    expect(await fieldOf(redeem(Array.from({ length: 21 }, () => line(v.towel, 1))))).toBe(
      'BAD_USER_INPUT input.items',
    );
    expect(await fieldOf(redeem([line(v.towel, 100)]))).toBe('BAD_USER_INPUT input.items[0].quantity');
    expect(await fieldOf(redeem([line(v.eggs, 1), line(v.towel, 0)]))).toBe('BAD_USER_INPUT input.items[1].quantity');
    expect(await fieldOf(redeem([line(v.towel, 1), line(v.towel, 2)]))).toBe('BAD_USER_INPUT input.items[1].productId');
    expect(await fieldOf(redeem([{ productId: 9_999_999, quantity: 1 }]))).toBe('NOT_FOUND input.items[0].productId');
    expect(
      await fieldOf(
        shop.redeem(d, clerk, { memberId: v.buyers[0]!.id, items: [line(v.towel, 1)], idempotencyKey: 'short' }),
      ),
    ).toBe('BAD_USER_INPUT input.idempotencyKey');
    expect(await snapshot(v)).toEqual(before);
  });
});
