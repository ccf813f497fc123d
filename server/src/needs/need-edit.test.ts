// Editing a need and the day's chat text, on PGlite and on PostgreSQL: an unclaimed need changes
// freely, a claimed one only its start and description with each claimant told once per edit,
// every edit audited with before and after; the chat text lists only the day's open needs.
import { inboxQueries, tables, type Database, type MemberRow } from '@huzhu/db';
import { seedDemo } from '@huzhu/db/seed';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../core/errors';
import { actorFor, codeOf, demoMember, depsFor, recordingEvents } from '../testing';
import * as claims from './claims.service';
import { givenName, openNeedsText } from './chat-text.service';
import { editNeed } from './need-edit.service';
import * as needs from './needs.service';

describe('givenName', () => {
  it('keeps the given name of a name stored surname first, a Latin name its first word', () => {
    expect(givenName('赵玉梅')).toBe('玉梅');
    expect(givenName('欧阳明华')).toBe('明华');
    expect(givenName('王芳')).toBe('芳');
    expect(givenName('Mary Smith')).toBe('Mary');
  });
});

describe.each(testEngines())('editing a need on %s', (engine) => {
  let handle: TestDb;
  let db: Database;
  let siteId: number;
  let coordinator: MemberRow, volunteer: MemberRow, other: MemberRow, elder: MemberRow, elder2: MemberRow;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    db = handle.db;
    siteId = (await seedDemo(db)).siteId;
    coordinator = await demoMember(db, '13900000001');
    volunteer = await demoMember(db, '13900000003');
    other = await demoMember(db, '13900000004');
    elder = await demoMember(db, '13900000007');
    elder2 = await demoMember(db, '13900000006');
  });
  afterAll(() => handle.close());

  const as = (m: MemberRow) => actorFor(db, m);
  const deps = () => depsFor(db);
  const tomorrow = () => new Date(Date.now() + 24 * 3_600_000);
  const post = async (overrides: Partial<Parameters<typeof needs.postNeed>[2]> = {}) =>
    needs.postNeed(deps(), await as(coordinator), {
      siteId,
      title: '送午饭',
      category: 'MEALS',
      beneficiaryId: elder.id,
      startsAt: tomorrow(),
      estimatedMinutes: 60,
      ...overrides,
    });
  const edit = async (needId: number, changes: Parameters<typeof editNeed>[3], who = coordinator) =>
    editNeed(deps(), await as(who), needId, changes);
  const auditsOf = async (needId: number) =>
    (await db.select().from(tables.auditLog)).filter((a) => a.action === 'editNeed' && a.entityId === String(needId));
  const changedMessages = async (member: MemberRow, needId: number) =>
    (await inboxQueries.inboxPage(db, member.id, 100)).filter(
      (m) => m.kind === 'NEED_CHANGED' && m.subject === `need:${needId}`,
    );

  it('changes any field of a need nobody has claimed, and audits before and after', async () => {
    const need = await post();
    const startsAt = new Date(tomorrow().getTime() + 3_600_000);
    const edited = await edit(need.id, {
      title: '送晚饭',
      description: '少放盐',
      category: 'ERRAND',
      startsAt,
      estimatedMinutes: 30,
      slots: 2,
      payer: 'BENEFICIARY',
      beneficiaryId: elder2.id,
    });
    expect(edited).toMatchObject({
      title: '送晚饭',
      description: '少放盐',
      category: 'ERRAND',
      estimatedMinutes: 30,
      slots: 2,
      payer: 'BENEFICIARY',
      beneficiaryId: elder2.id,
      status: 'OPEN',
    });
    expect(edited.startsAt.getTime()).toBe(startsAt.getTime());
    const [row] = await auditsOf(need.id);
    expect(row!.actorId).toBe(coordinator.id);
    expect(row!.detail).toMatchObject({
      before: { title: '送午饭', slots: 1, payer: 'SITE', beneficiaryId: elder.id, description: null },
      after: {
        title: '送晚饭',
        slots: 2,
        payer: 'BENEFICIARY',
        beneficiaryId: elder2.id,
        startsAt: startsAt.toISOString(),
      },
    });
  });

  it('still changes every field after a claim was withdrawn', async () => {
    const need = await post();
    const claim = await claims.claimNeed(deps(), await as(volunteer), need.id);
    await claims.withdrawClaim(deps(), await as(volunteer), claim.id);
    expect((await edit(need.id, { title: '送早饭', slots: 3 })).slots).toBe(3);
    // A withdrawn volunteer is no claimant: nothing in their inbox.
    expect(await changedMessages(volunteer, need.id)).toHaveLength(0);
  });

  it('after a claim changes only the start and description, and tells each active claimant once', async () => {
    const need = await post({ slots: 3 });
    await claims.claimNeed(deps(), await as(volunteer), need.id);
    await claims.claimNeed(deps(), await as(other), need.id);
    const before = need.startsAt;
    const later = new Date(before.getTime() + 2 * 3_600_000);
    const events = recordingEvents();
    const edited = await editNeed(depsFor(db, events), await as(coordinator), need.id, {
      startsAt: later,
      description: '改到下午',
    });
    expect(edited.startsAt.getTime()).toBe(later.getTime());
    expect(edited.description).toBe('改到下午');
    for (const m of [volunteer, other]) {
      const messages = await changedMessages(m, need.id);
      expect(messages).toHaveLength(1);
      expect(messages[0]!.detail).toMatchObject({
        title: '送午饭',
        before: { startsAt: before.toISOString(), description: null },
        after: { startsAt: later.toISOString(), description: '改到下午' },
      });
    }
    // The coordinator and the elder get nothing; the boards and the claimants' lists refresh.
    expect(await changedMessages(coordinator, need.id)).toHaveLength(0);
    expect(events.published.map((e) => e.topic).sort()).toEqual(['claimUpdated', 'claimUpdated', 'needPosted']);

    // Anything else is CONFLICT and changes nothing, with the fields named in both languages.
    for (const change of [{ title: '别的' }, { slots: 5 }, { estimatedMinutes: 90 }, { beneficiaryId: elder2.id }]) {
      expect(await codeOf(edit(need.id, { ...change, startsAt: later }))).toBe('CONFLICT');
    }
    const refusal = (await edit(need.id, { slots: 5 }).catch((e: unknown) => e)) as AppError;
    expect(refusal.zh).toContain('只能修改开始时间和说明，不能修改人数');
    expect(refusal.message).toContain('only its start time and description can change now, not slots');
    expect((await needs.getNeed(deps(), await as(coordinator), need.id))!.slots).toBe(3);

    // The same values again: nothing changes, no one is told, nothing audited.
    const audits = (await auditsOf(need.id)).length;
    await edit(need.id, { startsAt: later, description: '改到下午', title: '送午饭' });
    expect(await changedMessages(volunteer, need.id)).toHaveLength(1);
    expect(await auditsOf(need.id)).toHaveLength(audits);

    // A second real edit: one more message each.
    await edit(need.id, { description: '带把伞' });
    expect(await changedMessages(volunteer, need.id)).toHaveLength(2);
    expect(await changedMessages(other, need.id)).toHaveLength(2);
  });

  it('refuses a cancelled need and volunteers; checks what it is given', async () => {
    const need = await post();
    expect(await codeOf(edit(need.id, { title: '改' }, volunteer))).toBe('FORBIDDEN');
    expect(await codeOf(edit(need.id, { title: ' ' }))).toBe('BAD_USER_INPUT');
    expect(await codeOf(edit(need.id, { slots: 0 }))).toBe('BAD_USER_INPUT');
    expect(await codeOf(edit(need.id, { estimatedMinutes: 2000 }))).toBe('BAD_USER_INPUT');
    expect(await codeOf(edit(need.id, { beneficiaryId: 999_999 }))).toBe('BAD_USER_INPUT');
    expect(await codeOf(edit(999_999, { title: '改' }))).toBe('NOT_FOUND');
    await needs.cancelNeed(deps(), await as(coordinator), need.id, '不需要了');
    expect(await codeOf(edit(need.id, { title: '改' }))).toBe('CONFLICT');
  });

  describe('the chat text of a day', () => {
    const day = '2031-03-04';
    // 09:30 and 14:00 on the site's clock (Asia/Shanghai, UTC+8).
    const at = (hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
    let open: number, filled: number;

    beforeAll(async () => {
      open = (await post({ title: '陪去卫生院', category: 'MEDICAL_ESCORT', startsAt: at('14:00'), slots: 3 })).id;
      await claims.claimNeed(deps(), await as(volunteer), open);
      await post({ title: '送午饭', startsAt: at('09:30'), beneficiaryId: elder2.id });
      filled = (await post({ title: '已满', startsAt: at('10:00') })).id;
      await claims.claimNeed(deps(), await as(volunteer), filled);
      const cancelled = await post({ title: '已取消', startsAt: at('11:00') });
      await needs.cancelNeed(deps(), await as(coordinator), cancelled.id, '不需要了');
      await post({ title: '第二天的', startsAt: new Date(`2031-03-05T09:00:00+08:00`) });
    });

    const text = async (lang: 'zh' | 'en', who = coordinator) =>
      openNeedsText(deps(), await as(who), {
        siteId,
        day,
        lang,
        linkOf: (id) => `https://hz.example/needs/need_${id}`,
      });

    it('lists only the open needs of the day, soonest first, with the slots left and a link', async () => {
      const zh = await text('zh');
      const lines = zh.split('\n');
      expect(lines[0]).toBe('【三和村】3月4日还需要帮手（2件）：');
      expect(lines[1]).toBe(`1. 09:30 淑珍 助餐·送午饭，还差1人 https://hz.example/needs/need_${open + 1}`);
      expect(lines[2]).toBe(`2. 14:00 玉梅 助医·陪去卫生院，还差2人 https://hz.example/needs/need_${open}`);
      expect(lines).toHaveLength(4);
      expect(zh).not.toContain('已满');
      expect(zh).not.toContain('已取消');
      expect(zh).not.toContain('第二天的');
      // The given name only: no full name, phone or address.
      expect(zh).not.toContain('赵玉梅');
      expect(zh).not.toContain('13900000007');
      expect(zh).not.toContain('三和村4组');
    });

    it('reads in English for an English reader, and volunteers may have it; elders may not', async () => {
      const en = await text('en', volunteer);
      expect(en).toContain('2 needs want helpers');
      expect(en).toContain('14:00 玉梅: To the doctor·陪去卫生院, 2 helpers wanted');
      expect(en).toContain('09:30 淑珍: Meals·送午饭, 1 helper wanted');
      expect(await codeOf(text('zh', elder))).toBe('FORBIDDEN');
    });

    it('says so when nothing is open that day', async () => {
      const none = await openNeedsText(deps(), await as(coordinator), {
        siteId,
        day: '2031-03-10',
        lang: 'zh',
        linkOf: String,
      });
      expect(none).toBe('三和村 3月10日：暂时没有要帮忙的事。');
    });
  });
});
