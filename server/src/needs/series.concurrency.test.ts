// The series job run by several processes at once on real PostgreSQL: each occurrence is written
// once (the series row lock, and under it the unique series day with ON CONFLICT DO NOTHING).
// PGlite has one connection and cannot race, so this file needs TEST_DATABASE_URL.
import { seriesQueries, type MemberRow } from '@huzhu/db';
import { seedDemo } from '@huzhu/db/seed';
import { hasPostgres, openTestDb, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../auth/authorize';
import { actorFor, demoMember, depsFor } from '../testing';
import { dayIn, occurrenceDays } from './series.rule';
import { seriesJobs } from './series.jobs';
import { generateDue, generateSeries, postSeries } from './series.service';
import { recordingEvents } from '../testing';

const JOB = systemActor('job:needs.series');

describe.runIf(hasPostgres())('the series job under concurrency on PostgreSQL', () => {
  let handle: TestDb;
  let siteId: number;
  let coordinator: MemberRow;
  let elder: MemberRow;

  beforeAll(async () => {
    handle = await openTestDb('postgres', { poolSize: 20 });
    siteId = (await seedDemo(handle.db)).siteId;
    coordinator = await demoMember(handle.db, '13900000001');
    elder = await demoMember(handle.db, '13900000007');
  });
  afterAll(() => handle.close());

  it('eight runs at once write each day of the two weeks once', async () => {
    // Starting in a month: posting writes nothing yet; the runs "a month later" write it all.
    const startsOn = dayIn('Asia/Shanghai', new Date(), 30);
    const { series, occurrences } = await postSeries(depsFor(handle.db), await actorFor(handle.db, coordinator), {
      siteId,
      beneficiaryId: elder.id,
      title: '周六洗澡',
      category: 'BATHING',
      estimatedMinutes: 60,
      weekdays: [2, 4, 6],
      timeOfDay: '15:00',
      startsOn,
    });
    expect(occurrences).toEqual([]);
    // The first day's midnight in the site's zone: from "now + 30 days" the first day's 15:00 was
    // already past in Shanghai's afternoons, and the run rightly writes no need in the past.
    const later = new Date(`${startsOn}T00:00:00+08:00`);
    const runs = await Promise.all([
      ...Array.from({ length: 4 }, () => generateSeries(depsFor(handle.db), JOB, series.id, later)),
      ...Array.from({ length: 4 }, () => generateDue(depsFor(handle.db), JOB, later)),
    ]);
    const expected = occurrenceDays(series, startsOn, dayIn('Asia/Shanghai', later, 13));
    expect(runs.slice(4).map((r) => (r as { failed: number[] }).failed)).toEqual([[], [], [], []]);
    const rows = await seriesQueries.occurrencesFrom(handle.db, series.id, startsOn);
    expect(rows.map((n) => n.seriesDay)).toEqual(expected);
  });

  it("the job's own run, nightly and for one series, twice at once, writes each day once", async () => {
    const { series, occurrences } = await postSeries(depsFor(handle.db), await actorFor(handle.db, coordinator), {
      siteId,
      beneficiaryId: elder.id,
      title: '送菜',
      category: 'ERRAND',
      estimatedMinutes: 30,
      weekdays: [1, 3, 5],
      timeOfDay: '09:00',
      startsOn: dayIn('Asia/Shanghai', new Date(), 1),
    });
    const [job] = seriesJobs({ db: handle.db, events: recordingEvents() });
    const context = (id: string) => ({
      id,
      retryCount: 0,
      createdOn: new Date(),
      signal: new AbortController().signal,
    });
    // Posting wrote the two weeks: four runs at once add nothing, and fail nothing.
    await Promise.all([
      job!.run({}, context('a')),
      job!.run({}, context('b')),
      job!.run({ seriesId: series.id }, context('c')),
      job!.run({ seriesId: series.id }, context('d')),
    ]);
    const rows = await seriesQueries.occurrencesFrom(handle.db, series.id, '2000-01-01');
    expect(rows.map((n) => n.id)).toEqual(occurrences.map((n) => n.id));
  });
});
