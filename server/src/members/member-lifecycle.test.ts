// A member's life after registration, on PGlite and on PostgreSQL: edits audited field by field,
// deactivation (claims given back, needs cancelled, balance donated to the pool by double entry,
// gone from lists, no log-in, old tokens refused), reactivation, and one-time reset codes.
import { checkInvariants, lifecycleQueries, memberQueries, tables, type Database, type MemberRow } from '@huzhu/db';
import { seedDemo, DEMO_PASSWORD } from '@huzhu/db/seed';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, viewerFromToken } from '../auth/auth.service';
import { createMemberCache } from '../auth/member-cache';
import { issueResetCode, redeemResetCode } from '../auth/reset-code.service';
import { currentMonth } from '../core/time';
import { checkIn, claimNeed, reportService } from '../needs/claims.service';
import { postNeed } from '../needs/needs.service';
import { LoginLimiter } from '../security/rate-limit';
import { actorFor, codeOf, demoMember, depsFor, outcome } from '../testing';
import { visitCoverage } from '../visits/visits.service';
import { deactivateMember, reactivateMember, setLeaverBalanceRule, updateMember } from './member-lifecycle.service';
import { balanceOf, findRecipients, listMembers } from './members.service';

const SECRET = new Uint8Array(32).fill(7);
const tomorrow = () => new Date(Date.now() + 24 * 3_600_000);

describe.each(testEngines())('a member leaving and coming back on %s', (engine) => {
  let handle: TestDb;
  let db: Database;
  let siteId: number;
  let coordinator: MemberRow;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    db = handle.db;
    siteId = (await seedDemo(db)).siteId;
    coordinator = await demoMember(db, '13900000001');
  });
  afterAll(() => handle.close());

  const deps = () => depsFor(db);
  const as = (m: MemberRow) => actorFor(db, m);
  const listed = async (deactivated = false) =>
    (await listMembers(deps(), await as(coordinator), { siteId, deactivated, first: 100 })).edges.map(
      (e) => e.node.name,
    );
  const lastAudit = async (action: string, id: number) =>
    (await db.select().from(tables.auditLog))
      .filter((r) => r.action === action && r.entityId === String(id))
      .sort((a, b) => b.id - a.id)[0];
  const needsFor = async (id: number) => (await db.select().from(tables.needs)).filter((n) => n.beneficiaryId === id);
  const tokenValid = async (token: string) => codeOf(viewerFromToken(db, await createMemberCache({}), SECRET, token));
  const logIn = (phone: string, password: string) =>
    login(db, SECRET, new LoginLimiter(db), { phone, password, ip: '10.0.0.1' });

  it("records each changed field's value before and after, and who changed it", async () => {
    const elder = await demoMember(db, '13900000007');
    const updated = await updateMember(deps(), await as(coordinator), elder.id, {
      address: '三和村4组15号',
      livingSituation: 'ALONE',
      disabilityGrade: 2,
      careCategories: ['LIVING_ALONE', 'ADVANCED_AGE', 'SEVERE_DISABILITY'],
      birthYear: elder.birthYear, // unchanged: not in the audit
    });
    expect(updated).toMatchObject({ address: '三和村4组15号', livingSituation: 'ALONE', disabilityGrade: 2 });
    const row = await lastAudit('updateMember', elder.id);
    expect(row?.actorId).toBe(coordinator.id);
    expect(row?.detail).toEqual({
      changes: {
        address: { before: '三和村4组12号', after: '三和村4组15号' },
        livingSituation: { before: null, after: 'ALONE' },
        disabilityGrade: { before: null, after: 2 },
        careCategories: {
          before: ['LIVING_ALONE', 'ADVANCED_AGE'],
          after: ['LIVING_ALONE', 'ADVANCED_AGE', 'SEVERE_DISABILITY'],
        },
      },
    });
    // Bad values name their field; a phone already registered is a conflict.
    expect(await outcome(updateMember(deps(), await as(coordinator), elder.id, { disabilityGrade: 5 }))).toBe(
      'BAD_USER_INPUT input.disabilityGrade',
    );
    expect(await outcome(updateMember(deps(), await as(coordinator), elder.id, { phone: '13900000003' }))).toBe(
      'CONFLICT input.phone',
    );
  });

  it('lets only the coordinator of the member site (or the admin) edit; others do not learn the member exists', async () => {
    const elder = await demoMember(db, '13900000007');
    const volunteer = await demoMember(db, '13900000003');
    const clerk = await demoMember(db, '13900000002');
    expect(await codeOf(updateMember(deps(), await as(volunteer), elder.id, { name: '改名' }))).toBe('FORBIDDEN');
    expect(await codeOf(updateMember(deps(), await as(clerk), elder.id, { name: '改名' }))).toBe('FORBIDDEN');
    const other = await db.transaction(async (tx) => {
      const [s] = await tx.insert(tables.sites).values({ name: '青山村互助站', county: '平江县' }).returning();
      return memberQueries.insertMember(tx, { siteId: s!.id, name: '外村协调员' }, ['COORDINATOR']);
    });
    expect(await codeOf(updateMember(deps(), await as(other), elder.id, { name: '改名' }))).toBe('NOT_FOUND');
    expect(await codeOf(updateMember(deps(), null, elder.id, { name: '改名' }))).toBe('UNAUTHENTICATED');
  });

  it('turns a member into a proxy account: their password and tokens end', async () => {
    const volunteer = await demoMember(db, '13900000005');
    const { token } = await logIn('13900000005', DEMO_PASSWORD);
    await updateMember(deps(), await as(coordinator), volunteer.id, { proxy: true });
    expect(await tokenValid(token)).toBe('UNAUTHENTICATED');
    expect(await codeOf(logIn('13900000005', DEMO_PASSWORD))).toBe('UNAUTHENTICATED');
    expect((await lastAudit('updateMember', volunteer.id))?.detail).toEqual({
      changes: { proxy: { before: false, after: true } },
    });
    // Back to logging in only by a one-time code.
    expect(await outcome(updateMember(deps(), await as(coordinator), volunteer.id, { proxy: false }))).toBe(
      'BAD_USER_INPUT input.proxy',
    );
  });

  it('deactivates a volunteer who left: claims given back, balance donated by double entry, out of lists, no log-in', async () => {
    const liu = await demoMember(db, '13900000004');
    const zhang = await demoMember(db, '13900000003');
    const elder = (await memberQueries.listMembers(db, { siteId, search: '郑秀兰' }, 1))[0]!;
    const need = await postNeed(deps(), await as(coordinator), {
      siteId,
      beneficiaryId: elder.id,
      title: '帮郑奶奶买药',
      category: 'ERRAND',
      startsAt: tomorrow(),
      estimatedMinutes: 30,
    });
    const claim = await claimNeed(deps(), await as(liu), need.id);
    const { token } = await logIn('13900000004', DEMO_PASSWORD);
    const before = await balanceOf(deps(), await as(coordinator), liu);
    expect(before.minutes).toBeGreaterThan(0);
    expect(before.points).toBeGreaterThan(0);

    const done = await deactivateMember(deps(), await as(coordinator), liu.id, { reason: 'LEFT', note: '搬去县城' });
    expect(done).toMatchObject({ deactivationReason: 'LEFT', deactivationNote: '搬去县城' });
    expect(done.deactivatedAt).toBeInstanceOf(Date);

    // The balance went to the site's pools, one DONATION per unit, and the books still balance.
    expect(await balanceOf(deps(), await as(coordinator), liu)).toEqual({ minutes: 0, points: 0 });
    const gifts = (await db.select().from(tables.transfers)).filter(
      (t) => t.kind === 'DONATION' && t.createdBy === coordinator.id,
    );
    expect(gifts.map((t) => [t.unit, t.amount]).sort()).toEqual([
      ['MINUTES', before.minutes],
      ['POINTS', before.points],
    ]);
    expect((await checkInvariants(db)).filter((r) => !r.holds)).toEqual([]);
    expect((await lastAudit('deactivateMember', liu.id))?.detail).toMatchObject({
      reason: 'LEFT',
      rule: 'DONATE_TO_POOL',
      minutes: before.minutes,
      points: before.points,
      withdrawnClaims: 1,
    });

    // The claim was given back and the need is open again.
    const claims = await db.select().from(tables.claims);
    expect(claims.find((c) => c.id === claim.id)?.status).toBe('WITHDRAWN');
    expect((await needsFor(elder.id)).find((n) => n.id === need.id)?.status).toBe('OPEN');

    // Out of lists and searches; in the list of those who left; history kept.
    expect(await listed()).not.toContain('刘桂兰');
    expect(await listed(true)).toEqual(['刘桂兰']);
    expect((await findRecipients(deps(), await as(zhang), '刘桂兰')).map((m) => m.name)).toEqual([]);
    expect(claims.filter((c) => c.volunteerId === liu.id)).toHaveLength(1);

    // No log-in, and the token they held is refused.
    expect(await codeOf(logIn('13900000004', DEMO_PASSWORD))).toBe('UNAUTHENTICATED');
    expect(await tokenValid(token)).toBe('UNAUTHENTICATED');

    // Again: nothing more happens (no second donation, no second audit row).
    const auditsBefore = (await db.select().from(tables.auditLog)).length;
    await deactivateMember(deps(), await as(coordinator), liu.id, { reason: 'LEFT' });
    expect((await db.select().from(tables.auditLog)).length).toBe(auditsBefore);
  });

  it('reactivates: back in lists, logs in with their password; the old token stays dead', async () => {
    const liu = await demoMember(db, '13900000004');
    const back = await reactivateMember(deps(), await as(coordinator), liu.id);
    expect(back.deactivatedAt).toBeNull();
    expect(await listed()).toContain('刘桂兰');
    const { token } = await logIn('13900000004', DEMO_PASSWORD);
    expect(await tokenValid(token)).toBe('OK');
    expect(await lastAudit('reactivateMember', liu.id)).toBeDefined();
    // The volunteer cannot bring anyone back.
    expect(await codeOf(reactivateMember(deps(), await as(liu), liu.id))).toBe('FORBIDDEN');
  });

  it('deactivating an elder who died cancels the needs for them, tells their volunteers, and drops them from visits', async () => {
    const zhao = await demoMember(db, '13900000007');
    const zhang = await demoMember(db, '13900000003');
    const open = (await needsFor(zhao.id)).filter((n) => n.status === 'OPEN');
    expect(open.length).toBeGreaterThan(0);
    await claimNeed(deps(), await as(zhang), open[0]!.id);
    const month = currentMonth('Asia/Shanghai');
    const dueBefore = (await visitCoverage(deps(), await as(coordinator), siteId, month)).dueCount;

    await deactivateMember(deps(), await as(coordinator), zhao.id, { reason: 'DIED' });
    expect((await needsFor(zhao.id)).filter((n) => n.status === 'OPEN' || n.status === 'FILLED')).toEqual([]);
    const inbox = (await db.select().from(tables.inboxItems)).filter((i) => i.memberId === zhang.id);
    expect(inbox.map((i) => [i.kind, i.subject])).toContainEqual(['NEED_CANCELLED', `need:${open[0]!.id}`]);
    const coverage = await visitCoverage(deps(), await as(coordinator), siteId, month);
    expect(coverage.dueCount).toBe(dueBefore - 1);
    expect(coverage.unvisited.map((m) => m.id)).not.toContain(zhao.id);
    // Nobody posts a need for them any more.
    expect(
      await outcome(
        postNeed(deps(), await as(coordinator), {
          siteId,
          beneficiaryId: zhao.id,
          title: '送饭',
          category: 'MEALS',
          startsAt: tomorrow(),
          estimatedMinutes: 30,
        }),
      ),
    ).toBe('BAD_USER_INPUT input.beneficiaryId');
  });

  it('keeps the balance when the site says KEEP', async () => {
    const huang = await demoMember(db, '13900000006');
    const before = await balanceOf(deps(), await as(coordinator), huang);
    expect(before.minutes).toBeGreaterThan(0);
    const volunteer = await demoMember(db, '13900000003');
    expect(await codeOf(setLeaverBalanceRule(deps(), await as(volunteer), siteId, 'KEEP'))).toBe('FORBIDDEN');
    await setLeaverBalanceRule(deps(), await as(coordinator), siteId, 'KEEP');
    await deactivateMember(deps(), await as(coordinator), huang.id, { reason: 'OTHER', note: '去女儿家住半年' });
    expect(await balanceOf(deps(), await as(coordinator), huang)).toEqual(before);
    await reactivateMember(deps(), await as(coordinator), huang.id);
    await setLeaverBalanceRule(deps(), await as(coordinator), siteId, 'DONATE_TO_POOL');
  });

  it('refuses while service reported by or for the member waits for confirmation, and changes nothing', async () => {
    const chen = await demoMember(db, '13900000005');
    const elder = (await memberQueries.listMembers(db, { siteId, search: '吴长庚' }, 1))[0]!;
    const need = await postNeed(deps(), await as(coordinator), {
      siteId,
      beneficiaryId: elder.id,
      title: '修门',
      category: 'REPAIR',
      startsAt: new Date(Date.now() - 15 * 60_000),
      estimatedMinutes: 30,
    });
    const claim = await claimNeed(deps(), await as(chen), need.id);
    await checkIn(deps(), await as(chen), claim.id);
    await reportService(deps(), await as(chen), claim.id, 30, null);
    const auditsBefore = (await db.select().from(tables.auditLog)).length;
    expect(await codeOf(deactivateMember(deps(), await as(coordinator), chen.id, { reason: 'LEFT' }))).toBe('CONFLICT');
    expect(await codeOf(deactivateMember(deps(), await as(coordinator), elder.id, { reason: 'DIED' }))).toBe(
      'CONFLICT',
    );
    expect((await memberQueries.memberById(db, chen.id))?.deactivatedAt).toBeNull();
    expect((await db.select().from(tables.auditLog)).length).toBe(auditsBefore);
  });

  it('refuses to deactivate oneself, and lets no clerk deactivate anyone', async () => {
    const chen = await demoMember(db, '13900000002');
    expect(await outcome(deactivateMember(deps(), await as(coordinator), coordinator.id, { reason: 'LEFT' }))).toBe(
      'BAD_USER_INPUT id',
    );
    expect(await codeOf(deactivateMember(deps(), await as(chen), coordinator.id, { reason: 'LEFT' }))).toBe(
      'FORBIDDEN',
    );
  });
});

describe.each(testEngines())('one-time reset codes on %s', (engine) => {
  let handle: TestDb;
  let db: Database;
  let coordinator: MemberRow;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    db = handle.db;
    await seedDemo(db);
    coordinator = await demoMember(db, '13900000001');
  });
  afterAll(() => handle.close());

  const deps = () => depsFor(db);
  const limiter = () => new LoginLimiter(db);
  const redeem = (phone: string, code: string, newPassword = 'new-pass-2026') =>
    redeemResetCode({ db, jwtSecret: SECRET, loginLimiter: limiter() }, { phone, code, newPassword, ip: '10.0.0.2' });
  const tokenValid = async (token: string) => codeOf(viewerFromToken(db, await createMemberCache({}), SECRET, token));

  it('works once, ends the old password and every earlier token, and logs the member in', async () => {
    const member = await demoMember(db, '13900000005');
    const old = await login(db, SECRET, limiter(), { phone: '13900000005', password: DEMO_PASSWORD, ip: undefined });
    const issued = await issueResetCode(deps(), await actorFor(db, coordinator), member.id);
    expect(issued.code).toMatch(/^[0-9]{8}$/);
    expect(issued.expiresAt.getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
    // The code is kept only as a hash, and not in the audit trail.
    const stored = (await memberQueries.memberById(db, member.id))!;
    expect(stored.resetCodeHash).not.toContain(issued.code);
    expect(JSON.stringify(await db.select().from(tables.auditLog))).not.toContain(issued.code);
    // The old password and token ended at once.
    expect(await tokenValid(old.token)).toBe('UNAUTHENTICATED');
    expect(
      await codeOf(login(db, SECRET, limiter(), { phone: '13900000005', password: DEMO_PASSWORD, ip: undefined })),
    ).toBe('UNAUTHENTICATED');

    expect(await codeOf(redeem('13900000005', '00000000'))).toBe('UNAUTHENTICATED');
    const done = await redeem('13900000005', issued.code);
    expect(await tokenValid(done.token)).toBe('OK');
    expect(await codeOf(redeem('13900000005', issued.code, 'another-pass'))).toBe('UNAUTHENTICATED');
    const again = await login(db, SECRET, limiter(), {
      phone: '13900000005',
      password: 'new-pass-2026',
      ip: undefined,
    });
    expect(again.member.id).toBe(member.id);
  });

  it('expires after 24 hours, and a newer code replaces an older one', async () => {
    const member = await demoMember(db, '13900000006');
    const first = await issueResetCode(deps(), await actorFor(db, coordinator), member.id);
    const second = await issueResetCode(deps(), await actorFor(db, coordinator), member.id);
    if (first.code !== second.code) expect(await codeOf(redeem('13900000006', first.code))).toBe('UNAUTHENTICATED');
    // A day later: the same code, its end passed.
    const stored = (await memberQueries.memberById(db, member.id))!;
    await lifecycleQueries.setResetCode(db, member.id, stored.resetCodeHash!, new Date(Date.now() - 1000), new Date());
    expect(await codeOf(redeem('13900000006', second.code))).toBe('UNAUTHENTICATED');
  });

  it('is for the coordinator or admin, for members with a phone', async () => {
    const volunteer = await demoMember(db, '13900000003');
    const elder = await demoMember(db, '13900000007');
    expect(await codeOf(issueResetCode(deps(), await actorFor(db, volunteer), elder.id))).toBe('FORBIDDEN');
    const noPhone = (await memberQueries.listMembers(db, { siteId: coordinator.siteId!, search: '孙德福' }, 1))[0]!;
    expect(await outcome(issueResetCode(deps(), await actorFor(db, coordinator), noPhone.id))).toBe(
      'BAD_USER_INPUT id',
    );
  });

  it('counts wrong codes as failed log-ins: the phone is locked out after ten', async () => {
    const member = await demoMember(db, '13900000002');
    const issued = await issueResetCode(deps(), await actorFor(db, coordinator), member.id);
    const wrong = issued.code === '11111111' ? '22222222' : '11111111';
    const codes: string[] = [];
    for (let i = 0; i < 10; i++) codes.push(await codeOf(redeem('13900000002', wrong)));
    expect(codes.every((c) => c === 'UNAUTHENTICATED')).toBe(true);
    expect(await codeOf(redeem('13900000002', issued.code))).toBe('TOO_MANY_REQUESTS');
  }, 120_000);
});
