// Points that stay local under concurrency on real PostgreSQL: the member's account is locked
// before the site's points are read, so concurrent redemptions cannot together spend more than the
// site credited, even when the account holds enough (points of another site). PGlite cannot race.
import { checkInvariants } from '@huzhu/db';
import { createLedgerFixture, hasPostgres, openTestDb, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../core/errors';
import { transfer } from '../ledger/ledger.service';
import * as products from '../supermarket/products.service';
import * as shop from '../supermarket/supermarket.service';
import { harness, key } from '../supermarket/supermarket.testing';

describe.runIf(hasPostgres())('points at a site under concurrency on PostgreSQL', () => {
  let handle: TestDb;
  const db = () => handle.db;
  const { as, deps, village, snapshot } = harness(db);

  beforeAll(async () => {
    handle = await openTestDb('postgres', { poolSize: 20 });
  });
  afterAll(() => handle.close());

  it('lets 3 of 20 concurrent 15-point redemptions through with 50 points credited here', async () => {
    const v = await village('rush-local', [50]);
    const other = await createLedgerFixture(db(), 1, `rush-other-${key()}`);
    await db().transaction((tx) =>
      transfer(tx, {
        unit: 'POINTS',
        amount: 10_000,
        kind: 'ISSUANCE',
        fromAccountId: other.pool.points,
        toAccountId: v.f.members[0]!.points,
        siteId: other.siteId,
        idempotencyKey: key('elsewhere'),
      }),
    );
    const buyer = v.buyers[0]!;
    const actor = await as(buyer);
    // Twenty different goods at 15 points: no product lock queues the baskets, only the member's.
    const clerk = await as(v.clerk);
    const goods = [];
    for (let i = 0; i < 20; i++) {
      goods.push(
        await products.addProduct(deps(), clerk, { siteId: v.f.siteId, name: `肥皂${i}`, pointsPrice: 15, stock: 5 }),
      );
    }
    const results = await Promise.allSettled(
      goods.map((p, i) =>
        shop.redeem(deps(), actor, {
          memberId: buyer.id,
          items: [{ productId: p.id, quantity: 1 }],
          idempotencyKey: key(`local-${i}`),
        }),
      ),
    );
    const codes = results.map((r) =>
      r.status === 'fulfilled' ? 'OK' : isAppError(r.reason) ? r.reason.code : r.reason,
    );
    expect(codes.filter((c) => c === 'OK')).toHaveLength(3);
    expect(codes.filter((c) => c !== 'OK')).toEqual(Array(17).fill('INSUFFICIENT_BALANCE'));
    expect(await snapshot(v)).toMatchObject({ points: [10_005, 0, 0], supermarket: 45, redemptions: 3 });
    const scope = [...v.f.accountIds, ...other.accountIds];
    expect((await checkInvariants(db(), scope)).filter((r) => !r.holds)).toEqual([]);
  });
});
