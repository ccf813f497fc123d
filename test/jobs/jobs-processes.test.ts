// The job queue across server processes on one PostgreSQL: a schedule runs once per slot however
// many processes run it, and a job whose process is SIGKILLed mid-run is run again by another.
// Each process is test/jobs/support/jobs-server.ts (the real server with two test jobs), checking
// its queue every second (JOBS_CHECK_SECONDS=1). pg-boss runs a schedule at most once a minute,
// so the schedule test watches two real one-minute slots, contested by a pass from each process
// every second: it waits up to a minute, idle, rather than faking the clock.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withSql } from '../faults/support/ledger-sql';
import { freshDatabase, realPostgresAvailable, type FreshDb } from '../faults/support/fresh-db';
import { freePort } from '../faults/support/own-postgres';
import { ROOT, sleep, spawnServer, type ServerProcess } from '../faults/support/server-process';

const ENTRY = `${ROOT}test/jobs/support/jobs-server.ts`;

interface Entry {
  pid: number;
  job: string;
  id: string;
  event?: string;
  retry?: number;
  data?: Record<string, unknown>;
}

describe.runIf(realPostgresAvailable())('jobs across server processes (PostgreSQL)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'huzhu-jobs-'));
  const servers: ServerProcess[] = [];
  const dbs: FreshDb[] = [];

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill()));
    await Promise.all(dbs.map((d) => d.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(db: FreshDb, log: string, env: Record<string, string> = {}): Promise<ServerProcess> {
    const server = await spawnServer({
      databaseUrl: db.url,
      port: await freePort(),
      entry: ENTRY,
      env: { JOBS_CHECK_SECONDS: '1', JOBS_TEST_LOG: log, ...env },
    });
    servers.push(server);
    return server;
  }

  const entries = (log: string): Entry[] => {
    let text = '';
    try {
      text = readFileSync(log, 'utf8');
    } catch {
      return [];
    }
    return text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Entry);
  };

  async function until<T>(
    what: string,
    probe: () => T | undefined | Promise<T | undefined>,
    within: number,
  ): Promise<T> {
    const deadline = Date.now() + within;
    while (Date.now() < deadline) {
      const value = await probe();
      if (value) return value;
      await sleep(200);
    }
    throw new Error(`not within ${within} ms: ${what}`);
  }

  it('runs a scheduled job once per slot with two processes running the schedule', async () => {
    const db = await freshDatabase();
    dbs.push(db);
    const log = join(dir, 'tick.log');
    const [a, b] = await Promise.all([start(db, log), start(db, log)]);

    // Two slots: the minute the processes started in, and the next (at most a minute away, then
    // 10x for a slow machine).
    await until(
      'test.tick ran in two slots',
      async () => ((await slotsOf(db.url)).length >= 2 ? true : undefined),
      600_000,
    ).catch(async (error: unknown) => {
      throw new Error(`${String(error)}\n${a.output().slice(-2000)}\n${b.output().slice(-2000)}`);
    });
    // Both processes keep contesting the latest slot for a few more passes each.
    await sleep(5_000);

    // A slot is sent, then its job runs a moment later, and a new slot may come at any minute: read
    // the runs first, then the slots, until they agree. More runs than slots would be a slot run
    // twice (every run is of a slot already sent when it was read), and fails at once.
    const { sent, runs } = await until(
      'every slot sent has run',
      async () => {
        const runs = entries(log).filter((e) => e.job === 'test.tick');
        const sent = await slotsOf(db.url);
        if (runs.length > sent.length) return { sent, runs };
        return runs.length === sent.length ? { sent, runs } : undefined;
      },
      120_000,
    );
    // Every schedule pass that won a slot is one row in pg-boss's send-it queue, one per slot...
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(new Set(sent).size).toBe(sent.length);
    // ... and each slot's job ran exactly once, in the site's time zone, whichever process took it.
    expect(runs).toHaveLength(sent.length);
    expect(new Set(runs.map((r) => r.id)).size).toBe(runs.length);
    expect(runs.every((r) => r.data?.timeZone === 'Asia/Shanghai')).toBe(true);
  });

  it('runs again on another process a job whose process was SIGKILLed mid-run', async () => {
    const db = await freshDatabase();
    dbs.push(db);
    const log = join(dir, 'hold.log');
    const victim = await start(db, log, { JOBS_TEST_ENQUEUE: '1' });
    const started = await until(
      'the job started on the first process',
      () => entries(log).find((e) => e.job === 'test.hold' && e.event === 'start'),
      120_000,
    );
    expect(started.pid).not.toBe(process.pid);

    const survivor = await start(db, log);
    victim.signal('SIGKILL');
    expect((await victim.exited).signal).toBe('SIGKILL');

    // Its try expires (5 s), the survivor's supervision hands it back, and the survivor runs it.
    const done = await until(
      'the job finished on the second process',
      () => entries(log).find((e) => e.job === 'test.hold' && e.event === 'done'),
      300_000,
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${survivor.output().slice(-3000)}`);
    });
    expect(done).toMatchObject({ id: started.id, retry: 1 });
    expect(done.pid).not.toBe(started.pid);
    // Run once to completion: one start on each process, one finish.
    const runs = entries(log).filter((e) => e.id === started.id && e.event !== 'enqueued');
    expect(runs.map((r) => r.event)).toEqual(['start', 'start', 'done']);
  });
});

/** The slots pg-boss's schedule passes sent test.tick for (one send-it job each). */
function slotsOf(url: string): Promise<string[]> {
  return withSql(url, async (query) => {
    const rows = await query(
      `select data->>'slot' as slot from pgboss.job where name = '__pgboss__send-it' and data->>'name' = 'test.tick' order by 1`,
    );
    return rows.map((r) => String(r.slot));
  });
}
