// The life of a need (DOMAIN.md), rule by rule, on PGlite and on PostgreSQL.
import { checkInvariants, ledgerQueries, memberQueries, tables, type Database, type MemberRow } from '@huzhu/db';
import { seedDemo } from '@huzhu/db/seed';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { execute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../core/errors';
import { toId } from '../core/ids';
import { currentMonth, localMinute } from '../core/time';
import { siteReport } from '../reports/reports.service';
import { buildSchema } from '../graphql/schema';
import { actorFor, contextFor, demoMember, codeOf, depsFor } from '../testing';
import * as claims from './claims.service';
import * as confirmation from './confirmation.service';
import * as needs from './needs.service';

let n = 0;
const key = () => `needs-test-key-${Date.now()}-${n++}`;

describe.each(testEngines())('needs on %s', (engine) => {
  let handle: TestDb;
  let db: Database;
  let siteId: number;
  let coordinator: MemberRow, volunteer: MemberRow, other: MemberRow, elder: MemberRow, poorElder: MemberRow;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    db = handle.db;
    siteId = (await seedDemo(db)).siteId;
    coordinator = await demoMember(db, '13900000001');
    volunteer = await demoMember(db, '13900000003');
    other = await demoMember(db, '13900000004');
    elder = await demoMember(db, '13900000007');
    // 孙德福 banked 300 minutes on paper; 赵玉梅 (elder) has none.
    poorElder = elder;
  });
  afterAll(() => handle.close());

  const as = (m: MemberRow) => actorFor(db, m);
  // A fresh read cache for each call, as each request had its own context.
  const deps = () => depsFor(db);
  const minutesOf = async (m: MemberRow, unit: 'MINUTES' | 'POINTS' = 'MINUTES') =>
    (await ledgerQueries.memberAccount(db, m.id, unit))!.balance;

  async function post(overrides: Partial<Parameters<typeof needs.postNeed>[2]> = {}) {
    return needs.postNeed(deps(), await as(coordinator), {
      siteId,
      title: '送午饭',
      category: 'MEALS',
      beneficiaryId: elder.id,
      // Started ten minutes ago: its volunteer may check in and report at once.
      startsAt: new Date(Date.now() - 10 * 60_000),
      estimatedMinutes: 60,
      ...overrides,
    });
  }

  async function reported(minutes: number, overrides: Parameters<typeof post>[0] = {}) {
    const need = await post(overrides);
    const claim = await claims.claimNeed(deps(), await as(volunteer), need.id);
    await claims.checkIn(deps(), await as(volunteer), claim.id);
    return claims.reportService(deps(), await as(volunteer), claim.id, minutes, '做完了');
  }

  it('walks a need from OPEN to FILLED to COMPLETED as its claim is served and confirmed', async () => {
    const need = await post();
    expect(need.status).toBe('OPEN');
    const claim = await claims.claimNeed(deps(), await as(volunteer), need.id);
    expect((await needs.getNeed(deps(), await as(coordinator), need.id))!.status).toBe('FILLED');
    await claims.checkIn(deps(), await as(volunteer), claim.id);
    await claims.reportService(deps(), await as(volunteer), claim.id, 90, null);
    const before = await minutesOf(volunteer);
    const pointsBefore = await minutesOf(volunteer, 'POINTS');
    // One request's deps: what it read before the confirmation must not leak into its answer.
    const request = deps();
    expect((await request.cache.need.load(need.id))!.status).toBe('FILLED');
    const confirmed = await confirmation.confirmService(request, await as(coordinator), claim.id, null, key());
    expect((await request.cache.need.load(need.id))!.status).toBe('COMPLETED');
    expect(confirmed).toMatchObject({ status: 'CONFIRMED', confirmedMinutes: 90, pointsAwarded: 15 });
    expect(await minutesOf(volunteer)).toBe(before + 90);
    expect(await minutesOf(volunteer, 'POINTS')).toBe(pointsBefore + 15);
    expect((await needs.getNeed(deps(), await as(coordinator), need.id))!.status).toBe('COMPLETED');
  });

  it('rounds points down per claim and lets the coordinator correct the minutes', async () => {
    const claim = await reported(50);
    const confirmed = await confirmation.confirmService(deps(), await as(coordinator), claim.id, 37, key());
    // 37 minutes at 10 points an hour is 6.17 points: 6.
    expect(confirmed).toMatchObject({ confirmedMinutes: 37, pointsAwarded: 6 });
  });

  it('credits nothing more when a confirmation is retried with its key, and refuses a second key', async () => {
    const claim = await reported(30);
    const k = key();
    const first = await confirmation.confirmService(deps(), await as(coordinator), claim.id, null, k);
    const balance = await minutesOf(volunteer);
    const again = await confirmation.confirmService(deps(), await as(coordinator), claim.id, null, k);
    expect(again).toEqual(first);
    expect(await minutesOf(volunteer)).toBe(balance);
    expect(await codeOf(confirmation.confirmService(deps(), await as(coordinator), claim.id, null, key()))).toBe(
      'CONFLICT',
    );
    // The same key for another claim is another request: CONFLICT, and that claim is neither
    // confirmed nor paid (the credit written before the key was found is rolled back).
    const other = await reported(45);
    expect(await codeOf(confirmation.confirmService(deps(), await as(coordinator), other.id, null, k))).toBe(
      'CONFLICT',
    );
    expect(await minutesOf(volunteer)).toBe(balance);
    expect(
      (await needs.listSiteClaims(deps(), await as(coordinator), { siteId, status: 'REPORTED' })).edges.map(
        (e) => e.node.id,
      ),
    ).toContain(other.id);
  });

  it('pays from the beneficiary when payer is BENEFICIARY, and refuses when they cannot pay', async () => {
    const claim = await reported(60, { payer: 'BENEFICIARY', beneficiaryId: poorElder.id });
    const before = await minutesOf(volunteer);
    expect(await codeOf(confirmation.confirmService(deps(), await as(coordinator), claim.id, null, key()))).toBe(
      'INSUFFICIENT_BALANCE',
    );
    expect(await minutesOf(volunteer)).toBe(before);
    expect(
      (await needs.listSiteClaims(deps(), await as(coordinator), { siteId, status: 'REPORTED' })).edges.map(
        (e) => e.node.id,
      ),
    ).toContain(claim.id);

    const sun = (await memberQueries.listMembers(db, { siteId, search: '孙德福' }, 1))[0]!;
    const paid = await reported(120, { payer: 'BENEFICIARY', beneficiaryId: sun.id });
    const sunBefore = await minutesOf(sun);
    await confirmation.confirmService(deps(), await as(coordinator), paid.id, null, key());
    expect(await minutesOf(sun)).toBe(sunBefore - 120);
  });

  it('moves claims only along the arrows; anything else is CONFLICT', async () => {
    const need = await post({ slots: 2 });
    const claim = await claims.claimNeed(deps(), await as(volunteer), need.id);
    const v = await as(volunteer);
    // Each call with fresh deps, as each request had its own context.
    expect(await codeOf(claims.reportService(deps(), v, claim.id, 30, null))).toBe('CONFLICT'); // not checked in
    expect(await codeOf(confirmation.confirmService(deps(), await as(coordinator), claim.id, null, key()))).toBe(
      'CONFLICT',
    );
    await claims.checkIn(deps(), v, claim.id);
    expect(await codeOf(claims.withdrawClaim(deps(), v, claim.id))).toBe('CONFLICT'); // after check-in
    expect(await codeOf(claims.checkIn(deps(), v, claim.id))).toBe('CONFLICT');
    await claims.reportService(deps(), v, claim.id, 30, null);
    await confirmation.rejectService(deps(), await as(coordinator), claim.id, '老人说没有来过');
    expect(await codeOf(confirmation.confirmService(deps(), await as(coordinator), claim.id, null, key()))).toBe(
      'CONFLICT',
    );
  });

  it('refuses a full, cancelled or doubly claimed need with CONFLICT', async () => {
    const need = await post();
    await claims.claimNeed(deps(), await as(volunteer), need.id);
    expect(await codeOf(claims.claimNeed(deps(), await as(volunteer), need.id))).toBe('CONFLICT');
    expect(await codeOf(claims.claimNeed(deps(), await as(other), need.id))).toBe('CONFLICT');

    const cancelled = await post();
    const claim = await claims.claimNeed(deps(), await as(other), cancelled.id);
    const done = await needs.cancelNeed(deps(), await as(coordinator), cancelled.id, '老人住院了');
    expect(done.status).toBe('CANCELLED');
    expect(
      (await needs.listClaimsOf(deps(), await as(other), other, {})).edges.find((e) => e.node.id === claim.id)!.node
        .status,
    ).toBe('WITHDRAWN');
    expect(await codeOf(claims.claimNeed(deps(), await as(volunteer), cancelled.id))).toBe('CONFLICT');
    expect(await codeOf(needs.cancelNeed(deps(), await as(coordinator), cancelled.id, 'again'))).toBe('CONFLICT');
  });

  it('frees the slot when a volunteer withdraws or does not come', async () => {
    const need = await post();
    const claim = await claims.claimNeed(deps(), await as(volunteer), need.id);
    await claims.withdrawClaim(deps(), await as(volunteer), claim.id);
    expect((await needs.getNeed(deps(), await as(coordinator), need.id))!.status).toBe('OPEN');
    const second = await claims.claimNeed(deps(), await as(other), need.id);
    await claims.markNoShow(deps(), await as(coordinator), second.id);
    expect((await needs.getNeed(deps(), await as(coordinator), need.id))!.status).toBe('OPEN');
    // The volunteer who withdrew may claim again.
    await claims.claimNeed(deps(), await as(volunteer), need.id);
  });

  it('keeps volunteers from confirming their own service and other roles from posting', async () => {
    // 黄淑珍 is a volunteer; she cannot post needs or confirm.
    const huang = await demoMember(db, '13900000006');
    expect(
      await codeOf(
        needs.postNeed(deps(), await as(huang), {
          siteId,
          title: 'x',
          category: 'OTHER',
          beneficiaryId: elder.id,
          startsAt: new Date(),
          estimatedMinutes: 10,
        }),
      ),
    ).toBe('FORBIDDEN');
    const claim = await reported(20);
    expect(await codeOf(confirmation.confirmService(deps(), await as(volunteer), claim.id, null, key()))).toBe(
      'FORBIDDEN',
    );
    expect(await codeOf(claims.claimNeed(deps(), null, claim.needId))).toBe('UNAUTHENTICATED');
  });

  it('validates input and names the field', async () => {
    const actor = await as(coordinator);
    const base = {
      siteId,
      title: 'ok',
      category: 'MEALS' as const,
      beneficiaryId: elder.id,
      startsAt: new Date(),
      estimatedMinutes: 30,
    };
    for (const [input, field] of [
      [{ ...base, title: '  ' }, 'input.title'],
      [{ ...base, estimatedMinutes: 0 }, 'input.estimatedMinutes'],
      [{ ...base, estimatedMinutes: 1441 }, 'input.estimatedMinutes'],
      [{ ...base, slots: 51 }, 'input.slots'],
      [{ ...base, beneficiaryId: 999_999_999 }, 'input.beneficiaryId'],
    ] as const) {
      try {
        await needs.postNeed(deps(), actor, input);
        expect.unreachable(field);
      } catch (error) {
        expect(isAppError(error, 'BAD_USER_INPUT') && error.extensions.field).toBe(field);
      }
    }
    // An opaque id of another kind is refused where the API parses it, naming the field.
    const result = await execute({
      schema: buildSchema(),
      document: parse('mutation Post($input: PostNeedInput!) { postNeed(input: $input) { id } }'),
      contextValue: await contextFor(db, coordinator),
      variableValues: {
        input: {
          ...base,
          siteId: toId('Site', siteId),
          beneficiaryId: 'need_1',
          startsAt: base.startsAt.toISOString(),
        },
      },
    });
    expect(result.errors?.map((e) => [e.extensions.code, e.extensions.field])).toEqual([
      ['BAD_USER_INPUT', 'input.beneficiaryId'],
    ]);
  });

  it('opens check-in 2 hours before the start and a report at the start, naming the start on the site clock', async () => {
    const v = await as(volunteer);
    const later = await post({ startsAt: new Date(Date.now() + 3 * 3_600_000) });
    const early = await claims.claimNeed(deps(), v, later.id);
    const refusal = await claims.checkIn(deps(), v, early.id).then(
      () => expect.unreachable('checked in 3 hours early'),
      (e: unknown) => e,
    );
    const at = localMinute(later.startsAt, 'Asia/Shanghai');
    expect(isAppError(refusal, 'CONFLICT')).toBe(true);
    expect(refusal).toMatchObject({ zh: expect.stringContaining(at), message: expect.stringContaining(at) });
    expect(refusal).toMatchObject({ extensions: { startsAt: later.startsAt.toISOString() } });

    // Within 2 hours of the start: check in, but the report waits for the start.
    const soon = await post({ startsAt: new Date(Date.now() + 3_600_000) });
    const claim = await claims.claimNeed(deps(), v, soon.id);
    expect((await claims.checkIn(deps(), v, claim.id)).status).toBe('CHECKED_IN');
    const tooSoon = await claims.reportService(deps(), v, claim.id, 30, null).then(
      () => expect.unreachable('reported before the start'),
      (e: unknown) => e,
    );
    expect(isAppError(tooSoon, 'CONFLICT')).toBe(true);
    expect(tooSoon).toMatchObject({ zh: expect.stringContaining(localMinute(soon.startsAt, 'Asia/Shanghai')) });

    // Started: both go through.
    expect((await reported(30)).status).toBe('REPORTED');
  });

  it('allows a report over twice the estimate and flags it in the queue, with the estimate beside it', async () => {
    const over = await reported(121); // estimate 60
    const within = await reported(120);
    expect(claims.isOverEstimate(over, { estimatedMinutes: 60 })).toBe(true);
    expect(claims.isOverEstimate(within, { estimatedMinutes: 60 })).toBe(false);
    const result = await execute({
      schema: buildSchema(),
      document: parse(
        'query ($s: ID!) { claims(siteId: $s, status: REPORTED, first: 100) { edges { node { id overEstimate reportedMinutes need { estimatedMinutes } } } } }',
      ),
      contextValue: await contextFor(db, coordinator),
      variableValues: { s: toId('Site', siteId) },
    });
    expect(result.errors).toBeUndefined();
    const nodes = (
      result.data as {
        claims: {
          edges: { node: { id: string; overEstimate: boolean; reportedMinutes: number; need: object } }[];
        };
      }
    ).claims.edges.map((e) => e.node);
    expect(nodes.find((c) => c.id === toId('Claim', over.id))).toEqual({
      id: toId('Claim', over.id),
      overEstimate: true,
      reportedMinutes: 121,
      need: { estimatedMinutes: 60 },
    });
    expect(nodes.find((c) => c.id === toId('Claim', within.id))?.overEstimate).toBe(false);
    // Settle both so later tests' queues start clean.
    await confirmation.confirmService(deps(), await as(coordinator), over.id, 120, key());
    await confirmation.confirmService(deps(), await as(coordinator), within.id, null, key());
  });

  it('lets a rejected volunteer report again, the reason kept, and completes the need on confirmation', async () => {
    const first = await reported(45);
    const rejected = await confirmation.rejectService(
      deps(),
      await as(coordinator),
      first.id,
      '时长写多了，老人说半小时',
    );
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectReason: '时长写多了，老人说半小时', closedAt: null });
    // Every claim rejected: the need waits, not completed.
    expect((await needs.getNeed(deps(), await as(coordinator), first.needId))!.status).toBe('FILLED');
    // Only the claim's volunteer reports again.
    expect(await codeOf(claims.reportService(deps(), await as(other), first.id, 30, null))).toBe('FORBIDDEN');
    const again = await claims.reportService(deps(), await as(volunteer), first.id, 30, '改成半小时');
    expect(again).toMatchObject({
      status: 'REPORTED',
      reportedMinutes: 30,
      reportNote: '改成半小时',
      rejectReason: '时长写多了，老人说半小时',
      settledAt: null,
    });
    const before = await minutesOf(volunteer);
    await confirmation.confirmService(deps(), await as(coordinator), first.id, null, key());
    expect(await minutesOf(volunteer)).toBe(before + 30);
    expect((await needs.getNeed(deps(), await as(coordinator), first.needId))!.status).toBe('COMPLETED');
  });

  it('does not complete or count a need whose every claim was rejected; reopening lets it be claimed again', async () => {
    const month = currentMonth('Asia/Shanghai');
    const completed = async () => (await siteReport(deps(), await as(coordinator), siteId, month)).needsCompleted;
    const completedBefore = await completed();
    const need = await post({ slots: 2 });
    const a = await claims.claimNeed(deps(), await as(volunteer), need.id);
    const b = await claims.claimNeed(deps(), await as(other), need.id);
    for (const [who, c] of [
      [volunteer, a],
      [other, b],
    ] as const) {
      await claims.checkIn(deps(), await as(who), c.id);
      await claims.reportService(deps(), await as(who), c.id, 60, null);
    }
    await confirmation.rejectService(deps(), await as(coordinator), a.id, '没有来');
    // One rejected, one no-show (after a report the elder says never happened): nothing served.
    expect((await claims.markNoShow(deps(), await as(coordinator), b.id)).status).toBe('NO_SHOW');
    const after = (await needs.getNeed(deps(), await as(coordinator), need.id))!;
    expect(after).toMatchObject({ status: 'OPEN', completedAt: null });
    expect(await completed()).toBe(completedBefore);

    // Only the coordinator reopens.
    expect(await codeOf(confirmation.reopenNeed(deps(), await as(volunteer), need.id))).toBe('FORBIDDEN');
    const auditsBefore = (await db.select().from(tables.auditLog)).filter((r) => r.action === 'reopenNeed').length;
    const reopened = await confirmation.reopenNeed(deps(), await as(coordinator), need.id);
    expect(reopened.status).toBe('OPEN');
    expect(await needs.openSlots(deps(), reopened)).toBe(2);
    // The rejected claim is closed: it keeps its reason and cannot be reported again.
    const closed = (await needs.listClaimsOf(deps(), await as(volunteer), volunteer, { status: 'REJECTED' })).edges
      .map((e) => e.node)
      .find((c) => c.id === a.id)!;
    expect(closed).toMatchObject({ rejectReason: '没有来', closedAt: expect.any(Date) });
    expect(await codeOf(claims.reportService(deps(), await as(volunteer), a.id, 60, null))).toBe('CONFLICT');
    // A retry changes nothing and writes no second audit row.
    expect((await confirmation.reopenNeed(deps(), await as(coordinator), need.id)).status).toBe('OPEN');
    const audits = (await db.select().from(tables.auditLog)).filter((r) => r.action === 'reopenNeed');
    expect(audits.length).toBe(auditsBefore + 1);
    expect(audits.at(-1)).toMatchObject({ entityId: String(need.id), detail: { closedClaims: [a.id] } });

    // Someone else claims it and serves it: now it is completed and counted.
    const huang = await demoMember(db, '13900000006');
    const c = await claims.claimNeed(deps(), await as(huang), need.id);
    await claims.checkIn(deps(), await as(huang), c.id);
    await claims.reportService(deps(), await as(huang), c.id, 60, null);
    await confirmation.confirmService(deps(), await as(coordinator), c.id, null, key());
    // Two slots: one still free (the closed and the no-show hold none), so the need stays OPEN.
    expect((await needs.getNeed(deps(), await as(coordinator), need.id))!.status).toBe('OPEN');
    expect(await completed()).toBe(completedBefore);
  });

  it('reopens a one-slot need held by a rejected claim, and refuses a completed or cancelled one', async () => {
    const claim = await reported(60);
    await confirmation.rejectService(deps(), await as(coordinator), claim.id, '没有来');
    expect((await needs.getNeed(deps(), await as(coordinator), claim.needId))!.status).toBe('FILLED');
    expect((await confirmation.reopenNeed(deps(), await as(coordinator), claim.needId)).status).toBe('OPEN');
    const served = await claims.claimNeed(deps(), await as(other), claim.needId);
    await claims.checkIn(deps(), await as(other), served.id);
    await claims.reportService(deps(), await as(other), served.id, 60, null);
    await confirmation.confirmService(deps(), await as(coordinator), served.id, null, key());
    expect((await needs.getNeed(deps(), await as(coordinator), claim.needId))!).toMatchObject({
      status: 'COMPLETED',
      completedAt: expect.any(Date),
    });
    expect(await codeOf(confirmation.reopenNeed(deps(), await as(coordinator), claim.needId))).toBe('CONFLICT');

    // Cancelling a need closes its rejected claims too.
    const dropped = await reported(60);
    await confirmation.rejectService(deps(), await as(coordinator), dropped.id, '没有来');
    await needs.cancelNeed(deps(), await as(coordinator), dropped.needId, '老人住院了');
    expect(await codeOf(claims.reportService(deps(), await as(volunteer), dropped.id, 60, null))).toBe('CONFLICT');
    expect(await codeOf(confirmation.reopenNeed(deps(), await as(coordinator), dropped.needId))).toBe('CONFLICT');
  });

  it('lists the claims of needs that have started, for the no-show check', async () => {
    const started = await post();
    const future = await post({ startsAt: new Date(Date.now() + 86_400_000) });
    const a = await claims.claimNeed(deps(), await as(volunteer), started.id);
    const b = await claims.claimNeed(deps(), await as(volunteer), future.id);
    const list = async (started: boolean) =>
      (await needs.listSiteClaims(deps(), await as(coordinator), { siteId, status: 'CLAIMED', started })).edges.map(
        (e) => e.node.id,
      );
    const waiting = await list(true);
    expect(waiting).toContain(a.id);
    expect(waiting).not.toContain(b.id);
    const upcoming = await list(false);
    expect(upcoming).toContain(b.id);
    expect(upcoming).not.toContain(a.id);
    await claims.markNoShow(deps(), await as(coordinator), a.id);
    await claims.withdrawClaim(deps(), await as(volunteer), b.id);
  });

  it('keeps the ledger balanced through all of the above', async () => {
    expect((await checkInvariants(db)).filter((r) => !r.holds)).toEqual([]);
  });
});
