// The visit round on PGlite and on PostgreSQL: who went (a coordinator records for a volunteer),
// each elder's last visit and next due date, the follow-ups list and its closing, and the
// month's visits file.
import { memberQueries, siteQueries, tables, type MemberRow } from '@huzhu/db';
import { seedDemo } from '@huzhu/db/seed';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentMonth } from '../core/time';
import { visitsCsv } from '../reports/reports.csv';
import { visitsExport } from '../reports/reports.exports';
import { actorFor, depsFor, outcome } from '../testing';
import { closeFollowUp, openFollowUps } from './follow-ups.service';
import { recordVisit, visitCoverage, type NewVisit } from './visits.service';

describe.each(testEngines())('the visit round on %s', (engine) => {
  let handle: TestDb;
  let site: number;
  const people = new Map<string, MemberRow>();
  const id = (name: string) => people.get(name)!.id;
  const actorOf = (name: string) => actorFor(handle.db, people.get(name)!);
  const visit = async (recorder: string, elder: string, at: string, extra: Partial<NewVisit> = {}) =>
    recordVisit(depsFor(handle.db), await actorOf(recorder), { elderId: id(elder), visitedAt: new Date(at), ...extra });
  const elders = async (month: string) =>
    new Map(
      (await visitCoverage(depsFor(handle.db), await actorOf('李秀英'), site, month)).elders.map((e) => [
        e.elder.name,
        e,
      ]),
    );

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

  it('records who went: the coordinator names the volunteer, who is the visitor; the recorder is in the audit', async () => {
    const row = await visit('李秀英', '赵玉梅', '2026-08-10T15:30:00+08:00', { visitorId: id('张建国') });
    expect(row).toMatchObject({ visitorId: id('张建国'), visitedAt: new Date('2026-08-10T07:30:00Z') });
    const audit = (await handle.db.select().from(tables.auditLog)).find(
      (a) => a.action === 'recordVisit' && a.entityId === String(row.id),
    );
    expect(audit).toMatchObject({ actorId: id('李秀英'), detail: { visitorId: id('张建国') } });
    // Naming oneself is the same as naming no one.
    expect((await visit('张建国', '孙德福', '2026-07-05T10:00:00+08:00', { visitorId: id('张建国') })).visitorId).toBe(
      id('张建国'),
    );
  });

  it('lets only a coordinator name someone else, and only someone who serves at the elder’s site', async () => {
    const at = '2026-08-12T10:00:00+08:00';
    // A volunteer records their own visits only.
    expect(await outcome(visit('张建国', '周桂香', at, { visitorId: id('黄淑珍') }))).toBe('FORBIDDEN');
    // An elder who serves no role, and another village's coordinator, are not visitors here.
    expect(await outcome(visit('李秀英', '周桂香', at, { visitorId: id('孙德福') }))).toBe(
      'BAD_USER_INPUT input.visitorId',
    );
    expect(await outcome(visit('李秀英', '周桂香', at, { visitorId: id('外村协调员') }))).toBe(
      'BAD_USER_INPUT input.visitorId',
    );
    // 黄淑珍 volunteers and is an elder herself: she cannot be her own visitor.
    expect(await outcome(visit('李秀英', '黄淑珍', at, { visitorId: id('黄淑珍') }))).toBe(
      'BAD_USER_INPUT input.visitorId',
    );
    // Nothing of the refused visits was written.
    const august = await visitCoverage(depsFor(handle.db), await actorOf('李秀英'), site, '2026-08');
    expect(august.visits.map((v) => v.elderId)).toEqual([id('赵玉梅')]);
  });

  it("shows each due elder's last visit and next due date as of the month viewed", async () => {
    const august = await elders('2026-08');
    // Visited in August: next due by the end of September.
    expect(august.get('赵玉梅')).toMatchObject({ visitedThisMonth: true, dueBy: '2026-09-30', overdue: false });
    expect(august.get('赵玉梅')!.lastVisit?.visitedAt).toEqual(new Date('2026-08-10T07:30:00Z'));
    // Last seen in July, not in August, and August is over: overdue, with July's visit shown.
    expect(august.get('孙德福')).toMatchObject({ visitedThisMonth: false, dueBy: '2026-08-31', overdue: true });
    expect(august.get('孙德福')!.lastVisit?.visitedAt).toEqual(new Date('2026-07-05T02:00:00Z'));
    // Never visited.
    expect(august.get('吴长庚')).toMatchObject({ lastVisit: null, overdue: true });
    // July's view does not see August's visit as the last one.
    expect((await elders('2026-07')).get('赵玉梅')!.lastVisit).toBeNull();

    // December's next due is January of the next year; this month is not overdue before it ends.
    await visit('李秀英', '周桂香', '2025-12-31T20:00:00+08:00');
    expect((await elders('2025-12')).get('周桂香')).toMatchObject({ dueBy: '2026-01-31', visitedThisMonth: true });
    for (const e of (await elders(currentMonth('Asia/Shanghai'))).values()) expect(e.overdue).toBe(false);
  });

  it('lists the visits marked for follow-up until the coordinator records what was done, once', async () => {
    const found = await visit('张建国', '吴长庚', '2026-08-20T09:00:00+08:00', {
      note: '屋顶漏雨',
      followUpNeeded: true,
    });
    const plain = await visit('张建国', '周桂香', '2026-08-21T09:00:00+08:00');
    const list = async (who = '李秀英') => openFollowUps(depsFor(handle.db), await actorOf(who), site, null);
    expect((await list()).map((v) => v.id)).toEqual([found.id]);
    // The clerk, as site staff, sees the list; a volunteer does not; only the coordinator closes.
    expect((await list('王小芳')).map((v) => v.id)).toEqual([found.id]);
    expect(await outcome(list('张建国'))).toBe('FORBIDDEN');
    const close = async (who: string, visitId: number, words: string) =>
      closeFollowUp(depsFor(handle.db), await actorOf(who), visitId, words);
    expect(await outcome(close('张建国', found.id, '已修好'))).toBe('FORBIDDEN');
    expect(await outcome(close('外村协调员', found.id, '已修好'))).toBe('NOT_FOUND');
    expect(await outcome(close('李秀英', plain.id, '已修好'))).toBe('CONFLICT');
    expect(await outcome(close('李秀英', found.id, '  '))).toBe('BAD_USER_INPUT outcome');

    const closed = await close('李秀英', found.id, '已请村里电工修好屋顶');
    expect(closed).toMatchObject({ followUpClosedBy: id('李秀英'), followUpOutcome: '已请村里电工修好屋顶' });
    expect(await list()).toEqual([]);
    // The same close again (a lost reply) returns it; other words on a closed one are refused.
    expect((await close('李秀英', found.id, '已请村里电工修好屋顶')).followUpClosedAt).toEqual(closed.followUpClosedAt);
    expect(await outcome(close('李秀英', found.id, '别的说法'))).toBe('CONFLICT');
    const audits = (await handle.db.select().from(tables.auditLog)).filter((a) => a.action === 'closeFollowUp');
    expect(audits).toHaveLength(1);
  });

  it("writes the month's visits, then the elders not visited, in the reader's language", async () => {
    const coordinator = await actorOf('李秀英');
    const zh = visitsCsv(await visitsExport(depsFor(handle.db), coordinator, site, '2026-08'), 'zh');
    expect(zh.body.startsWith('\uFEFF老人,探访时间,探访人,情况记录,需要跟进,跟进结果\r\n')).toBe(true);
    const lines = zh.body.slice(1).trimEnd().split('\r\n').slice(1);
    expect(lines[0]).toBe('赵玉梅,2026-08-10 15:30,张建国,,否,');
    expect(lines).toContain('吴长庚,2026-08-20 09:00,张建国,屋顶漏雨,是,已请村里电工修好屋顶');
    // 孙德福 was last seen in July: August's file lists him as not visited, with no visitor.
    expect(lines).toContain('孙德福,本月未探访,,,,');
    expect(zh.displayName).toMatch(/^探访记录-.+-2026-08\.csv$/);
    const en = visitsCsv(await visitsExport(depsFor(handle.db), coordinator, site, '2026-08'), 'en');
    expect(en.body).toContain('Elder,Visited at,Visitor,What was found,Follow-up needed,Follow-up outcome\r\n');
    expect(en.body).toContain('孙德福,Not visited this month,,,,');
    // The books are the coordinator's and the bureau's: not the clerk's.
    expect(await outcome(visitsExport(depsFor(handle.db), await actorOf('王小芳'), site, '2026-08'))).toBe('FORBIDDEN');
  });
});
