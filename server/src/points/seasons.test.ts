// Points seasons on PGlite and on PostgreSQL: a warning a month before a site's season end to the
// members holding its points, then at the end their available points move to the site's pool as
// EXPIRY transfers; the daily job run twice does it once, and points held elsewhere stay.
import { checkInvariants, inboxQueries, ledgerQueries, memberQueries, pointsQueries } from '@huzhu/db';
import { createLedgerFixture, openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../auth/authorize';
import { localDate } from '../core/time';
import { domainJobs } from '../jobs/registry';
import { transfer } from '../ledger/ledger.service';
import * as settings from '../sites/site-settings.service';
import { harness, key } from '../supermarket/supermarket.testing';
import { codeOf } from '../testing';
import { POINTS_SEASONS } from './points.jobs';
import { seasonDays, runPointsSeasons } from './seasons.service';

const JOB = systemActor('job:points.seasons');
/** Noon in Shanghai on a day of 2027. */
const at = (day: string) => new Date(`2027-${day}T12:00:00+08:00`);

describe.each(testEngines())('points seasons on %s', (engine) => {
  let handle: TestDb;
  const db = () => handle.db;
  const { as, deps, village } = harness(db);

  beforeAll(async () => {
    handle = await openTestDb(engine);
  });
  afterAll(() => handle.close());

  it('knows the next and the latest season end on the site clock', () => {
    const site = { pointsSeasonEnd: '06-30', timeZone: 'Asia/Shanghai' };
    const days = (now: Date) => {
      const d = seasonDays(site, now);
      return [d.today.toString(), d.next.toString(), d.latest.toString()];
    };
    expect(days(at('06-29'))).toEqual(['2027-06-29', '2027-06-30', '2026-06-30']);
    expect(days(at('06-30'))).toEqual(['2027-06-30', '2028-06-30', '2027-06-30']);
    // 23:30 UTC on 29 June is already 30 June in Shanghai.
    expect(days(new Date('2027-06-29T23:30:00Z'))).toEqual(['2027-06-30', '2028-06-30', '2027-06-30']);
  });

  it('warns a month before, expires at the end, and does each once however often it runs', async () => {
    const v = await village('season', [40, 25]);
    const other = await createLedgerFixture(db(), 1, `season-other-${key()}`);
    // 70 points of another site on the first member's account: they do not expire with this site's.
    await db().transaction((tx) =>
      transfer(tx, {
        unit: 'POINTS',
        amount: 70,
        kind: 'ISSUANCE',
        fromAccountId: other.pool.points,
        toAccountId: v.f.members[0]!.points,
        siteId: other.siteId,
        idempotencyKey: key('elsewhere'),
      }),
    );
    await settings.updateSiteSettings(deps(), await as(v.coordinator), {
      siteId: v.f.siteId,
      pointsSeasonEnd: '06-30',
    });
    const balance = async (account: number) => (await ledgerQueries.accountsByIds(db(), [account]))[0]!.balance;
    const kinds = async (memberId: number) => (await inboxQueries.inboxPage(db(), memberId, 20)).map((i) => i.kind);

    // Earlier than a month before: nothing.
    expect(await runPointsSeasons(deps(), JOB, undefined, at('05-20'))).toMatchObject({ warned: 0, expired: 0 });
    // A month before: the two holders are warned, once.
    const warned = await runPointsSeasons(deps(), JOB, undefined, at('05-31'));
    expect(warned.warned).toBe(2);
    expect(await runPointsSeasons(deps(), JOB, undefined, at('06-01'))).toMatchObject({ warned: 0, expired: 0 });
    const [first, second, third] = v.buyers;
    expect(await kinds(first!.id)).toEqual(['POINTS_EXPIRING']);
    expect(await kinds(second!.id)).toEqual(['POINTS_EXPIRING']);
    expect(await kinds(third!.id)).toEqual([]);
    const warning = (await inboxQueries.inboxPage(db(), first!.id, 1))[0]!;
    expect(warning.detail).toMatchObject({ points: 40, at: '2027-06-29T16:00:00Z' });

    // The day before the end: nothing moves.
    expect(await runPointsSeasons(deps(), JOB, undefined, at('06-29'))).toMatchObject({ expired: 0 });
    expect(await balance(v.f.members[0]!.points)).toBe(110);
    // The end: this site's 40 and 25 go to its pool; the other site's 70 stay.
    const poolBefore = await balance(v.f.pool.points);
    const run = await runPointsSeasons(deps(), JOB, undefined, at('06-30'));
    expect(run).toMatchObject({ expired: 2, points: 65 });
    expect([await balance(v.f.members[0]!.points), await balance(v.f.members[1]!.points)]).toEqual([70, 0]);
    expect(await balance(v.f.pool.points)).toBe(poolBefore + 65);
    const expiries = (await ledgerQueries.accountTransfers(db(), [v.f.members[0]!.points], 5)).filter(
      (t) => t.kind === 'EXPIRY',
    );
    expect(expiries).toHaveLength(1);
    expect(expiries[0]).toMatchObject({ amount: 40, siteId: v.f.siteId, creditAccountId: v.f.pool.points });
    expect(await kinds(first!.id)).toEqual(['POINTS_EXPIRED', 'POINTS_EXPIRING']);
    // Run twice (a retry, another process, the start-up catch-up): nothing more.
    expect(await runPointsSeasons(deps(), JOB, undefined, at('06-30'))).toMatchObject({ expired: 0, points: 0 });
    expect(await runPointsSeasons(deps(), JOB, undefined, at('07-01'))).toMatchObject({ expired: 0, points: 0 });
    expect([await balance(v.f.members[0]!.points), await balance(v.f.members[1]!.points)]).toEqual([70, 0]);
    const scope = [...v.f.accountIds, ...other.accountIds];
    expect((await checkInvariants(db(), scope)).filter((r) => !r.holds)).toEqual([]);
  });

  it('runs as the daily points.seasons job: twice is once', async () => {
    const v = await village('job', [30]);
    const today = localDate(new Date(), 'Asia/Shanghai');
    await settings.updateSiteSettings(deps(), await as(v.coordinator), {
      siteId: v.f.siteId,
      pointsSeasonEnd: today.slice(5) === '02-29' ? '03-01' : today.slice(5),
    });
    // Warned a month ago (as the job would have), so today's run expires the season.
    await pointsQueries.startSeasonWarning(db(), v.f.siteId, today);
    const job = domainJobs({ db: db(), events: deps().events }).find((j) => j.name === POINTS_SEASONS)!;
    expect(job.schedule).toMatchObject({ cron: '15 0 * * *', timeZone: 'each-site' });
    const run = () =>
      job.run(
        { timeZone: 'Asia/Shanghai' },
        { id: 'x', retryCount: 0, createdOn: new Date(), signal: new AbortController().signal },
      ) as Promise<{ expired: number; points: number }>;
    const first = await run();
    const second = await run();
    if (today.slice(5) !== '02-29') expect(first).toMatchObject({ expired: 1, points: 30 });
    expect(second).toMatchObject({ expired: 0, points: 0 });
    const expiries = (await ledgerQueries.accountTransfers(db(), [v.f.members[0]!.points], 5)).filter(
      (t) => t.kind === 'EXPIRY',
    );
    expect(expiries).toHaveLength(today.slice(5) === '02-29' ? 0 : 1);
  });

  it('expires nothing in a season nobody was warned of', async () => {
    const v = await village('unwarned', [50]);
    await settings.updateSiteSettings(deps(), await as(v.coordinator), {
      siteId: v.f.siteId,
      pointsSeasonEnd: '03-31',
    });
    // Turned on after the day: the season just ended was never announced.
    expect(await runPointsSeasons(deps(), JOB, undefined, at('04-02'))).toMatchObject({ expired: 0 });
    expect((await ledgerQueries.accountsByIds(db(), [v.f.members[0]!.points]))[0]!.balance).toBe(50);
  });

  it('is the system’s or platform staff’s to run', async () => {
    const v = await village('who-runs', []);
    expect(await codeOf(runPointsSeasons(deps(), await as(v.coordinator)))).toBe('FORBIDDEN');
    const admin = await memberQueries.insertMember(db(), { siteId: null, name: '平台' }, ['ADMIN']);
    expect(await codeOf(runPointsSeasons(deps(), await as(admin), 'Asia/Shanghai', at('01-01')))).toBe('OK');
  });
});
