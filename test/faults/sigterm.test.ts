// Graceful shutdown: a deploy or `systemctl stop` sends SIGTERM while a coordinator's confirmation
// is still arriving over a slow village link. That request must finish with its answer, new
// connections must be refused from the moment the signal lands, and the process must exit 0.
// The request is held in flight by sending its body in two halves, the second after the signal.
// Needs real PostgreSQL: TEST_DATABASE_URL (a fresh database on it) or a cluster of our own.
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { withSql } from './support/ledger-sql';
import { freshDatabase, realPostgresAvailable, type FreshDb } from './support/fresh-db';
import { freePort } from './support/own-postgres';
import { ledgerCheck, sleep, spawnServer, type ServerProcess } from './support/server-process';
import { confirmOp, reportedClaims, village } from './support/workload';

/** Whether a new TCP connection to the port is refused (rather than accepted). */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

describe.runIf(realPostgresAvailable())('SIGTERM: graceful shutdown', () => {
  let db: FreshDb | undefined;
  let server: ServerProcess | undefined;

  afterAll(async () => {
    await server?.kill();
    await db?.close();
  });

  it('finishes the confirmation in flight, refuses new connections, and exits 0', async () => {
    db = await freshDatabase();
    const port = await freePort();
    server = await spawnServer({ databaseUrl: db.url, port });
    const v = await village(server.url);
    const [claim] = await reportedClaims(v, 1);
    const op = confirmOp(v, claim!);
    const body = Buffer.from(JSON.stringify({ query: op.query, variables: op.variables }));

    // Headers and half the body now; the server has the request but cannot run it yet.
    const req = request({
      host: '127.0.0.1',
      port,
      path: '/graphql',
      method: 'POST',
      agent: false,
      headers: {
        'content-type': 'application/json',
        'content-length': body.length,
        authorization: `Bearer ${op.token}`,
      },
    });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      req.once('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.once('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.once('error', reject);
    });
    req.write(body.subarray(0, body.length >> 1));
    await sleep(300);

    const signalledAt = Date.now();
    server.signal('SIGTERM', false);
    // New connections are refused while the old request is still open.
    let refusedAfter = -1;
    // (Within ~50 ms on a normal day; the bound is for a machine at a quarter of its speed.)
    while (Date.now() - signalledAt < 30_000) {
      if (await refused(port)) {
        refusedAfter = Date.now() - signalledAt;
        break;
      }
      await sleep(25);
    }
    expect(refusedAfter).toBeGreaterThanOrEqual(0);
    expect(server.child.exitCode).toBeNull();

    // The rest of the body, a second later: the answer is the confirmation, as if nothing happened.
    await sleep(1_000);
    req.end(body.subarray(body.length >> 1));
    const res = await answer;
    expect(res.status).toBe(200);
    const parsed = JSON.parse(res.text) as { data?: { confirmService?: { id: string; status: string } } };
    expect(parsed.data?.confirmService).toMatchObject({ id: claim!.claimId, status: 'CONFIRMED' });

    const exit = await Promise.race([server.exited, sleep(60_000).then(() => 'still running')]);
    const exitedAfter = Date.now() - signalledAt;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain('SIGTERM: finishing in-flight requests');

    // What it answered is what it stored: the claim confirmed once under the key, the books balanced.
    const rows = await withSql(db.url, (query) =>
      query(`select status from claims where confirm_key = '${op.key.replace(/'/g, "''")}'`),
    );
    expect(rows).toEqual([{ status: 'CONFIRMED' }]);
    expect((await ledgerCheck(db.url)).code).toBe(0);

    console.log(
      `sigterm: new connections refused ${refusedAfter} ms after SIGTERM; the held request answered 200; ` +
        `exit 0 ${exitedAfter} ms after SIGTERM (the held body completed ~1 s after it)`,
    );
  });
});
