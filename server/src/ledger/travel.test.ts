// Hours that travel (通存通兑, issue 18), on PGlite and on PostgreSQL: a member's minutes pay for
// care at a site by where they were earned (the site's own first, then other sites' oldest first,
// each crossing a withdrawal owed by the site that earned it); inter-site balances are the sums of
// those transfers; a withdrawal from outside the alliance is FORBIDDEN and writes nothing; an
// accepted alliance between two counties allows it and an ended one refuses again.
import {
  allianceQueries,
  checkInvariants,
  ledgerQueries,
  memberQueries,
  tables,
  type Database,
  type MemberRow,
} from '@huzhu/db';
import { createVillagesFixture, openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointRegionOfficer } from '../members/region-staff.service';
import * as claims from '../needs/claims.service';
import * as confirmation from '../needs/confirmation.service';
import * as needs from '../needs/needs.service';
import { actorFor, codeOf, demoMember, depsFor } from '../testing';
import { acceptAlliance, alliances, endAlliance, proposeAlliance, tradeAllowed } from './alliances.service';
import { reverse, transfer } from './ledger.service';
import { allotMinutes } from './spend-minutes';
import { siteTradeBalances } from './trade-balances.service';

let n = 0;
const key = () => `travel-test-${Date.now()}-${n++}`;

describe.each(testEngines())('hours that travel on %s', (engine) => {
  let handle: TestDb;
  let db: Database;
  /** The demo village (平江县), where the care is given. */
  let here: number;
  /** Two other villages of 平江县 (石门村, 东山村), and one of 远山县. */
  let sameCounty: number, sameCounty2: number, farCounty: number;
  let hereCounty: number, farCountyId: number;
  let coordinator: MemberRow, volunteer: MemberRow, admin: MemberRow, hereOfficer: MemberRow, farOfficer: MemberRow;
  const as = (m: MemberRow) => actorFor(db, m);
  const deps = () => depsFor(db);
  const minutesOf = async (m: MemberRow) => (await ledgerQueries.memberAccount(db, m.id, 'MINUTES'))!.balance;

  /** Minutes banked by the member for service at `siteId`, paid by that site's pool. */
  async function earn(m: MemberRow, siteId: number, minutes: number) {
    const pool = (await ledgerQueries.siteAccount(db, siteId, 'SITE_POOL', 'MINUTES'))!;
    const account = (await ledgerQueries.memberAccount(db, m.id, 'MINUTES'))!;
    await db.transaction((tx) =>
      transfer(tx, {
        unit: 'MINUTES',
        amount: minutes,
        fromAccountId: pool.id,
        toAccountId: account.id,
        kind: 'SERVICE_CREDIT',
        idempotencyKey: key(),
        siteId,
      }),
    );
  }

  async function newElder(name: string, phone: string) {
    return db.transaction((tx) => memberQueries.insertMember(tx, { siteId: here, name, phone }, ['ELDER']));
  }

  /** A need of the elder's, paid from their own minutes, served and reported: ready to confirm. */
  async function reported(elder: MemberRow, minutes: number) {
    const need = await needs.postNeed(deps(), await as(coordinator), {
      siteId: here,
      title: '助浴',
      category: 'BATHING',
      beneficiaryId: elder.id,
      payer: 'BENEFICIARY',
      startsAt: new Date(Date.now() - 10 * 60_000),
      estimatedMinutes: minutes,
    });
    const claim = await claims.claimNeed(deps(), await as(volunteer), need.id);
    await claims.checkIn(deps(), await as(volunteer), claim.id);
    return claims.reportService(deps(), await as(volunteer), claim.id, minutes, '洗好了');
  }
  const confirm = async (claimId: number, k = key()) =>
    confirmation.confirmService(deps(), await as(coordinator), claimId, null, k);

  const transfersOfClaim = async (claimId: number) =>
    (await db.select().from(tables.transfers)).filter((t) => t.claimId === claimId);

  /** The balances as the sums of the withdrawals and their reversals, read row by row. */
  async function balancesBySumming(siteId: number) {
    const rows = (await db.select().from(tables.transfers)).filter(
      (t) => t.counterpartySiteId !== null && (t.siteId === siteId || t.counterpartySiteId === siteId),
    );
    const by = new Map<number, { delivered: number; received: number }>();
    for (const t of rows) {
      const sign = t.kind === 'REVERSAL' ? -1 : 1;
      const other = t.siteId === siteId ? t.counterpartySiteId! : t.siteId!;
      const e = by.get(other) ?? { delivered: 0, received: 0 };
      if (t.siteId === siteId) e.delivered += sign * t.amount;
      else e.received += sign * t.amount;
      by.set(other, e);
    }
    return [...by.entries()]
      .sort(([a], [b]) => a - b)
      .map(([otherSiteId, e]) => ({ otherSiteId, ...e, net: e.delivered - e.received }));
  }

  beforeAll(async () => {
    handle = await openTestDb(engine);
    db = handle.db;
    const villages = await createVillagesFixture(db, 2);
    here = villages.here;
    [sameCounty, sameCounty2] = [villages.sameCounty[0]!, villages.sameCounty[1]!];
    farCounty = villages.farCounty;
    coordinator = await demoMember(db, '13900000001');
    volunteer = await demoMember(db, '13900000003');
    await db.transaction(async (tx) => {
      admin = await memberQueries.insertMember(tx, { siteId: null, name: '民政局', phone: '13700000001' }, ['ADMIN']);
      hereOfficer = await memberQueries.insertMember(
        tx,
        { siteId: null, name: '平江县民政', phone: '13700000002' },
        [],
      );
      farOfficer = await memberQueries.insertMember(tx, { siteId: null, name: '远山县民政', phone: '13700000003' }, []);
    });
    const counties = await allianceQueries.countiesOfSites(db, [here, farCounty, sameCounty]);
    hereCounty = counties.get(here)!;
    farCountyId = counties.get(farCounty)!;
    expect(counties.get(sameCounty)).toBe(hereCounty);
    await appointRegionOfficer(deps(), await as(admin), { regionId: hereCounty, phone: '13700000002' });
    await appointRegionOfficer(deps(), await as(admin), { regionId: farCountyId, phone: '13700000003' });
  });
  afterAll(async () => {
    const broken = (await checkInvariants(db)).filter((r) => !r.holds);
    await handle.close();
    expect(broken).toEqual([]);
  });

  it('splits a payment: the site’s own hours first, then other sites’ oldest first', () => {
    const t = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
    const origins = [
      { siteId: 7, minutes: 60, firstCreditAt: t(5) },
      { siteId: 3, minutes: 30, firstCreditAt: t(9) },
      { siteId: 5, minutes: 60, firstCreditAt: t(1) },
      { siteId: null, minutes: 10, firstCreditAt: t(0) },
    ];
    expect(allotMinutes(origins, 3, 100)).toEqual([
      { siteId: null, minutes: 40 },
      { siteId: 5, minutes: 60 },
    ]);
    expect(allotMinutes(origins, 3, 160)).toEqual([
      { siteId: null, minutes: 40 },
      { siteId: 5, minutes: 60 },
      { siteId: 7, minutes: 60 },
    ]);
    expect(allotMinutes(origins, 3, 161)).toBeUndefined();
    // 50 minutes spent at site 3 beyond what it credited came out of the oldest hours (site 5).
    const spent = [
      { siteId: 3, minutes: -50, firstCreditAt: null },
      { siteId: 5, minutes: 60, firstCreditAt: t(1) },
      { siteId: 7, minutes: 60, firstCreditAt: t(5) },
    ];
    expect(allotMinutes(spent, 3, 30)).toEqual([
      { siteId: 5, minutes: 10 },
      { siteId: 7, minutes: 20 },
    ]);
  });

  it('pays care here from hours earned in other villages of the county, each owed by the village that earned it', async () => {
    const elder = await newElder('周老伯', '13600000001');
    await earn(elder, sameCounty, 60);
    await earn(elder, sameCounty2, 60);
    await earn(elder, here, 30);
    const claim = await reported(elder, 120);
    const before = await minutesOf(volunteer);
    const k = key();
    await confirm(claim.id, k);
    expect(await minutesOf(elder)).toBe(30);
    expect(await minutesOf(volunteer)).toBe(before + 120);
    const rows = await transfersOfClaim(claim.id);
    const withdrawals = rows.filter((t) => t.kind === 'WITHDRAWAL').sort((a, b) => a.id - b.id);
    expect(withdrawals.map((t) => [t.idempotencyKey, t.amount, t.siteId, t.counterpartySiteId])).toEqual([
      [`claim:${claim.id}:withdrawal:${here}`, 30, here, null],
      [`claim:${claim.id}:withdrawal:${sameCounty}`, 60, here, sameCounty],
      [`claim:${claim.id}:withdrawal:${sameCounty2}`, 30, here, sameCounty2],
    ]);
    const pool = (await ledgerQueries.siteAccount(db, here, 'SITE_POOL', 'MINUTES'))!;
    const credit = rows.find((t) => t.kind === 'SERVICE_CREDIT' && t.unit === 'MINUTES')!;
    expect(credit).toMatchObject({ amount: 120, debitAccountId: pool.id });

    // A retry of the confirmation pays nothing more.
    await confirm(claim.id, k);
    expect(await transfersOfClaim(claim.id)).toHaveLength(rows.length);
    expect(await minutesOf(elder)).toBe(30);

    // Each village's book shows what crossed; the balances are the sums of the transfers.
    const balances = await siteTradeBalances(deps(), await as(coordinator), here);
    expect(balances).toEqual(await balancesBySumming(here));
    expect(balances).toEqual(
      expect.arrayContaining([
        { otherSiteId: sameCounty, delivered: 60, received: 0, net: 60 },
        { otherSiteId: sameCounty2, delivered: 30, received: 0, net: 30 },
      ]),
    );
    expect(await allianceQueries.tradeBalances(db, sameCounty)).toEqual(await balancesBySumming(sameCounty));
    expect(await allianceQueries.tradeBalances(db, sameCounty)).toContainEqual({
      otherSiteId: here,
      delivered: 0,
      received: 60,
      net: -60,
    });

    // A reversed withdrawal gives the hours back to where they were earned, and leaves the balance.
    await db.transaction((tx) =>
      reverse(tx, { transferId: withdrawals[2]!.id, reason: '测试冲正', idempotencyKey: key() }),
    );
    expect(await allianceQueries.tradeBalances(db, here)).toEqual(await balancesBySumming(here));
    expect(await allianceQueries.tradeBalances(db, here)).toContainEqual({
      otherSiteId: sameCounty2,
      delivered: 0,
      received: 0,
      net: 0,
    });
    expect(
      await allianceQueries.minutesOrigins(db, (await ledgerQueries.memberAccount(db, elder.id, 'MINUTES'))!.id),
    ).toEqual(expect.arrayContaining([expect.objectContaining({ siteId: sameCounty2, minutes: 60 })]));
  });

  it('pays directly, with no withdrawal, when the site’s own hours cover it', async () => {
    const elder = await newElder('吴阿婆', '13600000002');
    await earn(elder, sameCounty, 60);
    await earn(elder, here, 60);
    const claim = await reported(elder, 45);
    await confirm(claim.id);
    const rows = await transfersOfClaim(claim.id);
    expect(rows.filter((t) => t.kind === 'WITHDRAWAL')).toEqual([]);
    const account = (await ledgerQueries.memberAccount(db, elder.id, 'MINUTES'))!;
    expect(rows.find((t) => t.unit === 'MINUTES')).toMatchObject({ debitAccountId: account.id, amount: 45 });
  });

  it('refuses hours from another county until both county offices accept an alliance, and again once it ends', async () => {
    const elder = await newElder('钱老伯', '13600000003');
    await earn(elder, farCounty, 100);
    const claim = await reported(elder, 60);
    const count = async () => (await db.select().from(tables.transfers)).length;
    const before = await count();
    expect(await codeOf(confirm(claim.id))).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
    expect(await minutesOf(elder)).toBe(100);
    expect(await tradeAllowed(db, farCounty, here)).toBe(false);

    // Another county's officer cannot propose for this one; the far county's can, and cannot accept its own.
    expect(
      await codeOf(proposeAlliance(deps(), await as(farOfficer), { countyId: hereCounty, otherCountyId: farCountyId })),
    ).toBe('FORBIDDEN');
    const proposed = await proposeAlliance(deps(), await as(farOfficer), {
      countyId: farCountyId,
      otherCountyId: hereCounty,
    });
    expect(
      (await proposeAlliance(deps(), await as(farOfficer), { countyId: farCountyId, otherCountyId: hereCounty })).id,
    ).toBe(proposed.id);
    expect(await codeOf(acceptAlliance(deps(), await as(farOfficer), proposed.id))).toBe('FORBIDDEN');
    expect(await codeOf(acceptAlliance(deps(), await as(coordinator), proposed.id))).toBe('FORBIDDEN');
    expect(await tradeAllowed(db, farCounty, here)).toBe(false);
    expect(await codeOf(confirm(claim.id))).toBe('FORBIDDEN');

    const accepted = await acceptAlliance(deps(), await as(hereOfficer), proposed.id);
    expect(accepted.acceptedBy).toBe(hereOfficer.id);
    expect((await alliances(deps(), await as(hereOfficer), null)).map((a) => a.id)).toContain(proposed.id);
    expect((await alliances(deps(), await as(farOfficer), farCountyId)).map((a) => a.id)).toContain(proposed.id);
    expect(await codeOf(alliances(deps(), await as(coordinator), null))).toBe('FORBIDDEN');
    await confirm(claim.id);
    expect(await minutesOf(elder)).toBe(40);
    expect(await allianceQueries.tradeBalances(db, here)).toContainEqual({
      otherSiteId: farCounty,
      delivered: 60,
      received: 0,
      net: 60,
    });
    expect(await allianceQueries.tradeBalances(db, farCounty)).toEqual(await balancesBySumming(farCounty));

    const ended = await endAlliance(deps(), await as(hereOfficer), proposed.id);
    expect(ended.endedAt).not.toBeNull();
    expect(await codeOf(acceptAlliance(deps(), await as(hereOfficer), proposed.id))).toBe('ILLEGAL_TRANSITION');
    const again = await reported(elder, 30);
    const beforeEnded = await count();
    expect(await codeOf(confirm(again.id))).toBe('FORBIDDEN');
    expect(await count()).toBe(beforeEnded);
    // What crossed while the alliance lasted stays in both books.
    expect(await allianceQueries.tradeBalances(db, here)).toContainEqual(
      expect.objectContaining({ otherSiteId: farCounty, net: 60 }),
    );
    const audited = await db.select().from(tables.auditLog);
    expect(
      audited.filter((a) => a.entityId === String(proposed.id) && a.entity === 'countyAlliance').map((a) => a.action),
    ).toEqual(['proposeAlliance', 'acceptAlliance', 'endAlliance']);
  });

  it('shows the balances to the site’s coordinators and officers only', async () => {
    expect(await codeOf(siteTradeBalances(deps(), await as(volunteer), here))).toBe('FORBIDDEN');
    expect(await codeOf(siteTradeBalances(deps(), await as(farOfficer), here))).toBe('FORBIDDEN');
    expect(await siteTradeBalances(deps(), await as(hereOfficer), here)).toEqual(await balancesBySumming(here));
  });
});
