// A county's visit-tier rules and its raised visit frequencies (extreme weather, festivals): read by
// whoever may read the region's figures, set by platform staff or the region's own staff
// (requireRegionWriter), and the kept tiers of every site under the region brought up to date
// when the rules change.
import {
  regionQueries,
  siteQueries,
  visitRuleQueries as rq,
  type RegionRow,
  type VisitFrequency,
  type VisitFrequencyRaiseRow,
} from '@huzhu/db';
import { isPlatformAdmin, memberIdOf, regionInMine, requireActor, type Actor } from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { badInput, ErrorCode, fail, notFound } from '../core/errors';
import { DEFAULT_SITE_ZONE, localDate } from '../core/time';
import * as v from '../core/validate';
import { requireRegionReader } from '../reports/region-access';
import { rulesForPath, refreshKeptTiers } from './tier-plan';
import { tierRulesOf, type TierRules } from './tier-rules';
import type { Transaction } from '@huzhu/db';

/**
 * Who may change a region's visit rules and raises: platform staff, and staff scoped to a region
 * for their region and those under it (a county office sets its county's rules and raises; a
 * township officer cannot change the county's).
 */
export function requireRegionWriter(actor: Actor | null, region: RegionRow): Actor {
  const a = requireActor(actor);
  if (!isPlatformAdmin(a) && !regionInMine(a, region.path)) {
    fail(ErrorCode.FORBIDDEN, {
      en: 'Only civil-affairs staff of this region can change its visit rules',
      zh: '只有本地区的民政工作人员可以修改探访规则',
    });
  }
  return a;
}

export interface RegionVisitRulesData {
  region: RegionRow;
  /** The region's own rules; null: it takes those above it. */
  own: TierRules | null;
  /** The rules its sites follow: its own, the nearest region above with some, or the defaults. */
  effective: TierRules;
  /** The region whose rules those are; null: the defaults. */
  heldBy: RegionRow | null;
}

async function regionOrNotFound(deps: ServiceDeps, regionId: number): Promise<RegionRow> {
  return (await regionQueries.regionById(deps.db, regionId)) ?? notFound('region');
}

async function rulesData(deps: ServiceDeps, region: RegionRow): Promise<RegionVisitRulesData> {
  const path = rq.pathIds(region.path);
  const rows = new Map((await rq.rulesOf(deps.db, path)).map((r) => [r.regionId, r]));
  const heldById = [...path].reverse().find((id) => rows.has(id)) ?? null;
  const own = rows.get(region.id);
  return {
    region,
    own: own ? tierRulesOf('rules', own.rules) : null,
    effective: await rulesForPath(deps.db, path),
    heldBy: heldById === null ? null : heldById === region.id ? region : await regionOrNotFound(deps, heldById),
  };
}

/** A region's visit rules, its own and those its sites follow (whoever may read the region). */
export async function regionVisitRules(
  deps: ServiceDeps,
  actor: Actor | null,
  regionId: number,
): Promise<RegionVisitRulesData> {
  const region = await regionOrNotFound(deps, regionId);
  requireRegionReader(actor, region);
  return rulesData(deps, region);
}

/** Every site under the region: its elders' kept tiers by the rules now in force. */
async function refreshRegion(tx: Transaction, region: RegionRow): Promise<void> {
  const now = new Date();
  for (const { siteId } of await regionQueries.sitesUnder(tx, region)) {
    const site = await siteQueries.siteById(tx, siteId);
    if (site) await refreshKeptTiers(tx, site, now);
  }
}

/** Sets the region's own rules, the whole set (platform staff). */
export async function setVisitTierRules(
  deps: ServiceDeps,
  actor: Actor | null,
  regionId: number,
  input: unknown,
): Promise<RegionVisitRulesData> {
  const region = await regionOrNotFound(deps, regionId);
  const writer = requireRegionWriter(actor, region);
  const rules = tierRulesOf('rules', input);
  await deps.db.transaction(async (tx) => {
    await rq.upsertRules(tx, { regionId: region.id, rules, setBy: memberIdOf(writer) });
    await audit(tx, actor, null, 'setVisitTierRules', 'region', region.id, { rules });
    await refreshRegion(tx, region);
  });
  deps.cache.member.clearAll();
  return rulesData(deps, region);
}

/** Drops the region's own rules: it takes those above it again (platform staff). */
export async function clearVisitTierRules(
  deps: ServiceDeps,
  actor: Actor | null,
  regionId: number,
): Promise<RegionVisitRulesData> {
  const region = await regionOrNotFound(deps, regionId);
  requireRegionWriter(actor, region);
  await deps.db.transaction(async (tx) => {
    if (await rq.deleteRules(tx, region.id)) {
      await audit(tx, actor, null, 'clearVisitTierRules', 'region', region.id, {});
      await refreshRegion(tx, region);
    }
  });
  // Kept tiers moved on rows the cache may hold.
  deps.cache.member.clearAll();
  return rulesData(deps, region);
}

/** The region's own raises not yet over, by their first day (whoever may read the region). */
export async function visitFrequencyRaises(
  deps: ServiceDeps,
  actor: Actor | null,
  regionId: number,
  // Raises are written in the province's own days (China keeps one zone).
  today = localDate(new Date(), DEFAULT_SITE_ZONE),
): Promise<VisitFrequencyRaiseRow[]> {
  const region = await regionOrNotFound(deps, regionId);
  requireRegionReader(actor, region);
  return rq.raisesOfRegion(deps.db, region.id, today);
}

const dayText = (d: { year: number; month: number; day: number }) =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

export interface RaiseInput {
  regionId: number;
  from: string;
  until: string;
  reason: string;
  tierB: VisitFrequency;
  tierC: VisitFrequency;
}

/** Raises B and C visits in the region and under it for a period (platform staff). */
export async function addVisitFrequencyRaise(
  deps: ServiceDeps,
  actor: Actor | null,
  input: RaiseInput,
): Promise<VisitFrequencyRaiseRow> {
  const region = await regionOrNotFound(deps, input.regionId);
  const writer = requireRegionWriter(actor, region);
  const fromDay = dayText(v.day('input.from', input.from));
  const untilDay = dayText(v.day('input.until', input.until));
  if (untilDay < fromDay)
    badInput('input.until', { en: 'The last day is before the first', zh: '结束日期早于开始日期' });
  if (Date.parse(untilDay) - Date.parse(fromDay) > 92 * 86_400_000) {
    badInput('input.until', { en: 'A raise lasts at most 92 days', zh: '提高频次最长 92 天' });
  }
  const reason = v.text('input.reason', input.reason, 200);
  if (input.tierB === 'QUARTERLY') {
    badInput('input.tierB', { en: 'Tier B cannot be visited less than monthly', zh: 'B 级不能低于每月一次' });
  }
  if (input.tierB !== 'WEEKLY' && input.tierC === 'QUARTERLY') {
    badInput('input.tierC', { en: 'Raise tier B or tier C', zh: '请至少提高 B 级或 C 级的频次' });
  }
  return deps.db.transaction(async (tx) => {
    const row = await rq.insertRaise(tx, {
      regionId: region.id,
      fromDay,
      untilDay,
      reason,
      tierB: input.tierB,
      tierC: input.tierC,
      setBy: memberIdOf(writer),
    });
    await audit(tx, actor, null, 'addVisitFrequencyRaise', 'region', region.id, {
      raiseId: row.id,
      fromDay,
      untilDay,
      reason,
      tierB: input.tierB,
      tierC: input.tierC,
    });
    return row;
  });
}

/** Ends a raise by removing it; tasks it generated stay (platform staff). */
export async function removeVisitFrequencyRaise(deps: ServiceDeps, actor: Actor | null, raiseId: number) {
  requireActor(actor);
  const raise = (await rq.raiseById(deps.db, raiseId)) ?? notFound('visitFrequencyRaise');
  const region = await regionOrNotFound(deps, raise.regionId);
  requireRegionWriter(actor, region);
  await deps.db.transaction(async (tx) => {
    await rq.deleteRaise(tx, raise.id);
    await audit(tx, actor, null, 'removeVisitFrequencyRaise', 'region', region.id, { raiseId: raise.id });
  });
  return true;
}

/** The region a raise is set for (its reader passed the region's check with the raise). */
export async function raiseRegion(deps: ServiceDeps, raise: VisitFrequencyRaiseRow): Promise<RegionRow> {
  return regionOrNotFound(deps, raise.regionId);
}
