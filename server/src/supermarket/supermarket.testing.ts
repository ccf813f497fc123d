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
import type { Viewer } from '../auth/authorize';
import type { ServiceDeps } from '../core/deps';
import type { Events } from '../events/events';
import type { Context } from '../graphql/context';
import { actorFor, contextFor, depsFor } from '../testing';
import { isAppError } from '../core/errors';
import { transfer } from '../ledger/ledger.service';
import * as products from './products.service';

export const events: Events = {
  announce: async () => {},
  subscribe: async function* () {},
  close: async () => {},
};
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
  /** The member as they act, their row and roles read afresh, as the HTTP layer reads them. */
  const as = async (member: { id: number }): Promise<Viewer> =>
    actorFor(db(), (await memberQueries.memberById(db(), member.id))!);
  /** A unit of work's deps with a fresh read cache, as each request had its own loaders. */
  const deps = (): ServiceDeps => depsFor(db(), events);
  /** A request context for the member, for the tests that execute GraphQL documents. */
  const contextAs = async (member: { id: number }): Promise<Context> =>
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
      products.addProduct(deps(), await as(clerk), { siteId: f.siteId, name, pointsPrice, stock: n });
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

  return { as, deps, contextAs, balance, stockOf, village, snapshot, invariantsHold };
}
