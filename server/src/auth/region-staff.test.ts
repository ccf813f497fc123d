// Staff scoped to a region on PGlite and on PostgreSQL: a township officer acts as ADMIN at their
// township's sites and is refused at another township's, a county officer at both, platform staff
// unchanged; appointing (platform staff, county staff for their townships) and removing, which
// ends the office at once even for a cached viewer; region figures limited to one's region; and a
// missed visit told to the township's officer once (the county's when the township has none).
import { inboxQueries, memberQueries, regionStaffQueries, tables, visitDutyQueries, type MemberRow } from '@huzhu/db';
import { seedDemo } from '@huzhu/db/seed';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { execute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPlatformAdmin, systemActor, type Viewer } from './authorize';
import { createMemberCache } from './member-cache';
import { toId } from '../core/ids';
import { localDate } from '../core/time';
import { buildSchema } from '../graphql/schema';
import { addMember } from '../members/members.service';
import { appointRegionOfficer, regionOfficers, removeRegionOfficer } from '../members/region-staff.service';
import { regionReport } from '../reports/regions.service';
import { siteReport, siteReports } from '../reports/reports.service';
import { createSite } from '../sites/sites.service';
import { actorFor, contextFor, depsFor, outcome } from '../testing';
import { escalateVisitTasks } from '../visits/visit-duty.service';

const ZONE = 'Asia/Shanghai';
const SYSTEM = systemActor('test:region-staff');

describe.each(testEngines())('region staff on %s', (engine) => {
  let handle: TestDb;
  /** The demo village (平江县/安定镇/三和村) and a village of another township (三市镇) of the county. */
  let anding: number;
  let sanshi: number;
  const region = { anding: 0, sanshi: 0, county: 0 };
  const people = {} as Record<
    'platform' | 'andingOfficer' | 'sanshiOfficer' | 'countyOfficer' | 'coordinator',
    MemberRow
  >;
  const deps = () => depsFor(handle.db);
  const as = (who: keyof typeof people) => actorFor(handle.db, people[who]);
  const month = () => localDate(new Date(), ZONE).slice(0, 7);
  const newcomer = (siteId: number, name: string) => ({ siteId, name, roles: ['VOLUNTEER' as const] });

  beforeAll(async () => {
    handle = await openTestDb(engine);
    anding = (await seedDemo(handle.db)).siteId;
    sanshi = (
      await createSite(deps(), SYSTEM, { name: '石桥村互助站', region: '平江县/三市镇/石桥村', pointsPerHour: 60 })
    ).id;
    const above = async (siteId: number, level: string) =>
      (await regionStaffQueries.regionsAboveSite(handle.db, siteId)).find((r) => r.level === level)!.id;
    region.anding = await above(anding, 'TOWNSHIP');
    region.sanshi = await above(sanshi, 'TOWNSHIP');
    region.county = await above(anding, 'COUNTY');
    await handle.db.transaction(async (tx) => {
      people.platform = await memberQueries.insertMember(tx, { siteId: null, name: '民政局', phone: '13700000100' }, [
        'ADMIN',
      ]);
      people.andingOfficer = await memberQueries.insertMember(
        tx,
        { siteId: null, name: '安定镇干部', phone: '13700000101' },
        [],
      );
      people.sanshiOfficer = await memberQueries.insertMember(
        tx,
        { siteId: null, name: '三市镇干部', phone: '13700000102' },
        [],
      );
      people.countyOfficer = await memberQueries.insertMember(
        tx,
        { siteId: null, name: '县民政干部', phone: '13700000103' },
        [],
      );
    });
    people.coordinator = (await memberQueries.memberByPhone(handle.db, '13900000001'))!;
    const platform = await as('platform');
    await appointRegionOfficer(deps(), platform, { regionId: region.anding, phone: '13700000101' });
    await appointRegionOfficer(deps(), platform, { regionId: region.sanshi, phone: '13700000102' });
    await appointRegionOfficer(deps(), platform, { regionId: region.county, phone: '13700000103' });
  });
  afterAll(() => handle.close());

  it('a township officer acts as ADMIN at their township’s sites only; a county officer at both', async () => {
    const officer = await as('andingOfficer');
    expect(isPlatformAdmin(officer)).toBe(false);
    expect(officer.regionSiteIds).toEqual([anding]);
    expect(await outcome(addMember(deps(), officer, newcomer(anding, '镇里加的人')))).toBe('OK');
    expect(await outcome(siteReport(deps(), officer, anding, month()))).toBe('OK');
    expect(await outcome(addMember(deps(), officer, newcomer(sanshi, '越界的人')))).toBe('FORBIDDEN');
    expect(await outcome(siteReport(deps(), officer, sanshi, month()))).toBe('FORBIDDEN');
    // Nothing only platform staff may do: creating a site.
    expect(
      await outcome(createSite(deps(), officer, { name: '新村', region: '平江县/安定镇/新村', pointsPerHour: 60 })),
    ).toBe('FORBIDDEN');

    const county = await as('countyOfficer');
    expect([...county.regionSiteIds!].sort()).toEqual([anding, sanshi].sort());
    expect(await outcome(addMember(deps(), county, newcomer(sanshi, '县里加的人')))).toBe('OK');
    expect(await outcome(siteReport(deps(), county, anding, month()))).toBe('OK');

    // Platform staff are unchanged: everything, everywhere.
    const platform = await as('platform');
    expect(isPlatformAdmin(platform)).toBe(true);
    expect(await outcome(addMember(deps(), platform, newcomer(sanshi, '平台加的人')))).toBe('OK');
  });

  it('region figures: an officer reads their region and below, lands on their own, never a neighbour', async () => {
    const officer = await as('andingOfficer');
    const home = await regionReport(deps(), officer, null, month());
    expect(home.region?.id).toBe(region.anding);
    expect(home.siteCount).toBe(1);
    expect(await outcome(regionReport(deps(), officer, region.sanshi, month()))).toBe('FORBIDDEN');
    expect(await outcome(regionReport(deps(), officer, region.county, month()))).toBe('FORBIDDEN');
    expect((await siteReports(deps(), officer, month())).map((r) => r.site.id)).toEqual([anding]);

    const county = await regionReport(deps(), await as('countyOfficer'), null, month());
    expect(county.region?.id).toBe(region.county);
    expect(county.children.map((c) => c.region.id).sort()).toEqual([region.anding, region.sanshi].sort());
    expect((await regionReport(deps(), await as('platform'), null, month())).region).toBeNull();
    // A site's coordinator reads no region at all.
    expect(await outcome(regionReport(deps(), await as('coordinator'), region.anding, month()))).toBe('FORBIDDEN');
  });

  it('platform staff and county staff appoint township officers; no one else does', async () => {
    const county = await as('countyOfficer');
    expect(await outcome(appointRegionOfficer(deps(), county, { regionId: region.sanshi, phone: '13900000001' }))).toBe(
      'OK',
    );
    expect((await regionOfficers(deps(), county, region.sanshi)).map((m) => m.name).sort()).toEqual(
      ['三市镇干部', people.coordinator.name].sort(),
    );
    // The county staff do not appoint their own peers; a township officer appoints no one beside them.
    expect(await outcome(appointRegionOfficer(deps(), county, { regionId: region.county, phone: '13900000001' }))).toBe(
      'FORBIDDEN',
    );
    const township = await as('andingOfficer');
    expect(
      await outcome(appointRegionOfficer(deps(), township, { regionId: region.sanshi, phone: '13900000001' })),
    ).toBe('FORBIDDEN');
    expect(await outcome(regionOfficers(deps(), township, region.sanshi))).toBe('FORBIDDEN');
    expect(
      await outcome(removeRegionOfficer(deps(), county, { regionId: region.sanshi, memberId: people.coordinator.id })),
    ).toBe('OK');
    // Held nothing there any more: as if missing.
    expect(
      await outcome(removeRegionOfficer(deps(), county, { regionId: region.sanshi, memberId: people.coordinator.id })),
    ).toBe('NOT_FOUND');
    // Every change audited, naming who did it.
    const audited = (await handle.db.select().from(tables.auditLog)).filter((a) => a.action.endsWith('RegionOfficer'));
    expect(audited.map((a) => a.action)).toEqual([
      'appointRegionOfficer',
      'appointRegionOfficer',
      'appointRegionOfficer',
      'appointRegionOfficer',
      'removeRegionOfficer',
    ]);
  });

  it('the viewer’s roles name the region; ADMIN at a site stays platform staff’s', async () => {
    const read = await execute({
      schema: buildSchema(),
      document: parse('query ($id: ID!) { member(id: $id) { roles regionRoles { role region { name level } } } }'),
      variableValues: { id: toId('Member', people.andingOfficer.id) },
      contextValue: await contextFor(handle.db, people.andingOfficer),
    });
    expect(read.errors).toBeUndefined();
    expect(read.data?.['member']).toEqual({
      roles: [],
      regionRoles: [{ role: 'ADMIN', region: { name: '安定镇', level: 'TOWNSHIP' } }],
    });
  });

  it('a removed officer loses the sites at once, even where their viewer was kept', async () => {
    await appointRegionOfficer(deps(), await as('platform'), { regionId: region.sanshi, phone: '13700000101' });
    const cache = await createMemberCache(handle);
    try {
      const viewer = () => cache.viewer(handle.db, people.andingOfficer.id) as Promise<Viewer>;
      expect([...(await viewer()).regionSiteIds!].sort()).toEqual([anding, sanshi].sort());
      await removeRegionOfficer(deps(), await as('platform'), {
        regionId: region.sanshi,
        memberId: people.andingOfficer.id,
      });
      const until = Date.now() + 5_000;
      let now = await viewer();
      while (now.regionSiteIds!.includes(sanshi) && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        now = await viewer();
      }
      expect(now.regionSiteIds).toEqual([anding]);
      expect(await outcome(addMember(deps(), now, newcomer(sanshi, '撤职后加的人')))).toBe('FORBIDDEN');
    } finally {
      await cache.close();
    }
  });

  it('a missed visit is told to the township’s officers once, to the county’s where the township has none', async () => {
    const day = (offset: number) => localDate(new Date(Date.now() + offset * 86_400_000), ZONE);
    const elderAt = async (siteId: number, name: string) =>
      handle.db.transaction((tx) =>
        memberQueries.insertMember(tx, { siteId, name, careCategories: ['LIVING_ALONE'] }, ['ELDER']),
      );
    const [wu, shi] = [await elderAt(anding, '安定老人'), await elderAt(sanshi, '石桥老人')];
    // 三市镇 has no officer now: its missed visit goes to the county's.
    await removeRegionOfficer(deps(), await as('platform'), {
      regionId: region.sanshi,
      memberId: people.sanshiOfficer.id,
    });
    await handle.db.delete(tables.visitTasks);
    await visitDutyQueries.insertTasks(handle.db, [
      { siteId: anding, elderId: wu.id, tier: 'B', periodStart: day(-40), dueBy: day(-1), visitorId: null },
      { siteId: sanshi, elderId: shi.id, tier: 'B', periodStart: day(-40), dueBy: day(-1), visitorId: null },
    ]);
    const tasks = await handle.db.select().from(tables.visitTasks);
    const taskOf = (elderId: number) => tasks.find((t) => t.elderId === elderId)!.id;
    const job = systemActor('job:visits.escalate');
    await escalateVisitTasks(deps(), job, ZONE);
    expect(await escalateVisitTasks(deps(), job, ZONE)).toBe(0);
    const told = async (who: keyof typeof people) =>
      (await inboxQueries.inboxPage(handle.db, people[who].id, 50))
        .filter((m) => m.kind === 'VISIT_OVERDUE')
        .map((m) => m.subject);
    expect(await told('andingOfficer')).toEqual([`visit-task:${taskOf(wu.id)}`]);
    expect(await told('countyOfficer')).toEqual([`visit-task:${taskOf(shi.id)}`]);
    expect(await told('sanshiOfficer')).toEqual([]);
    // The site's coordinator is still told of their own.
    expect(await told('coordinator')).toEqual([`visit-task:${taskOf(wu.id)}`]);
  });
});
