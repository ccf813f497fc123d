// The visit duty on PGlite and on PostgreSQL: tasks generated once per elder and period (run
// twice, or twice at once), pairing and reassigning, a visit closing its task (and one that did
// not find the elder not closing it), the visitor's own list with the elder's contact, and the
// escalation stages each delivered once.
import { inboxQueries, memberQueries, siteQueries, tables, visitDutyQueries, type MemberRow } from '@huzhu/db';
import { seedDemo } from '@huzhu/db/seed';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { execute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../auth/authorize';
import { toId } from '../core/ids';
import { localDate } from '../core/time';
import { buildSchema } from '../graphql/schema';
import { actorFor, contextFor, depsFor, outcome } from '../testing';
import {
  escalateVisitTasks,
  generateVisitTasks,
  myVisitTasks,
  reassignVisitTask,
  setTierOverride,
  setVisitPair,
  visitDuty,
} from './visit-duty.service';
import { siteReport } from '../reports/reports.service';
import { recordVisit, visitCoverage } from './visits.service';

const ZONE = 'Asia/Shanghai';
const JOB = systemActor('job:visits.generate');

describe.each(testEngines())('the visit duty on %s', (engine) => {
  let handle: TestDb;
  let site: number;
  const people = new Map<string, MemberRow>();
  const id = (name: string) => people.get(name)!.id;
  const actorOf = (name: string) => actorFor(handle.db, people.get(name)!);
  const deps = () => depsFor(handle.db);
  const today = () => localDate(new Date(), ZONE);
  const tasksOf = async (elder: string) =>
    (await handle.db.select().from(tables.visitTasks)).filter((t) => t.elderId === id(elder));

  beforeAll(async () => {
    handle = await openTestDb(engine);
    const demo = await seedDemo(handle.db);
    site = demo.siteId;
    for (const m of await memberQueries.listMembers(handle.db, { siteId: demo.siteId }, 100)) people.set(m.name, m);
    await handle.db.transaction(async (tx) => {
      const other = await siteQueries.insertSite(tx, { name: '青山村互助站', county: '平江县', village: '青山村' });
      people.set(
        '外村协调员',
        await memberQueries.insertMember(tx, { siteId: other.id, name: '外村协调员' }, ['COORDINATOR']),
      );
    });
  });
  afterAll(() => handle.close());

  it('generates one task per elder on the list and period, however often it runs', async () => {
    const first = await generateVisitTasks(deps(), JOB, ZONE);
    // The demo village's list: five elders with care categories and 郑秀兰 (ELDER, none).
    expect(first).toBe(6);
    expect(await generateVisitTasks(deps(), JOB, ZONE)).toBe(0);
    // 87 and living alone: weekly (A), due by Sunday; 郑秀兰, no category: quarterly (C).
    const [zhao] = await tasksOf('赵玉梅');
    expect(zhao).toMatchObject({ tier: 'A', status: 'OPEN', visitorId: null });
    expect(new Date(`${zhao!.dueBy}T00:00:00Z`).getUTCDay()).toBe(0);
    expect((await tasksOf('郑秀兰'))[0]).toMatchObject({ tier: 'C' });
    expect((await tasksOf('黄淑珍'))[0]).toMatchObject({ tier: 'B', dueBy: expect.stringMatching(/-(28|29|30|31)$/) });
    // Another zone's pass touches no site of this one.
    expect(await generateVisitTasks(deps(), JOB, 'Asia/Urumqi')).toBe(0);
  });

  it.runIf(engine === 'postgres')(
    'creates each task once when two processes run the job at the same time',
    async () => {
      await handle.db.delete(tables.visitTasks);
      const runs = await Promise.all([
        generateVisitTasks(depsFor(handle.db), JOB, ZONE),
        generateVisitTasks(depsFor(handle.db), JOB, ZONE),
        generateVisitTasks(depsFor(handle.db), JOB, ZONE),
      ]);
      expect(runs.reduce((a, b) => a + b, 0)).toBe(6);
      expect(await handle.db.select().from(tables.visitTasks)).toHaveLength(6);
    },
  );

  it('is the job’s, or platform staff’s, to run: a coordinator cannot', async () => {
    expect(await outcome(generateVisitTasks(deps(), await actorOf('李秀英'), ZONE))).toBe('FORBIDDEN');
  });

  it('pairs an elder with a volunteer, whose open tasks then lead their own list with the contact', async () => {
    const coordinator = await actorOf('李秀英');
    await setVisitPair(deps(), coordinator, { elderId: id('赵玉梅'), visitorId: id('张建国'), backupId: id('黄淑珍') });
    await setVisitPair(deps(), coordinator, { elderId: id('郑秀兰'), visitorId: id('张建国') });
    const mine = await myVisitTasks(deps(), await actorOf('张建国'));
    expect(mine.map((t) => t.elderId)).toEqual([id('赵玉梅'), id('郑秀兰')]);
    // Sorted by due day: the weekly task first.
    expect(mine[0]!.dueBy <= mine[1]!.dueBy).toBe(true);

    // The elder's whole phone and address go to the visitor of the open task, not to another volunteer.
    const query = parse('{ myVisitTasks { id elderPhone elderAddress elder { name } } }');
    const asHim = await execute({
      schema: buildSchema(),
      document: query,
      contextValue: await contextFor(handle.db, people.get('张建国')!),
    });
    expect(asHim.data?.['myVisitTasks']).toContainEqual(
      expect.objectContaining({ elderPhone: '13900000007', elderAddress: '三和村4组12号' }),
    );
    const boardQuery = parse(
      'query ($s: ID!, $m: String!) { visitDuty(siteId: $s, month: $m) { tasks { elder { name } elderPhone } } }',
    );
    const asClerk = await execute({
      schema: buildSchema(),
      document: boardQuery,
      variableValues: { s: toId('Site', site), m: today().slice(0, 7) },
      contextValue: await contextFor(handle.db, people.get('王小芳')!),
    });
    const zhaoRow = (
      asClerk.data?.['visitDuty'] as { tasks: { elder: { name: string }; elderPhone: string }[] }
    ).tasks.find((t) => t.elder.name === '赵玉梅');
    expect(zhaoRow?.elderPhone).toBe('13900000007');

    // Refusals: a volunteer pairs no one; an elder serving no role, or the elder themself, is no visitor.
    expect(
      await outcome(setVisitPair(deps(), await actorOf('张建国'), { elderId: id('周桂香'), visitorId: id('张建国') })),
    ).toBe('FORBIDDEN');
    expect(await outcome(setVisitPair(deps(), coordinator, { elderId: id('周桂香'), visitorId: id('孙德福') }))).toBe(
      'BAD_USER_INPUT input.visitorId',
    );
    expect(await outcome(setVisitPair(deps(), coordinator, { elderId: id('黄淑珍'), visitorId: id('黄淑珍') }))).toBe(
      'BAD_USER_INPUT input.visitorId',
    );
    expect(
      await outcome(
        setVisitPair(deps(), await actorOf('外村协调员'), { elderId: id('周桂香'), visitorId: id('张建国') }),
      ),
    ).toBe('NOT_FOUND');
  });

  it('moves a task to another visitor on the coordinator’s word, and only an open one', async () => {
    const [task] = await tasksOf('郑秀兰');
    const coordinator = await actorOf('李秀英');
    expect(await outcome(reassignVisitTask(deps(), await actorOf('张建国'), task!.id, id('陈志明')))).toBe('FORBIDDEN');
    expect(await outcome(reassignVisitTask(deps(), coordinator, task!.id, id('孙德福')))).toBe(
      'BAD_USER_INPUT visitorId',
    );
    const moved = await reassignVisitTask(deps(), coordinator, task!.id, id('陈志明'));
    expect(moved.visitorId).toBe(id('陈志明'));
    expect((await myVisitTasks(deps(), await actorOf('张建国'))).map((t) => t.elderId)).toEqual([id('赵玉梅')]);
    expect((await myVisitTasks(deps(), await actorOf('陈志明'))).map((t) => t.elderId)).toEqual([id('郑秀兰')]);
  });

  it('closes the task with a visit that found the elder; one that did not is kept but counts for nothing', async () => {
    const volunteer = await actorOf('张建国');
    const missed = await recordVisit(deps(), volunteer, {
      elderId: id('赵玉梅'),
      visitedAt: new Date(Date.now() - 3_600_000),
      elderFound: false,
      mode: 'HOME',
      note: '家里没人，邻居说去女儿家了',
    });
    expect(missed).toMatchObject({ elderFound: false, mode: 'HOME' });
    expect((await tasksOf('赵玉梅'))[0]).toMatchObject({ status: 'OPEN' });
    const month = today().slice(0, 7);
    const before = await visitCoverage(deps(), await actorOf('李秀英'), site, month);
    expect(before.unvisited.map((m) => m.name)).toContain('赵玉梅');
    // The kept monthly figures (the report's) do not count it either.
    const report = await siteReport(deps(), await actorOf('李秀英'), site, month);
    expect(report.visitRate).toBe(before.rate);
    // Checks cannot be recorded for an elder who was not there.
    expect(
      await outcome(
        recordVisit(deps(), volunteer, {
          elderId: id('赵玉梅'),
          visitedAt: new Date(),
          elderFound: false,
          checks: { health: 'OK' },
        }),
      ),
    ).toBe('BAD_USER_INPUT input.checks');

    const found = await recordVisit(deps(), volunteer, {
      elderId: id('赵玉梅'),
      visitedAt: new Date(Date.now() - 60_000),
      mode: 'PHONE',
      checks: { health: 'OK', mood: 'CONCERN', family: 'OK' },
    });
    expect(found.checks).toEqual({ health: 'OK', mood: 'CONCERN', family: 'OK' });
    expect((await tasksOf('赵玉梅'))[0]).toMatchObject({ status: 'DONE', visitId: found.id });
    expect((await myVisitTasks(deps(), volunteer)).map((t) => t.elderId)).not.toContain(id('赵玉梅'));
    const after = await visitCoverage(deps(), await actorOf('李秀英'), site, month);
    expect(after.unvisited.map((m) => m.name)).not.toContain('赵玉梅');
    expect(after.rate).toBeGreaterThan(before.rate!);
    expect((await siteReport(deps(), await actorOf('李秀英'), site, month)).visitRate).toBe(after.rate);
    const board = await visitDuty(deps(), await actorOf('李秀英'), site, month);
    expect(board.counts.find((c) => c.tier === 'A')).toMatchObject({ done: 1 });
  });

  it('lets a coordinator raise an elder’s tier for a while, with a reason', async () => {
    const coordinator = await actorOf('李秀英');
    const until = localDate(new Date(Date.now() + 14 * 86_400_000), ZONE);
    const row = await setTierOverride(deps(), coordinator, {
      elderId: id('郑秀兰'),
      tier: 'A',
      reason: '摔了一跤，刚出院',
      until,
    });
    expect(row).toMatchObject({ tier: 'A', until });
    // The next pass gives her this week's task as well.
    expect(await generateVisitTasks(deps(), JOB, ZONE)).toBe(1);
    expect((await tasksOf('郑秀兰')).map((t) => t.tier).sort()).toEqual(['A', 'C']);
    expect(
      await outcome(setTierOverride(deps(), coordinator, { elderId: id('郑秀兰'), tier: 'A', reason: ' ', until })),
    ).toBe('BAD_USER_INPUT input.reason');
    expect(
      await outcome(
        setTierOverride(deps(), coordinator, { elderId: id('郑秀兰'), tier: 'A', reason: '出院', until: '2020-01-01' }),
      ),
    ).toBe('BAD_USER_INPUT input.until');
  });

  it('reminds the visitor, tells the coordinators when due and when missed, each stage once', async () => {
    // Past due, due today, due in two days, due in twenty.
    const day = (offset: number) => localDate(new Date(Date.now() + offset * 86_400_000), ZONE);
    await handle.db.delete(tables.visitTasks);
    await visitDutyQueries.insertTasks(handle.db, [
      {
        siteId: site,
        elderId: id('吴长庚'),
        tier: 'B',
        periodStart: day(-40),
        dueBy: day(-1),
        visitorId: id('张建国'),
      },
      { siteId: site, elderId: id('周桂香'), tier: 'B', periodStart: day(-20), dueBy: day(0), visitorId: id('张建国') },
      { siteId: site, elderId: id('孙德福'), tier: 'B', periodStart: day(-20), dueBy: day(2), visitorId: id('陈志明') },
      { siteId: site, elderId: id('黄淑珍'), tier: 'B', periodStart: day(-5), dueBy: day(20), visitorId: id('陈志明') },
    ]);
    const job = systemActor('job:visits.escalate');
    const delivered = await escalateVisitTasks(deps(), job, ZONE);
    const again = await escalateVisitTasks(deps(), job, ZONE);
    expect(again).toBe(0);
    const inbox = async (name: string) => inboxQueries.inboxPage(handle.db, id(name), 50);
    const kinds = async (name: string) => (await inbox(name)).map((m) => `${m.kind} ${m.subject}`).sort();
    const taskOf = async (name: string) =>
      (await tasksOf(name)).find((t) => t.periodStart !== undefined && t.status !== 'DONE')!;
    const [wu, zhou, sun] = [await taskOf('吴长庚'), await taskOf('周桂香'), await taskOf('孙德福')];
    // 吴长庚's period is over: missed, and the coordinator told.
    expect(wu.status).toBe('MISSED');
    expect(await kinds('李秀英')).toEqual([`VISIT_DUE visit-task:${zhou.id}`, `VISIT_OVERDUE visit-task:${wu.id}`]);
    // The visitors of what is due today and in two days are reminded; 20 days ahead, no one.
    expect(await kinds('张建国')).toEqual([`VISIT_REMINDER visit-task:${zhou.id}`]);
    expect(await kinds('陈志明')).toEqual([`VISIT_REMINDER visit-task:${sun.id}`]);
    expect(delivered).toBe(4);
    expect(await outcome(escalateVisitTasks(deps(), await actorOf('李秀英'), ZONE))).toBe('FORBIDDEN');
  });
});
