// Referrals (转介) and needs posted from a follow-up, on PGlite and on PostgreSQL: referring closes
// the follow-up once (a retry gets the same referral), the township moves it forward only, a
// decline needs its reason, each step reaches the site's coordinators once, and who may do what.
import {
  memberQueries,
  referralQueries,
  regionQueries,
  regionStaffQueries,
  siteQueries,
  tables,
  visitQueries,
  type MemberRow,
  type VisitRow,
} from '@huzhu/db';
import { seedDemo } from '@huzhu/db/seed';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postNeed } from '../needs/needs.service';
import { actorFor, depsFor, outcome } from '../testing';
import { closeFollowUp, linkedFollowUps, openFollowUps } from './follow-ups.service';
import { appointRegionOfficer } from '../members/region-staff.service';
import { referFollowUp, regionReferrals, siteReferrals, updateReferral } from './referrals.service';
import { recordVisit } from './visits.service';

describe.each(testEngines())('referrals on %s', (engine) => {
  let handle: TestDb;
  let site: number;
  let otherSite: number;
  const people = new Map<string, MemberRow>();
  const as = (name: string) => actorFor(handle.db, people.get(name)!);
  const deps = () => depsFor(handle.db);
  let n = 0;
  /** A visit to the elder that found something to follow up. */
  const followUp = async (elder = '赵玉梅'): Promise<VisitRow> =>
    recordVisit(deps(), await as('李秀英'), {
      elderId: people.get(elder)!.id,
      visitedAt: new Date(Date.now() - 3600_000 - n++ * 60_000),
      note: '屋顶漏雨，需要修',
      followUpNeeded: true,
    });
  const refer = async (visit: VisitRow, key?: string, who = '李秀英') =>
    referFollowUp(deps(), await as(who), {
      visitId: visit.id,
      kind: 'HOUSING',
      ask: '屋顶漏雨，请镇里安排危房改造',
      idempotencyKey: key ?? null,
    });
  const move = async (
    id: number,
    status: 'ACCEPTED' | 'RESOLVED' | 'DECLINED' | 'REFERRED',
    note?: string,
    who = '管理员',
  ) => updateReferral(deps(), await as(who), { referralId: id, status, note: note ?? null });
  const inboxOf = async (name: string) =>
    (await handle.db.select().from(tables.inboxItems)).filter(
      (m) => m.memberId === people.get(name)!.id && m.kind === 'REFERRAL_UPDATED',
    );
  const visitNow = async (id: number) => (await visitQueries.visitById(handle.db, id))!;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    const demo = await seedDemo(handle.db);
    site = demo.siteId;
    for (const m of await memberQueries.listMembers(handle.db, { siteId: site }, 100)) people.set(m.name, m);
    await handle.db.transaction(async (tx) => {
      const other = await siteQueries.insertSite(tx, { name: '青山村互助站', county: '平江县', village: '青山村' });
      otherSite = other.id;
      people.set(
        '外村协调员',
        await memberQueries.insertMember(tx, { siteId: other.id, name: '外村协调员' }, ['COORDINATOR']),
      );
      people.set(
        '外村管理员',
        await memberQueries.insertMember(tx, { siteId: other.id, name: '外村管理员' }, ['ADMIN']),
      );
      people.set('管理员', await memberQueries.insertMember(tx, { siteId: null, name: '管理员' }, ['ADMIN']));
    });
  });
  afterAll(() => handle.close());

  it('refers a follow-up once: the referral goes to the site’s township, the follow-up closes as referred, a retry gets the same', async () => {
    const visit = await followUp();
    const first = await refer(visit, 'refer-key-0001');
    const again = await refer(visit, 'refer-key-0001');
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ status: 'REFERRED', kind: 'HOUSING', siteId: site, elderId: visit.elderId });
    const township = await regionQueries.regionById(handle.db, first.regionId!);
    expect(township).toMatchObject({ level: 'TOWNSHIP', name: '安定镇' });
    const rows = await referralQueries.referralsOfVisits(handle.db, [visit.id]);
    expect(rows).toHaveLength(1);
    const closed = await visitNow(visit.id);
    expect(closed.followUpOutcome).toBe('referred');
    expect(closed.followUpClosedAt).not.toBeNull();
    expect((await openFollowUps(deps(), await as('李秀英'), site, 100)).map((v) => v.id)).not.toContain(visit.id);
    expect((await linkedFollowUps(deps(), await as('李秀英'), site, 100)).map((v) => v.id)).toContain(visit.id);
    // Referring it again (another key), or closing it with a note, is CONFLICT: it is closed.
    expect(await outcome(refer(visit, 'refer-key-0002'))).toBe('CONFLICT');
    expect(await outcome(refer(visit))).toBe('CONFLICT');
    expect(await outcome(closeFollowUp(deps(), await as('李秀英'), visit.id, '已处理'))).toBe('CONFLICT');
    // The key with another request is CONFLICT too.
    const other = await followUp('周桂香');
    expect(await outcome(refer(other, 'refer-key-0001'))).toBe('CONFLICT');
  });

  it('moves forward only, tells the coordinators once per step, and keeps the history', async () => {
    const referral = await refer(await followUp());
    const before = (await inboxOf('李秀英')).length;
    expect(await outcome(move(referral.id, 'RESOLVED'))).toBe('ILLEGAL_TRANSITION');
    expect((await move(referral.id, 'ACCEPTED')).status).toBe('ACCEPTED');
    // The same step again (a lost reply) returns it, and tells nobody twice.
    expect((await move(referral.id, 'ACCEPTED')).status).toBe('ACCEPTED');
    expect(await outcome(move(referral.id, 'REFERRED'))).toBe('BAD_USER_INPUT input.status');
    const resolved = await move(referral.id, 'RESOLVED', '已安排维修');
    expect(resolved).toMatchObject({ status: 'RESOLVED', resolvedBy: people.get('管理员')!.id });
    expect(await outcome(move(referral.id, 'ACCEPTED'))).toBe('ILLEGAL_TRANSITION');
    expect(await outcome(move(referral.id, 'DECLINED', '不归我们管'))).toBe('ILLEGAL_TRANSITION');

    const mine = (await inboxOf('李秀英')).slice(before);
    expect(mine.map((m) => (m.detail as { referralStatus: string }).referralStatus)).toEqual(['ACCEPTED', 'RESOLVED']);
    expect(mine[0]).toMatchObject({ subject: `referral:${referral.id}`, siteId: site });
    // Coordinators only: the clerk hears nothing.
    expect(await inboxOf('王小芳')).toEqual([]);

    const history = await referralQueries.eventsOf(handle.db, [referral.id]);
    expect(history.map((h) => [h.status, h.note])).toEqual([
      ['REFERRED', null],
      ['ACCEPTED', null],
      ['RESOLVED', '已安排维修'],
    ]);
    // The history is append-only.
    const refused = await handle.db
      .update(tables.referralEvents)
      .set({ note: 'x' })
      .then(
        () => null,
        (e: Error) => e,
      );
    expect(String(refused?.cause ?? refused)).toMatch(/append-only/);
  });

  it('declines only with a reason, which reaches the coordinators', async () => {
    const referral = await refer(await followUp());
    expect(await outcome(move(referral.id, 'DECLINED'))).toBe('BAD_USER_INPUT input.note');
    expect(await outcome(move(referral.id, 'DECLINED', '   '))).toBe('BAD_USER_INPUT input.note');
    const declined = await move(referral.id, 'DECLINED', '请先找村卫生室');
    expect(declined).toMatchObject({ status: 'DECLINED', declineReason: '请先找村卫生室' });
    const last = (await inboxOf('李秀英')).at(-1)!;
    expect(last.detail).toMatchObject({ referralStatus: 'DECLINED', reason: '请先找村卫生室' });
    expect(await outcome(move(referral.id, 'ACCEPTED'))).toBe('ILLEGAL_TRANSITION');
  });

  it('answers another site’s staff as if it were missing, and refuses volunteers and coordinators the township’s steps', async () => {
    const visit = await followUp();
    expect(await outcome(refer(visit, undefined, '外村协调员'))).toBe('NOT_FOUND');
    expect(await outcome(refer(visit, undefined, '张建国'))).toBe('FORBIDDEN');
    expect(await outcome(refer(visit, undefined, '王小芳'))).toBe('FORBIDDEN');
    const referral = await refer(visit);
    expect(await outcome(move(referral.id, 'ACCEPTED', undefined, '外村协调员'))).toBe('NOT_FOUND');
    expect(await outcome(move(referral.id, 'ACCEPTED', undefined, '外村管理员'))).toBe('NOT_FOUND');
    expect(await outcome(move(referral.id, 'ACCEPTED', undefined, '张建国'))).toBe('FORBIDDEN');
    expect(await outcome(move(referral.id, 'ACCEPTED', undefined, '李秀英'))).toBe('FORBIDDEN');
    expect(await outcome(move(999999, 'ACCEPTED'))).toBe('NOT_FOUND');
  });

  it('lists the site’s referrals for its staff and a region’s for civil-affairs staff, a page at a time', async () => {
    const mine = await siteReferrals(deps(), await as('李秀英'), site, null, { first: 2 });
    expect(mine.totalCount).toBeGreaterThanOrEqual(4);
    expect(mine.edges).toHaveLength(2);
    expect(mine.pageInfo.hasNextPage).toBe(true);
    const next = await siteReferrals(deps(), await as('李秀英'), site, null, {
      first: 2,
      after: mine.pageInfo.endCursor,
    });
    expect(next.edges[0]!.node.id).toBeLessThan(mine.edges[1]!.node.id);
    const open = await siteReferrals(deps(), await as('王小芳'), site, ['REFERRED'], {});
    expect(open.edges.every((e) => e.node.status === 'REFERRED')).toBe(true);
    expect(await outcome(siteReferrals(deps(), await as('张建国'), site, null, {}))).toBe('FORBIDDEN');
    expect(await outcome(siteReferrals(deps(), await as('外村协调员'), site, null, {}))).toBe('FORBIDDEN');

    const township = (await siteReferrals(deps(), await as('李秀英'), site, null, {})).edges[0]!.node.regionId!;
    const theirs = await regionReferrals(deps(), await as('管理员'), township, ['REFERRED', 'ACCEPTED'], {});
    expect(theirs.totalCount).toBeGreaterThan(0);
    expect(theirs.edges.every((e) => e.node.siteId === site && ['REFERRED', 'ACCEPTED'].includes(e.node.status))).toBe(
      true,
    );
    const all = await regionReferrals(deps(), await as('管理员'), null, null, {});
    expect(all.totalCount).toBe(mine.totalCount);
    expect(await outcome(regionReferrals(deps(), await as('李秀英'), township, null, {}))).toBe('FORBIDDEN');
    expect(await outcome(regionReferrals(deps(), await as('管理员'), 999999, null, {}))).toBe('NOT_FOUND');
    void otherSite;
  });

  it('is the township officer’s to act on: their region’s referrals by default, none of another region’s', async () => {
    const visit = await followUp('周桂香');
    const referral = await refer(visit);
    const platform = await as('管理员');
    await handle.db.transaction(async (tx) => {
      for (const [name, phone] of [
        ['镇干部', '13700000201'],
        ['外村干部', '13700000202'],
      ] as const)
        people.set(name, await memberQueries.insertMember(tx, { siteId: null, name, phone }, []));
    });
    const villageOf = async (siteId: number) =>
      (await regionStaffQueries.regionsAboveSite(handle.db, siteId)).find((r) => r.level === 'VILLAGE')!.id;
    await appointRegionOfficer(deps(), platform, { regionId: referral.regionId!, phone: '13700000201' });
    await appointRegionOfficer(deps(), platform, { regionId: await villageOf(otherSite), phone: '13700000202' });

    const seen = await regionReferrals(deps(), await as('镇干部'), null, ['REFERRED'], {});
    expect(seen.edges.map((e) => e.node.id)).toContain(referral.id);
    expect((await move(referral.id, 'ACCEPTED', '镇民政办已受理', '镇干部')).status).toBe('ACCEPTED');
    expect((await regionReferrals(deps(), await as('外村干部'), null, null, {})).totalCount).toBe(0);
    expect(await outcome(move(referral.id, 'RESOLVED', '已修', '外村干部'))).toBe('NOT_FOUND');
    expect(await outcome(regionReferrals(deps(), await as('外村干部'), referral.regionId, null, {}))).toBe('FORBIDDEN');
  });

  it('posts a need from a follow-up: the need is for the elder, the follow-up closes linking it, a retry posts nothing more', async () => {
    const visit = await followUp();
    const input = {
      siteId: site,
      beneficiaryId: visit.elderId,
      title: '修屋顶',
      category: 'REPAIR' as const,
      startsAt: new Date(Date.now() + 86_400_000),
      estimatedMinutes: 120,
      followUpVisitId: visit.id,
      idempotencyKey: 'need-from-follow-up-1',
    };
    const need = await postNeed(deps(), await as('李秀英'), input);
    expect((await postNeed(deps(), await as('李秀英'), input)).id).toBe(need.id);
    const closed = await visitNow(visit.id);
    expect(closed).toMatchObject({ followUpNeedId: need.id, followUpOutcome: 'need posted' });
    expect((await linkedFollowUps(deps(), await as('李秀英'), site, 100)).map((v) => v.id)).toContain(visit.id);
    // Closed: another need for it is CONFLICT, and nothing is posted.
    const count = async () => (await handle.db.select().from(tables.needs)).length;
    const needs = await count();
    expect(await outcome(postNeed(deps(), await as('李秀英'), { ...input, idempotencyKey: null }))).toBe('CONFLICT');
    expect(await count()).toBe(needs);
    // For another elder than the follow-up's: refused; another site's visit: as if missing.
    const open = await followUp();
    expect(
      await outcome(
        postNeed(deps(), await as('李秀英'), {
          ...input,
          beneficiaryId: people.get('周桂香')!.id,
          followUpVisitId: open.id,
          idempotencyKey: null,
        }),
      ),
    ).toBe('BAD_USER_INPUT input.followUpVisitId');
    expect(await count()).toBe(needs);
  });
});
