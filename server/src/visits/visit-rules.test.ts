// Visit rules on PGlite and PostgreSQL: a county's rules in place of the defaults and the nearest
// region's winning, the elder's facts moving the kept tier (and the monthly rate, A and B only), a
// raise changing generated tasks inside its period only, and a major event making A for exactly
// 24 hours with one task however often generation runs.
import { memberQueries, regionQueries, tables, type MemberRow, type RegionRow } from '@huzhu/db';
import { seedDemo } from '@huzhu/db/seed';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentMonth } from '../core/time';
import { systemActor } from '../auth/authorize';
import { updateMember } from '../members/member-lifecycle.service';
import { appointRegionOfficer } from '../members/region-staff.service';
import { actorFor, depsFor, outcome } from '../testing';
import { reportMajorEvent } from './major-events.service';
import { DEFAULT_TIER_RULES, type TierRules } from './tier-rules';
import { generateVisitTasks, setVisitPair } from './visit-duty.service';
import {
  addVisitFrequencyRaise,
  clearVisitTierRules,
  regionVisitRules,
  setVisitTierRules,
} from './visit-rules.service';
import { visitCoverage } from './visits.service';

const ZONE = 'Asia/Shanghai';
const JOB = systemActor('job:visits.generate');

describe.each(testEngines())('visit rules on %s', (engine) => {
  let handle: TestDb;
  let site: number;
  let county: RegionRow;
  let township: RegionRow;
  let admin: MemberRow;
  const people = new Map<string, MemberRow>();
  const id = (name: string) => people.get(name)!.id;
  const actorOf = (name: string) => actorFor(handle.db, people.get(name)!);
  const deps = () => depsFor(handle.db);
  const tierOf = async (name: string) => (await memberQueries.memberById(handle.db, id(name)))!.visitTier;
  const tasksOf = async (name: string) =>
    (await handle.db.select().from(tables.visitTasks))
      .filter((t) => t.elderId === id(name))
      .sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.id - b.id);
  const month = () => currentMonth('Asia/Shanghai');
  const dueNow = async () => (await visitCoverage(deps(), await actorOf('李秀英'), site, month())).dueCount;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    const demo = await seedDemo(handle.db);
    site = demo.siteId;
    for (const m of await memberQueries.listMembers(handle.db, { siteId: site }, 100)) people.set(m.name, m);
    admin = await memberQueries.insertMember(handle.db, { siteId: null, name: '民政局' }, ['ADMIN']);
    const row = (await handle.db.select().from(tables.sites)).find((s) => s.id === site)!;
    const line = await regionQueries.regionLine(handle.db, (await regionQueries.regionById(handle.db, row.regionId!))!);
    county = line.find((r) => r.level === 'COUNTY')!;
    township = line.find((r) => r.level === 'TOWNSHIP')!;
  });
  afterAll(() => handle.close());

  it('counts A and B elders in the monthly rate, and an elder’s facts move their tier at once', async () => {
    // The demo village: A 赵玉梅 孙德福 周桂香, B 黄淑珍 吴长庚; 郑秀兰 C is visited quarterly, not counted.
    expect(await tierOf('郑秀兰')).toBe('C');
    expect(await dueNow()).toBe(5);
    const coordinator = await actorOf('李秀英');
    await updateMember(deps(), coordinator, id('郑秀兰'), { dementia: true });
    expect(await tierOf('郑秀兰')).toBe('B');
    expect(await dueNow()).toBe(6);
    await updateMember(deps(), coordinator, id('郑秀兰'), { dementia: null, lifeThreateningIllness: true });
    expect(await tierOf('郑秀兰')).toBe('A');
    await updateMember(deps(), coordinator, id('郑秀兰'), { lifeThreateningIllness: false });
    expect(await tierOf('郑秀兰')).toBe('C');
    expect(await dueNow()).toBe(5);
  });

  it('uses the county’s rules in place of the defaults, the nearest region’s winning', async () => {
    const adminActor = await actorFor(handle.db, admin);
    // 吴长庚, 79, left behind: C by an A age of 80 and no dementia…
    await updateMember(deps(), await actorOf('李秀英'), id('吴长庚'), { dementia: false });
    expect(await tierOf('吴长庚')).toBe('C');
    // …A where the county sets the A age at 75.
    const countyRules: TierRules = { ...DEFAULT_TIER_RULES, a: { ...DEFAULT_TIER_RULES.a, minAge: 75 } };
    const set = await setVisitTierRules(deps(), adminActor, county.id, countyRules);
    expect(set).toMatchObject({ own: countyRules, effective: countyRules, heldBy: { id: county.id } });
    expect(await tierOf('吴长庚')).toBe('A');
    expect(await regionVisitRules(deps(), adminActor, township.id)).toMatchObject({
      own: null,
      effective: countyRules,
      heldBy: { id: county.id },
    });
    // The township's own rules are nearer: A from 85, and left behind makes B there.
    const townshipRules: TierRules = {
      a: { ...DEFAULT_TIER_RULES.a, minAge: 85 },
      b: { ...DEFAULT_TIER_RULES.b, categories: [...DEFAULT_TIER_RULES.b.categories, 'LEFT_BEHIND'] },
    };
    await setVisitTierRules(deps(), adminActor, township.id, townshipRules);
    expect(await tierOf('吴长庚')).toBe('B');
    // 孙德福, 82, empty nest and 失能: A by the defaults and the county; by the township's 85, B.
    expect(await tierOf('孙德福')).toBe('B');
    await clearVisitTierRules(deps(), adminActor, township.id);
    expect(await tierOf('吴长庚')).toBe('A');
    expect(await tierOf('孙德福')).toBe('A');
    await clearVisitTierRules(deps(), adminActor, county.id);
    await updateMember(deps(), await actorOf('李秀英'), id('吴长庚'), { dementia: true });
    expect(await tierOf('吴长庚')).toBe('B');

    // Platform staff and the county's own officers set its rules; a township officer may set
    // the township's but not the county's, a site's coordinator neither.
    expect(await outcome(setVisitTierRules(deps(), await actorOf('李秀英'), county.id, countyRules))).toBe('FORBIDDEN');
    await handle.db.transaction(async (tx) => {
      for (const [name, phone] of [
        ['县民政干部', '13700000301'],
        ['镇干部', '13700000302'],
      ] as const)
        people.set(name, await memberQueries.insertMember(tx, { siteId: null, name, phone }, []));
    });
    await appointRegionOfficer(deps(), adminActor, { regionId: county.id, phone: '13700000301' });
    await appointRegionOfficer(deps(), adminActor, { regionId: township.id, phone: '13700000302' });
    expect(await outcome(setVisitTierRules(deps(), await actorOf('镇干部'), county.id, countyRules))).toBe('FORBIDDEN');
    await setVisitTierRules(deps(), await actorOf('县民政干部'), county.id, countyRules);
    expect(await tierOf('吴长庚')).toBe('A');
    await clearVisitTierRules(deps(), await actorOf('县民政干部'), county.id);
    expect(await tierOf('吴长庚')).toBe('B');
    expect(
      await outcome(
        setVisitTierRules(deps(), adminActor, county.id, { ...countyRules, b: { ...countyRules.b, minAge: 20 } }),
      ),
    ).toBe('BAD_USER_INPUT rules.b.minAge');
    expect((await regionVisitRules(deps(), adminActor, county.id)).own).toBeNull();
  });

  it('generates tasks at the raised frequency inside the raise only', async () => {
    const adminActor = await actorFor(handle.db, admin);
    await addVisitFrequencyRaise(deps(), adminActor, {
      regionId: county.id,
      from: '2027-03-08',
      until: '2027-03-14',
      reason: '寒潮',
      tierB: 'WEEKLY',
      tierC: 'MONTHLY',
    });
    const at = (day: string) => new Date(`${day}T12:00:00+08:00`);
    await generateVisitTasks(deps(), JOB, ZONE, at('2027-03-05'));
    await generateVisitTasks(deps(), JOB, ZONE, at('2027-03-10'));
    await generateVisitTasks(deps(), JOB, ZONE, at('2027-03-10'));
    await generateVisitTasks(deps(), JOB, ZONE, at('2027-03-15'));
    await generateVisitTasks(deps(), JOB, ZONE, at('2027-03-20'));
    const span = (t: { periodStart: string; dueBy: string; tier: string }) => [t.tier, t.periodStart, t.dueBy];
    // C: the quarter as usual, and inside the raise a month cut to the raise's days.
    expect((await tasksOf('郑秀兰')).filter((t) => t.periodStart >= '2027').map(span)).toEqual([
      ['C', '2027-01-01', '2027-03-31'],
      ['C', '2027-03-08', '2027-03-14'],
    ]);
    // B: the month as usual, and the raise's week.
    expect((await tasksOf('黄淑珍')).filter((t) => t.periodStart >= '2027').map(span)).toEqual([
      ['B', '2027-03-01', '2027-03-31'],
      ['B', '2027-03-08', '2027-03-14'],
    ]);
    // Refusals: staff of a site raise nothing; a raise lowering B, or raising nothing, is refused.
    const raise = { regionId: county.id, from: '2027-04-01', until: '2027-04-03', reason: '清明' };
    expect(
      await outcome(
        addVisitFrequencyRaise(deps(), await actorOf('李秀英'), { ...raise, tierB: 'WEEKLY', tierC: 'MONTHLY' }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await outcome(addVisitFrequencyRaise(deps(), adminActor, { ...raise, tierB: 'QUARTERLY', tierC: 'MONTHLY' })),
    ).toBe('BAD_USER_INPUT input.tierB');
    expect(
      await outcome(addVisitFrequencyRaise(deps(), adminActor, { ...raise, tierB: 'MONTHLY', tierC: 'QUARTERLY' })),
    ).toBe('BAD_USER_INPUT input.tierC');
  });

  it('makes an elder A for exactly 24 hours after a major event, with one task however often generation runs', async () => {
    const reportedAt = new Date('2027-06-02T10:00:00+08:00');
    const coordinator = await actorOf('李秀英');
    const report = await reportMajorEvent(
      deps(),
      coordinator,
      { elderId: id('郑秀兰'), kind: 'FALL', happenedOn: '2027-06-01', note: '院子里滑倒' },
      reportedAt,
    );
    expect(report.task).toMatchObject({
      tier: 'A',
      periodStart: '2027-06-02',
      dueBy: '2027-06-03',
      eventId: report.event.id,
      status: 'OPEN',
    });
    expect(await tierOf('郑秀兰')).toBe('A');
    const later = (ms: number) => new Date(reportedAt.getTime() + ms);
    const june = async () => (await tasksOf('郑秀兰')).filter((t) => t.periodStart >= '2027-04');
    await generateVisitTasks(deps(), JOB, ZONE, later(1000));
    await generateVisitTasks(deps(), JOB, ZONE, later(1000));
    await generateVisitTasks(deps(), JOB, ZONE, later(86_400_000 - 1000));
    expect(await june()).toHaveLength(1);
    expect(await tierOf('郑秀兰')).toBe('A');
    // 24 hours on: C again, and her quarter's task is generated as usual.
    await generateVisitTasks(deps(), JOB, ZONE, later(86_400_000));
    expect(await tierOf('郑秀兰')).toBe('C');
    expect((await june()).map((t) => [t.tier, t.periodStart, t.eventId])).toEqual([
      ['C', '2027-04-01', null],
      ['A', '2027-06-02', report.event.id],
    ]);
  });

  it('lets the elder’s visitor report an event, and refuses anyone else', async () => {
    const now = new Date('2027-06-10T09:00:00+08:00');
    const input = { elderId: id('周桂香'), kind: 'HOSPITAL_DISCHARGE' as const, happenedOn: '2027-06-10' };
    expect(await outcome(reportMajorEvent(deps(), await actorOf('张建国'), input, now))).toBe('FORBIDDEN');
    await setVisitPair(deps(), await actorOf('李秀英'), { elderId: id('周桂香'), visitorId: id('张建国') });
    const report = await reportMajorEvent(deps(), await actorOf('张建国'), input, now);
    expect(report.task).toMatchObject({ tier: 'A', visitorId: id('张建国'), dueBy: '2027-06-11' });
    expect(
      await outcome(reportMajorEvent(deps(), await actorOf('李秀英'), { ...input, happenedOn: '2027-05-01' }, now)),
    ).toBe('BAD_USER_INPUT input.happenedOn');
    const audit = (await handle.db.select().from(tables.auditLog)).filter((r) => r.action === 'reportMajorEvent');
    expect(audit).toHaveLength(2);
  });
});
