// The limiters' steps on both engines, with their counts in the database: free log-in tries, then
// slower ones, then a lock-out; an address that tries many phones; and the request limit, counted
// locally and sent in batches, held by two limiters (two processes) sharing one database.
import { openDb, type DbHandle } from '@huzhu/db';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_LIMITS, LoginLimiter, RequestLimiter } from './rate-limit';

describe.each(testEngines())('limits on %s', (engine) => {
  let handle: TestDb;
  beforeAll(async () => {
    handle = await openTestDb(engine);
  });
  afterAll(() => handle?.close());

  it('slows a phone down after a few failures, locks it after more, and forgets it on success', async () => {
    const limiter = new LoginLimiter(handle.db);
    const delays: number[] = [];
    for (let i = 0; i < LOGIN_LIMITS.lockAfter; i++) {
      const verdict = await limiter.begin('13900000001', '10.0.0.1');
      expect(verdict.allowed, `try ${i + 1}`).toBe(true);
      delays.push(verdict.allowed ? verdict.delayMs : -1);
      await limiter.failed('10.0.0.1');
    }
    expect(delays).toEqual([0, 0, 0, 500, 1000, 1500, 2000, 2500, 3000, 3500]);
    const locked = await limiter.begin('13900000001', '10.0.0.1');
    expect(locked).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
    expect(locked.allowed === false && locked.retryAfterSeconds).toBeGreaterThan(LOGIN_LIMITS.windowMinutes * 60 - 60);
    // Another phone from the same address is not locked by this one's failures.
    expect(await limiter.begin('13900000002', '10.0.0.1')).toEqual({ allowed: true, delayMs: 0 });
    await limiter.succeeded('13900000002');

    // A phone that logs in before the lock starts from nothing again.
    for (let i = 0; i < LOGIN_LIMITS.lockAfter - 1; i++) await limiter.begin('13900000003', undefined);
    await limiter.succeeded('13900000003');
    expect(await limiter.begin('13900000003', undefined)).toEqual({ allowed: true, delayMs: 0 });
  });

  it('locks an address that tries many phones, and not another address', async () => {
    const limiter = new LoginLimiter(handle.db);
    for (let i = 0; i < LOGIN_LIMITS.lockAddressAfter; i++) await limiter.failed('10.0.0.9');
    expect((await limiter.begin('13911112222', '10.0.0.9')).allowed).toBe(false);
    expect((await limiter.begin('13911112222', '10.0.0.10')).allowed).toBe(true);
  });

  it('counts requests locally below half the budget and holds the budget exactly beyond it', async () => {
    // A batch larger than the budget: only the first request, the timer and the database's count
    // past half the budget send anything.
    const limiter = new RequestLimiter(handle.db, 40, { flushMs: 60_000, batch: 1_000 });
    try {
      const verdicts = [];
      for (let i = 0; i < 50; i++) verdicts.push((await limiter.take('req:m:1')).allowed);
      expect(verdicts.filter(Boolean).length).toBe(40);
      expect(verdicts.slice(40)).toEqual(Array(10).fill(false));
    } finally {
      await limiter.close();
    }
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('limits shared by two processes on PostgreSQL', () => {
  let a: TestDb;
  let b: DbHandle;
  beforeAll(async () => {
    a = await openTestDb('postgres');
    b = await openDb({ url: a.url!, migrate: false, poolSize: 2 });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('a phone locked through one process is locked on the other', async () => {
    const one = new LoginLimiter(a.db);
    const two = new LoginLimiter(b.db);
    for (let i = 0; i < LOGIN_LIMITS.lockAfter; i++) await one.begin('13900000005', '10.0.0.5');
    expect((await two.begin('13900000005', '10.0.0.6')).allowed).toBe(false);
  });

  it('tries sent to both at once check at most lockAfter passwords', async () => {
    const one = new LoginLimiter(a.db);
    const two = new LoginLimiter(b.db);
    const verdicts = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? one : two).begin('13900000006', undefined)),
    );
    expect(verdicts.filter((v) => v.allowed).length).toBe(LOGIN_LIMITS.lockAfter);
  });

  it('a budget spent on one process is spent on the other', async () => {
    const one = new RequestLimiter(a.db, 40, { flushMs: 60_000 });
    const two = new RequestLimiter(b.db, 40, { flushMs: 60_000 });
    try {
      for (let i = 0; i < 40; i++) expect((await one.take('req:a:10.1.1.1')).allowed).toBe(true);
      // The second process's first request for the key asks the database, which has all forty.
      expect(await two.take('req:a:10.1.1.1')).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
    } finally {
      await one.close();
      await two.close();
    }
  });
});
