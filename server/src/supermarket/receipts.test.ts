// The counter's receipts and its day: each redemption's receipt number (the site's day and the
// day's sequence), the member's points after it, the day view with its total, and who may still
// cancel. On PGlite and on PostgreSQL; the numbering under concurrency on PostgreSQL only.
import { ApolloServer } from '@apollo/server';
import { Temporal } from '@js-temporal/polyfill';
import { ledgerQueries, memberQueries, siteQueries, type Database, type RedemptionRow } from '@huzhu/db';
import { hasPostgres, openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toId } from '../core/ids';
import type { Context } from '../graphql/context';
import { buildSchema } from '../graphql/schema';
import { reverse, transfer } from '../ledger/ledger.service';
import { codeOf } from '../testing';
import * as products from './products.service';
import * as shop from './supermarket.service';
import * as redemptions from './redemption-list.service';
import { errorOf, harness, key } from './supermarket.testing';

/** The calendar day of an instant in a zone, YYYY-MM-DD. */
const dayOf = (at: Date, timeZone: string) =>
  Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString();
const compact = (day: string) => day.replaceAll('-', '');

/** A site in the given time zone with one buyer holding `points`, a clerk and one kind of goods. */
async function siteIn(db: Database, timeZone: string, label: string, points: number) {
  const site = await siteQueries.insertSite(db, {
    name: `${label} site`,
    county: '测试县',
    township: '测试镇',
    village: label,
    timeZone,
  });
  const buyer = await memberQueries.insertMember(db, { siteId: site.id, name: '买家' }, ['VOLUNTEER']);
  const clerk = await memberQueries.insertMember(db, { siteId: site.id, name: '店员' }, ['CLERK']);
  const pool = (await ledgerQueries.siteAccount(db, site.id, 'SITE_POOL', 'POINTS'))!;
  const account = (await ledgerQueries.memberAccount(db, buyer.id, 'POINTS'))!;
  await db.transaction((tx) =>
    transfer(tx, {
      unit: 'POINTS',
      amount: points,
      kind: 'ISSUANCE',
      fromAccountId: pool.id,
      toAccountId: account.id,
      idempotencyKey: key('fund'),
    }),
  );
  return { site, buyer, clerk };
}

describe.each(testEngines())('receipts and the day at the counter on %s', (engine) => {
  let handle: TestDb;
  const db = () => handle.db;
  const { as, deps, contextAs, village, invariantsHold } = harness(db);

  beforeAll(async () => {
    handle = await openTestDb(engine);
  });
  afterAll(() => handle.close());

  it("numbers each site's receipts through its day, with the member's points after each", async () => {
    const v = await village('receipts', [500, 300]);
    const [a, b] = v.buyers;
    const clerk = await as(v.clerk);
    const buy = (memberId: number, productId: number, quantity: number, idempotencyKey = key()) =>
      shop.redeem(deps(), clerk, { memberId, items: [{ productId, quantity }], idempotencyKey });

    const r1 = await buy(a!.id, v.towel.id, 2); // 30 points
    const r2 = await buy(b!.id, v.eggs.id, 1); // 40 points
    const retryKey = key();
    const r3 = await buy(a!.id, v.towel.id, 1, retryKey); // 15 points
    const day = dayOf(r1.createdAt, 'Asia/Shanghai');
    expect([r1, r2, r3].map((r) => [redemptions.receiptNumber(r), r.balanceAfter])).toEqual([
      [`${compact(day)}-001`, 470],
      [`${compact(day)}-002`, 260],
      [`${compact(day)}-003`, 455],
    ]);

    // A retry is the same receipt; a cancellation keeps its number and what the receipt printed.
    const again = await buy(a!.id, v.towel.id, 1, retryKey);
    expect([again.id, redemptions.receiptNumber(again)]).toEqual([r3.id, `${compact(day)}-003`]);
    const cancelled = await shop.cancelRedemption(deps(), clerk, r1.id, '拿错了');
    expect([redemptions.receiptNumber(cancelled), cancelled.balanceAfter]).toEqual([`${compact(day)}-001`, 470]);
    const r4 = await buy(b!.id, v.towel.id, 1);
    expect([redemptions.receiptNumber(r4), r4.balanceAfter]).toEqual([`${compact(day)}-004`, 245]);

    // Another site counts its own day from 1.
    const other = await village('receipts-other', [100]);
    const first = await shop.redeem(deps(), await as(other.clerk), {
      memberId: other.buyers[0]!.id,
      items: [{ productId: other.towel.id, quantity: 1 }],
      idempotencyKey: key(),
    });
    expect(redemptions.receiptNumber(first)).toBe(`${compact(dayOf(first.createdAt, 'Asia/Shanghai'))}-001`);
    await invariantsHold(v);
  });

  it("counts the day in the site's time zone, not the server's", async () => {
    // Fourteen hours ahead of UTC and eleven behind: at any hour, at least one of them is on
    // another calendar day than UTC.
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      const s = await siteIn(db(), zone, `zone-${zone.length}-${Date.now() % 100000}`, 200);
      const product = await products.addProduct(deps(), await as(s.clerk), {
        siteId: s.site.id,
        name: '肥皂',
        pointsPrice: 5,
        stock: 9,
      });
      const r = await shop.redeem(deps(), await as(s.clerk), {
        memberId: s.buyer.id,
        items: [{ productId: product.id, quantity: 2 }],
        idempotencyKey: key(),
      });
      const day = dayOf(r.createdAt, zone);
      expect(r.receiptDay).toBe(day);
      expect(redemptions.receiptNumber(r)).toBe(`${compact(day)}-001`);
      const onDay = async (d: string) =>
        redemptions.listRedemptions(deps(), await as(s.clerk), { siteId: s.site.id, day: d });
      expect((await onDay(day)).edges.map((e) => e.node.id)).toEqual([r.id]);
      const dayBefore = Temporal.PlainDate.from(day).subtract({ days: 1 }).toString();
      expect(await onDay(dayBefore)).toMatchObject({ totalCount: 0, pointsTaken: 0, edges: [] });
    }
  });

  it('adds up a day: the points that stand, and how many were cancelled', async () => {
    const v = await village('day-total', [500, 500]);
    const [a, b] = v.buyers;
    const clerk = await as(v.clerk);
    const buy = (memberId: number, quantity: number) =>
      shop.redeem(deps(), clerk, { memberId, items: [{ productId: v.towel.id, quantity }], idempotencyKey: key() });
    const r1 = await buy(a!.id, 2); // 30
    await buy(b!.id, 3); // 45
    await buy(a!.id, 1); // 15
    await shop.cancelRedemption(deps(), clerk, r1.id, '退货');
    const day = r1.receiptDay!;

    const site = await redemptions.listRedemptions(deps(), clerk, { siteId: v.f.siteId, day });
    expect(site).toMatchObject({ totalCount: 3, pointsTaken: 60, cancelledCount: 1 });
    // Page by page, the totals stay those of the whole day.
    const page = await redemptions.listRedemptions(deps(), clerk, { siteId: v.f.siteId, day, first: 1 });
    expect(page).toMatchObject({ totalCount: 3, pointsTaken: 60, cancelledCount: 1, pageInfo: { hasNextPage: true } });
    // One member's day, as staff see it and as the member sees their own.
    const ofA = { totalCount: 2, pointsTaken: 15, cancelledCount: 1 };
    expect(
      await redemptions.listRedemptions(deps(), clerk, { siteId: v.f.siteId, day, memberId: a!.id }),
    ).toMatchObject(ofA);
    expect(await redemptions.listRedemptions(deps(), await as(a!), { siteId: v.f.siteId, day })).toMatchObject(ofA);

    for (const bad of ['2026-02-30', '2026-13-01', 'today', '']) {
      expect(await errorOf(redemptions.listRedemptions(deps(), clerk, { siteId: v.f.siteId, day: bad }))).toMatchObject(
        {
          code: 'BAD_USER_INPUT',
          field: 'day',
        },
      );
    }
  });

  it('says who may still cancel, as cancelRedemption judges it', async () => {
    const v = await village('can-cancel', [500, 500]);
    const other = await village('can-cancel-away', []);
    const [a, b] = v.buyers;
    const r = await shop.redeem(deps(), await as(a!), {
      memberId: a!.id,
      items: [{ productId: v.towel.id, quantity: 1 }],
      idempotencyKey: key(),
    });
    const may = async (row: RedemptionRow, who: { id: number }) => redemptions.canCancel(deps(), await as(who), row);
    expect([await may(r, v.clerk), await may(r, v.coordinator), await may(r, a!), await may(r, other.clerk)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(await redemptions.canCancel(deps(), null, r)).toBe(false);

    const cancelled = await shop.cancelRedemption(deps(), await as(v.clerk), r.id, '不要了');
    expect(await may(cancelled, v.clerk)).toBe(false);

    // Points already returned by a ledger reversal: the API refuses, and says so beforehand.
    const r2 = await shop.redeem(deps(), await as(v.clerk), {
      memberId: b!.id,
      items: [{ productId: v.towel.id, quantity: 2 }],
      idempotencyKey: key(),
    });
    const debit = (await ledgerQueries.transferByKey(db(), `redemption:${r2.id}:debit`))!;
    await db().transaction((tx) => reverse(tx, { transferId: debit.id, reason: '更正', idempotencyKey: key('rev') }));
    expect(await may(r2, v.clerk)).toBe(false);
    expect(await codeOf(shop.cancelRedemption(deps(), await as(v.clerk), r2.id, '再退'))).toBe('CONFLICT');
    await invariantsHold(v);
  });

  it('speaks GraphQL: the receipt, the day view and its total, and canCancel', async () => {
    const v = await village('gql-receipt', [500]);
    const buyer = v.buyers[0]!;
    const apollo = new ApolloServer<Context>({ schema: buildSchema() });
    const run = async (who: { id: number }, query: string, variables: Record<string, unknown>) => {
      const res = await apollo.executeOperation({ query, variables }, { contextValue: await contextAs(who) });
      if (res.body.kind !== 'single') throw new Error('expected a single result');
      expect(res.body.singleResult.errors).toBeUndefined();
      return res.body.singleResult.data as Record<string, unknown>;
    };
    const { redeem } = await run(
      v.clerk,
      `mutation ($input: RedeemInput!) { redeem(input: $input) { id createdAt receiptNumber balanceAfter canCancel } }`,
      {
        input: {
          memberId: toId('Member', buyer.id),
          items: [{ productId: toId('Product', v.rice.id), quantity: 2 }],
          idempotencyKey: key(),
        },
      },
    );
    const r = redeem as { id: string; createdAt: string; receiptNumber: string; balanceAfter: number };
    const day = dayOf(new Date(r.createdAt), 'Asia/Shanghai');
    expect(r).toMatchObject({ receiptNumber: `${compact(day)}-001`, balanceAfter: 300, canCancel: true });

    const DAY = `query ($s: ID!, $d: String) { redemptions(siteId: $s, day: $d) {
      totalCount pointsTaken cancelledCount edges { node { id receiptNumber canCancel } } } }`;
    const s = toId('Site', v.f.siteId);
    expect(await run(v.clerk, DAY, { s, d: day })).toEqual({
      redemptions: {
        totalCount: 1,
        pointsTaken: 200,
        cancelledCount: 0,
        edges: [{ node: { id: r.id, receiptNumber: r.receiptNumber, canCancel: true } }],
      },
    });
    // The buyer sees their own receipt, but only the shop's staff may take goods back.
    expect(await run(buyer, DAY, { s, d: day })).toMatchObject({
      redemptions: { edges: [{ node: { id: r.id, canCancel: false } }] },
    });
    await run(v.clerk, `mutation ($id: ID!) { cancelRedemption(id: $id, reason: "拿错了") { id } }`, { id: r.id });
    expect(await run(v.clerk, DAY, { s, d: day })).toMatchObject({
      redemptions: { totalCount: 1, pointsTaken: 0, cancelledCount: 1, edges: [{ node: { canCancel: false } }] },
    });
  });
});

describe.runIf(hasPostgres())('receipt numbers under concurrency on PostgreSQL', () => {
  let handle: TestDb;
  const db = () => handle.db;
  const { as, deps, village, invariantsHold } = harness(db);

  beforeAll(async () => {
    handle = await openTestDb('postgres', { poolSize: 20 });
  });
  afterAll(() => handle.close());

  it('gives 30 concurrent redemptions at one site 30 different numbers, 1 to 30', async () => {
    const v = await village('receipt-rush', [10_000, 10_000, 10_000], { rice: 0, eggs: 0, towel: 100 });
    const clerk = await as(v.clerk);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        shop.redeem(deps(), clerk, {
          memberId: v.buyers[i % 3]!.id,
          items: [{ productId: v.towel.id, quantity: 1 }],
          idempotencyKey: key(`receipt-rush-${i}`),
        }),
      ),
    );
    expect(results.map((r) => r.receiptNo).sort((x, y) => x! - y!)).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 1),
    );
    // Each member's balances after, in receipt order, step down by 15 from 10 000.
    for (const buyer of v.buyers) {
      const mine = results.filter((r) => r.memberId === buyer.id).sort((x, y) => x.receiptNo! - y.receiptNo!);
      expect(mine.map((r) => r.balanceAfter)).toEqual(mine.map((_, i) => 10_000 - 15 * (i + 1)));
    }
    await invariantsHold(v);
  });
});
