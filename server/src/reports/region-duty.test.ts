// A region's visit duty on PGlite and on PostgreSQL: the chart's twelve months equal, month by
// month, the region report rolled up from its sites (months with nothing kept as zeros), and the
// list of visits not made names exactly the tasks not done, by village and name, with each
// elder's pair and last visit; only civil-affairs staff read either.
import { memberQueries, siteQueries, tables, type MemberRow } from '@huzhu/db';
import { DEMO_SITE_NAME, seedDemo } from '@huzhu/db/seed';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentMonth, lastDayOfMonth } from '../core/time';
import { actorFor, depsFor, outcome } from '../testing';
import { setVisitPair } from '../visits/visit-duty.service';
import { recordVisit } from '../visits/visits.service';
import { overdueCsv } from './region-overdue.csv';
import { regionOverdueExport, regionOverdueVisits } from './region-overdue.service';
import { regionTrend } from './region-trend.service';
import { regionReport } from './regions.service';

const ZONE = 'Asia/Shanghai';

/** "YYYY-MM" `back` months before `month`. */
function monthBefore(month: string, back: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y! * 12 + (m! - 1) - back;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

describe.each(testEngines())('a region’s visit duty on %s', (engine) => {
  let handle: TestDb;
  let admin: MemberRow;
  const people = new Map<string, MemberRow>();
  const regionOf = new Map<string, number>();
  const deps = () => depsFor(handle.db);
  const asAdmin = () => actorFor(handle.db, admin);
  const as = (name: string) => actorFor(handle.db, people.get(name)!);
  const month = currentMonth(ZONE);
  const last = monthBefore(month, 1);
  const before = monthBefore(month, 2);
  const [ly, lm] = last.split('-').map(Number);

  beforeAll(async () => {
    handle = await openTestDb(engine);
    const demo = await seedDemo(handle.db);
    for (const m of await memberQueries.listMembers(handle.db, { siteId: demo.siteId }, 100)) people.set(m.name, m);
    admin = await handle.db.transaction((tx) =>
      memberQueries.insertMember(tx, { siteId: null, name: '民政局' }, ['ADMIN']),
    );
    // A second village of the demo township, a county apart, and a village with no one due.
    const sites = await handle.db.transaction(async (tx) => {
      const green = await siteQueries.insertSite(tx, {
        name: '青山村站',
        county: '平江县',
        township: '安定镇',
        village: '青山村',
      });
      const far = await siteQueries.insertSite(tx, {
        name: '远山村站',
        county: '浏阳县',
        township: '某镇',
        village: '远山村',
      });
      const empty = await siteQueries.insertSite(tx, {
        name: '空村站',
        county: '平江县',
        township: '空镇',
        village: '空村',
      });
      for (const [name, site, roles, care] of [
        ['钱大爷', green, ['ELDER'], ['EXTREME_POVERTY']],
        ['青山志愿者', green, ['VOLUNTEER'], []],
        ['外县老人', far, ['ELDER'], ['EXTREME_POVERTY']],
      ] as const) {
        // Inserted as the services would: an elder in extreme poverty is visited monthly (B).
        const visitTier = care.length > 0 ? ('B' as const) : null;
        people.set(
          name,
          await memberQueries.insertMember(tx, { siteId: site.id, name, careCategories: [...care], visitTier }, [
            ...roles,
          ]),
        );
      }
      return { green, far, empty };
    });
    for (const s of [sites.green, sites.far, sites.empty]) regionOf.set(s.name, s.regionId!);
    const demoSite = (await siteQueries.siteById(handle.db, demo.siteId))!;
    regionOf.set(DEMO_SITE_NAME, demoSite.regionId!);
    const township = (await handle.db.select().from(tables.regions)).find((r) => r.name === '安定镇')!;
    regionOf.set('安定镇', township.id);

    // The demo's own tasks of last month away: this test's are the whole list.
    await handle.db.delete(tables.visitTasks);
    // Last month's tasks: two weeks of 周桂香 missed, 孙德福's month open past its day, 赵玉梅's
    // made (by the visit below), 钱大爷's missed, one in the other county; this month's open.
    const id = (n: string) => people.get(n)!.id;
    const lastEnd = lastDayOfMonth(ly!, lm!);
    const task = (
      elder: string,
      siteId: number,
      tier: 'A' | 'B',
      start: string,
      end: string,
      status: 'OPEN' | 'MISSED',
    ) => ({
      siteId,
      elderId: id(elder),
      tier,
      periodStart: start,
      dueBy: end,
      status,
    });
    await handle.db
      .insert(tables.visitTasks)
      .values([
        task('周桂香', demo.siteId, 'A', `${last}-01`, `${last}-07`, 'MISSED'),
        task('周桂香', demo.siteId, 'A', `${last}-08`, `${last}-14`, 'MISSED'),
        task('孙德福', demo.siteId, 'B', `${last}-01`, lastEnd, 'OPEN'),
        task('赵玉梅', demo.siteId, 'B', `${last}-01`, lastEnd, 'OPEN'),
        task('钱大爷', sites.green.id, 'B', `${last}-01`, lastEnd, 'MISSED'),
        task('外县老人', sites.far.id, 'B', `${last}-01`, lastEnd, 'MISSED'),
        task(
          '吴长庚',
          demo.siteId,
          'B',
          `${month}-01`,
          lastDayOfMonth(Number(month.slice(0, 4)), Number(month.slice(5))),
          'OPEN',
        ),
      ]);
    const coordinator = await as('李秀英');
    await setVisitPair(deps(), coordinator, { elderId: id('周桂香'), visitorId: id('张建国'), backupId: id('刘桂兰') });
    await setVisitPair(deps(), coordinator, { elderId: id('孙德福'), visitorId: id('陈志明') });
    // 赵玉梅 visited last month (closes her task); 钱大爷 the month before, at his village.
    await recordVisit(deps(), coordinator, { elderId: id('赵玉梅'), visitedAt: new Date(`${last}-15T10:00:00+08:00`) });
    await recordVisit(deps(), await asAdmin(), {
      elderId: id('钱大爷'),
      visitorId: id('青山志愿者'),
      visitedAt: new Date(`${before}-10T09:30:00+08:00`),
    });
  });
  afterAll(() => handle.close());

  it('gives twelve months, oldest first, each equal to that month’s region report', async () => {
    const a = await asAdmin();
    for (const regionId of [null, regionOf.get('安定镇')!, regionOf.get(DEMO_SITE_NAME)!]) {
      const trend = await regionTrend(deps(), a, regionId, month);
      expect(trend.map((t) => t.month)).toEqual(Array.from({ length: 12 }, (_, i) => monthBefore(month, 11 - i)));
      for (const t of trend) {
        const r = await regionReport(deps(), a, regionId, t.month);
        expect(t, t.month).toEqual({
          month: t.month,
          dueCount: r.dueCount,
          visitedCount: r.visitedCount,
          visitRate: r.visitRate,
          serviceMinutes: r.serviceMinutes,
          pointsIssued: r.pointsIssued,
          pointsRedeemed: r.pointsRedeemed,
        });
      }
    }
    const township = await regionTrend(deps(), a, regionOf.get('安定镇')!, month);
    // Last month: 赵玉梅 at the demo village; the month before: 钱大爷 at 青山村.
    expect(township.find((t) => t.month === last)!.visitedCount).toBe(1);
    expect(township.find((t) => t.month === before)!.visitedCount).toBe(1);
    expect(township.at(-1)!.dueCount).toBeGreaterThan(0);
  });

  it('shows months with nothing kept as zeros, and no rate where no one is due', async () => {
    const a = await asAdmin();
    const old = await regionTrend(deps(), a, regionOf.get('安定镇')!, '2001-06', 3);
    const due = (await regionReport(deps(), a, regionOf.get('安定镇')!, month)).dueCount;
    expect(old).toEqual(
      ['2001-04', '2001-05', '2001-06'].map((m) => ({
        month: m,
        dueCount: due,
        visitedCount: 0,
        visitRate: 0,
        serviceMinutes: 0,
        pointsIssued: 0,
        pointsRedeemed: 0,
      })),
    );
    const empty = await regionTrend(deps(), a, regionOf.get('空村站')!, month);
    expect(empty).toHaveLength(12);
    expect(empty.every((t) => t.dueCount === 0 && t.visitRate === null && t.serviceMinutes === 0)).toBe(true);
  });

  it('lists exactly the visits not made, by village then name, with the pair and the last visit', async () => {
    const a = await asAdmin();
    const list = await regionOverdueVisits(deps(), a, regionOf.get('安定镇')!, last, { first: 100 });
    const lines = list.edges.map(({ node: n }) => [
      n.regionNames.join('/'),
      n.siteName,
      n.elderName,
      n.tier,
      n.status,
      n.periodStart,
      n.visitorName,
      n.backupName,
    ]);
    expect(lines).toEqual([
      ['平江县/安定镇/三和村', DEMO_SITE_NAME, '周桂香', 'A', 'MISSED', `${last}-01`, '张建国', '刘桂兰'],
      ['平江县/安定镇/三和村', DEMO_SITE_NAME, '周桂香', 'A', 'MISSED', `${last}-08`, '张建国', '刘桂兰'],
      ['平江县/安定镇/三和村', DEMO_SITE_NAME, '孙德福', 'B', 'OPEN', `${last}-01`, '陈志明', null],
      ['平江县/安定镇/青山村', '青山村站', '钱大爷', 'B', 'MISSED', `${last}-01`, null, null],
    ]);
    expect(list.totalCount).toBe(4);
    const qian = list.edges.at(-1)!.node;
    expect(qian.lastVisitAt?.toISOString()).toBe(new Date(`${before}-10T09:30:00+08:00`).toISOString());
    expect(list.edges[0]!.node.lastVisitAt).toBeNull();
    expect(list.edges[0]!.node.dueBy).toBe(`${last}-07`);

    // Page by page, the same list.
    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await regionOverdueVisits(deps(), a, regionOf.get('安定镇')!, last, { first: 3, after });
      expect(page.totalCount).toBe(4);
      paged.push(...page.edges.map((e) => `${e.node.elderName}${e.node.periodStart}`));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(paged).toEqual(list.edges.map((e) => `${e.node.elderName}${e.node.periodStart}`));

    // A village holds its own; the top every county's; this month nothing is past its day yet.
    const green = await regionOverdueVisits(deps(), a, regionOf.get('青山村站')!, last, {});
    expect(green.edges.map((e) => e.node.elderName)).toEqual(['钱大爷']);
    const top = await regionOverdueExport(deps(), a, null, last);
    expect(top.lines.map((l) => l.elderName).sort()).toEqual(
      ['周桂香', '周桂香', '外县老人', '孙德福', '钱大爷'].sort(),
    );
    expect((await regionOverdueVisits(deps(), a, null, month, {})).totalCount).toBe(0);
  });

  it('exports the list as a CSV in the reader’s language', async () => {
    const data = await regionOverdueExport(deps(), await asAdmin(), regionOf.get('安定镇')!, last);
    const zh = overdueCsv(data, 'zh').body.split('\r\n');
    expect(zh[0]).toBe('\uFEFF所在地区,村,站点,老人,探访频次,周期开始,应探访日期,状态,上次探访,结对探访人,备用探访人');
    expect(zh[1]).toBe(
      `平江县/安定镇,三和村,${DEMO_SITE_NAME},周桂香,每周,${last}-01,${last}-07,已错过,从未探访,张建国,刘桂兰`,
    );
    expect(zh[4]).toBe(
      `平江县/安定镇,青山村,青山村站,钱大爷,每月,${last}-01,${lastDayOfMonth(ly!, lm!)},已错过,${before}-10,未结对,`,
    );
    const en = overdueCsv(data, 'en');
    expect(en.body).toContain(`孙德福,Monthly,${last}-01,${lastDayOfMonth(ly!, lm!)},Overdue,Never,陈志明,`);
    expect(en.displayName).toBe(`Visits not made-安定镇-${last}.csv`);
  });

  it('is civil-affairs staff’s: a site’s coordinator is refused, an unknown region is NOT_FOUND', async () => {
    const coordinator = await as('李秀英');
    const village = regionOf.get(DEMO_SITE_NAME)!;
    expect(await outcome(regionOverdueVisits(deps(), coordinator, village, last, {}))).toBe('FORBIDDEN');
    expect(await outcome(regionTrend(deps(), coordinator, village, month))).toBe('FORBIDDEN');
    expect(await outcome(regionOverdueExport(deps(), coordinator, null, last))).toBe('FORBIDDEN');
    expect(await outcome(regionTrend(deps(), await asAdmin(), 999_999, month))).toBe('NOT_FOUND');
    expect(await outcome(regionTrend(deps(), await asAdmin(), null, month, 0))).toBe('BAD_USER_INPUT months');
    expect(await outcome(regionOverdueVisits(deps(), await asAdmin(), null, 'last', {}))).toBe('BAD_USER_INPUT month');
  });
});
