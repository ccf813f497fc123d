// Test support: a fresh, migrated database per test file on each engine the run has.
// PGlite always; real PostgreSQL when TEST_DATABASE_URL is set (CI always sets it). Each handle
// gets a database of its own, created here and dropped on close, so runs never see each other.
import { randomBytes } from 'node:crypto';
import type postgres from 'postgres';
import { migrationsHash } from './memory-image';
import { migrationsFolder, openDb, postgresClient, type Database, type DbHandle, type Engine } from './open';
import { memberAccount, siteAccount } from './queries/ledger.queries';
import { insertMember } from './queries/members.queries';
import { insertSite } from './queries/sites.queries';
import { seedDemo } from './seed/demo.seed';

export function testEngines(): Engine[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export const hasPostgres = (): boolean => Boolean(process.env.TEST_DATABASE_URL);

export interface TestDb extends DbHandle {
  /** The URL of the fresh database (real PostgreSQL only), for a second process or raw client. */
  url?: string;
}

export async function openTestDb(engine: Engine, options: { poolSize?: number } = {}): Promise<TestDb> {
  if (engine === 'pglite') return openDb({ memory: true });
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set: no PostgreSQL to test on');
  const name = `huzhu_t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = postgresClient(base, { max: 1, onnotice: () => {} });
  try {
    const template = await migratedTemplate(admin, base);
    await admin.unsafe(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(base, name);
  // Copied from the migrated template: nothing left to migrate.
  const handle = await openDb({ url, poolSize: options.poolSize ?? 10, migrate: false });
  return {
    ...handle,
    url,
    async close() {
      await handle.close();
      const dropper = postgresClient(base, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/**
 * The name of a database holding every migration and no rows, made once per set of migrations on
 * the server (any test process that finds it missing makes it, one at a time under a lock):
 * a copy of it is a fifth of the time of migrating each test's database from scratch.
 */
async function migratedTemplate(admin: postgres.Sql, base: string): Promise<string> {
  const name = `huzhu_tpl_${migrationsHash(migrationsFolder)}`;
  const exists = async () => (await admin`select 1 from pg_database where datname = ${name}`).length > 0;
  if (await exists()) return name;
  await admin`select pg_advisory_lock(${TEMPLATE_LOCK})`;
  try {
    if (await exists()) return name;
    // Migrated under another name and renamed when done: a half-made template is never copied.
    const making = `${name}_making`;
    await admin.unsafe(`drop database if exists ${making} with (force)`);
    await admin.unsafe(`create database ${making}`);
    const handle = await openDb({ url: withDatabase(base, making), poolSize: 1 });
    await handle.close();
    await admin.unsafe(`alter database ${making} rename to ${name}`);
    return name;
  } finally {
    await admin`select pg_advisory_unlock(${TEMPLATE_LOCK})`;
  }
}

// Any fixed number, other than the migrations' own lock.
const TEMPLATE_LOCK = 72_483_118;

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export interface LedgerFixture {
  siteId: number;
  pool: { minutes: number; points: number };
  supermarket: number;
  members: { id: number; minutes: number; points: number }[];
  /** Every account of the fixture: the scope for its invariant checks. */
  accountIds: number[];
}

/** A site with its pools and `count` members with their accounts: the smallest closed ledger. */
export async function createLedgerFixture(db: Database, count: number, label = 'fixture'): Promise<LedgerFixture> {
  return db.transaction(async (tx) => {
    const site = await insertSite(tx, { name: `${label} site`, county: '测试县', township: '测试镇', village: label });
    const account = async (owner: 'SITE_POOL' | 'SUPERMARKET', unit: 'MINUTES' | 'POINTS') => {
      const row = await siteAccount(tx, site.id, owner, unit);
      if (!row) throw new Error('site account missing');
      return row.id;
    };
    const pool = { minutes: await account('SITE_POOL', 'MINUTES'), points: await account('SITE_POOL', 'POINTS') };
    const supermarket = await account('SUPERMARKET', 'POINTS');
    const members: LedgerFixture['members'] = [];
    for (let i = 0; i < count; i++) {
      const m = await insertMember(tx, { siteId: site.id, name: `成员${i + 1}` }, ['VOLUNTEER']);
      const minutes = await memberAccount(tx, m.id, 'MINUTES');
      const points = await memberAccount(tx, m.id, 'POINTS');
      if (!minutes || !points) throw new Error('member accounts missing');
      members.push({ id: m.id, minutes: minutes.id, points: points.id });
    }
    const accountIds = [pool.minutes, pool.points, supermarket, ...members.flatMap((m) => [m.minutes, m.points])];
    return { siteId: site.id, pool, supermarket, members, accountIds };
  });
}

export interface VillagesFixture {
  /** The demo village, 三和村 of 安定镇, 平江县 (seedDemo, without its second village). */
  here: number;
  /** Other villages of the same township and county, in order: 石门村, 东山村. */
  sameCounty: number[];
  /** A village of another county: 远村 of 远山县. */
  farCounty: number;
}

const SAME_COUNTY_VILLAGES = ['石门村', '东山村'];

/**
 * The demo village and villages around it, for what crosses sites (hours that travel, families,
 * alliances): `sameCounty` (1 or 2) more of its county and one of another county. Each test adds
 * the people it needs; the villages carry none.
 */
export async function createVillagesFixture(db: Database, sameCounty = 1): Promise<VillagesFixture> {
  if (sameCounty < 1 || sameCounty > SAME_COUNTY_VILLAGES.length) throw new Error(`sameCounty ${sameCounty}: 1 to 2`);
  const here = (await seedDemo(db)).siteId;
  return db.transaction(async (tx) => {
    const near: number[] = [];
    for (const village of SAME_COUNTY_VILLAGES.slice(0, sameCounty)) {
      near.push((await insertSite(tx, { name: `${village}互助站`, county: '平江县', township: '安定镇', village })).id);
    }
    const far = await insertSite(tx, { name: '远村互助站', county: '远山县', village: '远村' });
    return { here, sameCounty: near, farCounty: far.id };
  });
}
