// Monthly site reports, on PGlite and on PostgreSQL: each figure after real service, points,
// redemptions and visits go through the services that write them; who may read which report;
// and the all-sites report in a fixed number of statements however many sites there are.
import { ledgerQueries, memberQueries, openDb, siteQueries, tables, type Database, type MemberRow } from '@huzhu/db';
import { seedDemo } from '@huzhu/db/seed';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { execute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentMonth } from '../core/time';
import type { Context } from '../graphql/context';
import { buildSchema } from '../graphql/schema';
import { reverse } from '../ledger/ledger.service';
import * as claims from '../needs/claims.service';
import * as confirmation from '../needs/confirmation.service';
import * as needs from '../needs/needs.service';
import { cancelRedemption, redeem } from '../supermarket/supermarket.service';
import { recordVisit, visitCoverage } from '../visits/visits.service';
import { actorFor, contextFor, depsFor, outcome } from '../testing';
import { siteReport, siteReports } from './reports.service';

const schema = buildSchema();
const SITE_REPORT = parse('query ($s: ID!, $m: String!) { siteReport(siteId: $s, month: $m) { month } }');

/** The site report as a GraphQL request asks for it: its resolver parses the opaque site id. */
async function siteReportQuery(ctx: Context, siteId: string, month: string) {
  const result = await execute({
    schema,
    document: SITE_REPORT,
    variableValues: { s: siteId, m: month },
    contextValue: ctx,
  });
  if (result.errors?.length) throw result.errors[0]!.originalError ?? result.errors[0];
  return result.data;
}

let seq = 0;
const key = () => `report-test-${Date.now()}-${seq++}`;

/** A site with a coordinator and `due` elders with a care category. */
async function village(db: Database, name: string, due: number, timeZone = 'Asia/Shanghai') {
  return db.transaction(async (tx) => {
    const site = await siteQueries.insertSite(tx, { name, county: '平江县', village: name, timeZone });
    const coordinator = await memberQueries.insertMember(tx, { siteId: site.id, name: `${name}协调员` }, [
      'COORDINATOR',
    ]);
    const elders: MemberRow[] = [];
    for (let i = 0; i < due; i++) {
      elders.push(
        await memberQueries.insertMember(
          tx,
          // Written past the services, so with the kept tier they would give: B, due monthly.
          { siteId: site.id, name: `${name}老人${i + 1}`, careCategories: ['EXTREME_POVERTY'], visitTier: 'B' },
          ['ELDER'],
        ),
      );
    }
    return { site, coordinator, elders };
  });
}

describe.each(testEngines())('reports on %s', (engine) => {
  let handle: TestDb;
  let siteId: number;
  const people = new Map<string, MemberRow>();
  let admin: MemberRow;
  const as = (name: string) => actorFor(handle.db, people.get(name)!);
  // A fresh read cache per call, as each request had its own context: reads after writes are fresh.
  const deps = () => depsFor(handle.db);
  const month = currentMonth('Asia/Shanghai');
  const report = async (who = '李秀英') => siteReport(deps(), await as(who), siteId, month);
  const claimIds: number[] = [];
  /** The demo village's needs: six, and its two recurring ones' days of the next two weeks. */
  let demoNeeds = 0;

  /** Posts a need for the elder and walks each volunteer's claim to confirmed (or rejected). */
  async function serve(elder: string, served: [volunteer: string, minutes: number][], reject = false) {
    const need = await needs.postNeed(deps(), await as('李秀英'), {
      siteId,
      title: `帮${elder}做事`,
      category: 'FARM_WORK',
      beneficiaryId: people.get(elder)!.id,
      startsAt: new Date(),
      estimatedMinutes: 60,
      slots: served.length,
    });
    for (const [volunteer, minutes] of served) {
      const [d, v] = [deps(), await as(volunteer)];
      const claim = await claims.claimNeed(d, v, need.id);
      await claims.checkIn(d, v, claim.id);
      await claims.reportService(d, v, claim.id, minutes, null);
      if (reject) await confirmation.rejectService(deps(), await as('李秀英'), claim.id, '没有来');
      else await confirmation.confirmService(deps(), await as('李秀英'), claim.id, null, key());
      claimIds.push(claim.id);
    }
  }

  beforeAll(async () => {
    handle = await openTestDb(engine);
    siteId = (await seedDemo(handle.db)).siteId;
    for (const m of await memberQueries.listMembers(handle.db, { siteId }, 100)) people.set(m.name, m);
    admin = await memberQueries.insertMember(handle.db, { siteId: null, name: '民政局' }, ['ADMIN']);
    people.set('民政局', admin);
    demoNeeds = (await handle.db.select().from(tables.needs)).length;
  });
  afterAll(() => handle.close());

  it('opens the month with the posted needs and nothing else (opening balances are not service)', async () => {
    expect(await report()).toMatchObject({
      month,
      serviceMinutes: 0,
      activeVolunteers: 0,
      needsPosted: demoNeeds,
      needsCompleted: 0,
      pointsIssued: 0,
      pointsRedeemed: 0,
      visitRate: 0,
    });
  });

  it('counts confirmed service, its volunteers, completed needs and the points it earned', async () => {
    await serve('赵玉梅', [['张建国', 90]]); // 15 points at 10 an hour
    await serve('孙德福', [
      ['张建国', 60], // 10
      ['刘桂兰', 45], // 7.5, rounded down to 7
    ]);
    // Rejected: no minutes, not an active volunteer, and its need (every claim rejected) not completed.
    await serve('周桂香', [['陈志明', 30]], true);
    expect(await report()).toMatchObject({
      serviceMinutes: 195,
      activeVolunteers: 2,
      needsPosted: demoNeeds + 3,
      needsCompleted: 2,
      pointsIssued: 32,
    });
  });

  it('nets a reversed service credit out of the points issued', async () => {
    const credit = await ledgerQueries.transferByKey(handle.db, `claim:${claimIds[0]}:points`);
    await handle.db.transaction((tx) =>
      reverse(tx, { transferId: credit!.id, reason: '重复登记', idempotencyKey: key(), createdBy: admin.id }),
    );
    expect((await report()).pointsIssued).toBe(32 - 15);
  });

  it('counts redemptions net of their cancellations', async () => {
    const goods = await handle.db.select().from(tables.products);
    const eggs = goods.find((g) => g.name.startsWith('鸡蛋'))!; // 40 points
    const towel = goods.find((g) => g.name === '毛巾')!; // 15 points
    const [d, buyer] = [deps(), await as('张建国')];
    const first = await redeem(d, buyer, {
      memberId: people.get('张建国')!.id,
      items: [{ productId: eggs.id, quantity: 1 }],
      idempotencyKey: key(),
    });
    await redeem(d, buyer, {
      memberId: people.get('张建国')!.id,
      items: [{ productId: towel.id, quantity: 2 }],
      idempotencyKey: key(),
    });
    expect((await report()).pointsRedeemed).toBe(70);
    await cancelRedemption(deps(), await as('王小芳'), first.id, '鸡蛋碎了');
    expect((await report()).pointsRedeemed).toBe(30);
  });

  it("reports the same visit rate as the month's coverage", async () => {
    for (const elder of ['赵玉梅', '孙德福']) {
      await recordVisit(deps(), await as('张建国'), {
        elderId: people.get(elder)!.id,
        visitedAt: new Date(),
      });
    }
    const coverage = await visitCoverage(deps(), await as('李秀英'), siteId, month);
    expect(coverage.rate).toBeCloseTo(0.4);
    expect((await report()).visitRate).toBe(coverage.rate);
  });

  it("shows a site's report to its staff and admins only", async () => {
    const other = await village(handle.db, '青山村', 0);
    people.set('外村协调员', other.coordinator);
    expect(await outcome(report('王小芳'))).toBe('OK');
    expect(await outcome(report('民政局'))).toBe('OK');
    expect(await outcome(report('外村协调员'))).toBe('FORBIDDEN');
    expect(await outcome(report('张建国'))).toBe('FORBIDDEN');
    expect(await outcome(report('赵玉梅'))).toBe('FORBIDDEN');
    const staff = await as('李秀英');
    expect(await outcome(siteReport(deps(), staff, siteId, '2026-13'))).toBe('BAD_USER_INPUT month');
    // The opaque id is the resolver's to parse: a member's id for a site's is refused there.
    const request = await contextFor(handle.db, people.get('李秀英')!);
    expect(await outcome(siteReportQuery(request, 'mem_1', month))).toBe('BAD_USER_INPUT siteId');
    expect(await outcome(siteReport(deps(), await as('民政局'), 99999, month))).toBe('NOT_FOUND');
  });

  it('gives a new site with no elders due no visit rate, in its report and its coverage', async () => {
    const empty = await village(handle.db, '新建村', 0);
    const coordinator = await actorFor(handle.db, empty.coordinator);
    expect((await siteReport(deps(), coordinator, empty.site.id, month)).visitRate).toBeNull();
    expect(await visitCoverage(deps(), coordinator, empty.site.id, month)).toMatchObject({
      dueCount: 0,
      visitedCount: 0,
      rate: null,
    });
  });

  it('lists every site for admins, lowest visit rate first, then by name', async () => {
    const half = await village(handle.db, '石桥村', 2);
    await village(handle.db, '东岭村', 0);
    await recordVisit(deps(), await actorFor(handle.db, half.coordinator), {
      elderId: half.elders[0]!.id,
      visitedAt: new Date(),
    });
    const all = await siteReports(deps(), await as('民政局'), month);
    expect(all.map((r) => [r.site.name, r.visitRate])).toEqual([
      ['三和村互助养老服务站', 0.4],
      ['石桥村', 0.5],
      // No elder due: no rate (never 100%), listed last.
      ['东岭村', null],
      ['青山村', null],
      ['新建村', null],
    ]);
    // The grouped figures are the single-site report's, site for site.
    expect(all[0]).toEqual(await report());
    for (const who of ['李秀英', '王小芳', '张建国']) {
      expect(await outcome(siteReports(deps(), await as(who), month))).toBe('FORBIDDEN');
    }
    expect(await outcome(siteReports(deps(), await as('民政局'), '2026/11'))).toBe('BAD_USER_INPUT month');
  });

  it('gives each site the month of its own clock in the all-sites report', async () => {
    const east = await village(handle.db, '东八区村', 1, 'Asia/Shanghai');
    const utc = await village(handle.db, '零时区村', 1, 'UTC');
    // 00:30 on 1 November in Beijing is still 31 October in UTC.
    const at = new Date('2026-11-01T00:30:00+08:00');
    await recordVisit(deps(), await actorFor(handle.db, east.coordinator), {
      elderId: east.elders[0]!.id,
      visitedAt: at,
    });
    await recordVisit(deps(), await actorFor(handle.db, utc.coordinator), {
      elderId: utc.elders[0]!.id,
      visitedAt: at,
    });
    const rateIn = async (m: string) => {
      const all = await siteReports(deps(), await as('民政局'), m);
      return [east, utc].map((v) => all.find((r) => r.site.id === v.site.id)!.visitRate);
    };
    expect(await rateIn('2026-10')).toEqual([0, 1]);
    expect(await rateIn('2026-11')).toEqual([1, 0]);
  });
});

describe('the all-sites report', () => {
  it('runs the same few statements for 3 sites as for 30', async () => {
    let statements = 0;
    const handle = await openDb({ memory: true, onQuery: () => statements++ });
    try {
      const admin = await memberQueries.insertMember(handle.db, { siteId: null, name: '民政局' }, ['ADMIN']);
      const actor = await actorFor(handle.db, admin);
      const count = async () => {
        statements = 0;
        await siteReports(depsFor(handle.db), actor, '2026-11');
        return statements;
      };
      for (let i = 0; i < 3; i++) await village(handle.db, `村${i}`, 2);
      const few = await count();
      for (let i = 3; i < 30; i++) await village(handle.db, `村${i}`, 2);
      expect(await count()).toBe(few);
      expect(few).toBeGreaterThan(0);
      expect(few).toBeLessThanOrEqual(3);
    } finally {
      await handle.close();
    }
  });
});
