// Points stay local, the public notice (公示) and objections (异议), rule by rule, on PGlite and on
// PostgreSQL: a member spends at a site only the points that site's books credited and that are
// past their notice period; an upheld objection leaves the points, a reversed one removes them once.
import { checkInvariants, inboxQueries, ledgerQueries, memberQueries, type MemberRow } from '@huzhu/db';
import { createLedgerFixture, openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transfer } from '../ledger/ledger.service';
import * as claims from '../needs/claims.service';
import * as confirmation from '../needs/confirmation.service';
import * as needs from '../needs/needs.service';
import * as settings from '../sites/site-settings.service';
import * as shop from '../supermarket/supermarket.service';
import { errorOf, harness, key, type Village } from '../supermarket/supermarket.testing';
import { codeOf } from '../testing';
import * as objections from './objections.service';
import * as points from './points.service';

const DAY = 86_400_000;
const later = (days: number) => new Date(Date.now() + days * DAY);

describe.each(testEngines())('points that stay local on %s', (engine) => {
  let handle: TestDb;
  const db = () => handle.db;
  const { as, deps, village, invariantsHold } = harness(db);

  beforeAll(async () => {
    handle = await openTestDb(engine);
  });
  afterAll(() => handle.close());

  /** A bath of `minutes` for a new elder of the village, served by buyer `i` and confirmed now. */
  async function confirmedBath(v: Village, i: number, minutes = 60) {
    const elder = await memberQueries.insertMember(db(), { siteId: v.f.siteId, name: '赵奶奶' }, ['ELDER']);
    const need = await needs.postNeed(deps(), await as(v.coordinator), {
      siteId: v.f.siteId,
      title: '帮忙洗澡',
      category: 'BATHING',
      beneficiaryId: elder.id,
      startsAt: new Date(Date.now() - 10 * 60_000),
      estimatedMinutes: minutes,
    });
    const volunteer = v.buyers[i]!;
    const claim = await claims.claimNeed(deps(), await as(volunteer), need.id);
    await claims.checkIn(deps(), await as(volunteer), claim.id);
    await claims.reportService(deps(), await as(volunteer), claim.id, minutes, null);
    const confirmed = await confirmation.confirmService(
      deps(),
      await as(v.coordinator),
      claim.id,
      null,
      key('confirm'),
    );
    const [credit] = await ledgerQueries.accountTransfers(db(), [v.f.members[i]!.minutes], 1);
    expect(credit).toMatchObject({ kind: 'SERVICE_CREDIT', claimId: claim.id });
    return { claim: confirmed, credit: credit!, elder };
  }

  const noticeOn = async (v: Village, noticeDays = 7) =>
    settings.updateSiteSettings(deps(), await as(v.coordinator), {
      siteId: v.f.siteId,
      publicNotice: true,
      noticeDays,
    });
  const basket = (v: Village, towels: number) => [{ productId: v.towel.id, quantity: towels }];
  const pointsAt = async (v: Village, m: MemberRow, now?: Date) =>
    (await points.pointsBySite(deps(), await as(m), m, now)).find((p) => p.siteId === v.f.siteId);
  const balanceOf = async (account: number) => (await ledgerQueries.accountsByIds(db(), [account]))[0]!.balance;

  it("spends at a site only the points that site's books credited", async () => {
    const v = await village('local', [30]);
    const other = await createLedgerFixture(db(), 1, `other-${key()}`);
    // 100 points from another site's pool on the same (one) points account.
    await db().transaction((tx) =>
      transfer(tx, {
        unit: 'POINTS',
        amount: 100,
        kind: 'ISSUANCE',
        fromAccountId: other.pool.points,
        toAccountId: v.f.members[0]!.points,
        siteId: other.siteId,
        idempotencyKey: key('elsewhere'),
      }),
    );
    const buyer = v.buyers[0]!;
    expect(await balanceOf(v.f.members[0]!.points)).toBe(130);
    const bySite = await points.pointsBySite(deps(), await as(buyer), buyer);
    expect(bySite).toEqual([
      { siteId: v.f.siteId, available: 30, pending: 0 },
      { siteId: other.siteId, available: 100, pending: 0 },
    ]);
    // 3 towels (45 points) is more than the 30 this site credited, though the account holds 130.
    const refused = await errorOf(
      shop.redeem(deps(), await as(v.clerk), { memberId: buyer.id, items: basket(v, 3), idempotencyKey: key() }),
    );
    expect(refused).toMatchObject({ code: 'INSUFFICIENT_BALANCE', available: 30, pending: 0, required: 45 });
    expect(await balanceOf(v.f.members[0]!.points)).toBe(130);
    await shop.redeem(deps(), await as(v.clerk), { memberId: buyer.id, items: basket(v, 2), idempotencyKey: key() });
    // Spent to nothing: the site drops out of the breakdown.
    expect(await pointsAt(v, buyer)).toBeUndefined();
    expect((await points.pointsBySite(deps(), await as(buyer), buyer)).map((p) => p.siteId)).toEqual([other.siteId]);
    // Only the member and the site's staff see the breakdown.
    expect(await codeOf(points.pointsBySite(deps(), await as(v.buyers[1]!), buyer))).toBe('FORBIDDEN');
    const scope = [...v.f.accountIds, ...other.accountIds];
    expect((await checkInvariants(db(), scope)).filter((r) => !r.holds)).toEqual([]);
  });

  it("spends another site's points at that site's counter, for a member who belongs there too", async () => {
    const home = await village('home', [1, 1]);
    const away = await village('away', [1]);
    const buyer = home.buyers[0]!;
    // 100 points on the away site's books: service the buyer did there.
    await db().transaction((tx) =>
      transfer(tx, {
        unit: 'POINTS',
        amount: 100,
        kind: 'ISSUANCE',
        fromAccountId: away.f.pool.points,
        toAccountId: home.f.members[0]!.points,
        siteId: away.f.siteId,
        idempotencyKey: key('served-away'),
      }),
    );
    const redeemAway = async (memberId: number) =>
      shop.redeem(deps(), await as(away.clerk), {
        memberId,
        siteId: away.f.siteId,
        items: basket(away, 2),
        idempotencyKey: key(),
      });
    // Not a member there: unknown at that counter, whatever points the books hold.
    expect(await codeOf(redeemAway(buyer.id))).toBe('NOT_FOUND');
    await memberQueries.grantRole(db(), buyer.id, away.f.siteId, 'VOLUNTEER');
    const done = await redeemAway(buyer.id);
    expect(done).toMatchObject({ siteId: away.f.siteId, memberId: buyer.id, totalPoints: 30 });
    expect(await pointsAt(away, buyer)).toMatchObject({ available: 70 });
    // At home the away points still do not pay: nothing was credited there.
    expect(
      await codeOf(
        shop.redeem(deps(), await as(home.clerk), {
          memberId: buyer.id,
          items: basket(home, 1),
          idempotencyKey: key(),
        }),
      ),
    ).toBe('INSUFFICIENT_BALANCE');
    expect((await checkInvariants(db(), [...home.f.accountIds, ...away.f.accountIds])).filter((r) => !r.holds)).toEqual(
      [],
    );
  });

  it('keeps points for service pending under public notice, and frees them after the period', async () => {
    const v = await village('notice', []);
    await noticeOn(v, 7);
    const { claim } = await confirmedBath(v, 0, 60);
    const buyer = v.buyers[0]!;
    expect(claim.pointsAwarded).toBe(10);
    expect(await pointsAt(v, buyer)).toEqual({ siteId: v.f.siteId, available: 0, pending: 10 });
    const refused = await errorOf(
      shop.redeem(deps(), await as(v.clerk), { memberId: buyer.id, items: basket(v, 1), idempotencyKey: key() }),
    );
    expect(refused).toMatchObject({ code: 'INSUFFICIENT_BALANCE', available: 0, pending: 10, required: 15 });
    // A second service: 20 points in all, pending until day 7, then spendable.
    await confirmedBath(v, 0, 60);
    expect(await pointsAt(v, buyer, later(6.9))).toMatchObject({ available: 0, pending: 20 });
    expect(await pointsAt(v, buyer, later(7.1))).toMatchObject({ available: 20, pending: 0 });
    const r = await shop.redeem(
      deps(),
      await as(v.clerk),
      { memberId: buyer.id, items: basket(v, 1), idempotencyKey: key() },
      later(7.1),
    );
    expect(r.totalPoints).toBe(15);
    expect(await pointsAt(v, buyer, later(7.1))).toMatchObject({ available: 5, pending: 0 });
    await invariantsHold(v);
  });

  it('holds the points while an objection is open; upheld, they stay; a second resolve is CONFLICT', async () => {
    const v = await village('uphold', []);
    await noticeOn(v, 7);
    const { credit } = await confirmedBath(v, 0, 60);
    const [volunteer, neighbour] = [v.buyers[0]!, v.buyers[1]!];
    const o = await objections.raiseObjection(deps(), await as(neighbour), {
      transferId: credit.id,
      reason: '那天没看到他来',
    });
    expect(o).toMatchObject({ status: 'OPEN', volunteerName: volunteer.name, raisedByName: neighbour.name });
    expect(o.title).toBe('帮忙洗澡');
    // Past the period, still pending while the objection is open.
    expect(await pointsAt(v, volunteer, later(8))).toMatchObject({ available: 0, pending: 10 });
    // A second objection to the same service waits for the first.
    expect(
      await codeOf(
        objections.raiseObjection(deps(), await as(v.buyers[2]!), { transferId: credit.id, reason: '我也有疑问' }),
      ),
    ).toBe('CONFLICT');
    // Only the coordinator resolves.
    const decide = { objectionId: o.id, decision: 'UPHOLD' as const, note: '核实无误', idempotencyKey: 'resolve-k1' };
    expect(await codeOf(objections.resolveObjection(deps(), await as(v.clerk), decide))).toBe('FORBIDDEN');
    const upheld = await objections.resolveObjection(deps(), await as(v.coordinator), decide);
    expect(upheld).toMatchObject({ status: 'UPHELD', resolvedByName: v.coordinator.name, resolutionNote: '核实无误' });
    // The same decision retried under its key is answered as it was; any other is CONFLICT.
    expect((await objections.resolveObjection(deps(), await as(v.coordinator), decide)).status).toBe('UPHELD');
    expect(
      await codeOf(
        objections.resolveObjection(deps(), await as(v.coordinator), {
          ...decide,
          decision: 'REVERSE',
          idempotencyKey: 'resolve-k2',
        }),
      ),
    ).toBe('CONFLICT');
    expect(await pointsAt(v, volunteer)).toMatchObject({ available: 0, pending: 10 });
    expect(await pointsAt(v, volunteer, later(8))).toMatchObject({ available: 10, pending: 0 });
    expect(await balanceOf(v.f.members[0]!.points)).toBe(10);
    // The volunteer and the objector hear of it.
    for (const m of [volunteer, neighbour]) {
      const inbox = await inboxQueries.inboxPage(db(), m.id, 10);
      expect(inbox.map((i) => i.kind)).toContain('OBJECTION_UPHELD');
    }
    await invariantsHold(v);
  });

  it('reversed, the objection takes back the minutes and the points of the service, once', async () => {
    const v = await village('reverse', []);
    await noticeOn(v, 7);
    const { credit, claim } = await confirmedBath(v, 0, 90);
    const m = v.f.members[0]!;
    expect([await balanceOf(m.minutes), await balanceOf(m.points)]).toEqual([90, 15]);
    const o = await objections.raiseObjection(deps(), await as(v.buyers[1]!), {
      transferId: credit.id,
      reason: '服务时间不对',
    });
    const decide = {
      objectionId: o.id,
      decision: 'REVERSE' as const,
      note: '核实后撤销',
      idempotencyKey: 'resolve-r1',
    };
    const reversed = await objections.resolveObjection(deps(), await as(v.coordinator), decide);
    expect(reversed.status).toBe('REVERSED');
    expect([await balanceOf(m.minutes), await balanceOf(m.points)]).toEqual([0, 0]);
    const reversals = (await ledgerQueries.accountTransfers(db(), [m.minutes, m.points], 10)).filter(
      (t) => t.kind === 'REVERSAL',
    );
    expect(reversals.map((t) => [t.unit, t.amount, t.claimId]).sort()).toEqual([
      ['MINUTES', 90, claim.id],
      ['POINTS', 15, claim.id],
    ]);
    // Retried: nothing more moves. Another resolve: CONFLICT, nothing moves.
    await objections.resolveObjection(deps(), await as(v.coordinator), decide);
    expect(
      await codeOf(
        objections.resolveObjection(deps(), await as(v.coordinator), { ...decide, idempotencyKey: 'resolve-r2' }),
      ),
    ).toBe('CONFLICT');
    expect([await balanceOf(m.minutes), await balanceOf(m.points)]).toEqual([0, 0]);
    expect(await pointsAt(v, v.buyers[0]!, later(8))).toBeUndefined();
    // A reversed service cannot be objected to again.
    expect(
      await codeOf(
        objections.raiseObjection(deps(), await as(v.buyers[2]!), { transferId: credit.id, reason: '再议' }),
      ),
    ).toBe('CONFLICT');
    const board = await objections.noticeBoard(deps(), await as(v.coordinator), v.f.siteId);
    expect(board.entries).toHaveLength(1);
    expect(board.entries[0]).toMatchObject({ minutes: 90, points: 15, reversed: true });
    expect(board.entries[0]!.objection?.status).toBe('REVERSED');
    const inbox = await inboxQueries.inboxPage(db(), v.buyers[0]!.id, 10);
    expect(inbox.find((i) => i.kind === 'OBJECTION_REVERSED')?.detail).toMatchObject({ minutes: 90, points: 15 });
    await invariantsHold(v);
  });

  it('lets only members of the site object, not the volunteer, during the period of a site with notice', async () => {
    const v = await village('who', []);
    const { credit } = await confirmedBath(v, 0, 30);
    const raise = async (m: MemberRow, now?: Date) =>
      codeOf(objections.raiseObjection(deps(), await as(m), { transferId: credit.id, reason: '有疑问' }, now));
    // No public notice at the site: nothing to object to.
    expect(await raise(v.buyers[1]!)).toBe('CONFLICT');
    await noticeOn(v, 3);
    expect(await raise(v.buyers[0]!)).toBe('FORBIDDEN');
    expect(await raise(v.buyers[1]!, later(3.1))).toBe('CONFLICT');
    const other = await createLedgerFixture(db(), 1, `who-else-${key()}`);
    const outsider = (await memberQueries.memberById(db(), other.members[0]!.id))!;
    expect(await raise(outsider)).toBe('NOT_FOUND');
    expect(await codeOf(objections.noticeBoard(deps(), await as(outsider), v.f.siteId))).toBe('FORBIDDEN');
    expect(await codeOf(objections.raiseObjection(deps(), null, { transferId: credit.id, reason: 'x' }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(await raise(v.buyers[1]!)).toBe('OK');
  });

  it('lists the period on the notice board per volunteer', async () => {
    const v = await village('board', []);
    await noticeOn(v, 7);
    await confirmedBath(v, 1, 60);
    await confirmedBath(v, 0, 30);
    const board = await objections.noticeBoard(deps(), await as(v.buyers[2]!), v.f.siteId);
    expect(board).toMatchObject({ publicNotice: true, noticeDays: 7 });
    expect(board.entries.map((e) => [e.volunteerName, e.title, e.minutes, e.points])).toEqual(
      [
        [v.buyers[0]!.name, '帮忙洗澡', 30, 5],
        [v.buyers[1]!.name, '帮忙洗澡', 60, 10],
      ].sort(),
    );
    const e = board.entries[0]!;
    expect(e.pendingUntil.getTime() - e.creditedAt.getTime()).toBe(7 * DAY);
    // Eight days on, the period holds nothing.
    expect((await objections.noticeBoard(deps(), await as(v.coordinator), v.f.siteId, later(8))).entries).toEqual([]);
  });

  it('keeps the notice days and the season end as settings, checked', async () => {
    const v = await village('settings', []);
    const coord = await as(v.coordinator);
    const change = (c: Omit<settings.SettingsChange, 'siteId'>) =>
      codeOf(settings.updateSiteSettings(deps(), coord, { siteId: v.f.siteId, ...c }));
    expect(await change({ noticeDays: 0 })).toBe('BAD_USER_INPUT');
    expect(await change({ noticeDays: 61 })).toBe('BAD_USER_INPUT');
    expect(await change({ pointsSeasonEnd: '02-29' })).toBe('BAD_USER_INPUT');
    expect(await change({ pointsSeasonEnd: '12/31' })).toBe('BAD_USER_INPUT');
    const s = await settings.updateSiteSettings(deps(), coord, {
      siteId: v.f.siteId,
      noticeDays: 10,
      pointsSeasonEnd: '12-31',
    });
    expect(s.site).toMatchObject({ noticeDays: 10, pointsSeasonEnd: '12-31' });
    const off = await settings.updateSiteSettings(deps(), coord, { siteId: v.f.siteId, pointsSeasonEnd: '' });
    expect(off.site.pointsSeasonEnd).toBeNull();
    expect(
      await codeOf(settings.updateSiteSettings(deps(), await as(v.clerk), { siteId: v.f.siteId, noticeDays: 3 })),
    ).toBe('FORBIDDEN');
  });
});
