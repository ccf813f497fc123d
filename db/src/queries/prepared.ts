// Hot statements built once: drizzle's query builder costs more CPU per call than the database
// spends answering a primary-key read (a fifth of a request's time in the profile of `viewer`), so
// the statements every request runs (the token's member, the DataLoaders' lookups) are built and
// named once per database handle and then only executed with new values.
import { sql, type Column, type SQL } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Database, Executor } from '../open';

interface Runnable<R> {
  execute(values?: Record<string, unknown>): Promise<R>;
}

const built = new WeakMap<Database, Map<string, Runnable<unknown>>>();

/**
 * Runs the statement `build` makes, with `values` for its placeholders. On the database itself the
 * statement is built (and, on PostgreSQL, prepared under `name`) once; inside a transaction, whose
 * handle lives for one call, it is built for that transaction.
 */
export function runPrepared<R>(
  ex: Executor,
  name: string,
  build: (ex: Executor) => { prepare(name: string): Runnable<R> },
  values: Record<string, unknown>,
): Promise<R> {
  if (ex instanceof PgTransaction) return build(ex).prepare(name).execute(values);
  const db = ex as Database;
  let byName = built.get(db);
  if (!byName) built.set(db, (byName = new Map()));
  let q = byName.get(name) as Runnable<R> | undefined;
  if (!q) byName.set(name, (q = build(db).prepare(name)));
  return q.execute(values);
}

/**
 * `column = any($values)`: one array parameter, so one statement text for any number of ids
 * (an `in ($1, $2, ...)` list is a new statement for every length).
 */
export function anyOf(column: Column, placeholder: string): SQL {
  return sql`${column} = any(${sql.placeholder(placeholder)})`;
}
