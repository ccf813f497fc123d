// The benchmark's own database on the local PostgreSQL: named by BENCH_DATABASE_URL, created when
// absent, never the tests' database.
import { openDb } from '@huzhu/db';

/** A bare postgres-js client (through openDb, which owns the driver), without migrating. */
async function client(url: string) {
  const handle = await openDb({ url, migrate: false, poolSize: 1 });
  return { sql: handle.sql!, end: () => handle.close() };
}

export const DEFAULT_BENCH_URL = 'postgres://postgres@127.0.0.1:5432/huzhu_bench';

export function benchDatabaseUrl(): string {
  return process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_URL;
}

function maintenanceUrl(url: string): { admin: string; name: string } {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected database name "${name}"`);
  if (name === 'test' || name === 'postgres')
    throw new Error(`refusing to use the "${name}" database for the benchmark`);
  u.pathname = '/postgres';
  return { admin: u.toString(), name };
}

/** Creates (or with reset drops and recreates) the database, then migrates it. */
export async function ensureDatabase(url: string, options: { reset?: boolean } = {}): Promise<void> {
  const { admin, name } = maintenanceUrl(url);
  const { sql, end } = await client(admin);
  try {
    if (options.reset) await sql.unsafe(`drop database if exists ${name} with (force)`);
    const [row] = await sql`select 1 as ok from pg_database where datname = ${name}`;
    if (!row) await sql.unsafe(`create database ${name}`);
  } finally {
    await end();
  }
  const handle = await openDb({ url, poolSize: 1 });
  await handle.close();
}

/** How many sites and transfers the database holds (0, 0 when it does not exist). */
export async function datasetSize(
  url: string,
): Promise<{ sites: number; members: number; transfers: number } | undefined> {
  const { admin, name } = maintenanceUrl(url);
  const probe = await client(admin);
  try {
    const [row] = await probe.sql`select 1 as ok from pg_database where datname = ${name}`;
    if (!row) return undefined;
  } finally {
    await probe.end();
  }
  const { sql, end } = await client(url);
  try {
    const [t] = await sql`select to_regclass('public.sites') is not null as ok`;
    if (!t?.ok) return undefined;
    const [r] =
      await sql`select (select count(*) from sites)::int as sites, (select count(*) from members)::int as members,
      (select reltuples::bigint from pg_class where relname = 'transfers')::bigint as transfers`;
    return { sites: Number(r!.sites), members: Number(r!.members), transfers: Number(r!.transfers) };
  } finally {
    await end();
  }
}

/** Drops the benchmark database (the bench's --drop). */
export async function dropDatabase(url: string): Promise<void> {
  const { admin, name } = maintenanceUrl(url);
  const { sql, end } = await client(admin);
  try {
    await sql.unsafe(`drop database if exists ${name} with (force)`);
  } finally {
    await end();
  }
}
