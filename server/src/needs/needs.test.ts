// The life of a need (DOMAIN.md), rule by rule, on PGlite and on PostgreSQL.
import { checkInvariants, ledgerQueries, memberQueries, type Database, type MemberRow } from '@huzhu/db';
import { seedDemo } from '@huzhu/db/seed';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { execute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../core/errors';
import { toId } from '../core/ids';
import { buildSchema } from '../graphql/schema';
import { actorFor, contextFor, demoMember, codeOf, depsFor } from '../testing';
import * as claims from './claims.service';
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
      startsAt: new Date(Date.now() + 86_400_000),
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
    const confirmed = await claims.confirmService(request, await as(coordinator), claim.id, null, key());
    expect((await request.cache.need.load(need.id))!.status).toBe('COMPLETED');
    expect(confirmed).toMatchObject({ status: 'CONFIRMED', confirmedMinutes: 90, pointsAwarded: 15 });
    expect(await minutesOf(volunteer)).toBe(before + 90);
    expect(await minutesOf(volunteer, 'POINTS')).toBe(pointsBefore + 15);
    expect((await needs.getNeed(deps(), await as(coordinator), need.id))!.status).toBe('COMPLETED');
  });

  it('rounds points down per claim and lets the coordinator correct the minutes', async () => {
    const claim = await reported(50);
    const confirmed = await claims.confirmService(deps(), await as(coordinator), claim.id, 37, key());
    // 37 minutes at 10 points an hour is 6.17 points: 6.
    expect(confirmed).toMatchObject({ confirmedMinutes: 37, pointsAwarded: 6 });
  });

  it('credits nothing more when a confirmation is retried with its key, and refuses a second key', async () => {
    const claim = await reported(30);
    const k = key();
    const first = await claims.confirmService(deps(), await as(coordinator), claim.id, null, k);
    const balance = await minutesOf(volunteer);
    const again = await claims.confirmService(deps(), await as(coordinator), claim.id, null, k);
    expect(again).toEqual(first);
    expect(await minutesOf(volunteer)).toBe(balance);
    expect(await codeOf(claims.confirmService(deps(), await as(coordinator), claim.id, null, key()))).toBe('CONFLICT');
  });

  it('pays from the beneficiary when payer is BENEFICIARY, and refuses when they cannot pay', async () => {
    const claim = await reported(60, { payer: 'BENEFICIARY', beneficiaryId: poorElder.id });
    const before = await minutesOf(volunteer);
    expect(await codeOf(claims.confirmService(deps(), await as(coordinator), claim.id, null, key()))).toBe(
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
    await claims.confirmService(deps(), await as(coordinator), paid.id, null, key());
    expect(await minutesOf(sun)).toBe(sunBefore - 120);
  });

  it('moves claims only along the arrows; anything else is CONFLICT', async () => {
    const need = await post({ slots: 2 });
    const claim = await claims.claimNeed(deps(), await as(volunteer), need.id);
    const v = await as(volunteer);
    // Each call with fresh deps, as each request had its own context.
    expect(await codeOf(claims.reportService(deps(), v, claim.id, 30, null))).toBe('CONFLICT'); // not checked in
    expect(await codeOf(claims.confirmService(deps(), await as(coordinator), claim.id, null, key()))).toBe('CONFLICT');
    await claims.checkIn(deps(), v, claim.id);
    expect(await codeOf(claims.withdrawClaim(deps(), v, claim.id))).toBe('CONFLICT'); // after check-in
    expect(await codeOf(claims.checkIn(deps(), v, claim.id))).toBe('CONFLICT');
    await claims.reportService(deps(), v, claim.id, 30, null);
    await claims.rejectService(deps(), await as(coordinator), claim.id, '老人说没有来过');
    expect(await codeOf(claims.confirmService(deps(), await as(coordinator), claim.id, null, key()))).toBe('CONFLICT');
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
    expect(await codeOf(claims.confirmService(deps(), await as(volunteer), claim.id, null, key()))).toBe('FORBIDDEN');
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

  it('keeps the ledger balanced through all of the above', async () => {
    expect((await checkInvariants(db)).filter((r) => !r.holds)).toEqual([]);
  });
});
