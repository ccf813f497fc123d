// The benchmark's county generator on a small county: it loads every table through COPY with the
// triggers off, so the kept monthly figures must be rebuilt from the rows at the end; the ledger's
// invariants, that one included, hold on what it wrote, and the reports read real figures.
import { checkInvariants, reportQueries } from '@huzhu/db';
import { hasPostgres, openTestDb, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../bench/county/generate';

describe.runIf(hasPostgres())('the county generator (PostgreSQL: it streams COPY)', () => {
  let handle: TestDb;
  beforeAll(async () => {
    handle = await openTestDb('postgres');
  });
  afterAll(async () => {
    await handle.close();
  });

  it('fills a small county whose ledger and monthly figures hold, and reports read them', async () => {
    const result = await generate({ url: handle.url!, sites: 3, members: 300, months: 3, progress: false });
    expect(result.invariantsHold).toBe(true);
    expect(result.transfers).toBeGreaterThan(100);
    const failing = (await checkInvariants(handle.db)).filter((r) => !r.holds).map((r) => r.name);
    expect(failing).toEqual([]);
    // Some month of some site has confirmed service and points in its kept figures.
    const [busiest] = (await handle.sql!`
      select to_char(month, 'YYYY-MM-DD') as month from site_months order by service_minutes desc limit 1`) as unknown as [
      { month: string },
    ];
    const figures = await reportQueries.siteFigures(handle.db, busiest!.month);
    expect(figures).toHaveLength(3);
    expect(figures.reduce((n, f) => n + f.serviceMinutes, 0)).toBeGreaterThan(0);
    expect(figures.reduce((n, f) => n + f.pointsIssued, 0)).toBeGreaterThan(0);
  });
});
