// Concurrency on real PostgreSQL, many connections at once: the row locks, not luck, keep the
// ledger whole. PGlite has one connection and cannot race, so this file needs TEST_DATABASE_URL
// (CI sets it); without it the suite reports these tests as skipped rather than passing them.
import { checkInvariants, ledgerQueries } from '@huzhu/db';
import { createLedgerFixture, hasPostgres, openTestDb, type LedgerFixture, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../core/errors';
import { transfer, type TransferRequest } from './ledger.service';

describe.runIf(hasPostgres())('ledger under concurrency on PostgreSQL', () => {
  let handle: TestDb;
  let f: LedgerFixture;
  let n = 0;
  const key = (label: string) => `conc-${label}-${Date.now()}-${n++}`;
  const send = (r: TransferRequest) => handle.db.transaction((tx) => transfer(tx, r));
  const balance = async (id: number) => (await ledgerQueries.accountsByIds(handle.db, [id]))[0]!.balance;

  beforeAll(async () => {
    handle = await openTestDb('postgres', { poolSize: 50 });
  });
  afterAll(() => handle.close());
  beforeEach(async () => {
    f = await createLedgerFixture(handle.db, 4, `conc-${n++}`);
  });

  it('lets exactly 10 of 50 concurrent redemptions through when the balance covers 10', async () => {
    const buyer = f.members[0]!;
    const price = 30;
    await send({
      unit: 'POINTS',
      amount: 10 * price,
      kind: 'SERVICE_CREDIT',
      idempotencyKey: key('fund'),
      fromAccountId: f.pool.points,
      toAccountId: buyer.points,
    });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        send({
          unit: 'POINTS',
          amount: price,
          kind: 'REDEMPTION',
          idempotencyKey: key(`redeem-${i}`),
          fromAccountId: buyer.points,
          toAccountId: f.supermarket,
        }),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(10);
    expect(lost.map((r) => (isAppError(r.reason) ? r.reason.code : String(r.reason)))).toEqual(
      Array(40).fill('INSUFFICIENT_BALANCE'),
    );
    expect(await balance(buyer.points)).toBe(0);
    expect(await balance(f.supermarket)).toBe(10 * price);
    expect(await ledgerQueries.countTransfersFrom(handle.db, [buyer.points])).toBe(10);
    expect((await checkInvariants(handle.db, f.accountIds)).filter((r) => !r.holds)).toEqual([]);
  });

  it('writes one transfer for 20 concurrent retries of one idempotency key', async () => {
    const volunteer = f.members[1]!;
    const request: TransferRequest = {
      unit: 'MINUTES',
      amount: 90,
      kind: 'SERVICE_CREDIT',
      idempotencyKey: key('retry'),
      fromAccountId: f.pool.minutes,
      toAccountId: volunteer.minutes,
    };
    const results = await Promise.all(Array.from({ length: 20 }, () => send(request)));
    const ids = new Set(results.map((r) => r.transfer.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await balance(volunteer.minutes)).toBe(90);
    expect(await ledgerQueries.countTransfersFrom(handle.db, [f.pool.minutes])).toBe(1);
  });

  it('lets one of 20 concurrent requests under one key win when their payloads differ', async () => {
    const idempotencyKey = key('mixed');
    const results = await Promise.allSettled(
      f.members.flatMap((m) =>
        Array.from({ length: 5 }, () =>
          send({
            unit: 'MINUTES',
            amount: 10,
            kind: 'ISSUANCE',
            idempotencyKey,
            fromAccountId: f.pool.minutes,
            toAccountId: m.minutes,
          }),
        ),
      ),
    );
    const codes = results.map((r) =>
      r.status === 'fulfilled' ? 'OK' : isAppError(r.reason) ? r.reason.code : String(r.reason),
    );
    expect(codes.filter((c) => c === 'OK')).toHaveLength(5); // the winner and its own four retries
    expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(15);
    expect(await balance(f.pool.minutes)).toBe(-10);
  });

  it('neither deadlocks nor loses minutes when members donate to each other in both directions at once', async () => {
    const [a, b, c] = f.members;
    for (const m of [a!, b!, c!]) {
      await send({
        unit: 'MINUTES',
        amount: 1000,
        kind: 'ISSUANCE',
        idempotencyKey: key('seed'),
        fromAccountId: f.pool.minutes,
        toAccountId: m.minutes,
      });
    }
    const pairs = [
      [a!, b!],
      [b!, a!],
      [b!, c!],
      [c!, b!],
      [c!, a!],
      [a!, c!],
    ] as const;
    const results = await Promise.allSettled(
      Array.from({ length: 120 }, (_, i) => {
        const [from, to] = pairs[i % pairs.length]!;
        return send({
          unit: 'MINUTES',
          amount: 1 + (i % 7),
          kind: 'DONATION',
          idempotencyKey: key(`swap-${i}`),
          fromAccountId: from.minutes,
          toAccountId: to.minutes,
        });
      }),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const total = (await Promise.all([a!, b!, c!].map((m) => balance(m.minutes)))).reduce((x, y) => x + y, 0);
    expect(total).toBe(3000);
    expect((await checkInvariants(handle.db, f.accountIds)).filter((r) => !r.holds)).toEqual([]);
  });
});
