// The data layer on both engines: the same migrations leave the same tables, and the database
// itself refuses what the ledger rules forbid, whatever code (or person at a prompt) tries it.
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectPgError } from './errors';
import { rowsOf } from './queries/invariants.queries';
import * as tables from './schema/index';
import { createLedgerFixture, openTestDb, testEngines, type TestDb } from './testing';
import type { Database, Engine } from './open';

const definedTables = (Object.values(tables) as unknown[])
  .filter((t): t is PgTable => t instanceof PgTable)
  .map((t) => getTableConfig(t));

async function catalog(db: Database) {
  const columns = rowsOf(
    await db.execute(sql`
      select c.table_name, c.column_name, c.data_type, c.is_nullable
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      -- Tables only: the views a migration adds (the monthly figures recomputed) are not Drizzle's.
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      order by c.table_name, c.column_name`),
  );
  const constraints = rowsOf(
    await db.execute(sql`
      select conrelid::regclass::text as table_name, conname, contype::text
      from pg_constraint where connamespace = 'public'::regnamespace
        -- PostgreSQL 18 (PGlite) lists NOT NULL as constraints too; 15 does not. Nullability is
        -- compared through information_schema.columns instead.
        and contype <> 'n'
      order by 1, 2`),
  );
  const indexes = rowsOf(
    await db.execute(sql`select tablename, indexname from pg_indexes where schemaname = 'public' order by 1, 2`),
  );
  const triggers = rowsOf(
    await db.execute(sql`
      select event_object_table, trigger_name, event_manipulation
      from information_schema.triggers order by 1, 2, 3`),
  );
  return { columns, constraints, indexes, triggers };
}

const opened = new Map<Engine, TestDb>();

beforeAll(async () => {
  for (const engine of testEngines()) opened.set(engine, await openTestDb(engine));
});
afterAll(async () => {
  for (const handle of opened.values()) await handle.close();
});

describe.each(testEngines())('migrations on %s', (engine) => {
  it('create every table the Drizzle schema defines, with its columns', async () => {
    const { columns } = await catalog(opened.get(engine)!.db);
    for (const table of definedTables) {
      const found = columns.filter((c) => c.table_name === table.name).map((c) => c.column_name);
      expect(found.sort(), table.name).toEqual(table.columns.map((c) => c.name).sort());
    }
    const tableNames = new Set(columns.map((c) => c.table_name));
    expect([...tableNames].sort()).toEqual(definedTables.map((t) => t.name).sort());
  });

  it('create the views that recompute the kept monthly figures from the rows', async () => {
    const views = rowsOf(
      await opened
        .get(engine)!
        .db.execute(sql`select table_name from information_schema.views where table_schema = 'public' order by 1`),
    ).map((r) => r.table_name);
    expect(views).toEqual([
      'site_month_elders_recomputed',
      'site_month_volunteers_recomputed',
      'site_months_recomputed',
    ]);
  });

  it('are idempotent: opening an already migrated database changes nothing', async () => {
    const handle = opened.get(engine)!;
    const before = await catalog(handle.db);
    if (engine === 'postgres') {
      const again = await (await import('./open')).openDb({ url: handle.url!, poolSize: 1 });
      await again.close();
    }
    expect(await catalog(handle.db)).toEqual(before);
  });
});

describe.runIf(testEngines().length > 1)('both engines', () => {
  it('leave the same tables, columns, constraints, indexes and triggers', async () => {
    const pglite = await catalog(opened.get('pglite')!.db);
    const postgres = await catalog(opened.get('postgres')!.db);
    expect(pglite).toEqual(postgres);
  });
});

describe.each(testEngines())('the database refuses on %s', (engine) => {
  const db = () => opened.get(engine)!.db;

  async function oneTransfer() {
    const f = await createLedgerFixture(db(), 1, `refuse-${Math.random()}`);
    const [m] = f.members;
    await db().execute(sql`
      insert into transfers (unit, amount, debit_account_id, credit_account_id, kind, idempotency_key, request_hash)
      values ('MINUTES', 30, ${f.pool.minutes}, ${m!.minutes}, 'ISSUANCE', ${`k-${Math.random()}`}, 'h')`);
    const [row] = rowsOf(await db().execute(sql`select id from transfers order by id desc limit 1`));
    return { f, id: Number(row!.id) };
  }

  it('an UPDATE of a transfer', async () => {
    const { id } = await oneTransfer();
    expect(await expectPgError(db().execute(sql`update transfers set amount = 1 where id = ${id}`))).toMatchObject({
      message: expect.stringMatching(/append-only/),
    });
    const [row] = rowsOf(await db().execute(sql`select amount from transfers where id = ${id}`));
    expect(Number(row!.amount)).toBe(30);
  });

  it('a DELETE and a TRUNCATE of transfers', async () => {
    const { id } = await oneTransfer();
    expect(await expectPgError(db().execute(sql`delete from transfers where id = ${id}`))).toMatchObject({
      message: expect.stringMatching(/append-only/),
    });
    expect(await expectPgError(db().execute(sql`truncate transfers cascade`))).toMatchObject({
      message: expect.stringMatching(/append-only/),
    });
    const rows = rowsOf(await db().execute(sql`select id from transfers where id = ${id}`));
    expect(rows).toHaveLength(1);
  });

  it('an UPDATE or DELETE of the audit log', async () => {
    await db().execute(sql`insert into audit_log (action, entity) values ('test', 'nothing')`);
    expect(await expectPgError(db().execute(sql`update audit_log set action = 'x'`))).toMatchObject({
      message: expect.stringMatching(/append-only/),
    });
    expect(await expectPgError(db().execute(sql`delete from audit_log`))).toMatchObject({
      message: expect.stringMatching(/append-only/),
    });
  });

  it('a member balance below zero (the CHECK backstop)', async () => {
    const f = await createLedgerFixture(db(), 1, `neg-${Math.random()}`);
    expect(
      await expectPgError(db().execute(sql`update accounts set balance = -1 where id = ${f.members[0]!.points}`)),
    ).toMatchObject({ message: expect.stringMatching(/accounts_member_not_negative/) });
  });

  it('a transfer between accounts of another unit, to itself, or of no amount', async () => {
    const f = await createLedgerFixture(db(), 1, `shape-${Math.random()}`);
    const m = f.members[0]!;
    const insert = (unit: string, amount: number, from: number, to: number) =>
      db().execute(sql`
        insert into transfers (unit, amount, debit_account_id, credit_account_id, kind, idempotency_key, request_hash)
        values (${unit}, ${amount}, ${from}, ${to}, 'ISSUANCE', ${`k-${Math.random()}`}, 'h')`);
    expect(await expectPgError(insert('MINUTES', 10, f.pool.points, m.minutes))).toMatchObject({
      message: expect.stringMatching(/transfers_debit_account_fk/),
    });
    expect(await expectPgError(insert('MINUTES', 10, m.minutes, m.minutes))).toMatchObject({
      message: expect.stringMatching(/transfers_not_to_self/),
    });
    expect(await expectPgError(insert('MINUTES', 0, f.pool.minutes, m.minutes))).toMatchObject({
      message: expect.stringMatching(/transfers_amount_positive/),
    });
  });
});
