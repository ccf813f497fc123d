// A site's settings, rule by rule, on PGlite and on PostgreSQL: who may keep them, what each
// accepts, and that a new rate pays only service confirmed after it.
import { ledgerQueries, memberQueries, tables, type Database, type MemberRow } from '@huzhu/db';
import { seedDemo } from '@huzhu/db/seed';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, codeOf, demoMember, depsFor } from '../testing';
import * as claims from '../needs/claims.service';
import * as confirmation from '../needs/confirmation.service';
import * as needs from '../needs/needs.service';
import * as settings from './site-settings.service';

let n = 0;
const key = () => `settings-test-${Date.now()}-${n++}`;

describe.each(testEngines())('site settings on %s', (engine) => {
  let handle: TestDb;
  let db: Database;
  let siteId: number;
  let coordinator: MemberRow, clerk: MemberRow, volunteer: MemberRow, elder: MemberRow;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    db = handle.db;
    siteId = (await seedDemo(db)).siteId;
    coordinator = await demoMember(db, '13900000001');
    clerk = await demoMember(db, '13900000002');
    volunteer = await demoMember(db, '13900000003');
    elder = await demoMember(db, '13900000007');
  });
  afterAll(() => handle.close());

  const as = (m: MemberRow) => actorFor(db, m);
  const deps = () => depsFor(db);
  const pointsOf = async (m: MemberRow) => (await ledgerQueries.memberAccount(db, m.id, 'POINTS'))!.balance;

  /** A bath of `minutes` served by the volunteer and reported, waiting for confirmation. */
  async function reportedBath(minutes: number) {
    const need = await needs.postNeed(deps(), await as(coordinator), {
      siteId,
      title: '帮忙洗澡',
      category: 'BATHING',
      beneficiaryId: elder.id,
      startsAt: new Date(Date.now() - 10 * 60_000),
      estimatedMinutes: minutes,
    });
    const claim = await claims.claimNeed(deps(), await as(volunteer), need.id);
    await claims.checkIn(deps(), await as(volunteer), claim.id);
    return claims.reportService(deps(), await as(volunteer), claim.id, minutes, null);
  }

  it('shows the coordinator the rates, the time zone, the notice setting and the staff', async () => {
    const s = await settings.siteSettings(deps(), await as(coordinator), siteId);
    expect(s.site).toMatchObject({ pointsPerHour: 10, timeZone: 'Asia/Shanghai', publicNotice: false });
    expect(s.categoryRates).toEqual([]);
    const names = s.staff.map((x) => [x.member.name, x.roles]);
    expect(names).toContainEqual(['李秀英', ['COORDINATOR']]);
    expect(names).toContainEqual(['王小芳', ['CLERK']]);
    // Elders are not staff.
    expect(names.map(([name]) => name)).not.toContain(elder.name);
  });

  it('lets only the coordinator (and platform staff) see or change them', async () => {
    expect(await codeOf(settings.siteSettings(deps(), await as(clerk), siteId))).toBe('FORBIDDEN');
    expect(await codeOf(settings.updateSiteSettings(deps(), await as(volunteer), { siteId, pointsPerHour: 99 }))).toBe(
      'FORBIDDEN',
    );
    expect(await codeOf(settings.siteSettings(deps(), null, siteId))).toBe('UNAUTHENTICATED');
    const outsider = await memberQueries.insertMember(db, { siteId: null, name: '外人' }, []);
    expect(await codeOf(settings.siteSettings(deps(), await as(outsider), siteId))).toBe('FORBIDDEN');
    const admin = await memberQueries.insertMember(db, { siteId: null, name: '民政局' }, ['ADMIN']);
    const s = await settings.siteSettings(deps(), await as(admin), siteId);
    expect(s.site.id).toBe(siteId);
  });

  it('refuses an unknown time zone and out-of-range rates, and changes nothing', async () => {
    const coord = await as(coordinator);
    expect(await codeOf(settings.updateSiteSettings(deps(), coord, { siteId, timeZone: 'Asia/Beijing' }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await codeOf(settings.updateSiteSettings(deps(), coord, { siteId, pointsPerHour: 0 }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      await codeOf(
        settings.updateSiteSettings(deps(), coord, {
          siteId,
          categoryRates: [{ category: 'BATHING', pointsPerHour: 1001 }],
        }),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      await codeOf(
        settings.updateSiteSettings(deps(), coord, {
          siteId,
          categoryRates: [
            { category: 'BATHING', pointsPerHour: 20 },
            { category: 'BATHING', pointsPerHour: 30 },
          ],
        }),
      ),
    ).toBe('BAD_USER_INPUT');
    const s = await settings.siteSettings(deps(), coord, siteId);
    expect(s.site).toMatchObject({ pointsPerHour: 10, timeZone: 'Asia/Shanghai' });
    expect(s.categoryRates).toEqual([]);
  });

  it('changes the time zone and the notice setting, audited with before and after', async () => {
    const s = await settings.updateSiteSettings(deps(), await as(coordinator), {
      siteId,
      timeZone: 'Asia/Urumqi',
      publicNotice: true,
    });
    expect(s.site).toMatchObject({ timeZone: 'Asia/Urumqi', publicNotice: true });
    const [row] = (await db.select().from(tables.auditLog)).filter((a) => a.action === 'updateSiteSettings');
    expect(row).toMatchObject({ actorId: coordinator.id, siteId, entity: 'site', entityId: String(siteId) });
    expect(row!.detail).toMatchObject({
      before: { timeZone: 'Asia/Shanghai', publicNotice: false },
      after: { timeZone: 'Asia/Urumqi', publicNotice: true },
    });
    await settings.updateSiteSettings(deps(), await as(coordinator), {
      siteId,
      timeZone: 'Asia/Shanghai',
      publicNotice: false,
    });
  });

  it('pays a new rate only for service confirmed after the change', async () => {
    const coord = await as(coordinator);
    // Reported before the change, confirmed before it: 60 minutes at 10 points an hour.
    const early = await reportedBath(60);
    await confirmation.confirmService(deps(), coord, early.id, null, key());
    // Reported before the change, confirmed after it: the rate at confirmation counts.
    const waiting = await reportedBath(60);
    const before = await pointsOf(volunteer);

    const s = await settings.updateSiteSettings(deps(), coord, {
      siteId,
      categoryRates: [{ category: 'BATHING', pointsPerHour: 30 }],
    });
    expect(s.categoryRates).toEqual([{ category: 'BATHING', pointsPerHour: 30 }]);
    await confirmation.confirmService(deps(), coord, waiting.id, null, key());
    expect(await pointsOf(volunteer)).toBe(before + 30);
    // The points credited before the change are still 10.
    const credits = await ledgerQueries.accountTransfers(
      db,
      [(await ledgerQueries.memberAccount(db, volunteer.id, 'POINTS'))!.id],
      10,
    );
    const earlyCredit = credits.find((t) => t.claimId === early.id)!;
    expect(earlyCredit.amount).toBe(10);

    // Giving bathing back to the site's rate, and raising that: 60 minutes now earn 12.
    await settings.updateSiteSettings(deps(), coord, {
      siteId,
      pointsPerHour: 12,
      categoryRates: [{ category: 'BATHING', pointsPerHour: null }],
    });
    const later = await reportedBath(60);
    const mid = await pointsOf(volunteer);
    await confirmation.confirmService(deps(), coord, later.id, null, key());
    expect(await pointsOf(volunteer)).toBe(mid + 12);
    expect((await settings.siteSettings(deps(), coord, siteId)).categoryRates).toEqual([]);
  });
});
