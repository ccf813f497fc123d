// Hot statements built once: drizzle's query builder costs more CPU per call than the database
// spends answering a primary-key read (a fifth of a request's time in the profile of `viewer`), so
// the statements every request runs (the token's member, the DataLoaders' lookups) are built and
// named once per database handle and then only executed with new values.
import { eq, sql, type Column, type Placeholder, type SQL } from 'drizzle-orm';
import { PgTransaction, type PgTable } from 'drizzle-orm/pg-core';
import type { Database, Executor } from '../open';

interface Runnable<R> {
  execute(values?: Record<string, unknown>): Promise<R>;
}

const built = new WeakMap<Database, Map<string, Runnable<unknown>>>();

/**
 * What a prepared statement of drizzle's (postgres-js's and PGlite's alike) runs through: it
 * executes on `client` and reports to `logger`, both its session's. A statement built for one
 * transaction is the same text, parameters and row mapping for the next; only these differ.
 */
interface SessionBound {
  client: unknown;
  logger: unknown;
  cache: unknown;
}
const forTransactions = new WeakMap<object, Map<string, SessionBound>>();

/**
 * Runs the statement `build` makes, with `values` for its placeholders. On the database itself the
 * statement is built (and, on PostgreSQL, prepared under `name`) once. A transaction's handle lives
 * for one call; building anew in each cost a confirmation an eighth of its server CPU (the query
 * builder and SQL generation of its eight statements), so the first transaction's statement is
 * kept, per engine, and later ones run it on their own connection and logger.
 */
export function runPrepared<R>(
  ex: Executor,
  name: string,
  build: (ex: Executor) => { prepare(name: string): Runnable<R> },
  values: Record<string, unknown>,
): Promise<R> {
  if (ex instanceof PgTransaction) {
    const session = (ex as unknown as { session: SessionBound }).session;
    let byName = forTransactions.get(session.constructor);
    if (!byName) forTransactions.set(session.constructor, (byName = new Map()));
    const kept = byName.get(name);
    if (kept) {
      const bound = Object.create(kept) as SessionBound & Runnable<R>;
      bound.client = session.client;
      bound.logger = session.logger;
      bound.cache = session.cache;
      return inTurn(() => bound.execute(values));
    }
    const q = build(ex).prepare(name);
    if ((q as unknown as Partial<SessionBound>).client === session.client)
      byName.set(name, q as unknown as SessionBound);
    return inTurn(() => q.execute(values));
  }
  const db = ex as Database;
  let byName = built.get(db);
  if (!byName) built.set(db, (byName = new Map()));
  let q = byName.get(name) as Runnable<R> | undefined;
  if (!q) byName.set(name, (q = build(db).prepare(name)));
  return q.execute(values);
}

/**
 * Statements sent together on a transaction's connection (pipelined) run in the order they reach
 * it, and the services list them in the order they must run: the receipt's number after the
 * transfer that holds the site's supermarket account, a read after the locks it reads under. A
 * statement from the query builder, or raw SQL, reaches the connection one step (a microtask)
 * later than a prepared statement executed at once, so a prepared statement listed after one of
 * those would overtake it. Taking that step too keeps every statement in its caller's order.
 */
function inTurn<R>(execute: () => Promise<R>): Promise<R> {
  return Promise.resolve().then(execute);
}

/**
 * `column = any($values)`: one array parameter, so one statement text for any number of ids
 * (an `in ($1, $2, ...)` list is a new statement for every length).
 */
export function anyOf(column: Column, placeholder: string): SQL {
  return sql`${column} = any(${sql.placeholder(placeholder)})`;
}

/**
 * Values as placeholders, for a statement built once per set of columns (an UPDATE's SET, an
 * INSERT's row): `shape` names the columns (for the statement's name), `values` fills them. In SET
 * and VALUES a placeholder is bound to its column, so values go through the column's own
 * conversion (a Date stays a Date), unlike a placeholder compared in WHERE. A NULL is written as
 * NULL in the text: a column's conversion (a timestamp's, JSON's) expects a value. `prefix` keeps
 * the placeholders of several rows apart.
 */
export function placeholderSet<T extends object>(
  row: T,
  prefix = 'set',
): {
  shape: string;
  set: { [K in keyof T]: Placeholder | SQL };
  values: Record<string, unknown>;
} {
  const changes = row as Record<string, unknown>;
  const keys = Object.keys(changes)
    .filter((k) => changes[k] !== undefined)
    .sort();
  const set: Record<string, Placeholder | SQL> = {};
  const values: Record<string, unknown> = {};
  for (const k of keys) {
    if (changes[k] === null) {
      set[k] = sql`null`;
    } else {
      set[k] = sql.placeholder(`${prefix}_${k}`);
      values[`${prefix}_${k}`] = changes[k];
    }
  }
  return {
    shape: keys.map((k) => (changes[k] === null ? `${k}0` : k)).join('_'),
    set: set as { [K in keyof T]: Placeholder | SQL },
    values,
  };
}

/** Several rows of an INSERT as placeholders (placeholderSet for each): one statement per shape. */
export function placeholderRows<T extends object>(
  rows: readonly T[],
): {
  shape: string;
  rows: { [K in keyof T]: Placeholder | SQL }[];
  values: Record<string, unknown>;
} {
  const each = rows.map((row, i) => placeholderSet(row, `r${i}`));
  return {
    shape: each.map((e) => e.shape).join('__'),
    rows: each.map((e) => e.set),
    values: Object.assign({}, ...each.map((e) => e.values)) as Record<string, unknown>,
  };
}

/** A table keyed by a numeric id, as every table the writes lock and update is. */
type ById = PgTable & { id: Column; $inferSelect: { id: number } };

/** The row with this id, `for update` when `lock`; one kept statement for each. */
export async function rowById<T extends ById>(
  ex: Executor,
  table: T,
  name: string,
  id: number,
  lock = false,
): Promise<T['$inferSelect'] | undefined> {
  const [row] = (await runPrepared(
    ex,
    lock ? `${name}_for_update` : name,
    (q) => {
      const select = q
        .select()
        .from(table as PgTable)
        .where(eq(table.id, sql.placeholder('id')));
      return lock ? select.for('update') : select;
    },
    { id },
  )) as T['$inferSelect'][];
  return row;
}

/** Updates the row with this id (one kept statement per set of columns) and returns it. */
export async function updateById<T extends ById>(
  ex: Executor,
  table: T,
  name: string,
  id: number,
  changes: object,
): Promise<T['$inferSelect']> {
  const { shape, set, values } = placeholderSet(changes);
  const [row] = (await runPrepared(
    ex,
    `${name}_set_${shape}`,
    // drizzle's SET type leaves out placeholders; at run time it binds them as it binds values.
    (q) =>
      q
        .update(table as PgTable)
        .set(set as never)
        .where(eq(table.id, sql.placeholder('id')))
        .returning(),
    { ...values, id },
  )) as T['$inferSelect'][];
  if (!row) throw new Error(`${name} ${id} vanished`);
  return row;
}
