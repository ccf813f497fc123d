// The server process dies with SIGKILL (the OOM killer, a pulled plug) in the middle of 200
// concurrent confirmations and redemptions, and is started again on the same database. Every
// client then retries with its own key: what a village coordinator's phone does after a timeout.
// Needs real PostgreSQL: TEST_DATABASE_URL (a fresh database on it) or a cluster of our own.
import { afterAll, describe, expect, it } from 'vitest';
import { findings, rowsPerKey, withSql } from './support/ledger-sql';
import { freshDatabase, realPostgresAvailable, type FreshDb } from './support/fresh-db';
import { freePort } from './support/own-postgres';
import { ledgerCheck, spawnServer, type ServerProcess } from './support/server-process';
import {
  STOCK,
  balances,
  confirmOp,
  expectedBalances,
  fund,
  inParallel,
  redeemOp,
  reportedClaims,
  sendOnce,
  sendWithRetry,
  village,
  type KeyedOp,
  type Outcome,
} from './support/workload';

const CONFIRMATIONS = 120;
const REDEMPTIONS = 80;
/** SIGKILL once this many answers have come back: well inside the 200, with plenty in flight. */
const KILL_AFTER = 30;

describe.runIf(realPostgresAvailable())('SIGKILL during 200 concurrent confirmations and redemptions', () => {
  let db: FreshDb | undefined;
  let server: ServerProcess | undefined;

  afterAll(async () => {
    await server?.kill();
    await db?.close();
  });

  it('loses nothing and pays nothing twice: every retry gets the original answer', async () => {
    db = await freshDatabase();
    const port = await freePort();
    server = await spawnServer({ databaseUrl: db.url, port });
    const v = await village(server.url);
    await fund(v);
    const claims = await reportedClaims(v, CONFIRMATIONS);
    const before = await balances(v);

    // Confirmations and redemptions interleaved, each redemption for one volunteer's points.
    const ops: KeyedOp[] = [];
    for (let i = 0; i < CONFIRMATIONS + REDEMPTIONS; i++) {
      const confirm = i % 5 < 3 ? claims[Math.floor(i / 5) * 3 + (i % 5)] : undefined;
      const member = v.volunteers[i % v.volunteers.length]!;
      ops.push(confirm ? confirmOp(v, confirm) : redeemOp(v, member.id, v.productIds[i % 2]!));
    }
    expect(ops.filter((o) => o.kind === 'confirm')).toHaveLength(CONFIRMATIONS);

    // All 200 at once; the kill comes from inside the KILL_AFTER-th answer's callback.
    const victim = server;
    let settled = 0;
    let answered = 0;
    let inFlightAtKill = -1;
    const first = await Promise.all(
      ops.map(async (op) => {
        const attempt = await sendOnce(victim.url, op);
        settled++;
        if ('answer' in attempt && ++answered === KILL_AFTER) {
          inFlightAtKill = ops.length - settled;
          victim.signal('SIGKILL');
        }
        return attempt;
      }),
    );
    const exit = await victim.exited;
    await victim.kill();
    expect(exit.signal).toBe('SIGKILL');
    expect(inFlightAtKill).toBeGreaterThan(100);
    const firstAnswers = first.map((a) => ('answer' in a ? a.answer : undefined));
    const unanswered = firstAnswers.filter((a) => a === undefined).length;
    expect(unanswered).toBeGreaterThan(0);

    // What the database kept at the moment of death: some unanswered requests did commit.
    const committed = await withSql(db.url, async (query) => {
      const rows = await query(`
        select (select count(*) from claims where confirm_key like 'fault-confirm-%')::int
             + (select count(*) from redemptions where idempotency_key like 'redeem:%:fault-redeem-%')::int as n`);
      return Number(rows[0]!.n);
    });
    const answeredFirst = ops.length - unanswered;
    expect(committed).toBeGreaterThanOrEqual(answeredFirst);

    // The invariants hold before anyone retries: a killed process leaves no half-written request.
    expect((await ledgerCheck(db.url)).code).toBe(0);
    expect(await findings(db.url, STOCK)).toEqual({ duplicateKeys: [], halfApplied: [], stockMismatch: [] });

    // Started again on the same database and port; every client retries with the key it used.
    server = await spawnServer({ databaseUrl: db.url, port });
    const restarted = server;
    const deadline = Date.now() + 60_000;
    const retries: Outcome[] = await inParallel(ops, 20, (op) => sendWithRetry(restarted.url, op, deadline));
    expect(retries.filter((o) => !o.answer).map((o) => o.failures)).toEqual([]);
    // Those answered before the kill get the very same answer (same claim, same redemption id).
    const mismatched = ops.flatMap((op, i) =>
      firstAnswers[i] && firstAnswers[i].summary !== retries[i]!.answer?.summary
        ? [{ key: op.key, first: firstAnswers[i].summary, retry: retries[i]!.answer?.summary }]
        : [],
    );
    expect(mismatched).toEqual([]);
    // Every confirmation confirmed its claim, every redemption handed out one item for one point.
    expect(retries.filter((o) => o.op.kind === 'confirm' && !o.answer!.summary.includes('|CONFIRMED|30|5'))).toEqual(
      [],
    );
    expect(retries.filter((o) => o.op.kind === 'redeem' && !o.answer!.summary.includes('|COMPLETED|1|'))).toEqual([]);

    // Each key is stored exactly once, and balances moved exactly once per key.
    const perKey = await rowsPerKey(db.url, retries);
    expect([...perKey].filter(([, n]) => n !== 1)).toEqual([]);
    expect(await balances(v)).toEqual(expectedBalances(before, retries));
    expect((await ledgerCheck(db.url)).code).toBe(0);
    expect(await findings(db.url, STOCK)).toEqual({ duplicateKeys: [], halfApplied: [], stockMismatch: [] });

    const retried = retries.filter((o, i) => !firstAnswers[i] && o.answer).length;
    console.log(
      `sigkill: ${inFlightAtKill} of ${ops.length} requests in flight at the kill; ` +
        `${answeredFirst} answered before it; ${committed - answeredFirst} committed but unanswered; ` +
        `${retried} keys retried to an answer, ${answeredFirst} replayed to the same answer`,
    );
  });
});
