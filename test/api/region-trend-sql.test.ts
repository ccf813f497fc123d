// The chart of a region's months costs one SQL statement however many months it spans: the
// report with its trend runs exactly one statement more than the report alone, counted through
// onQuery, for 12 months as for 36.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { targets, PHONES, monthIn, startTestServer, type Client, type TestServer } from './support/harness';
import { demo } from './support/ops';

const BARE = `query ($m: String!) { regionReport(month: $m) { month dueCount } }`;
const WITH_TREND = `query ($m: String!, $n: Int!) {
  regionReport(month: $m) { month dueCount trend(months: $n) { month dueCount visitedCount visitRate serviceMinutes pointsIssued pointsRedeemed } }
}`;

interface Trend {
  regionReport: { trend: { month: string; visitRate: number | null }[] };
}

describe.each(targets())('SQL statements for a region’s chart on $name', (on) => {
  let s: TestServer;
  let admin: Client;
  const month = monthIn();

  beforeAll(async () => {
    s = await startTestServer(on);
    await demo(s);
    admin = await s.as(PHONES.admin);
    // Warm: the admin's member and roles are kept from the requests before.
    await admin.ok(BARE, { m: month });
  });
  afterAll(() => s?.close());

  async function count(query: string, variables: Record<string, unknown>) {
    s.sql.reset();
    const data = await admin.ok<unknown>(query, variables);
    return { statements: [...s.sql.statements], data };
  }

  it('adds one statement for the trend, for 12 months as for 36', async () => {
    const bare = await count(BARE, { m: month });
    const twelve = await count(WITH_TREND, { m: month, n: 12 });
    const more = await count(WITH_TREND, { m: month, n: 36 });
    expect((twelve.data as Trend).regionReport.trend).toHaveLength(12);
    expect((more.data as Trend).regionReport.trend).toHaveLength(36);
    expect(twelve.statements.length, twelve.statements.join('\n')).toBe(bare.statements.length + 1);
    expect(more.statements.length, more.statements.join('\n')).toBe(twelve.statements.length);
    expect(twelve.statements.filter((q) => q.includes('generate_series'))).toHaveLength(1);
  });
});
