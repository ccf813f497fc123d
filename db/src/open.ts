// One database handle, two engines: PostgreSQL through postgres-js when a URL is given, else
// embedded PGlite (PostgreSQL compiled to WASM) on disk or in memory. Migrations run on open.
// Beside PostgreSQL, optionally, a streaming replica's handle for heavy reads (replica.ts).
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql as sqlTag, type ExtractTablesWithRelations, type Logger } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { migratedMemoryPglite } from './memory-image';
import { workspacePath } from './paths';
import { REPLICA_CONNECT_TIMEOUT_S, replicaClient, type ReplicaStatus } from './replica';
import * as schema from './schema/index';

export type Schema = typeof schema;
/** The database, whichever engine is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction on it. Query functions accept either (see Executor). */
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Executor = Database | Transaction;
export type Engine = 'postgres' | 'pglite';

export interface DbHandle {
  db: Database;
  /**
   * Where heavy reads go (reports, exports, coverage): the streaming replica's handle when one is
   * configured, falling back to the primary statement by statement when it cannot answer; `db`
   * itself otherwise. Its transactions run on the primary (see replica.ts).
   */
  readDb: Database;
  /** The replica's state (only when one is configured): /healthz and /metrics report it. */
  replica?: ReplicaStatus;
  engine: Engine;
  /** postgres-js client (real PostgreSQL only): LISTEN/NOTIFY and raw SQL for tools. */
  sql?: postgres.Sql;
  /** PGlite instance (embedded only): dumps for backups, LISTEN in process. */
  pglite?: PGlite;
  close(): Promise<void>;
  /** How busy the connection pool is (real PostgreSQL only): GET /metrics reports it. */
  pool?: () => PoolStats;
}

export interface PoolStats {
  /** Connections the pool may open (DB_POOL_SIZE). */
  max: number;
  /** Statements sent and not yet answered, waiting for a connection included. */
  queriesInFlight: number;
  /** Transactions begun and not yet committed or rolled back: each holds a connection throughout. */
  transactionsOpen: number;
}

export interface OpenOptions {
  /** postgres://... ; when absent the embedded engine is used. */
  url?: string | undefined;
  /** A streaming replica of `url` for heavy reads (DATABASE_REPLICA_URL); real PostgreSQL only. */
  replicaUrl?: string | undefined;
  /** Folder for the embedded database's files; 'memory://' or undefined with memory: true for tests. */
  dataDir?: string | undefined;
  memory?: boolean;
  /** Connections in the postgres-js pool (real PostgreSQL only). */
  poolSize?: number;
  /** Run the migrations on open (default true). */
  migrate?: boolean;
  /** Called with every SQL statement the handle runs: the N+1 tests count them. */
  onQuery?: (query: string) => void;
}

export const migrationsFolder = workspacePath(import.meta.dirname, 'db', 'migrations');

// Any fixed number: every process that opens the same database agrees on it, so two servers
// starting together run the migrations one after the other instead of both at once.
const MIGRATION_LOCK = 72_483_117;

export async function openDb(options: OpenOptions = {}): Promise<DbHandle> {
  const migrateOnOpen = options.migrate ?? true;
  if (options.url) {
    if (migrateOnOpen) await migratePostgresLocked(options.url);
    const sql = postgresClient(options.url, {
      max: options.poolSize ?? 10,
      onnotice: () => {},
      connection: { application_name: 'huzhu' },
      // Seconds between reconnection attempts after the database went away. postgres-js's default
      // grows to 20 s, and queries wait that long behind it; a restarted database should be used
      // within a second of coming back.
      backoff: (attempt: number) => Math.min(0.05 * 2 ** attempt, 1),
    });
    const stats: PoolStats = { max: options.poolSize ?? 10, queriesInFlight: 0, transactionsOpen: 0 };
    const primary = preparing(sql, stats);
    const db = drizzlePostgres({ client: primary, schema, logger: loggerOf(options) }) as unknown as Database;
    const handle: DbHandle = {
      db,
      readDb: db,
      engine: 'postgres',
      sql,
      close: () => sql.end({ timeout: 5 }),
      pool: () => ({ ...stats }),
    };
    if (!options.replicaUrl) return handle;
    const replicaSql = postgresClient(options.replicaUrl, {
      max: options.poolSize ?? 10,
      onnotice: () => {},
      connection: { application_name: 'huzhu-read' },
      // A replica that does not answer costs a read this long before the primary takes it.
      connect_timeout: REPLICA_CONNECT_TIMEOUT_S,
      backoff: (attempt: number) => Math.min(0.05 * 2 ** attempt, 1),
    });
    // Statements that fall back are counted in the primary's pool figures; the replica's own are not.
    const replica = replicaClient(replicaSql, primary);
    const readStats: PoolStats = { max: options.poolSize ?? 10, queriesInFlight: 0, transactionsOpen: 0 };
    const readDb = drizzlePostgres({
      client: preparing(replica.client, readStats),
      schema,
      logger: loggerOf(options),
    }) as unknown as Database;
    return {
      ...handle,
      readDb,
      replica: replica.status,
      close: async () => {
        await Promise.all([sql.end({ timeout: 5 }), replicaSql.end({ timeout: 5 })]);
      },
    };
  }
  if (options.replicaUrl) throw new Error('a read replica needs PostgreSQL (url): the embedded engine has none');

  let dataDir: string | undefined;
  if (!options.memory) {
    dataDir = options.dataDir ?? './data';
    mkdirSync(dataDir, { recursive: true });
  }
  const fromImage = options.memory === true && migrateOnOpen;
  const pglite = fromImage ? await migratedMemoryPglite(migrationsFolder) : new PGlite(dataDir);
  const db = drizzlePglite({ client: pglite, schema, logger: loggerOf(options) }) as unknown as Database;
  if (migrateOnOpen && !fromImage) {
    await migratePglite(drizzlePglite({ client: pglite }), { migrationsFolder });
  }
  return { db, readDb: db, engine: 'pglite', pglite, close: () => pglite.close() };
}

/**
 * A postgres-js client for a URL, which may name a Unix socket directory the way libpq does:
 * `postgres://postgres@localhost/huzhu?host=/var/run/postgresql`. A database on the same machine
 * is then reached without TCP: each round trip costs the kernel less, and a write is many round
 * trips (docs/perf.md). postgres-js itself would pass `host` on to the server as a setting, which
 * the server refuses.
 */
export function postgresClient(url: string, options: postgres.Options<Record<string, postgres.PostgresType>> = {}) {
  const u = new URL(url);
  const socketDir = u.searchParams.get('host');
  if (!socketDir) return postgres(url, options);
  u.searchParams.delete('host');
  return postgres(u.toString(), { ...options, host: socketDir });
}

/**
 * The client drizzle talks through, with every statement that has parameters run as a named
 * prepared statement. drizzle-orm prepares only queries given a name (`.prepare('x')`) and
 * otherwise asks postgres-js for the unnamed statement, which PostgreSQL parses and plans anew on
 * every call: on the county data that doubled each read's round trip (0.62 ms against 0.29 ms for
 * a primary-key read). postgres-js keeps one prepared statement per distinct text per connection;
 * our texts come from a fixed set of query builders, so the set is bounded. Transactions and
 * savepoints hand drizzle a new client, which gets the same treatment.
 */
function preparing<T extends postgres.Sql | postgres.TransactionSql>(client: T, stats: PoolStats): T {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'unsafe') {
        return (query: string, params?: unknown[], opts?: Record<string, unknown>) =>
          counted(target.unsafe(query, params as never, { ...opts, prepare: (params?.length ?? 0) > 0 }), stats);
      }
      if (prop === 'begin' || prop === 'savepoint') {
        return (...args: unknown[]) => {
          const fn = args.pop() as (tx: postgres.TransactionSql) => unknown;
          const method = Reflect.get(target, prop, receiver) as (...a: unknown[]) => unknown;
          return method.call(target, ...args, async (tx: postgres.TransactionSql) => {
            // From BEGIN (the connection is the transaction's) to the callback's end, after which
            // postgres-js commits or rolls back; a savepoint is inside a transaction already.
            if (prop === 'begin') stats.transactionsOpen += 1;
            try {
              return await fn(preparing(tx, stats));
            } finally {
              if (prop === 'begin') stats.transactionsOpen -= 1;
            }
          });
        };
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}

/**
 * Counts a statement as in flight from when it is sent until it is answered. A postgres-js query
 * is sent when first awaited (its `then`), not when built, so that is where the count starts.
 */
function counted<Q extends PromiseLike<unknown>>(query: Q, stats: PoolStats): Q {
  const then = query.then;
  let sent = false;
  Object.defineProperty(query, 'then', {
    configurable: true,
    writable: true,
    value(this: Q, ...args: Parameters<Q['then']>) {
      const answer = then.apply(this, args);
      if (!sent) {
        sent = true;
        stats.queriesInFlight += 1;
        const done = () => void (stats.queriesInFlight -= 1);
        then.call(this, done, done);
      }
      return answer;
    },
  });
  return query;
}

function loggerOf(options: OpenOptions): Logger | false {
  const onQuery = options.onQuery;
  return onQuery ? { logQuery: (query) => onQuery(query) } : false;
}

async function migratePostgresLocked(url: string): Promise<void> {
  // One connection, so the session-level advisory lock covers every migration statement.
  const sql = postgresClient(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzlePostgres({ client: sql }), { migrationsFolder });
    await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** A round trip to the database: what /healthz asks. */
export async function ping(db: Database): Promise<void> {
  await db.execute(sqlTag`select 1`);
}
