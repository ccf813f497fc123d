// The whole life of a need over real HTTP, on each engine: posted, claimed, served, confirmed
// (once, however often the confirmation is retried), paid in minutes and points, spent at the
// points supermarket, refunded, and seen in the month's visit coverage and site report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  targets,
  hoursFromNow,
  idemKey,
  monthIn,
  PHONES,
  startTestServer,
  type Client,
  type TestServer,
} from './support/harness';
import {
  CANCEL_REDEMPTION,
  CHECK_IN,
  CLAIM_NEED,
  CONFIRM,
  REPORT,
  balanceOf,
  demo,
  postNeed,
  product,
  redeem,
  transfersOf,
  type Balance,
  type ClaimT,
  type Demo,
  type RedemptionT,
} from './support/ops';

const COVERAGE = `query ($siteId: ID!, $month: String!) {
  visitCoverage(siteId: $siteId, month: $month) { month dueCount visitedCount rate unvisited { id name } }
}`;
const REPORT_Q = `query ($siteId: ID!, $month: String!) {
  siteReport(siteId: $siteId, month: $month) {
    month serviceMinutes activeVolunteers needsPosted needsCompleted pointsIssued pointsRedeemed visitRate
  }
}`;

interface Coverage {
  month: string;
  dueCount: number;
  visitedCount: number;
  rate: number;
  unvisited: { id: string; name: string }[];
}

describe.each(targets())('the life of a need on $name', (on) => {
  let s: TestServer;
  let d: Demo;
  let coordinator: Client;
  let volunteer: Client;
  let clerk: Client;
  const month = monthIn();

  // What the steps hand on to one another (tests in this file run in order).
  let needId = '';
  let claim: ClaimT;
  let start: Balance;
  let confirmKey = '';
  let redemption: RedemptionT;

  beforeAll(async () => {
    s = await startTestServer(on);
    d = await demo(s);
    coordinator = await s.as(PHONES.coordinator);
    volunteer = await s.as(PHONES.volunteer);
    clerk = await s.as(PHONES.clerk);
    start = await balanceOf(volunteer, d.ids.volunteer);
  });
  afterAll(() => s?.close());

  it('a coordinator posts a need that volunteers then find open', async () => {
    const need = await postNeed(coordinator, {
      siteId: d.siteId,
      beneficiaryId: d.ids.elder,
      title: '陪赵奶奶去镇上赶集',
      category: 'ERRAND',
      estimatedMinutes: 90,
      // Begun a quarter of an hour ago: check-in opens 2 hours before the start, a report after it.
      startsAt: hoursFromNow(-0.25),
    });
    expect(need).toMatchObject({ status: 'OPEN', openSlots: 1, claims: [] });
    needId = need.id;
    const open = await volunteer.ok<{ needs: { edges: { node: { id: string; beneficiary: { name: string } } }[] } }>(
      'query ($siteId: ID!) { needs(siteId: $siteId, status: OPEN, first: 100) { edges { node { id beneficiary { name } } } } }',
      { siteId: d.siteId },
    );
    expect(open.needs.edges.map((e) => e.node)).toContainEqual({ id: needId, beneficiary: { name: '赵玉梅' } });
  });

  it('a volunteer claims it, checks in and reports 90 minutes; the need fills', async () => {
    claim = (await volunteer.ok<{ claimNeed: ClaimT }>(CLAIM_NEED, { id: needId })).claimNeed;
    expect(claim.status).toBe('CLAIMED');
    const need = await volunteer.ok<{ need: { status: string; openSlots: number } }>(
      'query ($id: ID!) { need(id: $id) { status openSlots } }',
      { id: needId },
    );
    expect(need.need).toEqual({ status: 'FILLED', openSlots: 0 });
    expect((await volunteer.ok<{ checkIn: ClaimT }>(CHECK_IN, { id: claim.id })).checkIn.status).toBe('CHECKED_IN');
    const reported = (
      await volunteer.ok<{ reportService: ClaimT }>(REPORT, { id: claim.id, m: 90, note: '买了药和菜' })
    ).reportService;
    expect(reported).toMatchObject({ status: 'REPORTED', reportedMinutes: 90, confirmedMinutes: null });
  });

  it('the coordinator confirms; a retry with the same key returns the same claim and pays nothing more', async () => {
    confirmKey = idemKey('confirm');
    const first = (await coordinator.ok<{ confirmService: ClaimT }>(CONFIRM, { id: claim.id, key: confirmKey }))
      .confirmService;
    expect(first).toMatchObject({ id: claim.id, status: 'CONFIRMED', confirmedMinutes: 90, pointsAwarded: 15 });
    const retry = (await coordinator.ok<{ confirmService: ClaimT }>(CONFIRM, { id: claim.id, key: confirmKey }))
      .confirmService;
    expect(retry).toEqual(first);
    // A second confirmation under a new key is a different request: the claim is settled already.
    const again = await coordinator.fails(CONFIRM, { id: claim.id, key: idemKey('confirm') });
    expect(again.extensions?.code).toBe('CONFLICT');
    const need = await coordinator.ok<{ need: { status: string } }>('query ($id: ID!) { need(id: $id) { status } }', {
      id: needId,
    });
    expect(need.need.status).toBe('COMPLETED');
  });

  it("the volunteer's balance rose once: +90 minutes and +15 points at 10 points an hour", async () => {
    const now = await balanceOf(volunteer, d.ids.volunteer);
    expect(now).toEqual({ minutes: start.minutes + 90, points: start.points + 15 });
    const credits = (await transfersOf(volunteer, d.ids.volunteer)).filter((t) => t.kind === 'SERVICE_CREDIT');
    expect(credits.map((t) => [t.unit, t.amount]).sort()).toEqual([
      ['MINUTES', 90],
      ['POINTS', 15],
    ]);
  });

  it('the volunteer redeems goods: points and stock go down together, once per key', async () => {
    const eggs = await product(volunteer, d.siteId, '鸡蛋（一盒10个）');
    const key = idemKey('redeem');
    redemption = await redeem(volunteer, d.ids.volunteer, [{ productId: eggs.id, quantity: 2 }], key);
    expect(redemption).toMatchObject({
      status: 'COMPLETED',
      totalPoints: 2 * eggs.pointsPrice,
      items: [{ quantity: 2, points: 2 * eggs.pointsPrice, product: { id: eggs.id } }],
    });
    const retry = await redeem(volunteer, d.ids.volunteer, [{ productId: eggs.id, quantity: 2 }], key);
    expect(retry.id).toBe(redemption.id);
    expect(await balanceOf(volunteer, d.ids.volunteer)).toEqual({
      minutes: start.minutes + 90,
      points: start.points + 15 - 2 * eggs.pointsPrice,
    });
    expect((await product(volunteer, d.siteId, eggs.name)).stock).toBe(eggs.stock - 2);
  });

  it('the clerk cancels the redemption: points refunded and stock restored, and only once', async () => {
    const eggs = await product(clerk, d.siteId, '鸡蛋（一盒10个）');
    const cancelled = (
      await clerk.ok<{ cancelRedemption: RedemptionT }>(CANCEL_REDEMPTION, { id: redemption.id, reason: '拿错了' })
    ).cancelRedemption;
    expect(cancelled).toMatchObject({ id: redemption.id, status: 'CANCELLED' });
    expect(await balanceOf(volunteer, d.ids.volunteer)).toEqual({
      minutes: start.minutes + 90,
      points: start.points + 15,
    });
    expect((await product(clerk, d.siteId, eggs.name)).stock).toBe(eggs.stock + 2);
    const twice = await clerk.fails(CANCEL_REDEMPTION, { id: redemption.id, reason: '再退一次' });
    expect(twice.extensions?.code).toBe('CONFLICT');
    expect((await balanceOf(volunteer, d.ids.volunteer)).points).toBe(start.points + 15);
    expect((await product(clerk, d.siteId, eggs.name)).stock).toBe(eggs.stock + 2);
  });

  it('a towel redeemed at the counter by the clerk stays redeemed', async () => {
    const towel = await product(clerk, d.siteId, '毛巾');
    const r = await redeem(clerk, d.ids.volunteer, [{ productId: towel.id, quantity: 1 }]);
    expect(r.totalPoints).toBe(towel.pointsPrice);
    expect((await balanceOf(volunteer, d.ids.volunteer)).points).toBe(start.points + 15 - towel.pointsPrice);
  });

  it('a recorded visit moves the elder out of the unvisited list and raises the rate', async () => {
    const before = (await coordinator.ok<{ visitCoverage: Coverage }>(COVERAGE, { siteId: d.siteId, month }))
      .visitCoverage;
    // Due: the five demo elders of tier A or B (郑秀兰 is C, visited quarterly); the demo's visit
    // duty has visited one of them today already.
    expect(before).toMatchObject({ month, dueCount: 5 });
    expect(before.unvisited.map((m) => m.name)).toContain('赵玉梅');
    const visit = await coordinator.ok<{ recordVisit: { id: string; elder: { id: string }; followUpNeeded: boolean } }>(
      `mutation ($input: RecordVisitInput!) { recordVisit(input: $input) { id elder { id } followUpNeeded } }`,
      {
        input: {
          elderId: d.ids.elder,
          visitedAt: hoursFromNow(-0.01),
          note: '身体不错，家里米不多了',
          followUpNeeded: true,
        },
      },
    );
    expect(visit.recordVisit).toMatchObject({ elder: { id: d.ids.elder }, followUpNeeded: true });
    const after = (await coordinator.ok<{ visitCoverage: Coverage }>(COVERAGE, { siteId: d.siteId, month }))
      .visitCoverage;
    expect(after).toMatchObject({ dueCount: 5, visitedCount: before.visitedCount + 1 });
    expect(after.rate).toBeCloseTo((before.visitedCount + 1) / 5);
    expect(after.unvisited.map((m) => m.name)).not.toContain('赵玉梅');
    expect(after.unvisited).toHaveLength(before.unvisited.length - 1);
  });

  it("the site's monthly report shows the minutes, the points and the visit rate", async () => {
    const towel = await product(coordinator, d.siteId, '毛巾');
    const report = (
      await coordinator.ok<{ siteReport: Record<string, unknown> }>(REPORT_Q, { siteId: d.siteId, month })
    ).siteReport;
    expect(report).toMatchObject({
      month,
      serviceMinutes: 90,
      activeVolunteers: 1,
      needsCompleted: 1,
      pointsIssued: 15,
      // The cancelled eggs do not count; the towel does.
      pointsRedeemed: towel.pointsPrice,
    });
    expect(report.needsPosted).toBeGreaterThanOrEqual(1);
    // The same rate as the visit coverage: the demo duty's visit and the one recorded above.
    const coverage = (await coordinator.ok<{ visitCoverage: Coverage }>(COVERAGE, { siteId: d.siteId, month }))
      .visitCoverage;
    expect(coverage.visitedCount).toBeGreaterThanOrEqual(1);
    expect(report.visitRate).toBeCloseTo(coverage.visitedCount / 5);
  });
});
