// Visit tiers (探访分级) from an elder's recorded facts, never free text, by the rules of their
// county (tier-rules.ts): A weekly, B monthly, C quarterly; and the period (week, month, quarter on
// the site's calendar) a day falls in for a frequency. A major event makes A for 24 hours; a
// coordinator's override, with a reason, holds until its last day.
import { Temporal } from '@js-temporal/polyfill';
import type { CareCategory, LivingSituation, VisitFrequency, VisitTier } from '@huzhu/db';
import { DEFAULT_TIER_RULES, type TierRules } from './tier-rules';

/** The facts a tier is computed from; fields a site has not recorded are null or false. */
export interface ElderFacts {
  birthYear: number | null;
  careCategories: readonly CareCategory[];
  /** 1 (most severe) to 4, the disability certificate's grade; null when none or unknown. */
  disabilityGrade?: number | null;
  /** How they live; ALONE counts as living alone whatever the care categories say. */
  livingSituation?: LivingSituation | null;
  lifeThreateningIllness?: boolean;
  dementia?: boolean;
  /** 低保. */
  minimumLivingAllowance?: boolean;
}

/**
 * The elder's age in `year`; 高龄 (ADVANCED_AGE) recorded counts as at least 80 (the category's
 * meaning) when the birth year is unknown or says less. Null: unknown.
 */
function ageOf(facts: ElderFacts, year: number): number | null {
  const byYear = facts.birthYear === null ? null : year - facts.birthYear;
  if (facts.careCategories.includes('ADVANCED_AGE')) return Math.max(byYear ?? 0, 80);
  return byYear;
}

/** The tier the county's rules give (the defaults unless it keeps its own), in `year`. */
export function computedTier(facts: ElderFacts, year: number, rules: TierRules = DEFAULT_TIER_RULES): VisitTier {
  const cats = facts.careCategories;
  const age = ageOf(facts, year);
  const { a, b } = rules;
  if (a.lifeThreateningIllness && facts.lifeThreateningIllness) return 'A';
  const aSituation =
    cats.some((c) => a.categories.includes(c)) ||
    (facts.livingSituation != null && a.livingSituations.includes(facts.livingSituation));
  if (age !== null && age >= a.minAge && aSituation) return 'A';
  // Someone on the elder list whose age is not recorded is taken as old enough for B: a missing
  // birth year must not drop a 特困 elder from the monthly visits.
  if (age === null || age >= b.minAge) {
    const grade = facts.disabilityGrade ?? null;
    const alone = cats.includes('LIVING_ALONE') || facts.livingSituation === 'ALONE';
    if (
      cats.some((c) => b.categories.includes(c)) ||
      (b.maxDisabilityGrade !== null && grade !== null && grade <= b.maxDisabilityGrade) ||
      (b.dementia && facts.dementia === true) ||
      (b.minimumLivingAllowanceAlone && facts.minimumLivingAllowance === true && alone)
    )
      return 'B';
  }
  return 'C';
}

export interface TierOverride {
  tier: VisitTier;
  /** YYYY-MM-DD, the last day it holds. */
  until: string;
}

/**
 * The tier that holds on `today` (YYYY-MM-DD, the site's clock): A while a major event's 24 hours
 * hold (`eventHolds`), else the override while it holds, else the computed tier.
 */
export function effectiveTier(
  facts: ElderFacts,
  override: TierOverride | null,
  today: string,
  rules: TierRules = DEFAULT_TIER_RULES,
  eventHolds = false,
): VisitTier {
  if (eventHolds) return 'A';
  if (override && override.until >= today) return override.tier;
  return computedTier(facts, Number(today.slice(0, 4)), rules);
}

/** How often each tier is visited as usual. */
export const TIER_FREQUENCY: Record<VisitTier, VisitFrequency> = { A: 'WEEKLY', B: 'MONTHLY', C: 'QUARTERLY' };

const RANK: Record<VisitFrequency, number> = { WEEKLY: 3, MONTHLY: 2, QUARTERLY: 1 };

/** Whether `f` is more often than `than`. */
export function moreOften(f: VisitFrequency, than: VisitFrequency): boolean {
  return RANK[f] > RANK[than];
}

/** The period of the frequency holding `day`: Monday to Sunday, the month, or the quarter. */
export function periodOfFrequency(frequency: VisitFrequency, day: string): { start: string; end: string } {
  const d = Temporal.PlainDate.from(day);
  if (frequency === 'WEEKLY') {
    const start = d.subtract({ days: d.dayOfWeek - 1 });
    return { start: start.toString(), end: start.add({ days: 6 }).toString() };
  }
  const months = frequency === 'MONTHLY' ? 1 : 3;
  const firstMonth = frequency === 'MONTHLY' ? d.month : d.month - ((d.month - 1) % 3);
  const start = Temporal.PlainDate.from({ year: d.year, month: firstMonth, day: 1 });
  return { start: start.toString(), end: start.add({ months }).subtract({ days: 1 }).toString() };
}

/** The period of the tier holding `day`: Monday to Sunday (A), the month (B), the quarter (C). */
export function periodOf(tier: VisitTier, day: string): { start: string; end: string } {
  return periodOfFrequency(TIER_FREQUENCY[tier], day);
}
