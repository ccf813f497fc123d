// A backup and its restore keep every row and the ledger's invariants, on both engines.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { describe, expect, it } from 'vitest';
import { backupPglite, backupPostgres, restorePglite, restorePostgres } from './backup';
import { openDb, type Database } from './open';
import { checkInvariants, rowsOf } from './queries/invariants.queries';
import { seedDemo } from './seed/demo.seed';
import { openTestDb, testEngines } from './testing';
import * as schema from './schema/index';

async function rowCounts(db: Database): Promise<Record<string, number>> {
  const tables = rowsOf(await db.execute(sql`select tablename from pg_tables where schemaname = 'public' order by 1`));
  const counts: Record<string, number> = {};
  for (const { tablename } of tables) {
    const [row] = rowsOf(await db.execute(sql.raw(`select count(*)::int as n from "${String(tablename)}"`)));
    counts[String(tablename)] = Number(row!.n);
  }
  return counts;
}

describe.each(testEngines())('backup and restore on %s', (engine) => {
  it('round-trips every row, and the ledger still balances', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'huzhu-backup-'));
    const source = await openTestDb(engine);
    await seedDemo(source.db);
    const before = await rowCounts(source.db);
    expect(before.transfers).toBeGreaterThan(0);

    let restored: Database;
    let close: () => Promise<void>;
    if (engine === 'pglite') {
      await backupPglite(source.pglite!, join(dir, 'huzhu.tar.gz'));
      const pglite = await restorePglite(join(dir, 'huzhu.tar.gz'), undefined);
      restored = drizzle({ client: pglite, schema }) as unknown as Database;
      close = () => pglite.close();
    } else {
      await backupPostgres(source.url!, join(dir, 'huzhu.dump'));
      const target = await openTestDb('postgres');
      // Restore into an empty database: drop what openTestDb migrated, keep the database.
      await target.db.execute(
        sql`drop schema public cascade; drop schema if exists drizzle cascade; create schema public`,
      );
      await restorePostgres(target.url!, join(dir, 'huzhu.dump'));
      const reopened = await openDb({ url: target.url!, poolSize: 1 }); // migrations: nothing left to do
      restored = reopened.db;
      close = async () => {
        await reopened.close();
        await target.close();
      };
    }
    try {
      expect(await rowCounts(restored)).toEqual(before);
      expect((await checkInvariants(restored)).filter((r) => !r.holds)).toEqual([]);
      // The append-only trigger came back too.
      await expect(restored.execute(sql`delete from transfers`)).rejects.toThrow();
    } finally {
      await close();
      await source.close();
    }
  });
});
