// Visit tiers (探访分级) from an elder's recorded facts, never free text: A weekly, B monthly,
// C quarterly; and the period (week, month, quarter on the site's calendar) a day falls in for a
// tier. A coordinator's override, with a reason, holds until its last day.
import { Temporal } from '@js-temporal/polyfill';
import type { CareCategory, LivingSituation, VisitTier } from '@huzhu/db';

/** The facts a tier is computed from; fields a site has not recorded are null. */
export interface ElderFacts {
  birthYear: number | null;
  careCategories: readonly CareCategory[];
  /** 1 (most severe) to 4, the disability certificate's grade; null when none or unknown. */
  disabilityGrade?: number | null;
  /** How they live; ALONE counts as living alone whatever the care categories say. */
  livingSituation?: LivingSituation | null;
}

/** Living without family at hand: alone, empty nest, or children away (left behind). */
const ALONE: readonly CareCategory[] = ['LIVING_ALONE', 'EMPTY_NEST', 'LEFT_BEHIND'];

/**
 * The default rules (seed 003 and the 2022 national opinion):
 * - A, weekly: 80 or older (or recorded as 高龄) and living alone (the category, or the recorded
 *   living situation), empty-nest or left behind;
 * - B, monthly: any other elder with a care category (disabled or with dementia, severe
 *   disability, extreme poverty, special family-planning family, living alone, 高龄), or a
 *   disability of grade 1-2;
 * - C, quarterly: every other elder on the site's list.
 */
export function computedTier(facts: ElderFacts, year: number): VisitTier {
  const cats = facts.careCategories;
  const eighty = (facts.birthYear !== null && year - facts.birthYear >= 80) || cats.includes('ADVANCED_AGE');
  const alone = cats.some((c) => ALONE.includes(c)) || facts.livingSituation === 'ALONE';
  if (eighty && alone) return 'A';
  const grade = facts.disabilityGrade ?? null;
  if (cats.length > 0 || (grade !== null && grade <= 2)) return 'B';
  return 'C';
}

export interface TierOverride {
  tier: VisitTier;
  /** YYYY-MM-DD, the last day it holds. */
  until: string;
}

/** The override while it holds, else the computed tier; `today` is YYYY-MM-DD on the site's clock. */
export function effectiveTier(facts: ElderFacts, override: TierOverride | null, today: string): VisitTier {
  if (override && override.until >= today) return override.tier;
  return computedTier(facts, Number(today.slice(0, 4)));
}

/** The period of the tier holding `day`: Monday to Sunday (A), the month (B), the quarter (C). */
export function periodOf(tier: VisitTier, day: string): { start: string; end: string } {
  const d = Temporal.PlainDate.from(day);
  if (tier === 'A') {
    const start = d.subtract({ days: d.dayOfWeek - 1 });
    return { start: start.toString(), end: start.add({ days: 6 }).toString() };
  }
  const months = tier === 'B' ? 1 : 3;
  const firstMonth = tier === 'B' ? d.month : d.month - ((d.month - 1) % 3);
  const start = Temporal.PlainDate.from({ year: d.year, month: firstMonth, day: 1 });
  return { start: start.toString(), end: start.add({ months }).subtract({ days: 1 }).toString() };
}
