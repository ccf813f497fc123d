// Tier rules and periods: each default rule, a county's own rules in their place, the override and
// a major event, raised frequencies' periods, and periods across year ends.
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIER_RULES, tierRulesOf, type TierRules } from './tier-rules';
import { computedTier, effectiveTier, periodOf, periodOfFrequency, type ElderFacts } from './tiers';

describe('visit tiers', () => {
  const elder = (birthYear: number | null, ...careCategories: ElderFacts['careCategories'][number][]) => ({
    birthYear,
    careCategories,
  });
  const facts = (birthYear: number | null, more: Partial<ElderFacts>): ElderFacts => ({
    birthYear,
    careCategories: [],
    ...more,
  });

  it('A: 80 or older and living alone, empty-nest or left behind (category or living situation)', () => {
    expect(computedTier(elder(1946, 'LIVING_ALONE'), 2026)).toBe('A');
    expect(computedTier(elder(1940, 'EMPTY_NEST'), 2026)).toBe('A');
    expect(computedTier(elder(1946, 'LEFT_BEHIND'), 2026)).toBe('A');
    // 高龄 recorded, birth year unknown: as 80+.
    expect(computedTier(elder(null, 'ADVANCED_AGE', 'LIVING_ALONE'), 2026)).toBe('A');
    expect(computedTier(facts(1940, { livingSituation: 'ALONE' }), 2026)).toBe('A');
    expect(computedTier(facts(1940, { livingSituation: 'WITH_SPOUSE' }), 2026)).toBe('C');
    // 79 living alone: the A age not reached, and living alone alone is no B fact.
    expect(computedTier(elder(1947, 'LIVING_ALONE'), 2026)).toBe('C');
  });

  it('A: a life-threatening illness, at any age', () => {
    expect(computedTier(facts(1966, { lifeThreateningIllness: true }), 2026)).toBe('A');
    expect(computedTier(facts(null, { lifeThreateningIllness: true }), 2026)).toBe('A');
  });

  it('B: 60 or older and 失能, 重残, a grade 1-2 disability or dementia', () => {
    expect(computedTier(elder(1950, 'DISABLED'), 2026)).toBe('B');
    expect(computedTier(elder(1950, 'SEVERE_DISABILITY'), 2026)).toBe('B');
    expect(computedTier(facts(1955, { disabilityGrade: 2 }), 2026)).toBe('B');
    expect(computedTier(facts(1955, { disabilityGrade: 1 }), 2026)).toBe('B');
    expect(computedTier(facts(1955, { disabilityGrade: 3 }), 2026)).toBe('C');
    expect(computedTier(facts(1955, { dementia: true }), 2026)).toBe('B');
    // Under 60: the B facts do not make B.
    expect(computedTier(elder(1970, 'DISABLED'), 2026)).toBe('C');
    expect(computedTier(facts(1970, { dementia: true }), 2026)).toBe('C');
  });

  it('B: 分散供养特困, 计生特殊家庭, and 低保 living alone (not 低保 with family)', () => {
    expect(computedTier(elder(1960, 'EXTREME_POVERTY'), 2026)).toBe('B');
    expect(computedTier(elder(1962, 'BEREAVED_FAMILY'), 2026)).toBe('B');
    expect(computedTier(facts(1955, { minimumLivingAllowance: true, livingSituation: 'ALONE' }), 2026)).toBe('B');
    expect(computedTier(facts(1955, { minimumLivingAllowance: true, careCategories: ['LIVING_ALONE'] }), 2026)).toBe(
      'B',
    );
    expect(computedTier(facts(1955, { minimumLivingAllowance: true, livingSituation: 'WITH_CHILDREN' }), 2026)).toBe(
      'C',
    );
    // Age unknown: taken as old enough for B (a missing birth year drops no 特困 elder).
    expect(computedTier(elder(null, 'EXTREME_POVERTY'), 2026)).toBe('B');
  });

  it('C: every other elder on the list, with or without a care category', () => {
    expect(computedTier(elder(1950), 2026)).toBe('C');
    expect(computedTier(elder(null), 2026)).toBe('C');
    expect(computedTier(elder(1952, 'EMPTY_NEST'), 2026)).toBe('C');
    expect(computedTier(elder(1960, 'ADVANCED_AGE'), 2026)).toBe('C');
  });

  it('a county’s own rules replace the defaults, rule by rule', () => {
    const county: TierRules = {
      a: { minAge: 75, categories: ['LIVING_ALONE'], livingSituations: [], lifeThreateningIllness: false },
      b: {
        minAge: 65,
        categories: ['EXTREME_POVERTY', 'EMPTY_NEST'],
        maxDisabilityGrade: 1,
        dementia: false,
        minimumLivingAllowanceAlone: false,
      },
    };
    // The A age lowered to 75.
    expect(computedTier(elder(1950, 'LIVING_ALONE'), 2026, county)).toBe('A');
    expect(computedTier(elder(1950, 'LIVING_ALONE'), 2026)).toBe('C');
    // A living situation no longer makes A; EMPTY_NEST is a B category here.
    expect(computedTier(facts(1940, { livingSituation: 'ALONE' }), 2026, county)).toBe('C');
    expect(computedTier(elder(1940, 'EMPTY_NEST'), 2026, county)).toBe('B');
    // Illness no longer A, dementia and 低保 alone no longer B, grade 2 no longer B.
    expect(computedTier(facts(1950, { lifeThreateningIllness: true }), 2026, county)).toBe('C');
    expect(computedTier(facts(1950, { dementia: true }), 2026, county)).toBe('C');
    expect(computedTier(facts(1950, { minimumLivingAllowance: true, livingSituation: 'ALONE' }), 2026, county)).toBe(
      'C',
    );
    expect(computedTier(facts(1950, { disabilityGrade: 2 }), 2026, county)).toBe('C');
    expect(computedTier(facts(1950, { disabilityGrade: 1 }), 2026, county)).toBe('B');
    // The B age raised to 65.
    expect(computedTier(elder(1963, 'EXTREME_POVERTY'), 2026, county)).toBe('C');
    expect(computedTier(elder(1963, 'EXTREME_POVERTY'), 2026)).toBe('B');
  });

  it('checks a set of rules field by field', () => {
    expect(tierRulesOf('rules', DEFAULT_TIER_RULES)).toEqual(DEFAULT_TIER_RULES);
    const bad = (change: (r: TierRules) => unknown) => {
      const r = structuredClone(DEFAULT_TIER_RULES) as TierRules;
      change(r);
      return () => tierRulesOf('rules', r);
    };
    expect(bad((r) => (r.a.minAge = 30))).toThrow(/rules\.a\.minAge/);
    expect(bad((r) => ((r.b.categories as string[]) = ['NOPE']))).toThrow();
    expect(bad((r) => (r.b.maxDisabilityGrade = 5))).toThrow();
    expect(bad((r) => ((r.a as { lifeThreateningIllness: unknown }).lifeThreateningIllness = 'yes'))).toThrow();
  });

  it('a major event makes A over everything; an override holds until its last day', () => {
    const f = elder(1950);
    const override = { tier: 'C' as const, until: '2026-12-10' };
    expect(effectiveTier(f, override, '2026-12-10', DEFAULT_TIER_RULES, true)).toBe('A');
    expect(effectiveTier(f, { tier: 'B', until: '2026-12-10' }, '2026-12-10')).toBe('B');
    expect(effectiveTier(f, { tier: 'B', until: '2026-12-10' }, '2026-12-11')).toBe('C');
    expect(effectiveTier(f, null, '2026-12-10')).toBe('C');
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
    expect(periodOfFrequency('MONTHLY', '2026-05-31')).toEqual({ start: '2026-05-01', end: '2026-05-31' });
  });
});
