// The rules behind "no dead ends", over real HTTP on each engine: service cannot happen before it
// is scheduled (a check-in 3 hours early is refused in the reader's language, naming the start on
// the site's clock, and writes nothing); a report over twice the estimate reaches the queue
// flagged, with the estimate beside it; a rejected volunteer reads the reason and reports again;
// a need whose every claim was rejected is neither completed nor counted, and its coordinator
// reopens it; a new site with no elders has no visit rate.
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
  CHECK_IN,
  CLAIM_NEED,
  CONFIRM,
  REPORT,
  claimUpTo,
  demo,
  postNeed,
  type ClaimT,
  type Demo,
} from './support/ops';

const QUEUE = `query ($s: ID!) { claims(siteId: $s, status: REPORTED, first: 100) {
  edges { node { id overEstimate reportedMinutes rejectReason need { estimatedMinutes } } } } }`;
const MY_CLAIMS = `{ viewer { claims(first: 100) { edges { node { id status rejectReason closedAt } } } } }`;
const REJECT = 'mutation ($id: ID!, $r: String!) { rejectService(claimId: $id, reason: $r) { id status } }';
const REOPEN = 'mutation ($id: ID!) { reopenNeed(id: $id) { id status openSlots } }';
const NEED_Q = 'query ($id: ID!) { need(id: $id) { status openSlots } }';
const COMPLETED = 'query ($s: ID!, $m: String!) { siteReport(siteId: $s, month: $m) { needsCompleted } }';

/** "09:30", the start's hour and minute on the demo village's clock (Asia/Shanghai). */
function clockOf(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

describe.each(targets())('no dead ends on $name', (on) => {
  let s: TestServer;
  let d: Demo;
  let coordinator: Client;
  let volunteer: Client;
  const month = monthIn();
  const completed = async () =>
    (await coordinator.ok<{ siteReport: { needsCompleted: number } }>(COMPLETED, { s: d.siteId, m: month })).siteReport
      .needsCompleted;

  beforeAll(async () => {
    s = await startTestServer(on);
    d = await demo(s);
    coordinator = await s.as(PHONES.coordinator);
    volunteer = await s.as(PHONES.volunteer);
  });
  afterAll(() => s?.close());

  it('refuses a check-in 3 hours early in Chinese and in English, naming the start, and writes nothing', async () => {
    const startsAt = hoursFromNow(3);
    const need = await postNeed(coordinator, { siteId: d.siteId, beneficiaryId: d.ids.elder, startsAt });
    const claim = await claimUpTo(volunteer, need.id, 'CLAIMED');
    const before = await s.snapshot();
    const zh = await volunteer.fails(CHECK_IN, { id: claim.id });
    expect(zh.extensions?.code).toBe('CONFLICT');
    expect(zh.message).toContain('签到');
    expect(zh.message).toContain(clockOf(startsAt));
    const en = await (await s.as(PHONES.volunteer, 'en')).fails(CHECK_IN, { id: claim.id });
    expect(en.message).toMatch(/^Too early to check in/);
    expect(en.message).toContain(clockOf(startsAt));
    expect(await s.snapshot()).toEqual(before);

    // Within 2 hours of the start the check-in goes through; the report waits for the start.
    const soon = await postNeed(coordinator, {
      siteId: d.siteId,
      beneficiaryId: d.ids.elder,
      startsAt: hoursFromNow(1),
    });
    const checkedIn = await claimUpTo(volunteer, soon.id, 'CHECKED_IN');
    expect(checkedIn.status).toBe('CHECKED_IN');
    const early = await volunteer.fails(REPORT, { id: checkedIn.id, m: 30 });
    expect(early.extensions?.code).toBe('CONFLICT');
    expect(early.message).toContain('上报');
  });

  it('flags a report over twice the estimate in the queue; the rejected volunteer reads why and reports again', async () => {
    const need = await postNeed(coordinator, { siteId: d.siteId, beneficiaryId: d.ids.elder, estimatedMinutes: 60 });
    const claim = await claimUpTo(volunteer, need.id, 'REPORTED', 150);
    type Queue = {
      claims: {
        edges: {
          node: {
            id: string;
            overEstimate: boolean;
            reportedMinutes: number;
            rejectReason: string | null;
            need: { estimatedMinutes: number };
          };
        }[];
      };
    };
    const queued = async () =>
      (await coordinator.ok<Queue>(QUEUE, { s: d.siteId })).claims.edges.find((e) => e.node.id === claim.id)?.node;
    expect(await queued()).toEqual({
      id: claim.id,
      overEstimate: true,
      reportedMinutes: 150,
      rejectReason: null,
      need: { estimatedMinutes: 60 },
    });
    await coordinator.ok(REJECT, { id: claim.id, r: '老人说只做了一个小时' });
    const completedBefore = await completed();

    type Mine = { viewer: { claims: { edges: { node: { id: string; status: string; rejectReason: string } }[] } } };
    const mine = (await volunteer.ok<Mine>(MY_CLAIMS)).viewer.claims.edges.find((e) => e.node.id === claim.id)!.node;
    expect(mine).toMatchObject({ status: 'REJECTED', rejectReason: '老人说只做了一个小时' });
    // Every claim rejected: the need is not completed.
    expect((await coordinator.ok<{ need: { status: string } }>(NEED_Q, { id: need.id })).need.status).toBe('FILLED');

    const again = (await volunteer.ok<{ reportService: ClaimT }>(REPORT, { id: claim.id, m: 60 })).reportService;
    expect(again).toMatchObject({ status: 'REPORTED', reportedMinutes: 60 });
    expect(await queued()).toMatchObject({ overEstimate: false, rejectReason: '老人说只做了一个小时' });
    await coordinator.ok(CONFIRM, { id: claim.id, key: idemKey('again') });
    expect((await coordinator.ok<{ need: { status: string } }>(NEED_Q, { id: need.id })).need.status).toBe('COMPLETED');
    expect(await completed()).toBe(completedBefore + 1);
  });

  it('counts no need whose every claim was rejected, and lets its coordinator reopen it, twice safely', async () => {
    const need = await postNeed(coordinator, { siteId: d.siteId, beneficiaryId: d.ids.elder });
    const claim = await claimUpTo(volunteer, need.id, 'REPORTED', 60);
    const completedBefore = await completed();
    await coordinator.ok(REJECT, { id: claim.id, r: '没有见到人' });
    expect(await completed()).toBe(completedBefore);

    const refused = await volunteer.fails(REOPEN, { id: need.id });
    expect(refused.extensions?.code).toBe('FORBIDDEN');
    const first = await coordinator.ok<{ reopenNeed: { status: string; openSlots: number } }>(REOPEN, { id: need.id });
    expect(first.reopenNeed).toMatchObject({ status: 'OPEN', openSlots: 1 });
    const before = await s.snapshot();
    const second = await coordinator.ok<{ reopenNeed: { status: string } }>(REOPEN, { id: need.id });
    expect(second.reopenNeed.status).toBe('OPEN');
    expect(await s.snapshot()).toEqual(before);

    // The closed claim cannot be reported again; another volunteer may claim the need.
    const closed = await volunteer.fails(REPORT, { id: claim.id, m: 60 });
    expect(closed.extensions?.code).toBe('CONFLICT');
    const other = await s.as(PHONES.volunteer2);
    expect((await other.ok<{ claimNeed: ClaimT }>(CLAIM_NEED, { id: need.id })).claimNeed.status).toBe('CLAIMED');
  });

  it('gives a new site with no elders no visit rate: null, not 100%', async () => {
    const admin = await s.as(PHONES.admin);
    const site = await admin.ok<{ createSite: { id: string } }>(
      'mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }',
      { input: { name: '新开村互助站', region: '平江县/安定镇/新开村', pointsPerHour: 10 } },
    );
    const read = await admin.ok<{ siteReport: { visitRate: number | null }; visitCoverage: { rate: number | null } }>(
      `query ($s: ID!, $m: String!) {
        siteReport(siteId: $s, month: $m) { visitRate }
        visitCoverage(siteId: $s, month: $m) { rate }
      }`,
      { s: site.createSite.id, m: month },
    );
    expect(read).toEqual({ siteReport: { visitRate: null }, visitCoverage: { rate: null } });
  });
});
