// Recurring needs, as a coordinator uses them, on PGlite and on PostgreSQL: the occurrences of
// the next two weeks appear at once, the job adds each day once however often it runs, and edits
// and cancellations reach "only this one" or "this and the following" as asked.
import { inboxQueries, needQueries, seriesQueries, type Database, type MemberRow } from '@huzhu/db';
import { seedDemo } from '@huzhu/db/seed';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../auth/authorize';
import { actorFor, demoMember, depsFor } from '../testing';
import * as claims from './claims.service';
import { dayBefore, dayIn, localDayAndTime, occurrenceDays } from './series.rule';
import { cancelSeriesNeed, editSeriesNeed } from './series-edit.service';
import { generateDue, generateSeries, postSeries, type NewSeries } from './series.service';

const ZONE = 'Asia/Shanghai';
const JOB = systemActor('job:needs.series');

describe.each(testEngines())('recurring needs on %s', (engine) => {
  let handle: TestDb;
  let db: Database;
  let siteId: number;
  let coordinator: MemberRow, volunteer: MemberRow, elder: MemberRow;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    db = handle.db;
    siteId = (await seedDemo(db)).siteId;
    coordinator = await demoMember(db, '13900000001');
    volunteer = await demoMember(db, '13900000003');
    elder = await demoMember(db, '13900000007');
  });
  afterAll(() => handle.close());

  const deps = () => depsFor(db);
  const as = (m: MemberRow) => actorFor(db, m);
  const tomorrow = () => dayIn(ZONE, new Date(), 1);

  async function mealRound(overrides: Partial<NewSeries> = {}) {
    return postSeries(deps(), await as(coordinator), {
      siteId,
      beneficiaryId: elder.id,
      title: '送午饭',
      category: 'MEALS',
      estimatedMinutes: 30,
      weekdays: [1, 2, 3, 4, 5],
      timeOfDay: '11:00',
      startsOn: tomorrow(),
      ...overrides,
    });
  }
  const occurrences = (seriesId: number, from = '2000-01-01') => seriesQueries.occurrencesFrom(db, seriesId, from);

  it('posting a weekday series puts each weekday of the next two weeks on the board at 11:00 site time', async () => {
    const { series, occurrences: written } = await mealRound();
    const expected = occurrenceDays(series, tomorrow(), dayIn(ZONE, new Date(), 13));
    expect(expected.length).toBeGreaterThanOrEqual(8);
    expect(written.map((n) => n.seriesDay)).toEqual(expected);
    for (const n of written) {
      expect(n.status).toBe('OPEN');
      expect(n.title).toBe('送午饭');
      expect(localDayAndTime(n.startsAt, ZONE)).toEqual({ day: n.seriesDay, time: '11:00' });
    }
    // They are needs like any other: the site's list shows them.
    const listed = await needQueries.needsByIds(
      db,
      written.map((n) => n.id),
    );
    expect(listed).toHaveLength(written.length);
  });

  it('only the coordinator of the site posts a series, and the days must be real', async () => {
    await expect(
      postSeries(deps(), await as(volunteer), {
        siteId,
        beneficiaryId: elder.id,
        title: '送午饭',
        category: 'MEALS',
        estimatedMinutes: 30,
        weekdays: [1],
        timeOfDay: '11:00',
        startsOn: tomorrow(),
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(mealRound({ weekdays: [], monthDays: [] })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(mealRound({ weekdays: [8] })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(mealRound({ timeOfDay: '24:00' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('the job writes each day once, however often it runs, and adds the new last days as time goes on', async () => {
    const { series, occurrences: first } = await mealRound({ title: '每天送饭' });
    expect(await generateSeries(deps(), JOB, series.id)).toEqual([]);
    expect((await generateDue(deps(), JOB)).failed).toEqual([]);
    expect(await occurrences(series.id)).toHaveLength(first.length);
    // A week later the job writes the days that came into the two weeks, and no others.
    const later = new Date(Date.now() + 7 * 86_400_000);
    const added = await generateSeries(deps(), JOB, series.id, later);
    expect(added.map((n) => n.seriesDay)).toEqual(
      occurrenceDays(series, dayIn(ZONE, new Date(), 14), dayIn(ZONE, later, 13)),
    );
    expect(await generateSeries(deps(), JOB, series.id, later)).toEqual([]);
    // A volunteer cannot run it.
    await expect(generateDue(deps(), await as(volunteer))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a count ends the series after that many times', async () => {
    const { series, occurrences: written } = await mealRound({ title: '五次', occurrenceCount: 5 });
    expect(written).toHaveLength(5);
    const later = new Date(Date.now() + 10 * 86_400_000);
    expect(await generateSeries(deps(), JOB, series.id, later)).toEqual([]);
  });

  it('"only this one": one day moves, the others stay; once claimed only time and description change', async () => {
    const { series, occurrences: written } = await mealRound({ title: '改一次' });
    const [a, b] = written;
    const moved = await editSeriesNeed(deps(), await as(coordinator), a!.id, { timeOfDay: '12:30' }, 'THIS_ONE');
    expect(localDayAndTime(moved.startsAt, ZONE)).toEqual({ day: a!.seriesDay, time: '12:30' });
    const rest = await occurrences(series.id);
    expect(rest.filter((n) => localDayAndTime(n.startsAt, ZONE).time === '11:00')).toHaveLength(written.length - 1);

    const claim = await claims.claimNeed(deps(), await as(volunteer), b!.id);
    await expect(
      editSeriesNeed(deps(), await as(coordinator), b!.id, { title: '别的事' }, 'THIS_ONE'),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const changed = await editSeriesNeed(
      deps(),
      await as(coordinator),
      b!.id,
      { timeOfDay: '10:00', description: '饭在村委会厨房取' },
      'THIS_ONE',
    );
    expect(changed.description).toBe('饭在村委会厨房取');
    const [told] = await inboxQueries.inboxPage(db, volunteer.id, 1);
    expect(told).toMatchObject({ kind: 'NEED_CHANGED', subject: `need:${b!.id}` });
    expect((await needQueries.claimsByNeedIds(db, [b!.id]))[0]).toMatchObject({ id: claim.id, status: 'CLAIMED' });
    // The job does not write the day again, nor put it back at 11:00.
    await generateSeries(deps(), JOB, series.id);
    expect(await occurrences(series.id)).toHaveLength(written.length);
  });

  it('"this and the following": earlier days stay, later ones take the change, a claimed one keeps its volunteer', async () => {
    const { series, occurrences: written } = await mealRound({ title: '午饭' });
    const from = written[2]!;
    const claimedLater = written[3]!;
    await claims.claimNeed(deps(), await as(volunteer), claimedLater.id);
    await editSeriesNeed(
      deps(),
      await as(coordinator),
      from.id,
      { title: '午饭（新菜单）', timeOfDay: '11:30', slots: 2 },
      'THIS_AND_FOLLOWING',
    );
    const old = (await seriesQueries.seriesById(db, series.id))!;
    expect(old.endsOn).toBe(dayBefore(from.seriesDay!));
    const before = await needQueries.needsByIds(db, [written[0]!.id, written[1]!.id]);
    for (const n of before) {
      expect(n).toMatchObject({ title: '午饭', seriesId: series.id, slots: 1 });
      expect(localDayAndTime(n.startsAt, ZONE).time).toBe('11:00');
    }
    const [moved] = await needQueries.needsByIds(db, [from.id]);
    expect(moved).toMatchObject({ title: '午饭（新菜单）', slots: 2 });
    expect(localDayAndTime(moved!.startsAt, ZONE).time).toBe('11:30');
    const next = moved!.seriesId!;
    expect(next).not.toBe(series.id);
    const [claimed] = await needQueries.needsByIds(db, [claimedLater.id]);
    // Claimed: the new time, but the title and slots it was claimed with.
    expect(claimed).toMatchObject({ title: '午饭', slots: 1, seriesId: next });
    expect(localDayAndTime(claimed!.startsAt, ZONE).time).toBe('11:30');
    // Each day still once: the new series does not write the moved days again.
    await generateSeries(deps(), JOB, next);
    const all = [...(await occurrences(series.id)), ...(await occurrences(next))];
    expect(all.map((n) => n.seriesDay).sort()).toEqual(written.map((n) => n.seriesDay));
  });

  it('"this and the following" from the first day changes the series itself; a claimed day keeps its title', async () => {
    const { series, occurrences: written } = await mealRound({ title: '从头改' });
    await claims.claimNeed(deps(), await as(volunteer), written[0]!.id);
    await editSeriesNeed(deps(), await as(coordinator), written[0]!.id, { title: '从头改了' }, 'THIS_AND_FOLLOWING');
    const rows = await occurrences(series.id);
    expect(rows.map((n) => n.title)).toEqual(['从头改', ...written.slice(1).map(() => '从头改了')]);
    expect((await seriesQueries.seriesById(db, series.id))!).toMatchObject({ title: '从头改了', endsOn: null });
  });

  it('cancelling only this one leaves the others; this and the following ends the series and withdraws claims', async () => {
    const { series, occurrences: written } = await mealRound({ title: '取消测试' });
    const one = await cancelSeriesNeed(deps(), await as(coordinator), written[0]!.id, '老人去女儿家', 'THIS_ONE');
    expect(one).toMatchObject({ status: 'CANCELLED', cancelReason: '老人去女儿家' });
    await generateSeries(deps(), JOB, series.id);
    expect((await needQueries.needsByIds(db, [written[1]!.id]))[0]!.status).toBe('OPEN');
    expect(await occurrences(series.id)).toHaveLength(written.length);

    const claim = await claims.claimNeed(deps(), await as(volunteer), written[4]!.id);
    await cancelSeriesNeed(deps(), await as(coordinator), written[3]!.id, '老人住院了', 'THIS_AND_FOLLOWING');
    const after = await occurrences(series.id);
    expect(after.filter((n) => n.status === 'OPEN').map((n) => n.id)).toEqual([written[1]!.id, written[2]!.id]);
    expect(after.filter((n) => n.seriesDay! >= written[3]!.seriesDay!).every((n) => n.status === 'CANCELLED')).toBe(
      true,
    );
    expect((await needQueries.claimsByNeedIds(db, [written[4]!.id]))[0]).toMatchObject({
      id: claim.id,
      status: 'WITHDRAWN',
    });
    // Ended: a run weeks later writes nothing more.
    expect(await generateSeries(deps(), JOB, series.id, new Date(Date.now() + 21 * 86_400_000))).toEqual([]);
    // Only the coordinator cancels.
    await expect(
      cancelSeriesNeed(deps(), await as(volunteer), written[1]!.id, '不想去', 'THIS_AND_FOLLOWING'),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
