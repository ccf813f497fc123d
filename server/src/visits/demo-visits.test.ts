// The demo village's visit duty, on PGlite and on PostgreSQL, agrees with the services: the
// seed's tasks are the ones generation would make (it adds only the unpaired elder's), and the
// morning's escalation finds the overdue one, marks it missed and tells the coordinator once.
import { inboxQueries, memberQueries, tables } from '@huzhu/db';
import { seedDemo } from '@huzhu/db/seed';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../auth/authorize';
import { localDate } from '../core/time';
import { actorFor, depsFor } from '../testing';
import { escalateVisitTasks, generateVisitTasks, visitDuty } from './visit-duty.service';

const ZONE = 'Asia/Shanghai';

describe.each(testEngines())('the demo visit duty on %s', (engine) => {
  let handle: TestDb;
  const names = new Map<number, string>();

  beforeAll(async () => {
    handle = await openTestDb(engine);
    const demo = await seedDemo(handle.db, new Date(), { visitDuty: true });
    for (const m of await memberQueries.listMembers(handle.db, { siteId: demo.siteId }, 100)) names.set(m.id, m.name);
  });
  afterAll(() => handle.close());

  it('has the tasks generation makes: it adds only the unpaired elder’s, and one per elder and period', async () => {
    const deps = depsFor(handle.db);
    expect(await generateVisitTasks(deps, systemActor('job:visits.generate'), ZONE)).toBe(1);
    const today = localDate(new Date(), ZONE);
    const current = (await handle.db.select().from(tables.visitTasks)).filter(
      (t) => t.periodStart <= today && t.dueBy >= today,
    );
    expect(current.map((t) => names.get(t.elderId)).sort()).toEqual(
      ['吴长庚', '周桂香', '孙德福', '赵玉梅', '郑秀兰', '黄淑珍'].sort(),
    );
    expect(current.find((t) => names.get(t.elderId) === '赵玉梅')).toMatchObject({ visitorId: null, status: 'OPEN' });
  });

  it('shows the coordinator’s board overdue and not-at-home work before the period ends', async () => {
    const deps = depsFor(handle.db);
    const coordinator = (await memberQueries.memberByPhone(handle.db, '13900000001'))!;
    const me = await actorFor(handle.db, coordinator);
    const today = localDate(new Date(), ZONE);
    const tasks = await handle.db.select().from(tables.visitTasks);
    // 周桂香's last week: its due day passed, nobody went; on the board of its month, overdue.
    const zhou = tasks.find((t) => names.get(t.elderId) === '周桂香' && t.dueBy < today)!;
    const then = await visitDuty(deps, me, coordinator.siteId!, zhou.dueBy.slice(0, 7));
    expect(then.tasks.find((t) => t.id === zhou.id)).toMatchObject({ status: 'OPEN' });
    expect(then.counts.find((c) => c.tier === 'A')!.overdue).toBeGreaterThanOrEqual(1);
    // 吴长庚 was not at home today: his week's task still open, marked with the attempt.
    const now = await visitDuty(deps, me, coordinator.siteId!, today.slice(0, 7));
    const wu = now.tasks.find((t) => names.get(t.elderId) === '吴长庚' && t.periodStart <= today && t.dueBy >= today)!;
    expect(wu.status).toBe('OPEN');
    expect(wu.notFoundAt).toBeInstanceOf(Date);
    expect(now.counts.find((c) => c.tier === 'A')!.notFound).toBe(1);
    // Done tasks carry no attempt; the counts add up.
    expect(now.tasks.filter((t) => t.status === 'DONE').every((t) => !t.notFoundAt)).toBe(true);
    for (const c of now.counts) expect(c.open + c.overdue + c.done + c.missed).toBe(c.due);
  });

  it('escalates the overdue visit once: missed, and the coordinator told', async () => {
    const deps = depsFor(handle.db);
    const job = systemActor('job:visits.escalate');
    expect(await escalateVisitTasks(deps, job, ZONE)).toBeGreaterThanOrEqual(1);
    expect(await escalateVisitTasks(deps, job, ZONE)).toBe(0);
    const today = localDate(new Date(), ZONE);
    const tasks = await handle.db.select().from(tables.visitTasks);
    expect(tasks.filter((t) => t.status === 'OPEN' && t.dueBy < today)).toEqual([]);
    const zhou = tasks.filter((t) => names.get(t.elderId) === '周桂香' && t.dueBy < today);
    expect(zhou.map((t) => t.status)).toEqual(['MISSED']);
    const coordinator = (await memberQueries.memberByPhone(handle.db, '13900000001'))!;
    const told = (await inboxQueries.inboxPage(handle.db, coordinator.id, 100)).filter(
      (i) => i.subject === `visit-task:${zhou[0]!.id}`,
    );
    expect(told.map((i) => i.kind).sort()).toEqual(['VISIT_DUE', 'VISIT_OVERDUE']);
  });
});
