// Reads on a streaming replica (DATABASE_REPLICA_URL), and on the primary whenever the replica
// cannot answer: a read that finds the replica unreachable, shutting down or refusing connections
// is run again on the primary, and the replica is left alone for a while, so a dead host costs one
// failed attempt every REPLICA_DOWN_MS rather than one per request. A transaction asked of the
// replica's handle runs on the primary: a transaction is for writing, or for reading one's writes.
// Not checked: how far the replica lags. It replays within milliseconds on a healthy network; a
// check of pg_last_xact_replay_timestamp() could send reads to the primary past some bound.
import type postgres from 'postgres';

/** How long a replica that failed is left alone before a read tries it again. */
export const REPLICA_DOWN_MS = 10_000;

/** Seconds a replica has to accept a connection before the read goes to the primary. */
export const REPLICA_CONNECT_TIMEOUT_S = 2;

export interface ReplicaStats {
  /** False while the replica is remembered as down and its reads go to the primary. */
  up: boolean;
  /** Reads the primary answered because the replica could not, since the process started. */
  fallbacks: number;
}

export interface ReplicaStatus {
  stats(): ReplicaStats;
  /** Asks the replica itself (for /healthz): whether it answered within `timeoutMs`. */
  check(timeoutMs: number): Promise<boolean>;
}

/**
 * postgres-js's codes for a connection that failed or went away, and Node's socket errors: the
 * replica is not there. PostgreSQL's own: class 08 (connection exception), 57P01-57P04 (shut down,
 * crashed, starting up, database dropped) and 53300 (too many connections).
 */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ENOENT', // a Unix socket directory without the socket: nobody listening
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '53300',
]);

/**
 * What a replica's error means for the read: 'down' (try the primary, and leave the replica alone
 * for a while), 'retry' (a hot standby cancels a read that conflicts with the WAL it replays, as
 * 40001 or 40P01, which a read on the primary would not meet), or 'error' (the read's own fault:
 * the primary would say the same).
 */
export function replicaFailure(error: unknown): 'down' | 'retry' | 'error' {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return 'error';
  if (UNREACHABLE.has(code) || code.startsWith('08') || /^57P0[1-4]$/.test(code)) return 'down';
  if (code === '40001' || code === '40P01') return 'retry';
  return 'error';
}

type Client = postgres.Sql;
type Mode = 'rows' | 'values';

/**
 * A client that drizzle can talk through as if it were one postgres-js pool: each statement goes to
 * `replica`, or to `primary` when the replica fails or is remembered as down; `begin` goes to the
 * primary. Only what drizzle calls is rerouted (`unsafe(...)`, its `.values()`, awaiting it).
 */
export function replicaClient(
  replica: Client,
  primary: Client,
  now: () => number = Date.now,
): { client: Client; status: ReplicaStatus } {
  let downUntil = 0;
  let fallbacks = 0;
  const markDown = () => void (downUntil = now() + REPLICA_DOWN_MS);

  async function run(query: string, params: unknown, options: unknown, mode: Mode): Promise<unknown> {
    const on = (client: Client) => {
      const q = client.unsafe(query, params as never, options as never);
      return mode === 'values' ? q.values() : q;
    };
    if (now() >= downUntil) {
      try {
        return await on(replica);
      } catch (error) {
        const failure = replicaFailure(error);
        if (failure === 'error') throw error;
        if (failure === 'down') markDown();
      }
    }
    fallbacks += 1;
    return on(primary);
  }

  const client = new Proxy(replica, {
    get(target, prop, receiver) {
      if (prop === 'unsafe') {
        return (query: string, params?: unknown, options?: unknown) => {
          // postgres-js sends a query when it is first awaited; drizzle may ask for `.values()` first.
          let mode: Mode = 'rows';
          let answer: Promise<unknown> | undefined;
          const pending = {
            values() {
              mode = 'values';
              return pending;
            },
            then<A, B>(
              onAnswer?: (value: unknown) => A | PromiseLike<A>,
              onError?: (error: unknown) => B | PromiseLike<B>,
            ) {
              answer ??= run(query, params, options, mode);
              return answer.then(onAnswer, onError);
            },
          };
          return pending;
        };
      }
      if (prop === 'begin') return primary.begin.bind(primary);
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });

  const status: ReplicaStatus = {
    stats: () => ({ up: now() >= downUntil, fallbacks }),
    async check(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(Object.assign(new Error('replica ping timed out'), { code: 'ETIMEDOUT' })),
          timeoutMs,
        );
      });
      try {
        await Promise.race([replica`select 1`, late]);
        downUntil = 0;
        return true;
      } catch (error) {
        if (replicaFailure(error) === 'down') markDown();
        return false;
      } finally {
        clearTimeout(timer);
      }
    },
  };
  return { client, status };
}
