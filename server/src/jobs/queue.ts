// The job queue: pg-boss, on the server's own database connection (postgres-js or PGlite), so
// jobs live in the same PostgreSQL as the rows that cause them. Started and stopped with the
// server; runs whatever job definitions it is given and knows nothing of any domain.
import { createHash } from 'node:crypto';
import { jobQueries, type DbHandle, type Executor } from '@huzhu/db';
import type { ServerResources } from '../core/deps';
import { localDate } from '../core/time';
import {
  PgBoss,
  fromDrizzle,
  fromPglite,
  type Db as IDatabase,
  type DrizzleTransactionLike,
  type JobWithMetadata,
  type Queue,
} from 'pg-boss';

/** Where every job that failed its last try is copied, kept a year: nothing works this queue. */
export const FAILED_QUEUE = 'failed-jobs';
const FAILED_KEEP_SECONDS = 365 * 24 * 3600;

export interface JobContext {
  id: string;
  /** 0 on the first try, then 1, 2 ... */
  retryCount: number;
  /** When the job was written: a scheduled job's slot is the period this falls in. */
  createdOn: Date;
  /** Aborted when the job outlives expireInSeconds or the server stops: stop early if you can. */
  signal: AbortSignal;
}

export interface JobSchedule<D> {
  /** Five-field cron. pg-boss runs a schedule at most once a minute, whatever the expression. */
  cron: string;
  /**
   * An IANA zone the cron is read in, or 'each-site': one schedule per time zone some site keeps,
   * each run getting `{ timeZone }` in its data (merged over `data`).
   */
  timeZone: string;
  data?: D;
}

/**
 * What a domain's jobs are built with: the process's database and event bus. A job's run builds
 * `serviceDeps(deps)` for a fresh read cache and calls services as `systemActor('job:<name>')`.
 */
export type JobDeps = Pick<ServerResources, 'db' | 'events'>;

export interface JobDefinition<D extends object = object> {
  /** The queue's name, `<domain>.<what>`: letters, digits, `.`, `-` and `_`. */
  name: string;
  run(data: D, job: JobContext): Promise<unknown>;
  /** Retries after the first try (default 3); then the job is failed and copied to failed-jobs. */
  retryLimit?: number;
  /** The first retry's delay, doubling (with jitter) each retry after (default 30). */
  retryDelaySeconds?: number;
  /** A try running longer is taken as lost and retried (default 15 minutes). */
  expireInSeconds?: number;
  schedule?: JobSchedule<D>;
  /**
   * Also run the scheduled job (each of its time zones) when a process starts, before it serves:
   * a schedule that fell while no server ran is not made up by pg-boss, and work such as this
   * period's visit tasks must not wait for the next night. The job must be idempotent; a failure
   * is logged and the next scheduled run tries again. Once a local day: a start after a run that
   * finished today (job_day_marks) does nothing more.
   */
  catchUpAtStart?: boolean;
}

export interface EnqueueOptions {
  /**
   * Idempotency: at most one job per name and key while the queue keeps it (the key becomes the
   * job's id), so `elder:12:2026-07` enqueued twice is one job. The rows the job writes keep their
   * own unique key as well: the queue forgets completed jobs after a week.
   */
  key?: string;
  /** Not before this time. */
  startAfter?: Date;
}

export interface QueueOptions {
  handle: DbHandle;
  definitions: readonly JobDefinition[];
  /** Run workers and schedules in this process (default true); enqueueing works either way. */
  work?: boolean;
  /** Seconds between polls, supervision and schedule passes (tests: 1); pg-boss's defaults otherwise. */
  checkSeconds?: number | undefined;
  log?: (line: string) => void;
}

export interface JobQueue {
  /**
   * Writes a job inside the caller's transaction: if the transaction rolls back there is no job;
   * once it commits the job runs once (again only after a failed try). Null when `key` already has one.
   */
  enqueue(tx: Executor, name: string, data: object, options?: EnqueueOptions): Promise<string | null>;
  /** Waits for jobs in flight (up to `timeoutMs`); any still running are handed back to be retried. */
  stop(timeoutMs?: number): Promise<void>;
  readonly boss: PgBoss;
}

export async function startJobQueue(options: QueueOptions): Promise<JobQueue> {
  const { handle, definitions } = options;
  const work = options.work ?? true;
  const log = options.log ?? (() => {});
  const check = options.checkSeconds;
  const boss = new PgBoss({
    db: databaseOf(handle),
    backend: handle.engine === 'pglite' ? 'pglite' : 'postgres',
    schema: jobQueries.JOB_SCHEMA,
    supervise: work,
    schedule: work,
    registerInstance: false,
    ...(check
      ? {
          superviseIntervalSeconds: check,
          monitorIntervalSeconds: check,
          cronMonitorIntervalSeconds: check,
          cronWorkerIntervalSeconds: check,
        }
      : {}),
  });
  // pg-boss reports what goes wrong in the background (a lost connection mid-poll) here; it keeps
  // going, and an unheard 'error' event would end the process.
  boss.on('error', (error: unknown) => log(`jobs: ${error instanceof Error ? error.message : String(error)}`));
  // Processes starting together on a new database would each install pg-boss's schema at once:
  // they take turns (a session lock on PostgreSQL; PGlite is one process), the later ones find it.
  const startLock = handle.sql ? await handle.sql.reserve() : undefined;
  try {
    await startLock?.unsafe(`select pg_advisory_lock(hashtext('huzhu:jobs:start'))`);
    await boss.start();
  } finally {
    await startLock?.unsafe(`select pg_advisory_unlock(hashtext('huzhu:jobs:start'))`).catch(() => undefined);
    startLock?.release();
  }

  await boss.createQueue(FAILED_QUEUE, {
    retentionSeconds: FAILED_KEEP_SECONDS,
    deleteAfterSeconds: FAILED_KEEP_SECONDS,
  });
  const names = new Set<string>();
  for (const def of definitions) {
    if (names.has(def.name)) throw new Error(`two jobs are called ${def.name}`);
    names.add(def.name);
    const queue = queueOptions(def);
    await boss.createQueue(def.name, queue);
    // createQueue leaves an existing queue as it was: a changed retry policy takes effect here.
    const { policy: _policy, partition: _partition, ...updatable } = queue;
    await boss.updateQueue(def.name, updatable);
  }

  if (work) {
    for (const def of definitions) {
      await boss.work(
        def.name,
        { includeMetadata: true, ...(check ? { pollingIntervalSeconds: check } : {}) },
        async (jobs: JobWithMetadata<object>[]) => {
          // One job a fetch (pg-boss's default batch); what it returns is kept as the job's output.
          let output: unknown;
          for (const job of jobs) {
            output = await def.run(job.data, {
              id: job.id,
              retryCount: job.retryCount,
              createdOn: new Date(job.createdOn),
              signal: job.signal,
            });
            if (def.catchUpAtStart) await markDay(handle.db, def, job.data);
          }
          return output;
        },
      );
    }
    for (const def of definitions) await syncSchedule(boss, handle, def, log);
  }

  let stopping: Promise<void> | undefined;
  return {
    boss,
    enqueue: (tx, name, data, opts = {}) => {
      if (!names.has(name)) throw new Error(`no job is called ${name}`);
      return boss.send(name, data, {
        ...(opts.key !== undefined ? { id: keyId(name, opts.key) } : {}),
        ...(opts.startAfter ? { startAfter: opts.startAfter } : {}),
        db: jobQueries.throughTransaction(tx, (ex, tag) => fromDrizzle(ex as unknown as DrizzleTransactionLike, tag)),
      });
    },
    stop: (timeoutMs = 30_000) => (stopping ??= boss.stop({ graceful: true, timeout: timeoutMs, close: false })),
  };
}

function queueOptions(def: JobDefinition): Queue {
  return {
    name: def.name,
    retryLimit: def.retryLimit ?? 3,
    retryDelay: def.retryDelaySeconds ?? 30,
    retryBackoff: true,
    retryDelayMax: 3600,
    expireInSeconds: def.expireInSeconds ?? 900,
    deadLetter: FAILED_QUEUE,
  };
}

/** The schedules a definition asks for, and no others (a site's zone that went away is dropped). */
async function syncSchedule(
  boss: PgBoss,
  handle: DbHandle,
  def: JobDefinition,
  log: (line: string) => void,
): Promise<void> {
  const existing = await boss.getSchedules(def.name);
  const wanted = new Map<string, { tz: string; data: object }>();
  const s = def.schedule;
  if (s) {
    if (s.timeZone === 'each-site') {
      for (const tz of await jobQueries.siteTimeZones(handle.db))
        wanted.set(tz, { tz, data: { ...s.data, timeZone: tz } });
    } else {
      wanted.set('', { tz: s.timeZone, data: { ...s.data } });
    }
  }
  for (const [key, { tz, data }] of wanted) await boss.schedule(def.name, s!.cron, data, { tz, key });
  for (const row of existing) if (!wanted.has(row.key)) await boss.unschedule(def.name, row.key);
  if (def.catchUpAtStart) {
    // Run here, before the process serves: work done in the background after start would race
    // the first requests (and a test's count of the statements a request runs). Idempotent by
    // the definition's contract, so every process starting may run it.
    for (const { data } of wanted.values()) {
      try {
        // Once a local day: a run that finished today (scheduled, or another start's) is enough.
        const { key, day } = dayOf(def, data);
        if ((await jobQueries.jobDayMark(handle.db, def.name, key)) === day) continue;
        await def.run(data, {
          id: `start:${def.name}`,
          retryCount: 0,
          createdOn: new Date(),
          signal: new AbortController().signal,
        });
        await markDay(handle.db, def, data);
      } catch (error) {
        log(`jobs: ${def.name} at start failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}

/** A daily job's mark: its key (the run's time zone, '' for one schedule) and that zone's day today. */
function dayOf(def: JobDefinition, data: object): { key: string; day: string } {
  const zone = (data as { timeZone?: unknown }).timeZone;
  const key = typeof zone === 'string' ? zone : '';
  const tz = key || (def.schedule?.timeZone !== 'each-site' ? def.schedule?.timeZone : undefined) || 'UTC';
  return { key, day: localDate(new Date(), tz) };
}

function markDay(ex: Executor, def: JobDefinition, data: object): Promise<void> {
  const { key, day } = dayOf(def, data);
  return jobQueries.markJobDay(ex, def.name, key, day);
}

/** A UUID (version 5 layout) named by the job's name and key: the same key is the same job id. */
export function keyId(name: string, key: string): string {
  const b = createHash('sha1').update(`huzhu-job\0${name}\0${key}`).digest().subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The database pg-boss talks through: the handle's own client, so one pool and one driver serve
 * both. PGlite through pg-boss's adapter; postgres-js by hand (pg-boss has none for it): a
 * statement with parameters as one extended-protocol query, a parameterless text (its migrations
 * and locked blocks hold several statements, BEGIN to COMMIT) through the simple protocol on a
 * connection reserved for it.
 */
function databaseOf(handle: DbHandle): IDatabase {
  if (handle.pglite) return fromPglite(handle.pglite);
  const sql = handle.sql;
  if (!sql) throw new Error('the database handle has neither a PGlite nor a PostgreSQL client');
  return {
    async executeSql(text: string, values?: unknown[]) {
      let result: unknown;
      if (values && values.length > 0) {
        result = await sql.unsafe(text, values.map(asParameter) as never[]);
      } else {
        // Its own connection for the whole text: postgres-js refuses a BEGIN on a shared one.
        const reserved = await sql.reserve();
        try {
          result = await reserved.unsafe(text).simple();
        } catch (error) {
          // A statement that failed between BEGIN and COMMIT leaves the transaction open and
          // aborted: end it, or the pool hands that connection to the next query.
          await reserved
            .unsafe('ROLLBACK')
            .simple()
            .catch(() => undefined);
          throw error;
        } finally {
          reserved.release();
        }
      }
      const list = result as unknown[];
      // Several statements answer with one list of rows each.
      const rows = list.length > 0 && Array.isArray(list[0]) ? (list as unknown[][]).flat() : [...list];
      return { rows: rows as Record<string, unknown>[] };
    },
  };
}

/**
 * A value as node-postgres (which pg-boss is written against) would send it: an object as its
 * JSON text, undefined as null. postgres-js would refuse an object for a json parameter.
 */
function asParameter(value: unknown): unknown {
  if (value === undefined) return null;
  if (value === null || typeof value !== 'object' || value instanceof Date || Array.isArray(value)) return value;
  if (Buffer.isBuffer(value)) return value;
  return JSON.stringify(value);
}
