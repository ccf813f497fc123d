// PostgreSQL goes down hard (pg_ctl stop -m immediate: every backend killed mid-statement) while
// the server is under load, and comes back. The server must say so on /healthz, recover by itself,
// and leave no request half-applied. Only a cluster of our own may be stopped: the shared server
// on 5432 serves other engineers' tests, so this file skips when initdb/pg_ctl are not installed.
import { afterAll, describe, expect, it } from 'vitest';
import { findings, rowsPerKey } from './support/ledger-sql';
import { OwnPostgres, freePort, ownPostgresAvailable } from './support/own-postgres';
import { health, ledgerCheck, sleep, spawnServer, waitForHealth, type ServerProcess } from './support/server-process';
import {
  STOCK,
  balances,
  confirmOp,
  expectedBalances,
  fund,
  inParallel,
  redeemOp,
  reportedClaims,
  sendWithRetry,
  village,
  type Outcome,
  type Reported,
  type Village,
} from './support/workload';

const CLIENTS = 4;
/** Keyed requests per client at most; with the deadline below, the load is bounded both ways. */
const MAX_OPS = 60;

interface Load {
  outcomes: (Outcome & { doneAt: number })[];
  reads: { ok: number; failed: number };
}

/** A volunteer's home page: their balance. True when it came back with data. */
async function read(url: string, v: Village, i: number): Promise<boolean> {
  const vol = v.volunteers[i]!;
  try {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${vol.client.token}` },
      body: JSON.stringify({ query: `{ member(id: "${vol.id}") { balance { minutes points } } }` }),
      signal: AbortSignal.timeout(5_000),
    });
    const body = (await res.json()) as { data?: { member?: unknown }; errors?: unknown[] };
    return res.status === 200 && !body.errors && Boolean(body.data?.member);
  } catch {
    return false;
  }
}

/**
 * CLIENTS clients, each reading and then sending one keyed request (a confirmation from the shared
 * queue of reported claims, or a one-point redemption), retried under its key until answered.
 */
function startLoad(url: string, v: Village, queue: Reported[], stop: { now: boolean }, deadline: number) {
  const load: Load = { outcomes: [], reads: { ok: 0, failed: 0 } };
  const client = async (i: number) => {
    for (let n = 0; n < MAX_OPS && !stop.now && Date.now() < deadline; n++) {
      if (await read(url, v, i)) load.reads.ok++;
      else load.reads.failed++;
      const claim = n % 2 === 0 ? queue.shift() : undefined;
      const op = claim ? confirmOp(v, claim) : redeemOp(v, v.volunteers[i]!.id, v.productIds[n % 2]!);
      const outcome = await sendWithRetry(url, op, deadline);
      load.outcomes.push({ ...outcome, doneAt: Date.now() });
    }
  };
  const done = Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
  return { load, done };
}

describe.runIf(ownPostgresAvailable())('PostgreSQL restarts while the server is under load', () => {
  let pg: OwnPostgres | undefined;
  let server: ServerProcess | undefined;

  afterAll(async () => {
    await server?.kill();
    await pg?.destroy();
  });

  it('reports 503, recovers by itself, and applies every request once or not at all', async () => {
    pg = await OwnPostgres.create();
    const databaseUrl = await pg.createDatabase('huzhu');
    server = await spawnServer({ databaseUrl, port: await freePort() });
    const pid = server.child.pid;
    const url = server.url;
    const v = await village(url);
    await fund(v);
    const queue = await reportedClaims(v, 80);
    const before = await balances(v);

    const stop = { now: false };
    // The deadline only cuts a run short on a very slow machine; MAX_OPS bounds a normal one.
    const { load, done } = startLoad(url, v, queue, stop, Date.now() + 240_000);
    // Under load before the outage: at least one keyed request answered (waited for, not slept
    // for, so a slow day's first answers still count).
    await expect.poll(() => load.outcomes.length, { timeout: 60_000, interval: 100 }).toBeGreaterThan(0);
    const answeredBeforeOutage = load.outcomes.length;

    // Down hard. /healthz must notice (its ping gives up after 2 s) and keep saying so.
    const stoppedAt = Date.now();
    await pg.stop('immediate');
    const until503 = Date.now() - stoppedAt + (await waitForHealth(server, 503, 30_000));
    await sleep(1_000);
    // A phone asking meanwhile gets an error promptly, not a request that hangs.
    const askedAt = Date.now();
    expect(await read(url, v, 0)).toBe(false);
    const readFailedIn = Date.now() - askedAt;
    // Promptly: a hung request would wait out postgres-js's 30 s connect timeout. (About 50 ms
    // on a normal day; the bound leaves room for a machine at a quarter of its speed.)
    expect(readFailedIn).toBeLessThan(10_000);
    await sleep(1_000);
    expect(await health(url)).toBe(503);

    // Back up: no one restarts the server; it must find the database again on its own.
    const startedAt = Date.now();
    await pg.start();
    const untilRecovered = Date.now() - startedAt + (await waitForHealth(server, 200, 60_000));
    const recoveredAt = Date.now();
    await sleep(1_500);
    stop.now = true;
    await done;

    expect(server.child.exitCode).toBeNull();
    expect(server.child.pid).toBe(pid);
    // Every request got its answer in the end, and requests succeeded again after the restart.
    expect(load.outcomes.filter((o) => !o.answer).map((o) => o.failures)).toEqual([]);
    const retried = load.outcomes.filter((o) => o.attempts > 1);
    expect(retried.length).toBeGreaterThan(0);
    const afterRecovery = load.outcomes.filter((o) => o.doneAt > recoveredAt && o.attempts === 1);
    expect(afterRecovery.length).toBeGreaterThan(0);

    // Every key sent again now gets the answer it got the first time.
    const replays = await inParallel(load.outcomes, 10, (o) => sendWithRetry(url, o.op, Date.now() + 20_000));
    const differ = replays.filter((r, i) => r.answer?.summary !== load.outcomes[i]!.answer!.summary);
    expect(differ.map((r) => r.op.key)).toEqual([]);

    // No request half-applied, no key twice, and balances moved once per answered request.
    expect((await ledgerCheck(databaseUrl)).code).toBe(0);
    expect(await findings(databaseUrl, STOCK)).toEqual({ duplicateKeys: [], halfApplied: [], stockMismatch: [] });
    const perKey = await rowsPerKey(databaseUrl, load.outcomes);
    expect([...perKey].filter(([, n]) => n !== 1)).toEqual([]);
    expect(await balances(v)).toEqual(expectedBalances(before, load.outcomes));

    console.log(
      `db-restart: 503 ${until503} ms after the stop began; a read failed in ${readFailedIn} ms; 200 again ${untilRecovered} ms after the start began; ` +
        `${load.outcomes.length} keyed requests (${answeredBeforeOutage} before the outage, ${afterRecovery.length} ` +
        `first-time successes after it), ${retried.length} keys retried (up to ${Math.max(...retried.map((o) => o.attempts))} ` +
        `attempts); reads ${load.reads.ok} ok, ${load.reads.failed} failed`,
    );
  });
});
