// The service categories in the order a volunteer thinks of them (the seeds' 助餐, 助浴, ...).
import type { CareCategory, LivingSituation, ServiceCategory } from '../graphql/generated/graphql';

export const SERVICE_CATEGORIES: readonly ServiceCategory[] = [
  'MEALS',
  'BATHING',
  'CLEANING',
  'MEDICAL_ESCORT',
  'MOBILITY',
  'EMERGENCY',
  'COMPANIONSHIP',
  'VISIT',
  'ERRAND',
  'REPAIR',
  'FARM_WORK',
  'OTHER',
];

export const CARE_CATEGORIES: readonly CareCategory[] = [
  'LIVING_ALONE',
  'EMPTY_NEST',
  'LEFT_BEHIND',
  'EXTREME_POVERTY',
  'ADVANCED_AGE',
  'DISABLED',
  'SEVERE_DISABILITY',
  'BEREAVED_FAMILY',
];

/** Who an elder lives with, from alone to a care home (one of the visit tiers' facts). */
export const LIVING_SITUATIONS: readonly LivingSituation[] = [
  'ALONE',
  'WITH_SPOUSE',
  'WITH_CHILDREN',
  'WITH_OTHERS',
  'IN_CARE_HOME',
];
