// Instants come back from the database as the instants that were written, to the millisecond,
// whatever time zone the session shows them in (PostgreSQL writes "2026-10-05 08:12:33.123+05:30"
// and the driver reads that text back), on both engines. Visits near midnight and month ends
// count for the right month only if this holds.
import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sites } from './schema/index';
import { rowsOf } from './queries/invariants.queries';
import { openTestDb, testEngines, type TestDb } from './testing';

const runs = Number(process.env.FC_RUNS ?? 40);
// Whole-hour, half-hour and negative offsets, and the day line; whole minutes since 1950 in each.
const ZONES = ['UTC', 'Asia/Shanghai', 'Asia/Kolkata', 'America/St_Johns', 'America/New_York', 'Pacific/Kiritimati'];

describe.each(testEngines())('timestamps on %s', (engine) => {
  let handle: TestDb;
  let siteId: number;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    const [row] = await handle.db.insert(sites).values({ name: 'timestamps', county: 'test' }).returning();
    siteId = row!.id;
  });
  afterAll(() => handle?.close());

  const readBack = (at: Date, zone: string) =>
    handle.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('TimeZone', ${zone}, true)`);
      await tx.update(sites).set({ createdAt: at }).where(eq(sites.id, siteId));
      const [row] = await tx.select({ createdAt: sites.createdAt }).from(sites).where(eq(sites.id, siteId));
      return row!.createdAt;
    });

  it('reads back every instant as written, in every time zone', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.date({
          min: new Date('1950-01-01T00:00:00Z'),
          max: new Date('2100-12-31T23:59:59.999Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(...ZONES),
        async (at, zone) => {
          expect((await readBack(at, zone)).toISOString()).toBe(at.toISOString());
        },
      ),
      { numRuns: runs },
    );
  });

  it('keeps the millisecond and the day across offsets and month ends', async () => {
    for (const iso of [
      '2026-10-31T23:59:59.999Z',
      '2026-02-28T16:00:00.001Z',
      '2024-02-29T10:30:00.500Z',
      '2000-01-01T00:00:00.000Z',
    ]) {
      for (const zone of ZONES) expect((await readBack(new Date(iso), zone)).toISOString(), zone).toBe(iso);
    }
  });

  it('shows PostgreSQL writing the session offset and the fraction', async () => {
    await handle.db
      .update(sites)
      .set({ createdAt: new Date('2026-10-05T02:42:33.123Z') })
      .where(eq(sites.id, siteId));
    const text = await handle.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('TimeZone', 'Asia/Kolkata', true)`);
      const r = await tx.execute(sql`select created_at::text as t from sites where id = ${siteId}`);
      return rowsOf(r)[0] as { t: string };
    });
    expect(text.t).toBe('2026-10-05 08:12:33.123+05:30');
  });
});
