// SQL for recurring needs: the series rows, and their occurrences, which are rows of `needs`
// (posted like any need, so boards, claims, events and reports treat them alike).
import { and, asc, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import type { Executor } from '../open';
import type { NeedRow, NeedSeriesRow, SiteRow } from '../rows';
import { needs, needSeries, sites } from '../schema/index';
import { updateById } from './prepared';

type NewSeries = typeof needSeries.$inferInsert;
type NewNeed = typeof needs.$inferInsert;

export async function insertSeries(ex: Executor, series: NewSeries): Promise<NeedSeriesRow> {
  const [row] = await ex.insert(needSeries).values(series).returning();
  if (!row) throw new Error('insert into need_series returned no row');
  return row;
}

/** The series; `lock` holds it (FOR UPDATE) so generating and splitting it take turns. */
export async function seriesById(ex: Executor, id: number, lock = false): Promise<NeedSeriesRow | undefined> {
  const q = ex.select().from(needSeries).where(eq(needSeries.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function seriesByIds(ex: Executor, ids: readonly number[]): Promise<NeedSeriesRow[]> {
  if (ids.length === 0) return [];
  return ex
    .select()
    .from(needSeries)
    .where(inArray(needSeries.id, [...ids]));
}

export async function updateSeries(
  ex: Executor,
  id: number,
  changes: Partial<Omit<NeedSeriesRow, 'id'>>,
): Promise<NeedSeriesRow> {
  return updateById(ex, needSeries, 'need_series', id, changes);
}

/** Series that may still have days to come (no end, or an end on or after `day`), with their site. */
export async function runningSeries(ex: Executor, day: string): Promise<{ series: NeedSeriesRow; site: SiteRow }[]> {
  return ex
    .select({ series: needSeries, site: sites })
    .from(needSeries)
    .innerJoin(sites, eq(sites.id, needSeries.siteId))
    .where(or(isNull(needSeries.endsOn), gte(needSeries.endsOn, day)))
    .orderBy(asc(needSeries.id));
}

/**
 * Inserts an occurrence unless its series already has one on that day (ON CONFLICT on the
 * unique (series_id, series_day)): undefined when it has, so a second run, or a second process
 * running at once, writes nothing. A concurrent insert of the same day waits for the other to
 * commit or roll back.
 */
export async function insertOccurrence(
  ex: Executor,
  need: NewNeed & { seriesId: number; seriesDay: string },
): Promise<NeedRow | undefined> {
  const [row] = await ex
    .insert(needs)
    .values(need)
    .onConflictDoNothing({ target: [needs.seriesId, needs.seriesDay] })
    .returning();
  return row;
}

/** The series' occurrences on `day` and after, by day. */
export async function occurrencesFrom(ex: Executor, seriesId: number, day: string): Promise<NeedRow[]> {
  return ex
    .select()
    .from(needs)
    .where(and(eq(needs.seriesId, seriesId), gte(needs.seriesDay, day)))
    .orderBy(asc(needs.seriesDay));
}

/** Changes an occurrence's own fields (what the series' rule gave it, or moves it to another series). */
export async function updateOccurrence(
  ex: Executor,
  id: number,
  changes: Partial<
    Pick<
      NeedRow,
      'seriesId' | 'title' | 'description' | 'category' | 'startsAt' | 'estimatedMinutes' | 'slots' | 'payer'
    >
  >,
): Promise<NeedRow> {
  return updateById(ex, needs, 'need_occurrence', id, changes);
}
