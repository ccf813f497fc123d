// The data the claims_closed_and_unfinished_needs migration mends, on both engines: needs that an
// earlier rule marked COMPLETED though every claim on them was rejected come back FILLED, out of
// their month's completed count (the kept figures follow, so `pnpm ledger:check` still holds), and
// a cancelled need's rejected claims close. Its data statements run again here on rows written the
// old way; they touch nothing else, so running them twice is safe.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from './open';
import { checkInvariants } from './queries/invariants.queries';
import { insertMember } from './queries/members.queries';
import { siteFigures } from './queries/reports.queries';
import { insertSite } from './queries/sites.queries';
import { claims, needs } from './schema/index';
import { openTestDb, testEngines, type TestDb } from './testing';

/** The migration's statements that change rows (its ALTERs ran when the database was opened). */
function dataStatements(): string[] {
  const file = readdirSync(migrationsFolder).find((f) => f.endsWith('_claims_closed_and_unfinished_needs.sql'));
  if (!file) throw new Error('migration claims_closed_and_unfinished_needs not found');
  return readFileSync(join(migrationsFolder, file), 'utf8')
    .split('--> statement-breakpoint')
    .map((s) => s.trim())
    .filter((s) => !s.startsWith('ALTER TABLE'));
}

describe.each(testEngines())('the unfinished-needs migration on %s', (engine) => {
  let handle: TestDb;
  beforeAll(async () => {
    handle = await openTestDb(engine);
  });
  afterAll(() => handle.close());

  it('un-completes the needs whose every claim was rejected and closes the rejected claims of cancelled needs', async () => {
    const db = handle.db;
    const at = new Date('2026-11-10T02:00:00Z');
    const { site, rejectedNeed, servedNeed, cancelledNeed, cancelledClaim } = await db.transaction(async (tx) => {
      const site = await insertSite(tx, { name: '旧数据村', county: '平江县', village: '旧数据村' });
      const elder = await insertMember(tx, { siteId: site.id, name: '老人' }, ['ELDER']);
      const volunteer = await insertMember(tx, { siteId: site.id, name: '志愿者' }, ['VOLUNTEER']);
      const need = (status: 'COMPLETED' | 'CANCELLED') =>
        tx
          .insert(needs)
          .values({
            siteId: site.id,
            title: '旧需求',
            category: 'ERRAND',
            beneficiaryId: elder.id,
            startsAt: at,
            estimatedMinutes: 60,
            status,
            createdAt: at,
            ...(status === 'COMPLETED' ? { completedAt: at } : { cancelledAt: at, cancelReason: '取消' }),
          })
          .returning()
          .then((r) => r[0]!);
      const rejected = (needId: number) =>
        tx
          .insert(claims)
          .values({
            needId,
            volunteerId: volunteer.id,
            status: 'REJECTED',
            reportedMinutes: 60,
            rejectReason: '没有来',
            settledAt: at,
          })
          .returning()
          .then((r) => r[0]!);
      // Completed the old way: its only claim rejected.
      const rejectedNeed = await need('COMPLETED');
      await rejected(rejectedNeed.id);
      // Completed with service confirmed: stays as it is.
      const servedNeed = await need('COMPLETED');
      await tx.insert(claims).values({
        needId: servedNeed.id,
        volunteerId: volunteer.id,
        status: 'CONFIRMED',
        reportedMinutes: 60,
        confirmedMinutes: 60,
        pointsAwarded: 10,
        settledAt: at,
      });
      const cancelledNeed = await need('CANCELLED');
      const cancelledClaim = await rejected(cancelledNeed.id);
      return { site, rejectedNeed, servedNeed, cancelledNeed, cancelledClaim };
    });
    const completed = async () => (await siteFigures(db, '2026-11-01', site.id))[0]!.needsCompleted;
    expect(await completed()).toBe(2);

    await db.transaction(async (tx) => {
      for (const statement of dataStatements()) await tx.execute(sql.raw(statement));
    });

    const needOf = async (id: number) => (await db.select().from(needs).where(eq(needs.id, id)))[0]!;
    expect(await needOf(rejectedNeed.id)).toMatchObject({ status: 'FILLED', completedAt: null });
    expect(await needOf(servedNeed.id)).toMatchObject({ status: 'COMPLETED', completedAt: at });
    expect((await needOf(cancelledNeed.id)).status).toBe('CANCELLED');
    const [closed] = await db.select().from(claims).where(eq(claims.id, cancelledClaim.id));
    expect(closed).toMatchObject({ status: 'REJECTED', closedAt: at });
    expect(await completed()).toBe(1);
    expect((await checkInvariants(db)).filter((r) => !r.holds)).toEqual([]);
  });
});
