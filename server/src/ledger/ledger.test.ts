// The ledger's rules, example by example, on PGlite and on PostgreSQL.
import { checkInvariants, ledgerQueries, type Database } from '@huzhu/db';
import { createLedgerFixture, openTestDb, testEngines, type LedgerFixture, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { codeOf } from '../testing';
import { reverse, transfer, type TransferRequest } from './ledger.service';

let seq = 0;
const key = () => `ledger-test-${Date.now()}-${seq++}`;

async function balanceOf(db: Database, accountId: number): Promise<number> {
  const [row] = await ledgerQueries.accountsByIds(db, [accountId]);
  return row!.balance;
}

describe.each(testEngines())('ledger on %s', (engine) => {
  let handle: TestDb;
  let f: LedgerFixture;
  const db = () => handle.db;
  const send = (r: Omit<TransferRequest, 'idempotencyKey'> & { idempotencyKey?: string }) =>
    db().transaction((tx) => transfer(tx, { idempotencyKey: key(), ...r }));

  beforeAll(async () => {
    handle = await openTestDb(engine);
  });
  afterAll(() => handle.close());
  beforeEach(async () => {
    f = await createLedgerFixture(db(), 2, `ledger-${seq++}`);
  });

  it('credits a member from the site pool and debits the pool by as much', async () => {
    const [a] = f.members;
    const { transfer: t, replayed } = await send({
      unit: 'MINUTES',
      amount: 90,
      fromAccountId: f.pool.minutes,
      toAccountId: a!.minutes,
      kind: 'SERVICE_CREDIT',
    });
    expect(replayed).toBe(false);
    expect(t).toMatchObject({
      amount: 90,
      unit: 'MINUTES',
      debitAccountId: f.pool.minutes,
      creditAccountId: a!.minutes,
    });
    expect(await balanceOf(db(), a!.minutes)).toBe(90);
    expect(await balanceOf(db(), f.pool.minutes)).toBe(-90);
    expect((await checkInvariants(db(), f.accountIds)).every((r) => r.holds)).toBe(true);
  });

  it('refuses to take a member below zero, and writes nothing', async () => {
    const [a, b] = f.members;
    await send({
      unit: 'MINUTES',
      amount: 60,
      fromAccountId: f.pool.minutes,
      toAccountId: a!.minutes,
      kind: 'ISSUANCE',
    });
    const code = await codeOf(
      send({ unit: 'MINUTES', amount: 61, fromAccountId: a!.minutes, toAccountId: b!.minutes, kind: 'DONATION' }),
    );
    expect(code).toBe('INSUFFICIENT_BALANCE');
    expect(await balanceOf(db(), a!.minutes)).toBe(60);
    expect(await balanceOf(db(), b!.minutes)).toBe(0);
    // Exactly the balance is fine: a member may reach zero.
    await send({ unit: 'MINUTES', amount: 60, fromAccountId: a!.minutes, toAccountId: b!.minutes, kind: 'DONATION' });
    expect(await balanceOf(db(), a!.minutes)).toBe(0);
  });

  it('answers a retried key with the first transfer and moves nothing more', async () => {
    const [a] = f.members;
    const request = {
      unit: 'POINTS' as const,
      amount: 15,
      fromAccountId: f.pool.points,
      toAccountId: a!.points,
      kind: 'SERVICE_CREDIT' as const,
      idempotencyKey: key(),
    };
    const first = await send(request);
    const again = await send(request);
    expect(again.replayed).toBe(true);
    expect(again.transfer.id).toBe(first.transfer.id);
    expect(await balanceOf(db(), a!.points)).toBe(15);
  });

  it('answers a retry with the original even when the balance no longer covers it', async () => {
    const [a, b] = f.members;
    await send({
      unit: 'MINUTES',
      amount: 30,
      fromAccountId: f.pool.minutes,
      toAccountId: a!.minutes,
      kind: 'ISSUANCE',
    });
    const donation = {
      unit: 'MINUTES' as const,
      amount: 30,
      fromAccountId: a!.minutes,
      toAccountId: b!.minutes,
      kind: 'DONATION' as const,
      idempotencyKey: key(),
    };
    const first = await send(donation);
    const retry = await send(donation);
    expect(retry).toMatchObject({ replayed: true, transfer: { id: first.transfer.id } });
  });

  it('calls a different request under a used key a CONFLICT', async () => {
    const [a] = f.members;
    const idempotencyKey = key();
    await send({
      unit: 'MINUTES',
      amount: 10,
      fromAccountId: f.pool.minutes,
      toAccountId: a!.minutes,
      kind: 'ISSUANCE',
      idempotencyKey,
    });
    const code = await codeOf(
      send({
        unit: 'MINUTES',
        amount: 11,
        fromAccountId: f.pool.minutes,
        toAccountId: a!.minutes,
        kind: 'ISSUANCE',
        idempotencyKey,
      }),
    );
    expect(code).toBe('CONFLICT');
    expect(await balanceOf(db(), a!.minutes)).toBe(10);
  });

  it('refuses amounts that are not positive whole numbers, and a transfer to the same account', async () => {
    const [a, b] = f.members;
    for (const amount of [0, -5, 1.5, Number.NaN, 2 ** 31, Number.MAX_SAFE_INTEGER + 2]) {
      const code = await codeOf(
        send({ unit: 'MINUTES', amount, fromAccountId: f.pool.minutes, toAccountId: a!.minutes, kind: 'ISSUANCE' }),
      );
      expect(code, String(amount)).toBe('BAD_USER_INPUT');
    }
    expect(
      await codeOf(
        send({ unit: 'MINUTES', amount: 1, fromAccountId: b!.minutes, toAccountId: b!.minutes, kind: 'DONATION' }),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      await codeOf(
        send({ unit: 'MINUTES', amount: 1, fromAccountId: f.pool.points, toAccountId: a!.minutes, kind: 'ISSUANCE' }),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(await balanceOf(db(), a!.minutes)).toBe(0);
  });

  it('reverses a transfer once, linked to it, and restores both balances', async () => {
    const [a] = f.members;
    const { transfer: original } = await send({
      unit: 'POINTS',
      amount: 25,
      fromAccountId: f.pool.points,
      toAccountId: a!.points,
      kind: 'SERVICE_CREDIT',
    });
    const reversalKey = key();
    const { transfer: reversal } = await db().transaction((tx) =>
      reverse(tx, { transferId: original.id, reason: '重复登记', idempotencyKey: reversalKey }),
    );
    expect(reversal).toMatchObject({ kind: 'REVERSAL', reversesId: original.id, amount: 25, memo: '重复登记' });
    expect(await balanceOf(db(), a!.points)).toBe(0);
    expect(await balanceOf(db(), f.pool.points)).toBe(0);

    // The same request again is a retry; a second reversal under a new key is refused.
    const retry = await db().transaction((tx) =>
      reverse(tx, { transferId: original.id, reason: '重复登记', idempotencyKey: reversalKey }),
    );
    expect(retry).toMatchObject({ replayed: true, transfer: { id: reversal.id } });
    const second = await codeOf(
      db().transaction((tx) => reverse(tx, { transferId: original.id, reason: 'again', idempotencyKey: key() })),
    );
    expect(second).toBe('CONFLICT');
    const ofReversal = await codeOf(
      db().transaction((tx) => reverse(tx, { transferId: reversal.id, reason: 'undo', idempotencyKey: key() })),
    );
    expect(ofReversal).toBe('CONFLICT');
    expect(await balanceOf(db(), a!.points)).toBe(0);
  });

  it('cannot reverse what the member has already spent', async () => {
    const [a] = f.members;
    const { transfer: credit } = await send({
      unit: 'POINTS',
      amount: 20,
      fromAccountId: f.pool.points,
      toAccountId: a!.points,
      kind: 'SERVICE_CREDIT',
    });
    await send({
      unit: 'POINTS',
      amount: 15,
      fromAccountId: a!.points,
      toAccountId: f.supermarket,
      kind: 'REDEMPTION',
    });
    const code = await codeOf(
      db().transaction((tx) => reverse(tx, { transferId: credit.id, reason: 'mistake', idempotencyKey: key() })),
    );
    expect(code).toBe('INSUFFICIENT_BALANCE');
    expect(await balanceOf(db(), a!.points)).toBe(5);
  });

  it('rolls back every transfer of a transaction that fails part-way', async () => {
    const [a, b] = f.members;
    const code = await codeOf(
      db().transaction(async (tx) => {
        await transfer(tx, {
          unit: 'MINUTES',
          amount: 40,
          fromAccountId: f.pool.minutes,
          toAccountId: a!.minutes,
          kind: 'ISSUANCE',
          idempotencyKey: key(),
        });
        await transfer(tx, {
          unit: 'MINUTES',
          amount: 50,
          fromAccountId: a!.minutes,
          toAccountId: b!.minutes,
          kind: 'DONATION',
          idempotencyKey: key(),
        });
      }),
    );
    expect(code).toBe('INSUFFICIENT_BALANCE');
    expect(await balanceOf(db(), a!.minutes)).toBe(0);
    expect(await balanceOf(db(), f.pool.minutes)).toBe(0);
  });
});
