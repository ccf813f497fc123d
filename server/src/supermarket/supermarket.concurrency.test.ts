// The supermarket under concurrency on real PostgreSQL: stock and points hold when many clerks
// and retries hit at once. PGlite cannot race, so this needs TEST_DATABASE_URL (CI sets it).
import { hasPostgres, openTestDb, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../core/errors';
import { codeOf } from '../testing';
import * as shop from './supermarket.service';
import { harness, key } from './supermarket.testing';

describe.runIf(hasPostgres())('points supermarket under concurrency on PostgreSQL', () => {
  let handle: TestDb;
  const db = () => handle.db;
  const { as, deps, village, snapshot, invariantsHold } = harness(db);

  beforeAll(async () => {
    handle = await openTestDb('postgres', { poolSize: 20 });
  });
  afterAll(() => handle.close());

  it('lets exactly 10 of 50 concurrent redemptions through when the stock is 10', async () => {
    const v = await village('rush', [100_000, 100_000, 100_000], { rice: 10, eggs: 0, towel: 0 });
    // Three tills, each serving one buyer with its own read cache, as three requests had.
    const actors = await Promise.all(v.buyers.map((b) => as(b)));
    const tills = v.buyers.map(() => deps());
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        shop.redeem(tills[i % 3]!, actors[i % 3]!, {
          memberId: v.buyers[i % 3]!.id,
          items: [{ productId: v.rice.id, quantity: 1 }],
          idempotencyKey: key(`rush-${i}`),
        }),
      ),
    );
    const codes = results.map((r) =>
      r.status === 'fulfilled' ? 'OK' : isAppError(r.reason) ? r.reason.code : r.reason,
    );
    expect(codes.filter((c) => c === 'OK')).toHaveLength(10);
    expect(codes.filter((c) => c !== 'OK')).toEqual(Array(40).fill('OUT_OF_STOCK'));
    const after = await snapshot(v);
    expect(after).toMatchObject({ stock: [0, 0, 0], redemptions: 10, items: 10, transfers: 10, supermarket: 1000 });
    expect(after.points.reduce((a, b) => a + b, 0)).toBe(300_000 - 1000);
    await invariantsHold(v);
  });

  it('writes one redemption and one transfer for 20 concurrent retries of one key', async () => {
    const v = await village('retries', [1000], { rice: 2, eggs: 0, towel: 0 });
    const buyer = v.buyers[0]!;
    // The stock covers the basket exactly once: a retry judged again would be OUT_OF_STOCK.
    const request = { memberId: buyer.id, items: [{ productId: v.rice.id, quantity: 2 }], idempotencyKey: key() };
    const results = await Promise.all(
      Array.from({ length: 20 }, async () => shop.redeem(deps(), await as(buyer), request)),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await snapshot(v)).toMatchObject({ points: [800, 0, 0], stock: [0, 0, 0], redemptions: 1, transfers: 1 });
    await invariantsHold(v);
  });

  it('cancels once when ten clicks cancel the same redemption at once: each gets that one undo', async () => {
    const v = await village('recall', [1000]);
    const buyer = v.buyers[0]!;
    const r = await shop.redeem(deps(), await as(buyer), {
      memberId: buyer.id,
      items: [{ productId: v.rice.id, quantity: 3 }],
      idempotencyKey: key(),
    });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, async () => shop.cancelRedemption(deps(), await as(v.clerk), r.id, '退货')),
    );
    const codes = results.map((x) =>
      x.status === 'fulfilled' ? 'OK' : isAppError(x.reason) ? x.reason.code : x.reason,
    );
    // The same clerk with the same reason: a retry of the one undo, which is applied once.
    expect(codes).toEqual(Array(10).fill('OK'));
    expect(await snapshot(v)).toMatchObject({ points: [1000, 0, 0], stock: [5, 2, 50], supermarket: 0, transfers: 2 });
    // Another clerk, or another reason, after it: refused, nothing more moves.
    expect(await codeOf(shop.cancelRedemption(deps(), await as(v.coordinator), r.id, '退货'))).toBe('CONFLICT');
    expect(await snapshot(v)).toMatchObject({ points: [1000, 0, 0], stock: [5, 2, 50], supermarket: 0, transfers: 2 });
    await invariantsHold(v);
  });
});
