// The administrative divisions sites sit in (省/市/县/乡镇/村), as rows: sites of one township
// share the township's row, so figures roll up by region and staff can be scoped to one.
import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text, unique, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { regionLevelEnum } from './enums.schema';

export const regions = pgTable(
  'regions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** The division above; null at the top of a path (a province, or a county given alone). */
    parentId: bigint('parent_id', { mode: 'number' }).references((): AnyPgColumn => regions.id),
    level: regionLevelEnum('level').notNull(),
    name: text('name').notNull(),
    /** The statistical division code (统计用区划代码), 12 digits; null when not given. */
    code: text('code').unique(),
    /**
     * The ids from the top down to this row, as "/3/17/52/": the rows under a region are those
     * whose path starts with its own (one indexed prefix match, no recursion).
     */
    path: text('path').notNull().default(''),
  },
  (t) => [
    unique('regions_name_under_parent').on(t.parentId, t.name).nullsNotDistinct(),
    check('regions_name_not_blank', sql`length(btrim(${t.name})) > 0`),
    check('regions_code_digits', sql`${t.code} IS NULL OR ${t.code} ~ '^[0-9]{12}$'`),
    index('regions_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
  ],
);
