// Visits and monthly coverage, on PGlite and on PostgreSQL: who may record and read them, and
// which calendar month (in the site's zone) a visit near midnight belongs to.
import { memberQueries, siteQueries, tables, type MemberRow } from '@huzhu/db';
import { seedDemo } from '@huzhu/db/seed';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { execute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toId } from '../core/ids';
import { buildSchema } from '../graphql/schema';
import { actorFor, contextFor, depsFor, outcome } from '../testing';
import { recordVisit, visitCoverage } from './visits.service';

describe.each(testEngines())('visits on %s', (engine) => {
  let handle: TestDb;
  let site: number;
  const people = new Map<string, MemberRow>();
  const actorOf = (name: string) => actorFor(handle.db, people.get(name)!);
  // Fresh deps for each call, as each request had its own context.
  const visit = async (visitor: string, elder: string, at: string, extra: { note?: string } = {}) =>
    recordVisit(depsFor(handle.db), await actorOf(visitor), {
      elderId: people.get(elder)!.id,
      visitedAt: new Date(at),
      ...extra,
    });
  const coverage = async (month: string, who = '李秀英') =>
    visitCoverage(depsFor(handle.db), await actorOf(who), site, month);

  beforeAll(async () => {
    handle = await openTestDb(engine);
    const demo = await seedDemo(handle.db);
    site = demo.siteId;
    for (const m of await memberQueries.listMembers(handle.db, { siteId: demo.siteId }, 100)) people.set(m.name, m);
    // A second village with its own coordinator and elder, and the bureau's admin (no site).
    await handle.db.transaction(async (tx) => {
      const other = await siteQueries.insertSite(tx, { name: '青山村互助站', county: '平江县', village: '青山村' });
      people.set(
        '外村协调员',
        await memberQueries.insertMember(tx, { siteId: other.id, name: '外村协调员' }, ['COORDINATOR']),
      );
      people.set(
        '外村老人',
        await memberQueries.insertMember(tx, { siteId: other.id, name: '外村老人', careCategories: ['LIVING_ALONE'] }, [
          'ELDER',
        ]),
      );
      people.set('管理员', await memberQueries.insertMember(tx, { siteId: null, name: '管理员' }, ['ADMIN']));
    });
  });
  afterAll(() => handle.close());

  it('counts the due elders and moves the coverage when a visit is recorded', async () => {
    const before = await coverage('2026-09');
    expect(before).toMatchObject({ month: '2026-09', dueCount: 5, visitedCount: 0, rate: 0, visits: [] });
    // Unvisited by name: every elder with a care category, including the volunteer who is one (黄淑珍).
    expect(before.unvisited.map((m) => m.name).sort()).toEqual(
      ['吴长庚', '周桂香', '孙德福', '赵玉梅', '黄淑珍'].sort(),
    );

    const row = await visit('张建国', '赵玉梅', '2026-09-15T10:00:00+08:00', { note: '身体不错，屋里有点冷' });
    expect(row).toMatchObject({
      elderId: people.get('赵玉梅')!.id,
      visitorId: people.get('张建国')!.id,
      followUpNeeded: false,
    });
    const after = await coverage('2026-09');
    expect(after).toMatchObject({ dueCount: 5, visitedCount: 1, rate: 0.2 });
    expect(after.unvisited.map((m) => m.name)).not.toContain('赵玉梅');
    expect(after.visits.map((v) => v.id)).toEqual([row.id]);

    // A second visit to the same elder adds a visit, not coverage; the list is newest first.
    const again = await visit('李秀英', '赵玉梅', '2026-09-20T09:00:00+08:00');
    const twice = await coverage('2026-09');
    expect(twice.visitedCount).toBe(1);
    expect(twice.visits.map((v) => v.id)).toEqual([again.id, row.id]);

    const [audit] = (await handle.db.select().from(tables.auditLog)).filter(
      (a) => a.action === 'recordVisit' && a.entityId === String(row.id),
    );
    expect(audit).toMatchObject({ actorId: people.get('张建国')!.id, entity: 'visit' });
  });

  it("puts a visit in the month of the site's clock, not of UTC", async () => {
    // 23:30 on 30 November in Beijing is 15:30 UTC: still November.
    await visit('李秀英', '孙德福', '2025-11-30T23:30:00+08:00');
    // 00:30 on 1 December in Beijing is 16:30 UTC on 30 November: December at the site.
    await visit('李秀英', '周桂香', '2025-12-01T00:30:00+08:00');
    const november = await coverage('2025-11');
    const december = await coverage('2025-12');
    expect(november.visits.map((v) => v.elderId)).toEqual([people.get('孙德福')!.id]);
    expect(december.visits.map((v) => v.elderId)).toEqual([people.get('周桂香')!.id]);
    expect(november.unvisited.map((m) => m.name)).not.toContain('孙德福');
    expect(november.unvisited.map((m) => m.name)).toContain('周桂香');
    expect(december.visitedCount).toBe(1);
  });

  it('has no rate (null, never 100%) when no one is due', async () => {
    const empty = await handle.db.transaction(async (tx) => {
      const s = await siteQueries.insertSite(tx, { name: '新建站', county: '平江县' });
      await memberQueries.insertMember(tx, { siteId: s.id, name: '新站协调员' }, ['COORDINATOR']);
      return s;
    });
    const result = await visitCoverage(depsFor(handle.db), await actorOf('管理员'), empty.id, '2026-09');
    expect(result).toMatchObject({ dueCount: 0, visitedCount: 0, rate: null, unvisited: [], visits: [] });
  });

  it("refuses another site's coordinator, volunteers and elders the coverage; lets clerks and admins read it", async () => {
    expect(await outcome(coverage('2026-09', '外村协调员'))).toBe('FORBIDDEN');
    expect(await outcome(coverage('2026-09', '张建国'))).toBe('FORBIDDEN');
    expect(await outcome(coverage('2026-09', '赵玉梅'))).toBe('FORBIDDEN');
    expect(await outcome(coverage('2026-09', '王小芳'))).toBe('OK');
    expect(await outcome(coverage('2026-09', '管理员'))).toBe('OK');
    expect(await outcome(visitCoverage(depsFor(handle.db), await actorOf('管理员'), 99999, '2026-09'))).toBe(
      'NOT_FOUND',
    );
  });

  it('lets coordinators, volunteers and admins of the elder’s site record a visit, and no one else', async () => {
    const at = '2026-10-02T10:00:00+08:00';
    expect(await outcome(visit('外村协调员', '赵玉梅', at))).toBe('FORBIDDEN');
    expect(await outcome(visit('王小芳', '赵玉梅', at))).toBe('FORBIDDEN');
    expect(await outcome(visit('孙德福', '赵玉梅', at))).toBe('FORBIDDEN');
    expect(await outcome(visit('张建国', '外村老人', at))).toBe('FORBIDDEN');
    expect(await outcome(visit('外村协调员', '外村老人', at))).toBe('OK');
    expect(await outcome(visit('管理员', '赵玉梅', at))).toBe('OK');
    // 以老助老 is welcome, but not visiting oneself into the figures.
    expect(await outcome(visit('黄淑珍', '黄淑珍', at))).toBe('BAD_USER_INPUT input.elderId');
    expect(await outcome(visit('黄淑珍', '赵玉梅', at))).toBe('OK');
  });

  it('refuses visits in the future or before 2000, long notes, unknown elders and bad months', async () => {
    const soon = new Date(Date.now() + 4 * 60 * 1000).toISOString();
    const later = new Date(Date.now() + 10 * 60 * 1000).toISOString();
    expect(await outcome(visit('李秀英', '吴长庚', soon))).toBe('OK');
    expect(await outcome(visit('李秀英', '吴长庚', later))).toBe('BAD_USER_INPUT input.visitedAt');
    expect(await outcome(visit('李秀英', '吴长庚', '1999-12-31T23:00:00+08:00'))).toBe(
      'BAD_USER_INPUT input.visitedAt',
    );
    expect(await outcome(visit('李秀英', '吴长庚', '2026-10-01T09:00:00+08:00', { note: '很'.repeat(1001) }))).toBe(
      'BAD_USER_INPUT input.note',
    );
    const admin = await actorOf('管理员');
    expect(await outcome(recordVisit(depsFor(handle.db), admin, { elderId: 99999, visitedAt: new Date() }))).toBe(
      'NOT_FOUND input.elderId',
    );
    // Another kind's id is refused where it is parsed, the resolver, naming the same field.
    const wrongKind = await execute({
      schema: buildSchema(),
      document: parse('mutation ($input: RecordVisitInput!) { recordVisit(input: $input) { id } }'),
      variableValues: { input: { elderId: toId('Site', site), visitedAt: new Date().toISOString() } },
      contextValue: await contextFor(handle.db, people.get('管理员')!),
    });
    expect(wrongKind.errors?.map((e) => [e.extensions.code, e.extensions.field].join(' '))).toEqual([
      'BAD_USER_INPUT input.elderId',
    ]);
    for (const month of ['2026-13', '1999-12', '2101-01', '2026-9', 'November']) {
      expect(await outcome(coverage(month))).toBe('BAD_USER_INPUT month');
    }
    expect(await outcome(coverage('2000-01'))).toBe('OK');
    expect(await outcome(coverage('2100-12'))).toBe('OK');
  });
});
