// The demo village's people: coordinator, clerk, volunteers and elders, with the facts their
// visit tiers follow from and the hours some carried over from the paper passbook. Seeded by demo.seed.ts.
import type { CareCategory, LivingSituation, Role, VisitTier } from '../schema/enums.schema';

export interface Person {
  name: string;
  phone?: string;
  roles: Role[];
  birthYear: number;
  address?: string;
  careCategories?: CareCategory[];
  /** Facts the visit tiers read. */
  livingSituation?: LivingSituation;
  disabilityGrade?: number;
  minimumLivingAllowance?: boolean;
  dementia?: boolean;
  /**
   * The visit tier the default rules give them in 2026 (server/src/visits/tier-rules.ts); the
   * generation job keeps it from then on (birthdays). Absent: not on the visit list.
   */
  visitTier?: VisitTier;
  /** Hours banked on paper before the site went digital, carried over as an opening balance. */
  openingMinutes?: number;
  openingPoints?: number;
}

export const PEOPLE: Person[] = [
  { name: '李秀英', phone: '13900000001', roles: ['COORDINATOR'], birthYear: 1968, address: '三和村村委会' },
  { name: '王小芳', phone: '13900000002', roles: ['CLERK'], birthYear: 1985, address: '三和村爱心超市' },
  {
    name: '张建国',
    phone: '13900000003',
    roles: ['VOLUNTEER'],
    birthYear: 1958,
    address: '三和村2组',
    openingMinutes: 600,
    openingPoints: 100,
  },
  {
    name: '刘桂兰',
    phone: '13900000004',
    roles: ['VOLUNTEER'],
    birthYear: 1961,
    address: '三和村5组',
    openingMinutes: 240,
    openingPoints: 40,
  },
  { name: '陈志明', phone: '13900000005', roles: ['VOLUNTEER'], birthYear: 1990, address: '三和村1组' },
  // 以老助老: a younger-old villager who helps others and is herself due visits.
  {
    name: '黄淑珍',
    phone: '13900000006',
    roles: ['VOLUNTEER', 'ELDER'],
    birthYear: 1952,
    address: '三和村3组',
    careCategories: ['EMPTY_NEST'],
    // 低保 and living alone since her husband died: monthly (B).
    livingSituation: 'ALONE',
    minimumLivingAllowance: true,
    visitTier: 'B',
    openingMinutes: 900,
    openingPoints: 150,
  },
  {
    name: '赵玉梅',
    phone: '13900000007',
    roles: ['ELDER'],
    birthYear: 1939,
    address: '三和村4组12号',
    careCategories: ['LIVING_ALONE', 'ADVANCED_AGE'],
    visitTier: 'A',
  },
  {
    name: '孙德福',
    roles: ['ELDER'],
    birthYear: 1944,
    address: '三和村6组3号',
    careCategories: ['EMPTY_NEST', 'DISABLED'],
    livingSituation: 'WITH_SPOUSE',
    disabilityGrade: 2,
    visitTier: 'A',
    openingMinutes: 300,
  },
  {
    name: '周桂香',
    roles: ['ELDER'],
    birthYear: 1936,
    address: '三和村4组7号',
    careCategories: ['LIVING_ALONE', 'EXTREME_POVERTY', 'ADVANCED_AGE'],
    livingSituation: 'ALONE',
    visitTier: 'A',
  },
  // 79 and left behind, with dementia: monthly (B); weekly (A) once he turns 80.
  {
    name: '吴长庚',
    roles: ['ELDER'],
    birthYear: 1947,
    address: '三和村2组9号',
    careCategories: ['LEFT_BEHIND'],
    dementia: true,
    visitTier: 'B',
  },
  { name: '郑秀兰', roles: ['ELDER'], birthYear: 1950, address: '三和村5组1号', visitTier: 'C' },
];
