// Families and gifts (issue 18), on PGlite and on PostgreSQL: a link usable only once both sides
// consented, read from either side; gifts only to a linked relative inside the alliance; a
// donation to the care pool; a need paid by a consenting relative at another village (a
// withdrawal owed by her home site) or by the care pool, and refused, writing nothing, when the
// consent is missing or withdrawn.
import {
  allianceQueries,
  checkInvariants,
  familyQueries,
  inboxQueries,
  ledgerQueries,
  memberQueries,
  siteQueries,
  tables,
  type Database,
  type MemberRow,
} from '@huzhu/db';
import { createVillagesFixture, openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../core/errors';
import { currentMonth, localDate } from '../core/time';
import { transfer } from '../ledger/ledger.service';
import * as claims from '../needs/claims.service';
import * as confirmation from '../needs/confirmation.service';
import { editNeed } from '../needs/need-edit.service';
import * as needs from '../needs/needs.service';
import { siteReport } from '../reports/reports.service';
import { actorFor, demoMember, depsFor, outcome } from '../testing';
import * as families from './families.service';
import * as gifts from './gifts.service';
import { clearHoursPolicy, setHoursPolicy } from '../ledger/hours-policy.service';

let seq = 0;
const key = () => `families-test-${Date.now()}-${seq++}`;

describe.each(testEngines())('families and gifts on %s', (engine) => {
  let handle: TestDb;
  let db: Database;
  let siteId: number, villageB: number, elsewhere: number;
  let coordinator: MemberRow, volunteer: MemberRow, mother: MemberRow, proxyElder: MemberRow;
  let coordinatorB: MemberRow, daughter: MemberRow, son: MemberRow, stranger: MemberRow, outsider: MemberRow;

  const as = (m: MemberRow) => actorFor(db, m);
  const deps = () => depsFor(db);
  const minutesOf = async (memberId: number) => (await ledgerQueries.memberAccount(db, memberId, 'MINUTES'))!.balance;
  const bank = (siteOf: number, memberId: number, amount: number) =>
    db.transaction(async (tx) => {
      const pool = (await ledgerQueries.siteAccount(tx, siteOf, 'SITE_POOL', 'MINUTES'))!;
      const account = (await ledgerQueries.memberAccount(tx, memberId, 'MINUTES'))!;
      await transfer(tx, {
        unit: 'MINUTES',
        amount,
        fromAccountId: pool.id,
        toAccountId: account.id,
        kind: 'ISSUANCE',
        idempotencyKey: key(),
        siteId: siteOf,
      });
    });
  const link = async (
    by: MemberRow,
    member: MemberRow,
    relative: MemberRow,
    relation: 'CHILD' | 'PARENT' | 'SPOUSE' | 'OTHER_RELATIVE',
    consents: { memberConsent?: 'SELF' | 'PROXY'; relativeConsent?: 'SELF' | 'PROXY' } = {},
  ) =>
    families.recordFamilyLink(deps(), await as(by), {
      memberId: member.id,
      relativeId: relative.id,
      relation,
      ...consents,
    });
  /** A need of the demo village for `beneficiary`, started ten minutes ago, served and reported by the volunteer. */
  const servedNeed = async (
    beneficiary: MemberRow,
    payer: { payer: 'RELATIVE' | 'CARE_POOL'; payerMemberId?: number },
  ) => {
    const need = await needs.postNeed(deps(), await as(coordinator), {
      siteId,
      title: '助浴',
      category: 'BATHING',
      beneficiaryId: beneficiary.id,
      startsAt: new Date(Date.now() - 10 * 60_000),
      estimatedMinutes: 60,
      ...payer,
    });
    const claim = await claims.claimNeed(deps(), await as(volunteer), need.id);
    await claims.checkIn(deps(), await as(volunteer), claim.id);
    await claims.reportService(deps(), await as(volunteer), claim.id, 60, null);
    return { need, claim };
  };
  const confirm = async (claimId: number) =>
    confirmation.confirmService(deps(), await as(coordinator), claimId, null, key());
  const reason = async (p: Promise<unknown>) => {
    try {
      await p;
      return 'OK';
    } catch (e) {
      if (isAppError(e)) return `${e.code} ${String(e.extensions['reason'] ?? e.extensions['field'] ?? '')}`.trim();
      throw e;
    }
  };

  beforeAll(async () => {
    handle = await openTestDb(engine);
    db = handle.db;
    // The demo village, 石门村 of its county (villageB) and 远村 of another (elsewhere).
    const villages = await createVillagesFixture(db);
    siteId = villages.here;
    villageB = villages.sameCounty[0]!;
    elsewhere = villages.farCounty;
    coordinator = await demoMember(db, '13900000001');
    volunteer = await demoMember(db, '13900000003');
    mother = await demoMember(db, '13900000007');
    // 孙德福: no phone, no log-in: his coordinator consents for him as his proxy.
    proxyElder = (await db.select().from(tables.members)).find((m) => m.name === '孙德福')!;
    coordinatorB = await memberQueries.insertMember(
      db,
      { siteId: villageB, name: '石门村协调员', phone: '13911110001', passwordHash: 'x' },
      ['COORDINATOR'],
    );
    daughter = await memberQueries.insertMember(
      db,
      { siteId: villageB, name: '赵丽', phone: '13911110002', passwordHash: 'x' },
      ['VOLUNTEER'],
    );
    son = await memberQueries.insertMember(
      db,
      { siteId: villageB, name: '赵强', phone: '13911110003', passwordHash: 'x' },
      ['VOLUNTEER'],
    );
    stranger = await memberQueries.insertMember(
      db,
      { siteId: villageB, name: '路人', phone: '13911110004', passwordHash: 'x' },
      ['VOLUNTEER'],
    );
    outsider = await memberQueries.insertMember(
      db,
      { siteId: elsewhere, name: '外县亲戚', phone: '13911110005', passwordHash: 'x' },
      ['VOLUNTEER'],
    );
    for (const m of [daughter, son, stranger]) await bank(villageB, m.id, 600);
    await bank(elsewhere, outsider.id, 600);
  });
  afterAll(() => handle.close());

  it('a link needs both sides’ consent, is read from each side, and finds a relative at another village by phone', async () => {
    // The mother's coordinator records it with the mother's own consent; the daughter's is left to her.
    const seen = await families.recordFamilyLink(deps(), await as(coordinator), {
      memberId: mother.id,
      relativePhone: daughter.phone!,
      relation: 'CHILD',
      memberConsent: 'SELF',
    });
    expect(seen).toMatchObject({ memberId: mother.id, relativeId: daughter.id, relation: 'CHILD', inForce: false });
    expect(seen.relativeConsent).toBeNull();
    // Recording it again is its own answer; another relation for the pair is a clash.
    expect((await link(coordinator, mother, daughter, 'CHILD')).link.id).toBe(seen.link.id);
    expect(await outcome(link(coordinator, mother, daughter, 'SPOUSE'))).toBe('CONFLICT');
    // Gifts wait for the link to be in force.
    expect(
      await outcome(
        gifts.giftMinutes(deps(), await as(daughter), { toMemberId: mother.id, minutes: 10, idempotencyKey: key() }),
      ),
    ).toBe('NOT_FOUND toMemberId');
    // The daughter confirms in her app; from her side the mother is her PARENT.
    const confirmed = await families.confirmFamilyLink(deps(), await as(daughter), seen.link.id, 'SELF');
    expect(confirmed).toMatchObject({
      memberId: daughter.id,
      relativeId: mother.id,
      relation: 'PARENT',
      inForce: true,
    });
    expect(confirmed.memberConsent).toBe('SELF');
    expect((await families.myFamilyLinks(deps(), await as(daughter))).map((l) => [l.relativeId, l.relation])).toEqual([
      [mother.id, 'PARENT'],
    ]);
    expect((await families.familyLinksOf(deps(), await as(coordinator), mother.id)).map((l) => l.relation)).toEqual([
      'CHILD',
    ]);
    // A volunteer of the village does not read another member's family.
    expect(await families.familyLinksOf(deps(), await as(volunteer), mother.id)).toEqual([]);
  });

  it('consent is given by the member, their coordinator, or the coordinator as an elder’s proxy; nobody else', async () => {
    // PROXY only for a member without a log-in; a coordinator cannot consent for another site's member.
    expect(await outcome(link(coordinator, mother, son, 'CHILD', { memberConsent: 'PROXY' }))).toBe(
      'BAD_USER_INPUT input.memberConsent',
    );
    expect(await outcome(link(coordinator, proxyElder, son, 'CHILD', { relativeConsent: 'SELF' }))).toBe(
      'BAD_USER_INPUT input.relativeConsent',
    );
    const l = await link(coordinator, proxyElder, son, 'CHILD', { memberConsent: 'PROXY' });
    expect(l.inForce).toBe(false);
    // A stranger, or a volunteer of the elder's village, cannot see it; the son's coordinator confirms for him.
    expect(await outcome(families.confirmFamilyLink(deps(), await as(stranger), l.link.id, 'SELF'))).toBe('NOT_FOUND');
    expect(await outcome(families.confirmFamilyLink(deps(), await as(volunteer), l.link.id, 'SELF'))).toBe('NOT_FOUND');
    const done = await families.confirmFamilyLink(deps(), await as(coordinatorB), l.link.id, 'SELF');
    expect(done.inForce).toBe(true);
    // The link as stored: who consented and how.
    const row = await familyQueries.linkById(db, l.link.id);
    expect(row).toMatchObject({
      memberConsent: 'PROXY',
      memberConsentBy: coordinator.id,
      relativeConsent: 'SELF',
      relativeConsentBy: coordinatorB.id,
    });
    // Ended links are kept, and no longer in force.
    const ended = await families.endFamilyLink(deps(), await as(son), l.link.id);
    expect(ended.inForce).toBe(false);
    expect(ended.link.endedAt).not.toBeNull();
    expect((await families.myFamilyLinks(deps(), await as(son))).map((x) => x.link.id)).toContain(l.link.id);
  });

  it('links and gifts stop at the alliance: another county is FORBIDDEN', async () => {
    expect(await outcome(link(coordinator, mother, outsider, 'CHILD', { memberConsent: 'SELF' }))).toBe('FORBIDDEN');
    // Someone neither side's coordinator can see is not found.
    expect(await outcome(link(coordinator, daughter, outsider, 'SPOUSE'))).toBe('NOT_FOUND');
  });

  it('gives minutes to a linked relative only, once per key, as a GIFT shown in both sites’ figures', async () => {
    const before = { d: await minutesOf(daughter.id), m: await minutesOf(mother.id) };
    const k = key();
    const give = async () =>
      gifts.giftMinutes(deps(), await as(daughter), {
        toMemberId: mother.id,
        minutes: 30,
        note: '给妈妈',
        idempotencyKey: k,
      });
    const first = await give();
    const again = await give();
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ kind: 'GIFT', amount: 30, siteId: villageB });
    expect(await minutesOf(daughter.id)).toBe(before.d - 30);
    expect(await minutesOf(mother.id)).toBe(before.m + 30);
    // Not to the unlinked, not to oneself, not beyond one's balance.
    expect(
      await outcome(
        gifts.giftMinutes(deps(), await as(daughter), { toMemberId: stranger.id, minutes: 5, idempotencyKey: key() }),
      ),
    ).toBe('NOT_FOUND toMemberId');
    expect(
      await outcome(
        gifts.giftMinutes(deps(), await as(daughter), {
          toMemberId: mother.id,
          minutes: 100_000,
          idempotencyKey: key(),
        }),
      ),
    ).toBe('INSUFFICIENT_BALANCE');
    const month = currentMonth('Asia/Shanghai');
    const figures = async (s: number, who: MemberRow) => families.siteFamilyFigures(deps(), await as(who), s, month);
    expect((await figures(villageB, coordinatorB)).giftMinutesOut).toBe(30);
    expect((await figures(siteId, coordinator)).giftMinutesIn).toBe(30);
    expect(await outcome(figures(villageB, volunteer))).toBe('FORBIDDEN');
    expect((await checkInvariants(db)).every((r) => r.holds)).toBe(true);
  });

  it('donates to the care pool once per key, and the care pool pays a special-difficulty elder’s need without going below zero', async () => {
    const k = key();
    const donate = async () =>
      gifts.donateToCarePool(deps(), await as(volunteer), { minutes: 50, note: '爱心', idempotencyKey: k });
    const first = await donate();
    expect((await donate()).id).toBe(first.id);
    expect(first.kind).toBe('DONATION');
    const pool = await allianceQueries.careAccount(db, siteId);
    expect(pool.balance).toBe(50);
    const month = currentMonth('Asia/Shanghai');
    expect((await families.siteFamilyFigures(deps(), await as(coordinator), siteId, month)).carePoolDonations).toBe(50);
    // Only for an elder of special difficulty.
    const notSpecial = await demoMember(db, '13900000005');
    expect(
      await outcome(
        needs.postNeed(deps(), await as(coordinator), {
          siteId,
          title: '助浴',
          category: 'BATHING',
          beneficiaryId: notSpecial.id,
          startsAt: new Date(),
          estimatedMinutes: 60,
          payer: 'CARE_POOL',
        }),
      ),
    ).toBe('BAD_USER_INPUT input.payer');
    // 60 minutes asked of a pool holding 50: refused, nothing written; then 10 more donated, it pays.
    const { claim } = await servedNeed(proxyElder, { payer: 'CARE_POOL' });
    const volunteerBefore = await minutesOf(volunteer.id);
    expect(await outcome(confirm(claim.id))).toBe('INSUFFICIENT_BALANCE');
    expect(await minutesOf(volunteer.id)).toBe(volunteerBefore);
    await gifts.donateToCarePool(deps(), await as(volunteer), { minutes: 10, idempotencyKey: key() });
    expect((await confirm(claim.id)).status).toBe('CONFIRMED');
    expect((await allianceQueries.careAccount(db, siteId)).balance).toBe(0);
    expect(await minutesOf(volunteer.id)).toBe(volunteerBefore - 10 + 60);
    expect((await checkInvariants(db)).every((r) => r.holds)).toBe(true);
  });

  it('a relative at another village pays for her mother’s need once she consents: a withdrawal owed by her village', async () => {
    // Only a linked relative may be named, and only as RELATIVE.
    const post = async (payerMemberId: number) =>
      needs.postNeed(deps(), await as(coordinator), {
        siteId,
        title: '助浴',
        category: 'BATHING',
        beneficiaryId: mother.id,
        startsAt: new Date(),
        estimatedMinutes: 60,
        payer: 'RELATIVE',
        payerMemberId,
      });
    expect(await outcome(post(stranger.id))).toBe('BAD_USER_INPUT input.payerMemberId');
    const { need, claim } = await servedNeed(mother, { payer: 'RELATIVE', payerMemberId: daughter.id });
    // She is asked in her inbox.
    const asked = (await inboxQueries.inboxPage(db, daughter.id, 50)).filter((i) => i.kind === 'PAYMENT_CONSENT_ASKED');
    expect(asked.map((i) => i.subject)).toContain(`need:${need.id}`);
    expect((await gifts.myPaymentRequests(deps(), await as(daughter))).map((n) => n.id)).toContain(need.id);
    // Without her consent the confirmation is refused and writes nothing.
    const before = { d: await minutesOf(daughter.id), v: await minutesOf(volunteer.id) };
    expect(await reason(confirm(claim.id))).toBe('CONFLICT PAYER_CONSENT_MISSING');
    expect(await minutesOf(daughter.id)).toBe(before.d);
    // Nobody else consents for her; she does, twice harmlessly.
    expect(await outcome(gifts.consentToPay(deps(), await as(son), need.id))).toBe('NOT_FOUND');
    await gifts.consentToPay(deps(), await as(daughter), need.id);
    expect((await gifts.consentToPay(deps(), await as(daughter), need.id)).payerConsentedAt).not.toBeNull();
    expect((await confirm(claim.id)).status).toBe('CONFIRMED');
    expect(await minutesOf(daughter.id)).toBe(before.d - 60);
    expect(await minutesOf(volunteer.id)).toBe(before.v + 60);
    const withdrawal = (await db.select().from(tables.transfers)).find(
      (t) => t.claimId === claim.id && t.kind === 'WITHDRAWAL',
    )!;
    expect(withdrawal).toMatchObject({ siteId, counterpartySiteId: villageB, amount: 60 });
    const month = currentMonth('Asia/Shanghai');
    expect((await families.siteFamilyFigures(deps(), await as(coordinator), siteId, month)).withdrawalMinutesIn).toBe(
      60,
    );
    expect(
      (await families.siteFamilyFigures(deps(), await as(coordinatorB), villageB, month)).withdrawalMinutesOwed,
    ).toBe(60);
    // The site report serves the same month's service.
    expect((await siteReport(deps(), await as(coordinator), siteId, month)).serviceMinutes).toBeGreaterThanOrEqual(60);
    expect((await checkInvariants(db)).every((r) => r.holds)).toBe(true);
  });

  it('a standing permission covers every need until she withdraws it; then the confirmation is refused', async () => {
    expect(await outcome(gifts.grantPaymentPermission(deps(), await as(stranger), mother.id))).toBe(
      'NOT_FOUND beneficiaryId',
    );
    const view = await gifts.grantPaymentPermission(deps(), await as(daughter), mother.id);
    expect(await families.paysForRelative(deps(), view)).toBe(true);
    // Granted: no message asks her, and the need pays without a per-need consent.
    const first = await servedNeed(mother, { payer: 'RELATIVE', payerMemberId: daughter.id });
    const asked = (await inboxQueries.inboxPage(db, daughter.id, 50)).filter(
      (i) => i.subject === `need:${first.need.id}`,
    );
    expect(asked).toEqual([]);
    expect((await confirm(first.claim.id)).status).toBe('CONFIRMED');
    // Withdrawn: the next need is refused at confirmation, nothing written.
    const second = await servedNeed(mother, { payer: 'RELATIVE', payerMemberId: daughter.id });
    await gifts.revokePaymentPermission(deps(), await as(daughter), mother.id);
    const before = await minutesOf(daughter.id);
    expect(await reason(confirm(second.claim.id))).toBe('CONFLICT PAYER_CONSENT_MISSING');
    expect(await minutesOf(daughter.id)).toBe(before);
    // An edit to another payer starts over: the site pays.
    expect(await outcome(editNeed(deps(), await as(coordinator), second.need.id, { payer: 'SITE' }))).toBe('CONFLICT');
  });

  it('a gift over a link to another county (the alliance since ended) is FORBIDDEN, and writes nothing', async () => {
    // A link recorded while the two could trade: written here directly, as the service would refuse it now.
    const now = new Date();
    await familyQueries.insertLinkOnce(db, {
      memberId: daughter.id,
      relativeId: outsider.id,
      relation: 'OTHER_RELATIVE',
      siteId: villageB,
      memberConsent: 'SELF',
      memberConsentAt: now,
      relativeConsent: 'SELF',
      relativeConsentAt: now,
    });
    const before = await minutesOf(daughter.id);
    expect(
      await outcome(
        gifts.giftMinutes(deps(), await as(daughter), { toMemberId: outsider.id, minutes: 5, idempotencyKey: key() }),
      ),
    ).toBe('FORBIDDEN');
    expect(await minutesOf(daughter.id)).toBe(before);
  });

  it('editing the payer to a relative asks them again; an ended link refuses the payment', async () => {
    const need = await needs.postNeed(deps(), await as(coordinator), {
      siteId,
      title: '助洁',
      category: 'CLEANING',
      beneficiaryId: mother.id,
      startsAt: new Date(Date.now() - 10 * 60_000),
      estimatedMinutes: 30,
    });
    expect(
      await outcome(
        editNeed(deps(), await as(coordinator), need.id, { payer: 'RELATIVE', payerMemberId: stranger.id }),
      ),
    ).toBe('BAD_USER_INPUT input.payerMemberId');
    const edited = await editNeed(deps(), await as(coordinator), need.id, {
      payer: 'RELATIVE',
      payerMemberId: daughter.id,
    });
    expect(edited).toMatchObject({ payer: 'RELATIVE', payerMemberId: daughter.id, payerConsentedAt: null });
    const asked = (await inboxQueries.inboxPage(db, daughter.id, 100)).filter((i) => i.subject === `need:${need.id}`);
    expect(asked.map((i) => i.kind)).toEqual(['PAYMENT_CONSENT_ASKED']);
    await gifts.consentToPay(deps(), await as(daughter), need.id);
    // Back to the site: the relative is dropped with her consent.
    const back = await editNeed(deps(), await as(coordinator), need.id, { payer: 'SITE' });
    expect(back).toMatchObject({ payer: 'SITE', payerMemberId: null, payerConsentedAt: null });
    // Paid by the daughter again, consented, then the link ends before confirmation: refused.
    await editNeed(deps(), await as(coordinator), need.id, { payer: 'RELATIVE', payerMemberId: daughter.id });
    await gifts.consentToPay(deps(), await as(daughter), need.id);
    const claim = await claims.claimNeed(deps(), await as(volunteer), need.id);
    await claims.checkIn(deps(), await as(volunteer), claim.id);
    await claims.reportService(deps(), await as(volunteer), claim.id, 30, null);
    const open = (await familyQueries.openLinkBetween(db, mother.id, daughter.id))!;
    await families.endFamilyLink(deps(), await as(coordinator), open.id);
    const before = await minutesOf(daughter.id);
    expect(await reason(confirm(claim.id))).toBe('CONFLICT PAYER_CONSENT_MISSING');
    expect(await minutesOf(daughter.id)).toBe(before);
    expect(
      await outcome(
        gifts.giftMinutes(deps(), await as(daughter), { toMemberId: mother.id, minutes: 1, idempotencyKey: key() }),
      ),
    ).toBe('NOT_FOUND toMemberId');
  });

  it('a series cannot be paid by a relative', async () => {
    const { postSeries } = await import('../needs/series.service');
    expect(
      await outcome(
        postSeries(deps(), await as(coordinator), {
          siteId,
          beneficiaryId: mother.id,
          title: '送饭',
          category: 'MEALS',
          estimatedMinutes: 30,
          weekdays: [1],
          timeOfDay: '10:00',
          startsOn: localDate(new Date(), 'Asia/Shanghai'),
          payer: 'RELATIVE',
        }),
      ),
    ).toBe('BAD_USER_INPUT input.payer');
  });

  it('a gift above the receiver’s balance cap overflows to the care pool of her site, once', async () => {
    const admin = await memberQueries.insertMember(db, { siteId: null, name: '平台管理员' }, ['ADMIN']);
    const site = (await siteQueries.siteById(db, siteId))!;
    const held = await minutesOf(mother.id);
    const pool = async () => (await allianceQueries.careAccount(db, siteId)).balance;
    const poolBefore = await pool();
    // Her village's region caps her an hour above what she holds: a 75-minute gift overflows by 15.
    await bank(villageB, daughter.id, 75);
    // The link again, in force (an earlier case ended it): recorded with the mother's consent, confirmed by the daughter.
    const again = await families.recordFamilyLink(deps(), await as(coordinator), {
      memberId: mother.id,
      relativeId: daughter.id,
      relation: 'CHILD',
      memberConsent: 'SELF',
    });
    if (!again.inForce) await families.confirmFamilyLink(deps(), await as(daughter), again.link.id, 'SELF');
    await setHoursPolicy(deps(), await as(admin), site.regionId!, { capMinutes: held + 60 });
    try {
      const k = key();
      const give = async () =>
        gifts.giftMinutes(deps(), await as(daughter), { toMemberId: mother.id, minutes: 75, idempotencyKey: k });
      await give();
      await give();
      expect(await minutesOf(mother.id)).toBe(held + 60);
      expect(await pool()).toBe(poolBefore + 15);
      const overflow = await ledgerQueries.transferByKey(db, `gift:${daughter.id}:${k}:overflow`);
      expect(overflow).toMatchObject({ kind: 'OVERFLOW', amount: 15, siteId });
      expect((await checkInvariants(db)).every((r) => r.holds)).toBe(true);
    } finally {
      await clearHoursPolicy(deps(), await as(admin), site.regionId!);
    }
  });

  it('the system cannot give or consent for a member', async () => {
    const { systemActor } = await import('../auth/authorize');
    expect(
      await outcome(gifts.donateToCarePool(deps(), systemActor('test'), { minutes: 1, idempotencyKey: key() })),
    ).toBe('FORBIDDEN');
    expect(
      await outcome(gifts.giftMinutes(deps(), null, { toMemberId: mother.id, minutes: 1, idempotencyKey: key() })),
    ).toBe('UNAUTHENTICATED');
  });
});
