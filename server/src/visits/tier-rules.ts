// The rules that make visit tiers A and B, as a county keeps them (visit_tier_rules.rules, jsonb):
// the defaults of issue 17, and the one check of a set before it is written or read back.
import { CARE_CATEGORIES, LIVING_SITUATIONS, type CareCategory, type LivingSituation } from '@huzhu/db';
import { badInput } from '../core/errors';
import * as v from '../core/validate';

export interface TierRules {
  /** Weekly. */
  a: {
    /** From this age, an elder with one of the categories or living situations below is A. */
    minAge: number;
    categories: CareCategory[];
    livingSituations: LivingSituation[];
    /** A recorded life-threatening illness makes A at any age. */
    lifeThreateningIllness: boolean;
  };
  /** Monthly. */
  b: {
    /** From this age (or with the age unknown), an elder with one of the facts below is B. */
    minAge: number;
    categories: CareCategory[];
    /** A disability certificate of this grade or more severe (1 is the most severe); null: none. */
    maxDisabilityGrade: number | null;
    /** A recorded dementia makes B. */
    dementia: boolean;
    /** 低保 and living alone (the category, or the recorded living situation) makes B. */
    minimumLivingAllowanceAlone: boolean;
  };
}

/** Issue 17's defaults: A 80+ living alone, empty-nest or left behind, or gravely ill; B 60+ 失能 or 重残 1-2 or dementia, 特困, 计生特殊家庭, 低保 living alone. */
export const DEFAULT_TIER_RULES: TierRules = {
  a: {
    minAge: 80,
    categories: ['LIVING_ALONE', 'EMPTY_NEST', 'LEFT_BEHIND'],
    livingSituations: ['ALONE'],
    lifeThreateningIllness: true,
  },
  b: {
    minAge: 60,
    categories: ['DISABLED', 'SEVERE_DISABILITY', 'EXTREME_POVERTY', 'BEREAVED_FAMILY'],
    maxDisabilityGrade: 2,
    dementia: true,
    minimumLivingAllowanceAlone: true,
  },
};

function listOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T[] {
  if (!Array.isArray(value) || value.some((x) => !allowed.includes(x as T))) {
    badInput(field, { en: 'Choose from the listed values', zh: '请从列出的选项中选择' });
  }
  return [...new Set(value as T[])];
}

function flag(field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') badInput(field, { en: 'Must be yes or no', zh: '只能是“是”或“否”' });
  return value;
}

/** The rules checked field by field (ages 50-100, known categories and situations, grade 1-4). */
export function tierRulesOf(field: string, input: unknown): TierRules {
  const o = (input ?? {}) as { a?: Record<string, unknown>; b?: Record<string, unknown> };
  const a = o.a ?? {};
  const b = o.b ?? {};
  const grade = b.maxDisabilityGrade;
  return {
    a: {
      minAge: v.int(`${field}.a.minAge`, a.minAge as number, 50, 100),
      categories: listOf(`${field}.a.categories`, a.categories, CARE_CATEGORIES),
      livingSituations: listOf(`${field}.a.livingSituations`, a.livingSituations, LIVING_SITUATIONS),
      lifeThreateningIllness: flag(`${field}.a.lifeThreateningIllness`, a.lifeThreateningIllness),
    },
    b: {
      minAge: v.int(`${field}.b.minAge`, b.minAge as number, 50, 100),
      categories: listOf(`${field}.b.categories`, b.categories, CARE_CATEGORIES),
      maxDisabilityGrade: grade == null ? null : v.int(`${field}.b.maxDisabilityGrade`, grade as number, 1, 4),
      dementia: flag(`${field}.b.dementia`, b.dementia),
      minimumLivingAllowanceAlone: flag(`${field}.b.minimumLivingAllowanceAlone`, b.minimumLivingAllowanceAlone),
    },
  };
}
