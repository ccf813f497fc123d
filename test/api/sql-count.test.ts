// N+1: listing needs with their beneficiaries and their claims' volunteers costs the same number
// of SQL statements for 11 needs as for 50 (per-request DataLoaders), counted through onQuery.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthIn, targets, PHONES, startTestServer, type Client, type TestServer } from './support/harness';
import { CLAIM_NEED, confirmedService, demo, postNeed, type Demo } from './support/ops';

const LIST = `query ($s: ID!) {
  needs(siteId: $s, first: 50) { edges { node { beneficiary { name } claims { volunteer { name } } } } }
}`;

interface Page {
  needs: { edges: { node: { beneficiary: { name: string }; claims: { volunteer: { name: string } }[] } }[] };
}

describe.each(targets())('SQL statements per needs page on $name', (on) => {
  let s: TestServer;
  let d: Demo;
  let coordinator: Client;
  let volunteers: Client[];
  let posted = 0;

  /** Posts `count` needs starting before the demo ones, each claimed by two volunteers. */
  async function postClaimed(count: number) {
    const elders = [d.ids.elder, d.ids.sun, d.ids.zhou];
    for (let i = 0; i < count; i++, posted++) {
      const need = await postNeed(coordinator, {
        siteId: d.siteId,
        beneficiaryId: elders[posted % elders.length]!,
        slots: 2,
        startsAt: new Date(Date.now() + 3_600_000 + posted * 60_000).toISOString(),
      });
      for (const v of [volunteers[posted % 4]!, volunteers[(posted + 1) % 4]!]) await v.ok(CLAIM_NEED, { id: need.id });
    }
  }

  /** Statements the server runs for one request of the page, as the coordinator. */
  async function countPage(): Promise<{ statements: number; page: Page }> {
    s.sql.reset();
    const page = await coordinator.ok<Page>(LIST, { s: d.siteId });
    return { statements: s.sql.count, page };
  }

  beforeAll(async () => {
    s = await startTestServer(on);
    d = await demo(s);
    coordinator = await s.as(PHONES.coordinator);
    volunteers = await Promise.all(
      [PHONES.volunteer, PHONES.volunteer2, PHONES.volunteer3, PHONES.volunteerElder].map((p) => s.as(p)),
    );
  });
  afterAll(() => s?.close());

  it('the same count for 11 needs as for 50, each with beneficiary and claimed volunteers', async () => {
    // The demo village's open needs: six, and its two recurring ones' days of the next two weeks.
    const demoNeeds = (await countPage()).page.needs.edges.length;
    await postClaimed(5);
    const small = await countPage();
    expect(small.page.needs.edges).toHaveLength(5 + demoNeeds);
    expect(small.page.needs.edges.flatMap((e) => e.node.claims)).toHaveLength(10);

    await postClaimed(50);
    const large = await countPage();
    expect(large.page.needs.edges).toHaveLength(50);
    const claims = large.page.needs.edges.flatMap((e) => e.node.claims);
    expect(claims).toHaveLength(100);
    expect(new Set(claims.map((c) => c.volunteer.name))).toEqual(new Set(['张建国', '刘桂兰', '陈志明', '黄淑珍']));

    expect(large.statements, large.statements > small.statements ? s.sql.statements.join('\n') : '').toBe(
      small.statements,
    );
    // One statement: the page with its beneficiaries, its total, and each need's claims with their
    // volunteers. (The coordinator's member and roles are kept from the requests before.)
    expect(small.statements, s.sql.statements.join('\n')).toBe(1);
  });

  it('counts the same total on the first page (one statement) as on a later one (counted apart)', async () => {
    const PAGE = `query ($s: ID!, $after: String) {
      needs(siteId: $s, first: 7, after: $after) { totalCount edges { node { id } } pageInfo { endCursor hasNextPage } }
    }`;
    type P = {
      needs: {
        totalCount: number;
        edges: { node: { id: string } }[];
        pageInfo: { endCursor: string; hasNextPage: boolean };
      };
    };
    const seen: string[] = [];
    const totals: number[] = [];
    let after: string | null = null;
    do {
      const page: P = await coordinator.ok<P>(PAGE, { s: d.siteId, after });
      totals.push(page.needs.totalCount);
      seen.push(...page.needs.edges.map((e) => e.node.id));
      after = page.needs.pageInfo.hasNextPage ? page.needs.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(totals.length).toBeGreaterThan(2);
    expect(new Set(totals)).toEqual(new Set([seen.length]));
  });
});

describe.each(targets())("SQL statements for a member's own page on $name", (on) => {
  let s: TestServer;
  const OWN = `query ($first: Int!, $after: String) { viewer {
    balance { minutes points }
    transfers(first: $first, after: $after) { totalCount edges { node { id amount unit } } pageInfo { endCursor hasNextPage } }
  } }`;
  const HISTORY = `query ($first: Int!) { viewer { transfers(first: $first) { totalCount edges { node { id amount unit } } } } }`;
  type Own = {
    viewer: {
      balance: { minutes: number; points: number };
      transfers: {
        totalCount: number;
        edges: { node: { id: string; amount: number; unit: string } }[];
        pageInfo: { endCursor: string; hasNextPage: boolean };
      };
    };
  };

  beforeAll(async () => {
    s = await startTestServer(on);
    const d = await demo(s);
    // Give the volunteer a history of several transfers: three confirmed services.
    const coordinator = await s.as(PHONES.coordinator);
    const volunteer = await s.as(PHONES.volunteer);
    for (let i = 0; i < 3; i++) {
      await confirmedService(coordinator, volunteer, { siteId: d.siteId, beneficiaryId: d.ids.zhou }, 30 + i);
    }
  });
  afterAll(() => s?.close());

  it('balance and the newest transfers in one statement, the same as paging through them', async () => {
    const volunteer = await s.as(PHONES.volunteer);
    await volunteer.ok(OWN, { first: 1 }); // the volunteer's member and roles are then kept
    s.sql.reset();
    const first = await volunteer.ok<Own>(OWN, { first: 2 });
    expect(s.sql.count, s.sql.statements.join('\n')).toBe(1);

    const all = await volunteer.ok<Own>(HISTORY, { first: 100 });
    const ids = all.viewer.transfers.edges.map((e) => e.node.id);
    expect(ids.length).toBeGreaterThanOrEqual(6); // minutes and points for each service
    expect(first.viewer.transfers.totalCount).toBe(ids.length);
    expect(first.viewer.transfers.edges.map((e) => e.node)).toEqual(
      all.viewer.transfers.edges.slice(0, 2).map((e) => e.node),
    );
    expect(first.viewer.transfers.pageInfo.hasNextPage).toBe(true);
    // Paging on from the first page walks the rest, in order, each once.
    const walked = first.viewer.transfers.edges.map((e) => e.node.id);
    let after: string | null = first.viewer.transfers.pageInfo.endCursor;
    while (after) {
      const next: Own = await volunteer.ok<Own>(OWN, { first: 2, after });
      walked.push(...next.viewer.transfers.edges.map((e) => e.node.id));
      after = next.viewer.transfers.pageInfo.hasNextPage ? next.viewer.transfers.pageInfo.endCursor : null;
    }
    expect(walked).toEqual(ids);
    // The balance is the accounts' own: minutes and points credited, nothing spent.
    const minutes = all.viewer.transfers.edges.filter((e) => e.node.unit === 'MINUTES');
    expect(first.viewer.balance.minutes).toBeGreaterThanOrEqual(30 + 31 + 32);
    expect(minutes.length).toBeGreaterThanOrEqual(3);
  });

  it('a member without a single transfer: zero balances and an empty history', async () => {
    const clerk = await s.as(PHONES.clerk);
    const own = await clerk.ok<Own>(OWN, { first: 20 });
    expect(own.viewer.balance).toEqual({ minutes: 0, points: 0 });
    expect(own.viewer.transfers).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false } });
  });
});

describe.each(targets())('SQL statements for every site’s report with its family figures on $name', (on) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(on);
  });
  afterAll(() => s?.close());

  const REPORTS = (family: boolean) => `query ($m: String!) { siteReports(month: $m) { site { id } serviceMinutes
    ${family ? 'giftMinutesOut giftMinutesIn carePoolDonations withdrawalMinutesIn withdrawalMinutesOwed' : ''} } }`;
  type Row = { site: { id: string }; serviceMinutes: number; carePoolDonations?: number };

  it('one statement more for the family figures of all sites, not one a site, each the same as the site’s own report', async () => {
    const admin = await s.as(PHONES.admin);
    const month = monthIn('Asia/Shanghai');
    // A donation to the demo village's care pool, so one site's figures are not all zeros.
    const volunteer = await s.as(PHONES.volunteer);
    await volunteer.ok('mutation ($k: String!) { donateToCarePool(minutes: 25, idempotencyKey: $k) { id } }', {
      k: `sql-count-${Date.now()}`,
    });
    await admin.ok(REPORTS(false), { m: month }); // the admin's member and roles are then kept
    s.sql.reset();
    const plain = await admin.ok<{ siteReports: Row[] }>(REPORTS(false), { m: month });
    const without = s.sql.count;
    s.sql.reset();
    const withFamily = await admin.ok<{ siteReports: Row[] }>(REPORTS(true), { m: month });
    expect(plain.siteReports.length).toBeGreaterThanOrEqual(2);
    expect(s.sql.count, s.sql.statements.join('\n')).toBe(without + 1);
    // The batch gives each site what its own report gives it.
    for (const row of withFamily.siteReports) {
      const own = await admin.ok<{ siteReport: Row }>(
        `query ($s: ID!, $m: String!) { siteReport(siteId: $s, month: $m) { site { id } serviceMinutes
          giftMinutesOut giftMinutesIn carePoolDonations withdrawalMinutesIn withdrawalMinutesOwed } }`,
        { s: row.site.id, m: month },
      );
      expect(row).toEqual(own.siteReport);
    }
    expect(withFamily.siteReports.map((r) => r.carePoolDonations)).toContain(25);
  });
});
