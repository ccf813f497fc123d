// Regions on PGlite and on PostgreSQL: a site in a five-level path with division codes, sites of
// one township sharing its row, the roll-up equal to the sum of its sites at every level, and who
// may read it.
import { memberQueries, type MemberRow } from '@huzhu/db';
import { seedDemo } from '@huzhu/db/seed';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentMonth } from '../core/time';
import { createSite, regionPathOf } from '../sites/sites.service';
import { actorFor, depsFor, outcome } from '../testing';
import { recordVisit } from '../visits/visits.service';
import { regionReport } from './regions.service';
import { siteReports } from './reports.service';

const PATH = '吉林省/松原市/前郭尔罗斯蒙古族自治县/查干花镇/查干花村';
const CODES = ['220000000000', '220700000000', '220721000000', '220721104000', '220721104201'];

describe.each(testEngines())('regions on %s', (engine) => {
  let handle: TestDb;
  let admin: MemberRow;
  let demoSite: number;
  const month = currentMonth('Asia/Shanghai');
  const deps = () => depsFor(handle.db);
  const asAdmin = () => actorFor(handle.db, admin);

  beforeAll(async () => {
    handle = await openTestDb(engine);
    demoSite = (await seedDemo(handle.db)).siteId;
    admin = await handle.db.transaction((tx) =>
      memberQueries.insertMember(tx, { siteId: null, name: '民政局' }, ['ADMIN']),
    );
  });
  afterAll(() => handle.close());

  it('takes a five-level path with its codes; sites of one township share its row', async () => {
    const site = await createSite(deps(), await asAdmin(), {
      name: '查干花村站',
      region: PATH,
      regionCodes: CODES,
      pointsPerHour: 10,
    });
    const path = await regionPathOf(deps(), site.regionId!);
    expect(path.map((r) => [r.level, r.name, r.code])).toEqual([
      ['PROVINCE', '吉林省', CODES[0]],
      ['CITY', '松原市', CODES[1]],
      ['COUNTY', '前郭尔罗斯蒙古族自治县', CODES[2]],
      ['TOWNSHIP', '查干花镇', CODES[3]],
      ['VILLAGE', '查干花村', CODES[4]],
    ]);
    expect(site).toMatchObject({ county: '前郭尔罗斯蒙古族自治县', township: '查干花镇', village: '查干花村' });
    const neighbour = await createSite(deps(), await asAdmin(), {
      name: '哈拉毛都村站',
      region: '吉林省/松原市/前郭尔罗斯蒙古族自治县/查干花镇/哈拉毛都村',
      pointsPerHour: 10,
    });
    const theirs = await regionPathOf(deps(), neighbour.regionId!);
    expect(theirs.slice(0, 4).map((r) => r.id)).toEqual(path.slice(0, 4).map((r) => r.id));
  });

  it('refuses six levels, a malformed code, a code count that does not match, and a clashing code', async () => {
    const make = (region: string, regionCodes?: (string | null)[]) =>
      asAdmin().then((a) =>
        createSite(deps(), a, { name: '某站', region, regionCodes: regionCodes ?? null, pointsPerHour: 10 }),
      );
    expect(await outcome(make('甲省/乙市/丙县/丁镇/戊村/己组'))).toBe('BAD_USER_INPUT input.region');
    expect(await outcome(make('丙县/丁镇', ['12345', null]))).toBe('BAD_USER_INPUT input.regionCodes');
    expect(await outcome(make('丙县/丁镇', ['220000000000']))).toBe('BAD_USER_INPUT input.regionCodes');
    // The same codes again (a second site in the village) are fine; another code for a kept one is not.
    expect(await outcome(make(PATH, CODES))).toBe('OK');
    expect(await outcome(make(PATH, [...CODES.slice(0, 4), '220721104999']))).toBe('CONFLICT input.regionCodes');
    expect(await outcome(make(PATH, ['229900000000', null, null, null, null]))).toBe('CONFLICT input.regionCodes');
    // Only platform staff create sites.
    const coordinator = (await memberQueries.listMembers(handle.db, { siteId: demoSite, role: 'COORDINATOR' }, 1))[0]!;
    expect(
      await outcome(
        createSite(deps(), await actorFor(handle.db, coordinator), { name: '某站', region: '丙县', pointsPerHour: 10 }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('rolls a month up to every level as the sum of its sites, and drills down one level at a time', async () => {
    // A visit at the demo village, so the coverage is not all zeros.
    const people = await memberQueries.listMembers(handle.db, { siteId: demoSite }, 100);
    const coordinator = people.find((m) => m.name === '李秀英')!;
    await recordVisit(deps(), await actorFor(handle.db, coordinator), {
      elderId: people.find((m) => m.name === '赵玉梅')!.id,
      visitedAt: new Date(Date.now() - 60_000),
    });
    const admin = await asAdmin();
    const all = await siteReports(deps(), admin, month);
    const top = await regionReport(deps(), admin, null, month);
    const sum = (f: (r: (typeof all)[number]) => number) => all.reduce((a, r) => a + f(r), 0);
    expect(top).toMatchObject({
      region: null,
      siteCount: all.length,
      dueCount: sum((r) => r.dueCount),
      visitedCount: sum((r) => r.visitedCount),
      serviceMinutes: sum((r) => r.serviceMinutes),
    });
    expect(top.visitedCount).toBeGreaterThan(0);
    // The tops' sums add up to the whole.
    expect(top.children.reduce((a, c) => a + c.siteCount, 0)).toBe(all.length);
    expect(top.children.reduce((a, c) => a + c.dueCount, 0)).toBe(top.dueCount);

    // Down from the province to the township: two villages, each with its own site.
    let report = await regionReport(
      deps(),
      admin,
      top.children.find((c) => c.region.name === '吉林省')!.region.id,
      month,
    );
    for (const name of ['松原市', '前郭尔罗斯蒙古族自治县', '查干花镇']) {
      expect(report.children.map((c) => c.region.name)).toEqual([name]);
      report = await regionReport(deps(), admin, report.children[0]!.region.id, month);
    }
    expect(report.children.map((c) => c.region.name).sort()).toEqual(['哈拉毛都村', '查干花村'].sort());
    expect(report.siteCount).toBe(report.children.reduce((a, c) => a + c.siteCount, 0));
    const village = await regionReport(
      deps(),
      admin,
      report.children.find((c) => c.region.name === '查干花村')!.region.id,
      month,
    );
    expect(village.sites.map((s) => s.site.name).sort()).toEqual(['查干花村站', '某站'].sort());
  });

  it('is platform staff’s: a coordinator is refused, an unknown region is NOT_FOUND', async () => {
    const coordinator = (await memberQueries.listMembers(handle.db, { siteId: demoSite, role: 'COORDINATOR' }, 1))[0]!;
    expect(await outcome(regionReport(deps(), await actorFor(handle.db, coordinator), null, month))).toBe('FORBIDDEN');
    expect(await outcome(regionReport(deps(), await asAdmin(), 999_999, month))).toBe('NOT_FOUND');
  });
});
