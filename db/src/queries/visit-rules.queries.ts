// SQL for what makes and changes visit tiers: a region's tier rules, its raised frequencies, the
// major events reported for elders, and the kept tier on each elder's row (members.visit_tier).
import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../open';
import type { VisitFrequencyRaiseRow, VisitMajorEventRow, VisitTierRulesRow } from '../rows';
import type { VisitTier } from '../schema/enums.schema';
import { members, regions, sites, visitFrequencyRaises, visitMajorEvents, visitTierRules } from '../schema/index';

/** The region ids of a kept path ("/3/17/52/"), top down. */
export function pathIds(path: string): number[] {
  return path
    .split('/')
    .filter((s) => s !== '')
    .map(Number);
}

/** The region ids up a site's path, top down; [] for a site in no region. */
export async function siteRegionPath(ex: Executor, siteId: number): Promise<number[]> {
  const [row] = await ex
    .select({ path: regions.path })
    .from(sites)
    .innerJoin(regions, eq(regions.id, sites.regionId))
    .where(eq(sites.id, siteId));
  return row ? pathIds(row.path) : [];
}

export async function rulesOf(ex: Executor, regionIds: number[]): Promise<VisitTierRulesRow[]> {
  if (regionIds.length === 0) return [];
  return ex.select().from(visitTierRules).where(inArray(visitTierRules.regionId, regionIds));
}

export async function upsertRules(ex: Executor, row: typeof visitTierRules.$inferInsert): Promise<VisitTierRulesRow> {
  const [out] = await ex
    .insert(visitTierRules)
    .values(row)
    .onConflictDoUpdate({
      target: visitTierRules.regionId,
      set: { rules: row.rules, setBy: row.setBy ?? null, setAt: sql`now()` },
    })
    .returning();
  return out!;
}

export async function deleteRules(ex: Executor, regionId: number): Promise<boolean> {
  const rows = await ex
    .delete(visitTierRules)
    .where(eq(visitTierRules.regionId, regionId))
    .returning({ id: visitTierRules.regionId });
  return rows.length > 0;
}

/** Raises of the regions that hold `day` (YYYY-MM-DD). */
export async function raisesHolding(ex: Executor, regionIds: number[], day: string): Promise<VisitFrequencyRaiseRow[]> {
  if (regionIds.length === 0) return [];
  return ex
    .select()
    .from(visitFrequencyRaises)
    .where(
      and(
        inArray(visitFrequencyRaises.regionId, regionIds),
        lte(visitFrequencyRaises.fromDay, day),
        gte(visitFrequencyRaises.untilDay, day),
      ),
    );
}

/** A region's own raises, those not yet over (until `today` or later) first by their first day. */
export async function raisesOfRegion(ex: Executor, regionId: number, today: string): Promise<VisitFrequencyRaiseRow[]> {
  return ex
    .select()
    .from(visitFrequencyRaises)
    .where(and(eq(visitFrequencyRaises.regionId, regionId), gte(visitFrequencyRaises.untilDay, today)))
    .orderBy(asc(visitFrequencyRaises.fromDay), asc(visitFrequencyRaises.id));
}

export async function insertRaise(
  ex: Executor,
  row: typeof visitFrequencyRaises.$inferInsert,
): Promise<VisitFrequencyRaiseRow> {
  const [out] = await ex.insert(visitFrequencyRaises).values(row).returning();
  return out!;
}

export async function raiseById(ex: Executor, id: number): Promise<VisitFrequencyRaiseRow | undefined> {
  const [row] = await ex.select().from(visitFrequencyRaises).where(eq(visitFrequencyRaises.id, id));
  return row;
}

export async function deleteRaise(ex: Executor, id: number): Promise<boolean> {
  const rows = await ex
    .delete(visitFrequencyRaises)
    .where(eq(visitFrequencyRaises.id, id))
    .returning({ id: visitFrequencyRaises.id });
  return rows.length > 0;
}

export async function insertEvent(
  ex: Executor,
  row: typeof visitMajorEvents.$inferInsert,
): Promise<VisitMajorEventRow> {
  const [out] = await ex.insert(visitMajorEvents).values(row).returning();
  return out!;
}

export async function eventById(ex: Executor, id: number): Promise<VisitMajorEventRow | undefined> {
  const [row] = await ex.select().from(visitMajorEvents).where(eq(visitMajorEvents.id, id));
  return row;
}

/** The elders' events whose 24 hours hold at `at`, the latest report of each elder first. */
export async function eventsHolding(ex: Executor, elderIds: number[], at: Date): Promise<VisitMajorEventRow[]> {
  if (elderIds.length === 0) return [];
  const iso = at.toISOString();
  return ex
    .select()
    .from(visitMajorEvents)
    .where(
      and(
        inArray(visitMajorEvents.elderId, elderIds),
        sql`${visitMajorEvents.reportedAt} <= ${iso}::timestamptz`,
        sql`${visitMajorEvents.reportedAt} > ${iso}::timestamptz - interval '24 hours'`,
      ),
    )
    .orderBy(desc(visitMajorEvents.reportedAt), desc(visitMajorEvents.id));
}

/** The events of the given ids (a duty board's tasks raised by one). */
export async function eventsByIds(ex: Executor, ids: number[]): Promise<VisitMajorEventRow[]> {
  if (ids.length === 0) return [];
  return ex.select().from(visitMajorEvents).where(inArray(visitMajorEvents.id, ids));
}

/** Writes the kept tiers that changed (null: off the visit list); returns how many rows moved. */
export async function setKeptTiers(ex: Executor, tiers: { id: number; tier: VisitTier | null }[]): Promise<number> {
  let moved = 0;
  // Grouped by value: one statement per tier, touching only rows whose kept tier differs.
  for (const tier of ['A', 'B', 'C', null] as const) {
    const ids = tiers.filter((t) => t.tier === tier).map((t) => t.id);
    if (ids.length === 0) continue;
    const rows = await ex
      .update(members)
      .set({ visitTier: tier })
      .where(and(inArray(members.id, ids), sql`${members.visitTier} is distinct from ${tier}::visit_tier`))
      .returning({ id: members.id });
    moved += rows.length;
  }
  return moved;
}

/** Active members of the site with a kept tier who are no longer among `listed` (off the list). */
export async function keptTierIdsOfSite(ex: Executor, siteId: number): Promise<number[]> {
  const rows = await ex
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.siteId, siteId), sql`${members.visitTier} is not null`));
  return rows.map((r) => r.id);
}
