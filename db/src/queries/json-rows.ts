// Rows of a related table carried inside one statement as JSON (one array a row, the table's
// columns in order), and made back into the row objects drizzle itself would have made: a list
// can then bring each item's relations in its own statement instead of a second round trip.
import { getTableColumns, sql, type Column, type SQL, type Table } from 'drizzle-orm';

const columnsOf = new WeakMap<Table, [string, Column][]>();

function entries(table: Table): [string, Column][] {
  let list = columnsOf.get(table);
  if (!list) columnsOf.set(table, (list = Object.entries(getTableColumns(table))));
  return list;
}

/** `json_build_array("alias"."col", ...)` over every column of `table`, in the order rowFromJson reads. */
export function jsonRow(table: Table, alias: string): SQL {
  return sql.raw(
    `json_build_array(${entries(table)
      .map(([, c]) => `"${alias}"."${c.name}"`)
      .join(', ')})`,
  );
}

/** The row drizzle would map from these column values (as JSON gave them: timestamps as text). */
export function rowFromJson<T>(table: Table, values: readonly unknown[]): T {
  const row: Record<string, unknown> = {};
  const list = entries(table);
  for (let i = 0; i < list.length; i++) {
    const [key, column] = list[i]!;
    const value = values[i];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T;
}
