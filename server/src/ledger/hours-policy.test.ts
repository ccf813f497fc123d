// The hours policy per region (issue 18) on PGlite and PostgreSQL: the nearest region's field
// wins, the balance cap moves the excess to the care pool (never lost, the member told, the
// invariants hold), the age to spend one's own hours, a category's weight on the ledger with the
// claim's raw minutes kept, and the daily expiry moving minutes once however often it runs (each
// zone's sites on their own day).
import {
  allianceQueries,
  checkInvariants,
  ledgerQueries,
  memberQueries,
  regionQueries,
  tables,
  type Database,
  type MemberRow,
  type RegionRow,
} from '@huzhu/db';
import { seedDemo } from '@huzhu/db/seed';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../core/errors';
import { appointRegionOfficer } from '../members/region-staff.service';
import * as claims from '../needs/claims.service';
import * as confirmation from '../needs/confirmation.service';
import * as needs from '../needs/needs.service';
import { editNeed } from '../needs/need-edit.service';
import { updateSiteSettings } from '../sites/site-settings.service';
import { actorFor, demoMember, depsFor, outcome } from '../testing';
import { recordVisit } from '../visits/visits.service';
import { applyBalanceCap } from './balance-cap';
import { localDate } from '../core/time';
import { expireHours, monthsBefore } from './hours-expiry';
import { DEFAULT_HOURS_POLICY } from './hours-policy';
import { donateMinutes } from './transfers.service';
import { clearHoursPolicy, regionHoursPolicy, setHoursPolicy, siteHoursPolicy } from './hours-policy.service';

let n = 0;
const key = () => `hours-policy-test-${Date.now()}-${n++}`;

describe.each(testEngines())('hours policy on %s', (engine) => {
  let handle: TestDb;
  let db: Database;
  let siteId: number;
  let county: RegionRow, township: RegionRow;
  let admin: MemberRow, coordinator: MemberRow, volunteer: MemberRow, elder: MemberRow, young: MemberRow;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    db = handle.db;
    siteId = (await seedDemo(db)).siteId;
    admin = await memberQueries.insertMember(db, { siteId: null, name: '平台管理员' }, ['ADMIN']);
    coordinator = await demoMember(db, '13900000001'); // 李秀英, born 1968
    volunteer = await demoMember(db, '13900000003');
    elder = await demoMember(db, '13900000007'); // born 1939
    young = await demoMember(db, '13900000005'); // 陈志明, born 1990
    const site = (await db.select().from(tables.sites)).find((s) => s.id === siteId)!;
    const line = await regionQueries.regionLine(db, (await regionQueries.regionById(db, site.regionId!))!);
    county = line.find((r) => r.level === 'COUNTY')!;
    township = line.find((r) => r.level === 'TOWNSHIP')!;
  });
  afterAll(() => handle.close());

  const as = (m: MemberRow) => actorFor(db, m);
  const deps = () => depsFor(db);
  const minutesOf = async (m: MemberRow, unit: 'MINUTES' | 'POINTS' = 'MINUTES') =>
    (await ledgerQueries.memberAccount(db, m.id, unit))!.balance;
  const carePool = async () => (await allianceQueries.careAccount(db, siteId)).balance;
  const inboxOf = async (m: MemberRow, kind: string) =>
    (await db.select().from(tables.inboxItems)).filter((i) => i.memberId === m.id && i.kind === kind);
  const invariantsHold = async () => {
    const failing = (await checkInvariants(db)).filter((r) => !r.holds);
    expect(failing.map((r) => r.name)).toEqual([]);
  };
  const reset = async () => {
    const a = await as(admin);
    await clearHoursPolicy(deps(), a, county.id);
    await clearHoursPolicy(deps(), a, township.id);
  };

  async function confirmed(minutes: number, overrides: Partial<Parameters<typeof needs.postNeed>[2]> = {}) {
    const need = await needs.postNeed(deps(), await as(coordinator), {
      siteId,
      title: '送午饭',
      category: 'MEALS',
      beneficiaryId: elder.id,
      startsAt: new Date(Date.now() - 10 * 60_000),
      estimatedMinutes: 60,
      ...overrides,
    });
    const claim = await claims.claimNeed(deps(), await as(volunteer), need.id);
    await claims.checkIn(deps(), await as(volunteer), claim.id);
    await claims.reportService(deps(), await as(volunteer), claim.id, minutes, null);
    return confirmation.confirmService(deps(), await as(coordinator), claim.id, null, key());
  }

  it('takes each field from the nearest region that sets it, else the defaults; only region staff set it', async () => {
    const a = await as(admin);
    expect(await siteHoursPolicy(deps(), await as(volunteer), siteId)).toEqual(DEFAULT_HOURS_POLICY);
    await setHoursPolicy(deps(), a, county.id, {
      capMinutes: 600 * 60,
      minWithdrawAge: 65,
      expiryMonths: 24,
      weights: [{ category: 'BATHING', perMille: 1500 }],
    });
    await setHoursPolicy(deps(), a, township.id, { capMinutes: 300 * 60, expiryMonths: 0 });
    const atSite = await siteHoursPolicy(deps(), await as(volunteer), siteId);
    // The township's cap and its "never" over the county's 24 months; the county's age and weight.
    expect(atSite).toMatchObject({ capMinutes: 18_000, minWithdrawAge: 65, expiryMonths: null });
    expect(atSite.weights.BATHING).toBe(1500);
    expect(atSite.weights.MEALS).toBe(1000);
    const countyView = await regionHoursPolicy(deps(), a, county.id);
    expect(countyView.effective).toMatchObject({ capMinutes: 36_000, expiryMonths: 24 });
    expect(countyView.own).toMatchObject({ capMinutes: 36_000, minWithdrawAge: 65 });

    await clearHoursPolicy(deps(), a, township.id);
    expect(await siteHoursPolicy(deps(), await as(volunteer), siteId)).toMatchObject({
      capMinutes: 36_000,
      expiryMonths: 24,
    });

    // A coordinator is not region staff; a township officer may set the township, not the county.
    expect(await outcome(setHoursPolicy(deps(), await as(coordinator), township.id, { capMinutes: 60 }))).toBe(
      'FORBIDDEN',
    );
    const officer = await memberQueries.insertMember(db, { siteId: null, name: '镇干部', phone: '13700000402' }, []);
    await appointRegionOfficer(deps(), a, { regionId: township.id, phone: '13700000402' });
    const o = await actorFor(db, officer);
    expect(await outcome(setHoursPolicy(deps(), o, county.id, { capMinutes: 600 }))).toBe('FORBIDDEN');
    expect((await setHoursPolicy(deps(), o, township.id, { minWithdrawAge: 70 })).effective.minWithdrawAge).toBe(70);
    expect(await outcome(setHoursPolicy(deps(), a, township.id, { capMinutes: 10 }))).toBe(
      'BAD_USER_INPUT policy.capMinutes',
    );
    await reset();
  });

  it('moves what a credit brings above the cap to the care pool, tells the member, once', async () => {
    const start = await minutesOf(volunteer);
    const poolBefore = await carePool();
    // The cap 30 minutes above what the volunteer holds: a 90-minute service overflows by 60.
    await setHoursPolicy(deps(), await as(admin), township.id, { capMinutes: start + 30 });
    const claim = await confirmed(90);
    expect(await minutesOf(volunteer)).toBe(start + 30);
    expect(await carePool()).toBe(poolBefore + 60);
    const overflow = await ledgerQueries.transferByKey(db, `claim:${claim.id}:overflow`);
    expect(overflow).toMatchObject({ kind: 'OVERFLOW', amount: 60, siteId });
    const told = await inboxOf(volunteer, 'HOURS_OVERFLOW');
    expect(told.map((m) => m.detail)).toEqual([{ minutes: 60, capMinutes: start + 30 }]);
    // The credit's key again (a retried credit): the first overflow stands, nothing moves.
    await db.transaction((tx) => applyBalanceCap(tx, volunteer.id, siteId, `claim:${claim.id}`));
    expect(await minutesOf(volunteer)).toBe(start + 30);
    expect(await carePool()).toBe(poolBefore + 60);
    expect(await inboxOf(volunteer, 'HOURS_OVERFLOW')).toHaveLength(1);
    await invariantsHold();
    await reset();
  });

  it('caps a banked visit too, the overflow keyed by the visit', async () => {
    await updateSiteSettings(deps(), await as(coordinator), { siteId, visitsBankTime: true });
    const start = await minutesOf(volunteer);
    const poolBefore = await carePool();
    await setHoursPolicy(deps(), await as(admin), county.id, { capMinutes: start + 10 });
    const elderDue = (await memberQueries.membersDueVisits(db, siteId))[0]!;
    const input = {
      elderId: elderDue.id,
      visitedAt: new Date(Date.now() - 3_600_000),
      mode: 'HOME' as const,
      minutes: 40,
      idempotencyKey: key(),
    };
    const visit = await recordVisit(deps(), await as(volunteer), input);
    // The same visit sent again: credited and overflowed once.
    await recordVisit(deps(), await as(volunteer), input);
    expect(await minutesOf(volunteer)).toBe(start + 10);
    expect(await carePool()).toBe(poolBefore + 30);
    expect(await ledgerQueries.transferByKey(db, `visit:${visit.id}:overflow`)).toMatchObject({
      kind: 'OVERFLOW',
      amount: 30,
    });
    await invariantsHold();
    await updateSiteSettings(deps(), await as(coordinator), { siteId, visitsBankTime: false });
    await reset();
  });

  it('refuses a need paid from the beneficiary’s own hours below the policy’s age', async () => {
    const postFor = async (beneficiary: MemberRow) =>
      needs.postNeed(deps(), await as(coordinator), {
        siteId,
        title: '陪同就医',
        category: 'MEDICAL_ESCORT',
        beneficiaryId: beneficiary.id,
        startsAt: new Date(Date.now() + 86_400_000),
        estimatedMinutes: 60,
        payer: 'BENEFICIARY',
      });
    // 陈志明 is about 36: under the default 60.
    const refused = await postFor(young).catch((e: unknown) => e);
    expect(isAppError(refused) && refused.code).toBe('FORBIDDEN');
    expect(refused).toHaveProperty(
      'message',
      'Members spend their own hours on their own care from age 60; let the site pay for this need',
    );
    expect(isAppError(refused) && refused.extensions).toMatchObject({ reason: 'BELOW_WITHDRAWAL_AGE', minAge: 60 });
    // The elder, 87, may; not once the township says 90.
    expect(await outcome(postFor(elder))).toBe('OK');
    await setHoursPolicy(deps(), await as(admin), township.id, { minWithdrawAge: 90 });
    expect(await outcome(postFor(elder))).toBe('FORBIDDEN input.payer');
    // The site paying is never refused; a member whose birth year is not recorded is not either.
    expect(
      await outcome(
        needs.postNeed(deps(), await as(coordinator), {
          siteId,
          title: '陪同就医',
          category: 'MEDICAL_ESCORT',
          beneficiaryId: young.id,
          startsAt: new Date(Date.now() + 86_400_000),
          estimatedMinutes: 60,
        }),
      ),
    ).toBe('OK');
    const unknown = await memberQueries.insertMember(db, { siteId, name: '无生年' }, ['ELDER']);
    expect(await outcome(postFor(unknown))).toBe('OK');
    // An edit that makes a young member pay for their own care meets the same rule.
    const sitePaid = await needs.postNeed(deps(), await as(coordinator), {
      siteId,
      title: '修门',
      category: 'REPAIR',
      beneficiaryId: young.id,
      startsAt: new Date(Date.now() + 86_400_000),
      estimatedMinutes: 30,
    });
    expect(await outcome(editNeed(deps(), await as(coordinator), sitePaid.id, { payer: 'BENEFICIARY' }))).toBe(
      'FORBIDDEN input.payer',
    );
    await reset();
  });

  it('credits minutes at the category’s weight and keeps the raw minutes on the claim', async () => {
    await setHoursPolicy(deps(), await as(admin), county.id, { weights: [{ category: 'BATHING', perMille: 1500 }] });
    const before = await minutesOf(volunteer);
    const points = await minutesOf(volunteer, 'POINTS');
    const claim = await confirmed(60, { category: 'BATHING', title: '助浴' });
    expect(claim).toMatchObject({ confirmedMinutes: 60, pointsAwarded: 10 });
    expect(await minutesOf(volunteer)).toBe(before + 90);
    // Points follow the raw minutes (10 an hour at the demo site).
    expect(await minutesOf(volunteer, 'POINTS')).toBe(points + 10);
    const credit = await ledgerQueries.transferByKey(db, `claim:${claim.id}:minutes`);
    expect(credit).toMatchObject({ kind: 'SERVICE_CREDIT', amount: 90 });
    // Another category stays 1:1.
    const meal = await confirmed(45);
    expect((await ledgerQueries.transferByKey(db, `claim:${meal.id}:minutes`))!.amount).toBe(45);
    await invariantsHold();
    await reset();
  });

  it('expires minutes held past the policy once, however often the job runs, on the site zone’s day, and warns a month before', async () => {
    await setHoursPolicy(deps(), await as(admin), county.id, { expiryMonths: 12 });
    // A member whose every minute was credited today (the demo's members carry paper balances).
    const saver = await memberQueries.insertMember(db, { siteId, name: '存时间', phone: '13700000403' }, ['VOLUNTEER']);
    await donateMinutes(deps(), await as(volunteer), { toMemberId: saver.id, minutes: 100, idempotencyKey: key() });
    const account = (await ledgerQueries.memberAccount(db, saver.id, 'MINUTES'))!;

    const zone = (await db.select().from(tables.sites)).find((s) => s.id === siteId)!.timeZone;
    // Eleven and a half months on: nothing of theirs is old yet, and all of it expires within the month.
    await expireHours(db, zone, new Date(monthsBefore(new Date(), -11).getTime() + 15 * 86_400_000));
    expect(await minutesOf(saver)).toBe(100);
    expect((await inboxOf(saver, 'HOURS_EXPIRING')).map((m) => (m.detail as { minutes: number }).minutes)).toEqual([
      100,
    ]);

    // Thirteen months on: the 100 are old and go back to the site's pool, once however often it runs.
    const later = monthsBefore(new Date(), -13);
    const pool = async () => (await ledgerQueries.siteAccount(db, siteId, 'SITE_POOL', 'MINUTES'))!.balance;
    const poolBefore = await pool();
    // The run for another zone's sites leaves this site's members alone: theirs comes on their own day.
    const elsewhere = zone === 'America/New_York' ? 'Asia/Tokyo' : 'America/New_York';
    expect(await expireHours(db, elsewhere, later)).toMatchObject({ timeZone: elsewhere, members: 0, minutes: 0 });
    expect(await minutesOf(saver)).toBe(100);
    const first = await expireHours(db, zone, later);
    expect(first.day).toBe(localDate(later, zone));
    expect(first.minutes).toBeGreaterThanOrEqual(100);
    expect(await minutesOf(saver)).toBe(0);
    expect(await pool()).toBe(poolBefore + first.minutes);
    const second = await expireHours(db, zone, later);
    expect(second).toMatchObject({ members: 0, minutes: 0 });
    expect(await pool()).toBe(poolBefore + first.minutes);
    const expiries = (await db.select().from(tables.transfers)).filter(
      (t) => t.kind === 'EXPIRY' && t.debitAccountId === account.id,
    );
    expect(expiries.map((t) => [t.amount, t.idempotencyKey])).toEqual([
      [100, `expiry:minutes:${saver.id}:${localDate(later, zone)}`],
    ]);
    expect((await inboxOf(saver, 'HOURS_EXPIRED')).map((m) => m.detail)).toEqual([{ minutes: 100 }]);
    await invariantsHold();
    await reset();
  });
});
