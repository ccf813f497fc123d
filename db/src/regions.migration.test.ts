// Regions as rows, on both engines: a site written with names gets its region rows (shared by
// sites of one township), and the regions migration gives sites written before it theirs, the
// same rows the names would have made; running its statements again changes nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from './open';
import { regionById, regionLine, sitesUnder } from './queries/regions.queries';
import { insertSite } from './queries/sites.queries';
import { regions, sites } from './schema/index';
import { openTestDb, testEngines, type TestDb } from './testing';

function dataStatements(): string[] {
  const file = readdirSync(migrationsFolder).find((f) => f.endsWith('_regions_for_existing_sites.sql'));
  if (!file) throw new Error('migration regions_for_existing_sites not found');
  return readFileSync(join(migrationsFolder, file), 'utf8')
    .split('--> statement-breakpoint')
    .map((s) => s.trim())
    .filter(Boolean);
}

describe.each(testEngines())('regions on %s', (engine) => {
  let handle: TestDb;
  beforeAll(async () => {
    handle = await openTestDb(engine);
  });
  afterAll(() => handle.close());

  const names = async (regionId: number | null) =>
    (await regionLine(handle.db, (await regionById(handle.db, regionId!))!)).map((r) => `${r.level}:${r.name}`);

  it('gives a site written with names its rows, shared by the sites of one township', async () => {
    const a = await insertSite(handle.db, { name: '甲村站', county: '远山县', township: '青石镇', village: '甲村' });
    const b = await insertSite(handle.db, { name: '乙村站', county: '远山县', township: '青石镇', village: '乙村' });
    const town = await insertSite(handle.db, { name: '青石镇站', county: '远山县', township: '青石镇' });
    expect(await names(a.regionId)).toEqual(['COUNTY:远山县', 'TOWNSHIP:青石镇', 'VILLAGE:甲村']);
    expect(await names(b.regionId)).toEqual(['COUNTY:远山县', 'TOWNSHIP:青石镇', 'VILLAGE:乙村']);
    const township = (await regionById(handle.db, town.regionId!))!;
    expect(township.level).toBe('TOWNSHIP');
    expect((await sitesUnder(handle.db, township)).map((s) => s.siteId).sort()).toEqual([a.id, b.id, town.id].sort());
  });

  it('gives sites written before regions were rows the same rows, once', async () => {
    // Written the old way: names only, no region.
    const [old] = await handle.db
      .insert(sites)
      .values({ name: '旧站', county: '远山县', township: '青石镇', village: '丙村' })
      .returning();
    const [loose] = await handle.db
      .insert(sites)
      .values({ name: '无镇站', county: '近水县', township: '', village: '丁村' })
      .returning();
    const before = (await handle.db.select().from(regions)).length;
    for (const statement of dataStatements()) await handle.db.execute(sql.raw(statement));
    const [mended] = await handle.db.select().from(sites).where(eq(sites.id, old!.id));
    expect(await names(mended!.regionId)).toEqual(['COUNTY:远山县', 'TOWNSHIP:青石镇', 'VILLAGE:丙村']);
    const [mendedLoose] = await handle.db.select().from(sites).where(eq(sites.id, loose!.id));
    expect(await names(mendedLoose!.regionId)).toEqual(['COUNTY:近水县', 'VILLAGE:丁村']);
    // The county and township rows were reused: only 丙村, 近水县 and 丁村 are new.
    const after = (await handle.db.select().from(regions)).length;
    expect(after - before).toBe(3);
    for (const statement of dataStatements()) await handle.db.execute(sql.raw(statement));
    expect((await handle.db.select().from(regions)).length).toBe(after);
  });
});
