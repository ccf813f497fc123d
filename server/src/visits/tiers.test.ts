// Tier rules and periods: each rule, the override and its expiry, and periods across year ends.
import { describe, expect, it } from 'vitest';
import { computedTier, effectiveTier, periodOf } from './tiers';

describe('visit tiers', () => {
  const elder = (
    birthYear: number | null,
    ...careCategories: Parameters<typeof computedTier>[0]['careCategories']
  ) => ({
    birthYear,
    careCategories,
  });

  it('puts an 80-year-old living alone, empty-nest or left behind in A (weekly)', () => {
    expect(computedTier(elder(1946, 'LIVING_ALONE'), 2026)).toBe('A');
    expect(computedTier(elder(1940, 'EMPTY_NEST'), 2026)).toBe('A');
    expect(computedTier(elder(1946, 'LEFT_BEHIND'), 2026)).toBe('A');
    // 高龄 recorded, birth year unknown: as 80+.
    expect(computedTier(elder(null, 'ADVANCED_AGE', 'LIVING_ALONE'), 2026)).toBe('A');
    // Living alone recorded as the living situation, not a category.
    expect(computedTier({ birthYear: 1940, careCategories: [], livingSituation: 'ALONE' }, 2026)).toBe('A');
    expect(computedTier({ birthYear: 1940, careCategories: [], livingSituation: 'WITH_SPOUSE' }, 2026)).toBe('C');
    // 79 living alone: monthly.
    expect(computedTier(elder(1947, 'LIVING_ALONE'), 2026)).toBe('B');
  });

  it('puts any other elder with a care category, or a grade 1-2 disability, in B (monthly)', () => {
    expect(computedTier(elder(1950, 'DISABLED'), 2026)).toBe('B');
    expect(computedTier(elder(1940, 'EXTREME_POVERTY'), 2026)).toBe('B');
    expect(computedTier(elder(1962, 'BEREAVED_FAMILY'), 2026)).toBe('B');
    expect(computedTier({ birthYear: 1955, careCategories: [], disabilityGrade: 2 }, 2026)).toBe('B');
    expect(computedTier({ birthYear: 1955, careCategories: [], disabilityGrade: 3 }, 2026)).toBe('C');
  });

  it('puts every other elder in C (quarterly)', () => {
    expect(computedTier(elder(1950), 2026)).toBe('C');
    expect(computedTier(elder(null), 2026)).toBe('C');
  });

  it('applies an override until its last day, then the computed tier again', () => {
    const facts = elder(1950);
    const override = { tier: 'A' as const, until: '2026-12-10' };
    expect(effectiveTier(facts, override, '2026-12-10')).toBe('A');
    expect(effectiveTier(facts, override, '2026-12-11')).toBe('C');
    expect(effectiveTier(facts, null, '2026-12-10')).toBe('C');
  });

  it('finds the week (Monday to Sunday), month and quarter of a day, across year ends', () => {
    expect(periodOf('A', '2026-12-02')).toEqual({ start: '2026-11-30', end: '2026-12-06' });
    expect(periodOf('A', '2026-11-30')).toEqual({ start: '2026-11-30', end: '2026-12-06' });
    expect(periodOf('A', '2027-01-03')).toEqual({ start: '2026-12-28', end: '2027-01-03' });
    expect(periodOf('B', '2026-02-14')).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(periodOf('B', '2028-02-29')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(periodOf('C', '2026-12-02')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(periodOf('C', '2026-01-01')).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(periodOf('C', '2026-05-31')).toEqual({ start: '2026-04-01', end: '2026-06-30' });
  });
});
