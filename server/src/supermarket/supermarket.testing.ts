// Test support for the supermarket's tests: a small village with goods, and snapshots of all a
// redemption may touch.
import {
  checkInvariants,
  ledgerQueries,
  memberQueries,
  supermarketQueries,
  type Database,
  type MemberRow,
  type ProductRow,
} from '@huzhu/db';
import { createLedgerFixture, type LedgerFixture } from '@huzhu/db/testing';
import { expect } from 'vitest';
import type { Events } from '../events/events';
import type { Context } from '../graphql/context';
import { contextFor } from '../testing';
import { isAppError } from '../graphql/errors';
import { transfer } from '../ledger/ledger.service';
import * as shop from './supermarket.service';

export const events: Events = { publish: async () => {}, subscribe: async function* () {}, close: async () => {} };
let seq = 0;
export const key = (label = 'k') => `sm-${label}-${Date.now()}-${seq++}`;

export async function errorOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  const detail: Record<string, unknown> = { ...error.extensions, code: error.code };
  return detail;
}

export interface Village {
  f: LedgerFixture;
  buyers: MemberRow[];
  clerk: MemberRow;
  coordinator: MemberRow;
  rice: ProductRow;
  eggs: ProductRow;
  towel: ProductRow;
}

export function harness(db: () => Database) {
  /** A request context for the member, with fresh loaders, as the HTTP layer would build it. */
  const as = async (member: { id: number }): Promise<Context> =>
    contextFor(db(), (await memberQueries.memberById(db(), member.id))!, events);
  const balance = async (accountId: number) => (await ledgerQueries.accountsByIds(db(), [accountId]))[0]!.balance;
  const stockOf = async (p: ProductRow) => (await supermarketQueries.productsByIds(db(), [p.id]))[0]!.stock;

  /** A fresh site: three volunteers holding `points`, a clerk, a coordinator and three goods. */
  async function village(label: string, points: number[], stock = { rice: 5, eggs: 2, towel: 50 }): Promise<Village> {
    const f = await createLedgerFixture(db(), 3, `${label}-${seq++}`);
    for (const [i, amount] of points.entries()) {
      await db().transaction((tx) =>
        transfer(tx, {
          unit: 'POINTS',
          amount,
          kind: 'ISSUANCE',
          fromAccountId: f.pool.points,
          toAccountId: f.members[i]!.points,
          idempotencyKey: key('fund'),
        }),
      );
    }
    const clerk = await memberQueries.insertMember(db(), { siteId: f.siteId, name: '王店员' }, ['CLERK']);
    const coordinator = await memberQueries.insertMember(db(), { siteId: f.siteId, name: '李协调' }, ['COORDINATOR']);
    const buyers = await memberQueries.membersByIds(
      db(),
      f.members.map((m) => m.id),
    );
    buyers.sort((a, b) => a.id - b.id);
    const add = async (name: string, pointsPrice: number, n: number) =>
      shop.addProduct(await as(clerk), { siteId: f.siteId, name, pointsPrice, stock: n });
    return {
      f,
      buyers,
      clerk,
      coordinator,
      rice: await add('大米（5公斤）', 100, stock.rice),
      eggs: await add('鸡蛋（一盒10个）', 40, stock.eggs),
      towel: await add('毛巾', 15, stock.towel),
    };
  }

  /** Everything a redemption may touch: points, stock, redemption rows and transfers. */
  async function snapshot(v: Village) {
    const redemptions = await supermarketQueries.listRedemptions(db(), { siteId: v.f.siteId }, 1000);
    return {
      points: await Promise.all(v.f.members.map((m) => balance(m.points))),
      supermarket: await balance(v.f.supermarket),
      stock: [await stockOf(v.rice), await stockOf(v.eggs), await stockOf(v.towel)],
      redemptions: redemptions.length,
      items: (
        await supermarketQueries.itemsByRedemptionIds(
          db(),
          redemptions.map((r) => r.id),
        )
      ).length,
      transfers: await ledgerQueries.countAccountTransfers(db(), [v.f.supermarket]),
    };
  }

  const invariantsHold = async (v?: Village) =>
    expect((await checkInvariants(db(), v?.f.accountIds)).filter((r) => !r.holds)).toEqual([]);

  return { as, balance, stockOf, village, snapshot, invariantsHold };
}
