// The read replica's handle (DATABASE_REPLICA_URL) when the replica cannot answer: every read is
// answered by the primary, nothing fails, and the replica is remembered as down. A read's own error
// is not retried. The real hot standby, and reports read from it, are test/faults/read-replica.test.ts.
import { createServer } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from './open';
import { memberByPhone } from './queries/members.queries';
import { rowsOf } from './queries/invariants.queries';
import { replicaFailure } from './replica';
import { hasPostgres, openTestDb, type TestDb } from './testing';

/** A local port nobody listens on: connecting to it is refused at once. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('what a replica’s error means for the read', () => {
  it('goes to the primary when the replica is unreachable or shutting down, else is the read’s own', () => {
    for (const code of ['ECONNREFUSED', 'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', '08006', '57P01', '57P03'])
      expect(replicaFailure(Object.assign(new Error(code), { code }))).toBe('down');
    // A hot standby cancels a read that conflicts with the WAL it replays.
    expect(replicaFailure(Object.assign(new Error(), { code: '40001' }))).toBe('retry');
    for (const code of ['22012', '42P01', undefined])
      expect(replicaFailure(Object.assign(new Error(), { code }))).toBe('error');
  });
});

describe.runIf(hasPostgres())('a read replica that refuses connections', () => {
  let primary: TestDb;
  let handle: DbHandle;

  beforeAll(async () => {
    primary = await openTestDb('postgres', { poolSize: 1 });
    const replicaUrl = `postgres://postgres@127.0.0.1:${await closedPort()}/huzhu`;
    handle = await openDb({ url: primary.url, replicaUrl, poolSize: 2, migrate: false });
  });
  afterAll(async () => {
    await handle?.close();
    await primary?.close();
  });

  it('has every read answered by the primary, and says the replica is down', async () => {
    expect(rowsOf(await handle.readDb.execute(sql`select ${41}::int + 1 as n`))).toEqual([{ n: 42 }]);
    // A drizzle select (its rows as arrays) too.
    expect(await memberByPhone(handle.readDb, '13900009999')).toBeUndefined();
    expect(handle.replica!.stats()).toEqual({ up: false, fallbacks: 2 });
    expect(await handle.replica!.check(1_000)).toBe(false);
  });

  it('runs a transaction asked of it on the primary', async () => {
    const [row] = rowsOf(await handle.readDb.transaction((tx) => tx.execute(sql`select pg_is_in_recovery() as r`)));
    expect(row).toEqual({ r: false });
  });
});

describe.runIf(hasPostgres())('a read replica that answers', () => {
  let primary: TestDb;
  let handle: DbHandle;

  beforeAll(async () => {
    primary = await openTestDb('postgres', { poolSize: 1 });
    // The primary's own database stands in for its replica: what is tested is the routing.
    handle = await openDb({ url: primary.url, replicaUrl: primary.url, poolSize: 2, migrate: false });
  });
  afterAll(async () => {
    await handle?.close();
    await primary?.close();
  });

  it('answers reads itself, and a read’s own error is not tried again on the primary', async () => {
    expect(rowsOf(await handle.readDb.execute(sql`select 7 as n`))).toEqual([{ n: 7 }]);
    await expect(handle.readDb.execute(sql`select 1 / 0`)).rejects.toMatchObject({ cause: { code: '22012' } });
    expect(handle.replica!.stats()).toEqual({ up: true, fallbacks: 0 });
    expect(await handle.replica!.check(5_000)).toBe(true);
  });
});
