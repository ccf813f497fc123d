// The job queue on PGlite and on PostgreSQL: a job written in a transaction exists only if the
// transaction commits, runs once, and a job that keeps failing is retried and then kept as failed
// where platform staff look (jobQueries.jobFailures, what `pnpm jobs` prints).
import { jobQueries, tables } from '@huzhu/db';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJobQueue, type JobDefinition, type JobQueue } from './queue';

/** Polls until `done` answers true: bounds for a slow machine, never a fixed sleep. */
async function until(done: () => Promise<boolean> | boolean, what: string, within = 60_000): Promise<void> {
  const deadline = Date.now() + within;
  while (Date.now() < deadline) {
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not within ${within} ms: ${what}`);
}

describe.each(testEngines())('job queue on %s', (engine) => {
  let handle: TestDb;
  let queue: JobQueue;
  const runs: { queue: string; label: string; retry: number }[] = [];
  const ranOf = (q: string, label: string) => runs.filter((r) => r.queue === q && r.label === label);

  const definitions: JobDefinition<{ label: string }>[] = [
    {
      name: 'test.record',
      run: async ({ label }, job) => void runs.push({ queue: 'test.record', label, retry: job.retryCount }),
    },
    {
      name: 'test.nightly',
      // At 03:00 on 1 January only: it would not run during a test but for the run at start.
      schedule: { cron: '0 3 1 1 *', timeZone: 'Asia/Shanghai', data: { label: 'nightly' } },
      catchUpAtStart: true,
      run: async ({ label }, job) => void runs.push({ queue: 'test.nightly', label, retry: job.retryCount }),
    },
    {
      name: 'test.fail',
      retryLimit: 2,
      retryDelaySeconds: 1,
      run: async ({ label }, job) => {
        runs.push({ queue: 'test.fail', label, retry: job.retryCount });
        throw new Error(`the village server is unreachable (${label})`);
      },
    },
  ];

  beforeAll(async () => {
    handle = await openTestDb(engine);
    queue = await startJobQueue({ handle, definitions: definitions as JobDefinition[], checkSeconds: 1 });
  });
  afterAll(async () => {
    await queue?.stop();
    await handle?.close();
  });

  it('runs a scheduled job at start, before the queue is ready, once a local day', async () => {
    // beforeAll's start has run it already: no waiting.
    expect(ranOf('test.nightly', 'nightly')).toHaveLength(1);
    const restart = async () =>
      (await startJobQueue({ handle, definitions: definitions as JobDefinition[], checkSeconds: 1 })).stop();
    // A process restarting the same day does not redo the day's work before it serves.
    await restart();
    expect(ranOf('test.nightly', 'nightly')).toHaveLength(1);
    // The last run finished on an earlier day (a night with no server): the next start runs it.
    await handle.db.update(tables.jobDayMarks).set({ day: '2000-01-01' });
    await restart();
    expect(ranOf('test.nightly', 'nightly')).toHaveLength(2);
  });

  it('writes no job when the transaction rolls back, and runs a committed one once', async () => {
    await expect(
      handle.db.transaction(async (tx) => {
        await queue.enqueue(tx, 'test.record', { label: 'rolled-back' });
        throw new Error('the write that caused the job failed');
      }),
    ).rejects.toThrow('the write that caused the job failed');
    expect(await queue.boss.findJobs('test.record', { data: { label: 'rolled-back' } })).toEqual([]);

    const id = await handle.db.transaction((tx) => queue.enqueue(tx, 'test.record', { label: 'committed' }));
    expect(id).toBeTruthy();
    await until(async () => (await queue.boss.getJobById('test.record', id!))?.state === 'completed', 'job completed');
    expect(ranOf('test.record', 'committed')).toHaveLength(1);
    // A job enqueued after the rolled-back one has run, and the rolled-back one never did.
    expect(ranOf('test.record', 'rolled-back')).toEqual([]);
  });

  it('keeps one job per key however often it is enqueued', async () => {
    const first = await handle.db.transaction((tx) =>
      queue.enqueue(tx, 'test.record', { label: 'keyed' }, { key: 'elder:7:2026-07' }),
    );
    const second = await handle.db.transaction((tx) =>
      queue.enqueue(tx, 'test.record', { label: 'keyed' }, { key: 'elder:7:2026-07' }),
    );
    expect(first).toBeTruthy();
    expect(second).toBeNull();
    await until(async () => (await queue.boss.getJobById('test.record', first!))?.state === 'completed', 'keyed job');
    expect(ranOf('test.record', 'keyed')).toHaveLength(1);
  });

  it('retries a job that throws, then records it as failed for platform staff', async () => {
    const id = await handle.db.transaction((tx) => queue.enqueue(tx, 'test.fail', { label: 'always' }));
    await until(async () => (await queue.boss.getJobById('test.fail', id!))?.state === 'failed', 'job failed');
    // The first try and both retries, in order.
    expect(ranOf('test.fail', 'always').map((r) => r.retry)).toEqual([0, 1, 2]);
    const failures = await jobQueries.jobFailures(handle.db);
    expect(failures.filter((f) => f.id === id)).toEqual([
      expect.objectContaining({
        queue: 'test.fail',
        tries: 3,
        error: 'the village server is unreachable (always)',
        data: { label: 'always' },
      }),
    ]);
  });
});
