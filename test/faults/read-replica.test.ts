// DATABASE_REPLICA_URL on a real hot standby: a primary and a standby of the test's own
// (pg_basebackup -R, streaming on another port), the server started on both. Reports and exports
// are read from the standby (with its replay paused they miss a confirmation the volunteer already
// sees in their own balance), a mutation and the member's own reads come from the primary, and with
// the standby stopped the reports still answer, from the primary. Never touches the shared server.
import postgres from 'postgres';
import { startServer, type RunningServer } from '@huzhu/server/start';
import { afterAll, describe, expect, it } from 'vitest';
import { Client, JWT_SECRET, PHONES, idemKey, login, monthIn } from '../api/support/harness';
import { CONFIRM, claimUpTo, postNeed, type ClaimT } from '../api/support/ops';
import { OwnPostgres, ownPostgresAvailable } from './support/own-postgres';

const METRICS_TOKEN = 'replica-test-metrics-token-0123';

const skip = !process.env.TEST_DATABASE_URL
  ? 'TEST_DATABASE_URL is not set (the PostgreSQL tests are off)'
  : !ownPostgresAvailable()
    ? 'no PostgreSQL 15 binaries (initdb, pg_ctl, pg_basebackup) or no runuser to run them as postgres'
    : undefined;
if (skip) console.log(`read replica test skipped: ${skip}`);

describe.skipIf(skip)('a read replica (DATABASE_REPLICA_URL) on a real hot standby', () => {
  let primary: OwnPostgres | undefined;
  let standby: OwnPostgres | undefined;
  let server: RunningServer | undefined;
  const raw: postgres.Sql[] = [];

  afterAll(async () => {
    await Promise.allSettled(raw.map((sql) => sql.end({ timeout: 1 })));
    await server?.close().catch((error: unknown) => console.error('server close failed', error));
    await standby?.destroy();
    await primary?.destroy();
  });

  const connect = (url: string) => {
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    raw.push(sql);
    return sql;
  };

  it('reads reports from the standby, a member’s own from the primary, and falls back when it stops', async () => {
    primary = await OwnPostgres.create();
    const databaseUrl = await primary.createDatabase('huzhu');
    standby = await primary.standby();
    const replicaUrl = standby.url('huzhu');
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      quiet: true,
      databaseUrl,
      demoData: true,
      env: { JWT_SECRET, DATABASE_REPLICA_URL: replicaUrl, METRICS_TOKEN },
    });
    const url = server.url;
    const onPrimary = connect(databaseUrl);
    const onStandby = connect(replicaUrl);
    // Until the standby has replayed everything the primary has written so far.
    const caughtUp = async () => {
      const [{ lsn }] = await onPrimary<[{ lsn: string }]>`select pg_current_wal_lsn()::text as lsn`;
      await expect
        .poll(
          async () =>
            (await onStandby<{ ok: boolean }[]>`select pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn as ok`)[0]!.ok,
          { timeout: 30_000, interval: 50 },
        )
        .toBe(true);
    };

    const coordinator = new Client(url, await login(url, PHONES.coordinator));
    const volunteer = new Client(url, await login(url, PHONES.volunteer));
    const siteId = (await coordinator.ok<{ viewer: { site: { id: string } } }>('{ viewer { site { id } } }')).viewer
      .site.id;
    const elder = new Client(url, await login(url, PHONES.elder));
    const elderId = (await elder.ok<{ viewer: { id: string } }>('{ viewer { id } }')).viewer.id;
    const need = await postNeed(coordinator, {
      siteId,
      beneficiaryId: elderId,
      title: '副本测试',
      estimatedMinutes: 30,
    });
    const claim = await claimUpTo(volunteer, need.id, 'REPORTED', 30);
    const month = monthIn();
    const report = async () =>
      (
        await coordinator.ok<{ siteReport: { serviceMinutes: number } }>(
          'query ($s: ID!, $m: String!) { siteReport(siteId: $s, month: $m) { serviceMinutes } }',
          { s: siteId, m: month },
        )
      ).siteReport.serviceMinutes;
    const exportLines = async () => {
      const res = await fetch(`${url}/export/${siteId}/${month}/service.csv`, {
        headers: { authorization: `Bearer ${coordinator.token}` },
      });
      expect(res.status).toBe(200);
      return (await res.text()).trim().split('\n').length;
    };
    const ownMinutes = async () =>
      (await volunteer.ok<{ viewer: { balance: { minutes: number } } }>('{ viewer { balance { minutes } } }')).viewer
        .balance.minutes;
    const health = async () => (await (await fetch(`${url}/healthz`)).json()) as { status: string; replica?: string };

    await caughtUp();
    const minutesBefore = await report();
    const linesBefore = await exportLines();
    const balanceBefore = await ownMinutes();
    expect(await health()).toEqual({ status: 'ok', database: true, replica: 'up' });

    // (1) The standby stops replaying: whatever is written now reaches the primary only.
    await onStandby`select pg_wal_replay_pause()`;
    await expect
      .poll(async () => (await onStandby`select pg_get_wal_replay_pause_state() as s`)[0]!.s, { timeout: 30_000 })
      .toBe('paused');

    // (2) The mutation answers from the primary, and the volunteer reads their own minutes there.
    const confirmed = (
      await coordinator.ok<{ confirmService: ClaimT }>(CONFIRM, { id: claim.id, key: idemKey('replica') })
    ).confirmService;
    expect(confirmed).toMatchObject({ status: 'CONFIRMED', confirmedMinutes: 30 });
    expect(await ownMinutes()).toBe(balanceBefore + 30);
    // The report and the export come from the standby, which has not seen the confirmation yet.
    expect(await report()).toBe(minutesBefore);
    expect(await exportLines()).toBe(linesBefore);

    // Replay resumes: the standby catches up and the report with it.
    await onStandby`select pg_wal_replay_resume()`;
    await expect.poll(report, { timeout: 30_000, interval: 100 }).toBe(minutesBefore + 30);
    expect(await exportLines()).toBe(linesBefore + 1);

    // (3) The standby goes away: the same reads answer from the primary, without an error.
    await onStandby.end({ timeout: 1 });
    await standby.stop('fast');
    expect(await report()).toBe(minutesBefore + 30);
    expect(await exportLines()).toBe(linesBefore + 1);
    expect(await ownMinutes()).toBe(balanceBefore + 30);
    // Healthy still (the primary answers), and saying the replica is down.
    expect(await health()).toEqual({ status: 'ok', database: true, replica: 'down' });
    const metrics = await (
      await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text();
    expect(metrics).toMatch(/^huzhu_db_replica_up 0$/m);
    expect(Number(/^huzhu_db_replica_fallbacks_total (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThan(0);
    // 4-15 s here (most of it initdb, pg_basebackup and the server's start, which vary with the disk).
  }, 180_000);
});
