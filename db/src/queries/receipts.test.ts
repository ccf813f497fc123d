// Receipt numbers for the points supermarket: numbered by the site's calendar day (either side
// of midnight in Shanghai), with the member's points after each; and the migration that added
// them numbers earlier redemptions exactly as numberReceipt would have.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder, type Database } from '../open';
import { redemptions } from '../schema/index';
import { createLedgerFixture, openTestDb, testEngines, type TestDb } from '../testing';
import { postTransfer } from './ledger.queries';
import { insertRedemption, listRedemptions, numberReceipt, redemptionTotals } from './supermarket.queries';

let seq = 0;

/** The migration's statements that fill in earlier rows (its UPDATEs), as it runs them. */
function backfillStatements(): string[] {
  const file = readdirSync(migrationsFolder).find((f) => f.endsWith('_redemption_receipts.sql'));
  if (!file) throw new Error('the redemption receipts migration is missing');
  return readFileSync(join(migrationsFolder, file), 'utf8')
    .split('--> statement-breakpoint')
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => s.startsWith('UPDATE'));
}

describe.each(testEngines())('receipt numbers on %s', (engine) => {
  let handle: TestDb;
  const db = (): Database => handle.db;

  beforeAll(async () => {
    handle = await openTestDb(engine);
  });
  afterAll(() => handle.close());

  /** Points into the member's account, then a redemption of `points` at `at`, numbered as the service does. */
  async function village() {
    const f = await createLedgerFixture(db(), 2, `receipts-${seq++}`);
    for (const m of f.members) {
      await postTransfer(db(), {
        unit: 'POINTS',
        amount: 1000,
        kind: 'ISSUANCE',
        debitAccountId: f.pool.points,
        creditAccountId: m.points,
        idempotencyKey: `receipts-fund-${seq++}`,
        requestHash: 'x',
      });
    }
    const redeem = (member: (typeof f.members)[number], points: number, at: string) =>
      db().transaction(async (tx) => {
        const row = (await insertRedemption(tx, {
          siteId: f.siteId,
          memberId: member.id,
          totalPoints: points,
          idempotencyKey: `receipts-${seq++}`,
          requestHash: 'x',
          createdAt: new Date(at),
        }))!;
        await postTransfer(tx, {
          unit: 'POINTS',
          amount: points,
          kind: 'REDEMPTION',
          debitAccountId: member.points,
          creditAccountId: f.supermarket,
          idempotencyKey: `redemption:${row.id}:debit`,
          requestHash: 'x',
          redemptionId: row.id,
          siteId: f.siteId,
        });
        return numberReceipt(tx, row.id, member.points);
      });
    return { f, redeem };
  }

  it("numbers receipts by the site's day, either side of midnight, with the points after each", async () => {
    const { f, redeem } = await village();
    const [a, b] = f.members as [(typeof f.members)[0], (typeof f.members)[0]];
    // 23:58 and 23:59 on 1 March in Shanghai, then 00:00 and 00:01 on 2 March.
    const rows = [
      await redeem(a, 10, '2026-03-01T15:58:00Z'),
      await redeem(b, 20, '2026-03-01T15:59:00Z'),
      await redeem(a, 30, '2026-03-01T16:00:00Z'),
      await redeem(b, 40, '2026-03-01T16:01:00Z'),
    ];
    expect(rows.map((r) => [r.receiptDay, r.receiptNo, r.balanceAfter])).toEqual([
      ['2026-03-01', 1, 990],
      ['2026-03-01', 2, 980],
      ['2026-03-02', 1, 960],
      ['2026-03-02', 2, 940],
    ]);
    // The day view is the receipts' day.
    const day2 = await listRedemptions(db(), { siteId: f.siteId, day: '2026-03-02' }, 10);
    expect(day2.map((r) => r.id)).toEqual([rows[3]!.id, rows[2]!.id]);
    expect(await redemptionTotals(db(), { siteId: f.siteId, day: '2026-03-01' })).toEqual({
      count: 2,
      cancelled: 0,
      points: 30,
    });
  });

  it('fills in earlier redemptions as numberReceipt would have, when the migration runs', async () => {
    const { f, redeem } = await village();
    const [a, b] = f.members as [(typeof f.members)[0], (typeof f.members)[0]];
    const made = [
      await redeem(a, 5, '2026-04-10T02:00:00Z'),
      await redeem(b, 6, '2026-04-10T03:00:00Z'),
      await redeem(a, 7, '2026-04-10T17:00:00Z'), // 01:00 on 11 April in Shanghai
      await redeem(a, 8, '2026-04-11T01:00:00Z'),
    ];
    // As the rows were before the migration: no number, no balance after.
    await db().execute(
      sql`update ${redemptions} set receipt_day = null, receipt_no = null, balance_after = null
          where ${redemptions.siteId} = ${f.siteId}`,
    );
    for (const statement of backfillStatements()) await db().execute(sql.raw(statement));
    const after = await listRedemptions(db(), { siteId: f.siteId }, 10);
    const shape = (r: (typeof made)[number]) => [r.id, r.receiptDay, r.receiptNo, r.balanceAfter];
    expect(after.map(shape).reverse()).toEqual(made.map(shape));
    expect(made.map((r) => `${r.receiptDay}#${r.receiptNo}:${r.balanceAfter}`)).toEqual([
      '2026-04-10#1:995',
      '2026-04-10#2:994',
      '2026-04-11#1:988',
      '2026-04-11#2:980',
    ]);
  });
});
