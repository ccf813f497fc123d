// What a service call needs besides its actor and input, and what one server process opens once.
// A resolver, a job and a command build the same ServiceDeps: nothing here is GraphQL's.
import type { Database } from '@huzhu/db';
import type { MemberCache } from '../auth/member-cache';
import type { Events } from '../events/events';
import type { LoginLimiter } from '../security/rate-limit';
import { createLoaders, type Loaders } from './loaders';

/** What one server process opens at start and every request, job and command shares. */
export interface ServerResources {
  db: Database;
  /** Heavy reads' handle: the replica's when DATABASE_REPLICA_URL is set, else `db` (see ServiceDeps). */
  readDb?: Database;
  events: Events;
  jwtSecret: Uint8Array;
  /** Failed log-ins per phone and address (kept in the database, shared by every process). */
  loginLimiter: LoginLimiter;
  /** The members behind tokens, kept until the database announces a change (one per process). */
  members: MemberCache;
}

/** A service call's dependencies: the database, the event bus and a read cache for the call. */
export interface ServiceDeps {
  /** The primary: every write, every transaction, and every read of what a member has just written. */
  db: Database;
  /**
   * The streaming replica (DATABASE_REPLICA_URL), else the primary: only for the heavy reads that
   * may trail the primary by the replica's lag (reports, exports, visit coverage, ledger checks),
   * never for a member's own balance, transfers or needs, nor anything a mutation reads or returns.
   * A read the replica cannot answer is answered by the primary (db/src/replica.ts).
   */
  readDb: Database;
  events: Events;
  /**
   * Rows read by id during one unit of work (a GraphQL request hands in its own, so a list's
   * relations load in one query per kind and a row read twice is read once). Nothing is kept
   * across units of work: a job or a command gets a fresh one from serviceDeps().
   */
  cache: Loaders;
}

/** Deps for one unit of work: a job's run, a command, a CSV export; `cache` a request's own. */
export function serviceDeps(
  resources: Pick<ServerResources, 'db' | 'readDb' | 'events'>,
  cache?: Loaders,
): ServiceDeps {
  return {
    db: resources.db,
    readDb: resources.readDb ?? resources.db,
    events: resources.events,
    cache: cache ?? createLoaders(resources.db),
  };
}
