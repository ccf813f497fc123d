// The service categories in the order a volunteer thinks of them (the seeds' 助餐, 助浴, ...).
import type { CareCategory, ServiceCategory } from '../graphql/generated/graphql';

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
