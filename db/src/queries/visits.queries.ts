// SQL for visits (巡访): recording one, and a site's visits in a window for the monthly coverage.
import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Executor } from '../open';
import { runPrepared } from './prepared';
import type { VisitRow } from '../rows';
import { visits } from '../schema/index';

export type NewVisit = typeof visits.$inferInsert;

export async function insertVisit(ex: Executor, visit: NewVisit): Promise<VisitRow> {
  const [row] = await ex.insert(visits).values(visit).returning();
  if (!row) throw new Error('insert into visits returned no row');
  return row;
}

/**
 * Visits recorded at the site within [from, to), newest first. A visit counts for the site that
 * recorded it (the elder's site at the time), so moving an elder never rewrites a past month.
 */
export async function visitsOfSite(ex: Executor, siteId: number, from: Date, to: Date): Promise<VisitRow[]> {
  return runPrepared(
    ex,
    'visits_of_site',
    (q) =>
      q
        .select()
        .from(visits)
        .where(
          and(
            eq(visits.siteId, sql.placeholder('site')),
            gte(visits.visitedAt, sql.placeholder('from')),
            lt(visits.visitedAt, sql.placeholder('to')),
          ),
        )
        .orderBy(desc(visits.visitedAt), desc(visits.id)),
    // ISO text: a placeholder bypasses the column's own conversion of a Date.
    { site: siteId, from: from.toISOString(), to: to.toISOString() },
  );
}
