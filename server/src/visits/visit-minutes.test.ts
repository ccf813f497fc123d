// Visits that bank time, on PGlite and on PostgreSQL: a site that says so credits a volunteer's
// visit (the elder found) with its minutes and points at the VISIT rate, once, in the visit's own
// transaction; a site that does not, a not-found elder, a coordinator's own visit or bad minutes
// credit nothing; the ledger's rules and the kept monthly figures hold throughout.
import {
  checkInvariants,
  ledgerQueries,
  memberQueries,
  siteQueries,
  tables,
  type Database,
  type MemberRow,
} from '@huzhu/db';
import { seedDemo } from '@huzhu/db/seed';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentMonth } from '../core/time';
import { reverseTransfer } from '../ledger/transfers.service';
import { siteReport } from '../reports/reports.service';
import { updateSiteSettings } from '../sites/site-settings.service';
import { actorFor, demoMember, depsFor, outcome } from '../testing';
import { recordVisit, type NewVisit } from './visits.service';

let n = 0;
const newKey = () => `visit-minutes-${Date.now()}-${n++}-0000`;

describe.each(testEngines())('visits banking time on %s', (engine) => {
  let handle: TestDb;
  let db: Database;
  let siteId: number;
  let timeZone: string;
  let coordinator: MemberRow, volunteer: MemberRow, elder: MemberRow;
  const visitedAt = () => new Date(Date.now() - 3_600_000);

  beforeAll(async () => {
    handle = await openTestDb(engine);
    db = handle.db;
    siteId = (await seedDemo(db)).siteId;
    timeZone = (await siteQueries.siteById(db, siteId))!.timeZone;
    coordinator = await demoMember(db, '13900000001');
    volunteer = await demoMember(db, '13900000003');
    elder = (await memberQueries.membersDueVisits(db, siteId))[0]!;
  });
  afterAll(() => handle.close());

  const deps = () => depsFor(db);
  const as = (m: MemberRow) => actorFor(db, m);
  const visit = (overrides: Partial<NewVisit> = {}): NewVisit => ({
    elderId: elder.id,
    visitedAt: visitedAt(),
    mode: 'HOME',
    minutes: 30,
    idempotencyKey: newKey(),
    ...overrides,
  });
  const setBanking = async (on: boolean) =>
    updateSiteSettings(deps(), await as(coordinator), { siteId, visitsBankTime: on });
  const balances = async (m: MemberRow) => ({
    minutes: (await ledgerQueries.memberAccount(db, m.id, 'MINUTES'))!.balance,
    points: (await ledgerQueries.memberAccount(db, m.id, 'POINTS'))!.balance,
  });
  const counts = async () => ({
    visits: (await db.select().from(tables.visits)).length,
    transfers: (await db.select().from(tables.transfers)).length,
  });
  const visitCredits = async (visitId: number) =>
    (await db.select().from(tables.transfers)).filter((t) => t.visitId === visitId);
  const figures = async () => {
    const r = await siteReport(deps(), await as(coordinator), siteId, currentMonth(timeZone));
    return { serviceMinutes: r.serviceMinutes, pointsIssued: r.pointsIssued };
  };
  const invariantsHold = async () => {
    const broken = (await checkInvariants(db)).filter((r) => !r.holds);
    expect(broken).toEqual([]);
  };

  it('is off by default: a volunteer’s visit keeps its minutes and credits nothing', async () => {
    const before = await balances(volunteer);
    const row = await recordVisit(deps(), await as(volunteer), visit({ minutes: 45 }));
    expect(row).toMatchObject({ minutes: 45, banked: false, pointsAwarded: 0 });
    expect(await visitCredits(row.id)).toEqual([]);
    expect(await balances(volunteer)).toEqual(before);
    // Off, neither minutes nor a key is asked for.
    const plain = await recordVisit(deps(), await as(volunteer), {
      elderId: elder.id,
      visitedAt: visitedAt(),
    });
    expect(plain).toMatchObject({ minutes: null, banked: false });
    await invariantsHold();
  });

  it('on: credits exactly the minutes and the VISIT rate’s points once, however often the visit is retried', async () => {
    await setBanking(true);
    // The VISIT category pays 20 points an hour here (the site's own rate is 10).
    await updateSiteSettings(deps(), await as(coordinator), {
      siteId,
      categoryRates: [{ category: 'VISIT', pointsPerHour: 20 }],
    });
    const before = await balances(volunteer);
    const beforeFigures = await figures();
    const beforeCounts = await counts();
    const input = visit({ minutes: 30, mode: 'PHONE' });
    const first = await recordVisit(deps(), await as(volunteer), input);
    expect(first).toMatchObject({ minutes: 30, banked: true, pointsAwarded: 10, visitorId: volunteer.id });
    const again = await recordVisit(deps(), await as(volunteer), input);
    const third = await recordVisit(deps(), await as(volunteer), input);
    expect(again).toEqual(first);
    expect(third).toEqual(first);
    expect(await balances(volunteer)).toEqual({ minutes: before.minutes + 30, points: before.points + 10 });
    expect(await counts()).toEqual({ visits: beforeCounts.visits + 1, transfers: beforeCounts.transfers + 2 });
    const credits = await visitCredits(first.id);
    expect(credits.map((t) => [t.kind, t.unit, t.amount, t.memo, t.siteId]).sort()).toEqual([
      ['VISIT_CREDIT', 'MINUTES', 30, elder.name, siteId],
      ['VISIT_CREDIT', 'POINTS', 10, elder.name, siteId],
    ]);
    // Reports count it with the month's service, and the points as issued.
    expect(await figures()).toEqual({
      serviceMinutes: beforeFigures.serviceMinutes + 30,
      pointsIssued: beforeFigures.pointsIssued + 10,
    });
    const audit = (await db.select().from(tables.auditLog)).filter(
      (a) => a.action === 'recordVisit' && a.entityId === String(first.id),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatchObject({ minutes: 30, banked: true, points: 10 });
    await invariantsHold();
  });

  it('a coordinator’s own visit is not credited; one recorded for a volunteer credits the volunteer', async () => {
    const mine = await balances(coordinator);
    const own = await recordVisit(deps(), await as(coordinator), visit({ minutes: 20 }));
    expect(own).toMatchObject({ banked: false, minutes: 20, visitorId: coordinator.id });
    expect(await balances(coordinator)).toEqual(mine);
    const before = await balances(volunteer);
    const forThem = await recordVisit(deps(), await as(coordinator), visit({ minutes: 60, visitorId: volunteer.id }));
    expect(forThem).toMatchObject({ banked: true, pointsAwarded: 20 });
    expect(await balances(volunteer)).toEqual({ minutes: before.minutes + 60, points: before.points + 20 });
    await invariantsHold();
  });

  it('a visit that did not find the elder credits nothing, with or without minutes', async () => {
    const before = await balances(volunteer);
    const figuresBefore = await figures();
    for (const minutes of [15, null]) {
      const row = await recordVisit(deps(), await as(volunteer), visit({ elderFound: false, minutes }));
      expect(row).toMatchObject({ banked: false, pointsAwarded: 0, elderFound: false });
      expect(await visitCredits(row.id)).toEqual([]);
    }
    expect(await balances(volunteer)).toEqual(before);
    expect(await figures()).toEqual(figuresBefore);
    await invariantsHold();
  });

  it('refuses bad or missing minutes, or no key, with a clear error and writes nothing, not even the visit', async () => {
    const before = { counts: await counts(), balance: await balances(volunteer) };
    const actor = await as(volunteer);
    for (const minutes of [0, -5, 481, 12.5]) {
      expect(await outcome(recordVisit(deps(), actor, visit({ minutes })))).toBe('BAD_USER_INPUT input.minutes');
    }
    expect(await outcome(recordVisit(deps(), actor, visit({ minutes: null })))).toBe('BAD_USER_INPUT input.minutes');
    expect(await outcome(recordVisit(deps(), actor, visit({ idempotencyKey: null })))).toBe(
      'BAD_USER_INPUT input.idempotencyKey',
    );
    expect({ counts: await counts(), balance: await balances(volunteer) }).toEqual(before);
  });

  it('a visit recorded while the setting was off is never credited, even retried after it is turned on', async () => {
    await setBanking(false);
    const input = visit({ minutes: 40 });
    const first = await recordVisit(deps(), await as(volunteer), input);
    expect(first.banked).toBe(false);
    await setBanking(true);
    const before = await balances(volunteer);
    expect(await recordVisit(deps(), await as(volunteer), input)).toEqual(first);
    expect(await balances(volunteer)).toEqual(before);
    expect(await visitCredits(first.id)).toEqual([]);
    await invariantsHold();
  });

  it('a reversed visit credit takes its points back out of the month’s figures, and the ledger still balances', async () => {
    const row = await recordVisit(deps(), await as(volunteer), visit({ minutes: 30 }));
    const points = (await visitCredits(row.id)).find((t) => t.unit === 'POINTS')!;
    const before = await figures();
    await reverseTransfer(deps(), await as(coordinator), {
      transferId: points.id,
      reason: '记错了人',
      idempotencyKey: newKey(),
    });
    expect((await figures()).pointsIssued).toBe(before.pointsIssued - points.amount);
    await invariantsHold();
  });
});
