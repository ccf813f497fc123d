// Each elder's visit plan on a day: the tier that holds (the nearest region's rules up the site's
// path, the override, a major event's 24 hours) and the period of the task it asks for (the tier's
// own, a raise's shorter one clipped to the raise, or the event's window). The one place that
// reads rules, raises and events for the generation job and for the kept tier on the elder's row.
import {
  visitDutyQueries as q,
  visitRuleQueries as rq,
  type MemberRow,
  type SiteRow,
  type VisitFrequency,
  type VisitFrequencyRaiseRow,
  type VisitTier,
  type Executor,
} from '@huzhu/db';
import { localDate } from '../core/time';
import { DEFAULT_TIER_RULES, tierRulesOf, type TierRules } from './tier-rules';
import { effectiveTier, moreOften, periodOfFrequency, TIER_FREQUENCY } from './tiers';

export interface ElderPlan {
  elder: MemberRow;
  tier: VisitTier;
  period: { start: string; end: string };
  /** The major event whose window the period is; null for a regular period. */
  eventId: number | null;
}

/** The rules of the nearest region up the path (ids top down) that keeps some; the defaults else. */
export async function rulesForPath(ex: Executor, path: number[]): Promise<TierRules> {
  const rows = new Map((await rq.rulesOf(ex, path)).map((r) => [r.regionId, r]));
  for (const id of [...path].reverse()) {
    const row = rows.get(id);
    if (row) return tierRulesOf('rules', row.rules);
  }
  return DEFAULT_TIER_RULES;
}

/** Per tier, the most frequent raise holding (and more often than usual), with the raise. */
function raisedFrequencies(raises: VisitFrequencyRaiseRow[]) {
  const out = new Map<VisitTier, { frequency: VisitFrequency; raise: VisitFrequencyRaiseRow }>();
  for (const raise of raises) {
    for (const [tier, frequency] of [
      ['B', raise.tierB],
      ['C', raise.tierC],
    ] as const) {
      const best = out.get(tier)?.frequency ?? TIER_FREQUENCY[tier];
      if (moreOften(frequency, best)) out.set(tier, { frequency, raise });
    }
  }
  return out;
}

/** The plans of the elders (all of one site) on `now`'s day on the site's calendar. */
export async function planFor(ex: Executor, site: SiteRow, elders: MemberRow[], now: Date): Promise<ElderPlan[]> {
  if (elders.length === 0) return [];
  const today = localDate(now, site.timeZone);
  const ids = elders.map((e) => e.id);
  const path = await rq.siteRegionPath(ex, site.id);
  const [rules, raises, overrideRows, eventRows] = await Promise.all([
    rulesForPath(ex, path),
    rq.raisesHolding(ex, path, today),
    q.overridesOf(ex, ids),
    rq.eventsHolding(ex, ids, now),
  ]);
  const overrides = new Map(overrideRows.map((o) => [o.elderId, o]));
  // The latest report first: an elder's newest event gives the window.
  const events = new Map<number, (typeof eventRows)[number]>();
  for (const e of eventRows) if (!events.has(e.elderId)) events.set(e.elderId, e);
  const raised = raisedFrequencies(raises);
  return elders.map((elder) => {
    const event = events.get(elder.id);
    const tier = effectiveTier(elder, overrides.get(elder.id) ?? null, today, rules, event !== undefined);
    if (event) {
      // The window's days: the report's and the one the 24 hours end on.
      const start = localDate(event.reportedAt, site.timeZone);
      const end = localDate(new Date(event.reportedAt.getTime() + 86_400_000), site.timeZone);
      return { elder, tier, period: { start, end }, eventId: event.id };
    }
    const raise = raised.get(tier);
    if (!raise) return { elder, tier, period: periodOfFrequency(TIER_FREQUENCY[tier], today), eventId: null };
    // Inside the raise only: a week straddling its first or last day is cut to the raise.
    const p = periodOfFrequency(raise.frequency, today);
    const start = p.start < raise.raise.fromDay ? raise.raise.fromDay : p.start;
    const end = p.end > raise.raise.untilDay ? raise.raise.untilDay : p.end;
    return { elder, tier, period: { start, end }, eventId: null };
  });
}

/**
 * Brings the kept tier (members.visit_tier) of the site's elders up to date on `now`, for all of
 * them or those of `only`: the listed get their tier, those off the list (no care category nor
 * ELDER role, or deactivated) lose it. Returns the plans of the listed.
 */
export async function refreshKeptTiers(
  ex: Executor,
  site: SiteRow,
  now: Date,
  only?: readonly number[],
): Promise<ElderPlan[]> {
  const pick = only ? new Set(only) : null;
  const listed = (await q.eldersOfSite(ex, site.id)).filter((e) => !pick || pick.has(e.id));
  const plans = await planFor(ex, site, listed, now);
  const on = new Set(listed.map((e) => e.id));
  const off = (await rq.keptTierIdsOfSite(ex, site.id)).filter((id) => !on.has(id) && (!pick || pick.has(id)));
  await rq.setKeptTiers(ex, [
    ...plans.map((p) => ({ id: p.elder.id, tier: p.tier })),
    ...off.map((id) => ({ id, tier: null })),
  ]);
  return plans;
}
