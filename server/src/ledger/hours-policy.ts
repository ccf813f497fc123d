// The hours policy per region (issue 18, 政策按地区): its defaults (Nanjing's 1,500-hour cap, 60
// to spend one's own hours, no expiry, every category 1:1), the check of a region's own set before
// it is written, and the policy a site follows: per field, the nearest region up the site's path
// that sets it, else the default. Read inside the caller's transaction by the ledger's credits.
import {
  hoursPolicyQueries as hq,
  SERVICE_CATEGORIES,
  type Executor,
  type HoursPolicyRow,
  type ServiceCategory,
} from '@huzhu/db';
import { badInput } from '../core/errors';
import * as v from '../core/validate';

/** Weights are kept in per mille: 1000 is 1:1, 1500 credits an hour of the category as 90 minutes. */
export const WEIGHT_ONE = 1000;

export interface HoursPolicy {
  /** Most minutes a member may hold. */
  capMinutes: number;
  /** Youngest age at which a member's own hours pay for their own care. */
  minWithdrawAge: number;
  /** Months after which unspent credited minutes expire; null: never. */
  expiryMonths: number | null;
  /** Per mille by category, every category present. */
  weights: Record<ServiceCategory, number>;
}

/** A region's own set: null (or a category left out) takes the region above's. */
export interface OwnHoursPolicy {
  capMinutes: number | null;
  minWithdrawAge: number | null;
  /** 0: never expire (set here, whatever the region above says); null: as above. */
  expiryMonths: number | null;
  weights: Partial<Record<ServiceCategory, number>>;
}

export const DEFAULT_HOURS_POLICY: HoursPolicy = {
  capMinutes: 1500 * 60,
  minWithdrawAge: 60,
  expiryMonths: null,
  weights: Object.fromEntries(SERVICE_CATEGORIES.map((c) => [c, WEIGHT_ONE])) as Record<ServiceCategory, number>,
};

const optionalInt = (field: string, value: number | null | undefined, min: number, max: number) =>
  value == null ? null : v.int(field, value, min, max);

/** A region's own set checked field by field (cap 1-100,000 hours, age 0-120, 0-240 months, weights 0.1-5). */
export function ownPolicyOf(
  field: string,
  input: {
    capMinutes?: number | null;
    minWithdrawAge?: number | null;
    expiryMonths?: number | null;
    weights?: readonly { category: ServiceCategory; perMille: number }[] | null;
  },
): OwnHoursPolicy {
  const weights: Partial<Record<ServiceCategory, number>> = {};
  for (const [i, w] of (input.weights ?? []).entries()) {
    if (!SERVICE_CATEGORIES.includes(w.category)) {
      badInput(`${field}.weights.${i}.category`, { en: 'Unknown service category', zh: '未知的服务类别' });
    }
    if (weights[w.category] !== undefined) {
      badInput(`${field}.weights.${i}.category`, { en: 'A category is weighted once', zh: '每个类别只能设一个权重' });
    }
    weights[w.category] = v.int(`${field}.weights.${i}.perMille`, w.perMille, 100, 5000);
  }
  return {
    capMinutes: optionalInt(`${field}.capMinutes`, input.capMinutes, 60, 6_000_000),
    minWithdrawAge: optionalInt(`${field}.minWithdrawAge`, input.minWithdrawAge, 0, 120),
    expiryMonths: optionalInt(`${field}.expiryMonths`, input.expiryMonths, 0, 240),
    weights,
  };
}

export function ownOfRow(row: HoursPolicyRow): OwnHoursPolicy {
  return {
    capMinutes: row.capMinutes,
    minWithdrawAge: row.minWithdrawAge,
    expiryMonths: row.expiryMonths,
    weights: row.categoryWeights as Partial<Record<ServiceCategory, number>>,
  };
}

/** The policy of a region path (ids top down) given the rows of the regions on it. */
export function effectiveOf(pathIds: readonly number[], rows: readonly HoursPolicyRow[]): HoursPolicy {
  const byRegion = new Map(rows.map((r) => [r.regionId, ownOfRow(r)]));
  // Nearest first: the site's own region, then up to the top; the first that sets a field wins.
  const up = [...pathIds].reverse().flatMap((id) => byRegion.get(id) ?? []);
  const first = <T>(pick: (o: OwnHoursPolicy) => T | null | undefined): T | undefined =>
    up.map(pick).find((x): x is T => x != null);
  const expiry = first((o) => o.expiryMonths);
  return {
    capMinutes: first((o) => o.capMinutes) ?? DEFAULT_HOURS_POLICY.capMinutes,
    minWithdrawAge: first((o) => o.minWithdrawAge) ?? DEFAULT_HOURS_POLICY.minWithdrawAge,
    expiryMonths: expiry === undefined || expiry === 0 ? null : expiry,
    weights: Object.fromEntries(SERVICE_CATEGORIES.map((c) => [c, first((o) => o.weights[c]) ?? WEIGHT_ONE])) as Record<
      ServiceCategory,
      number
    >,
  };
}

/** The policy a site follows (the defaults for a site in no region). */
export async function sitePolicy(ex: Executor, siteId: number): Promise<HoursPolicy> {
  const { path, rows } = await hq.sitePolicyRows(ex, siteId);
  return effectiveOf(path, rows);
}

/** Minutes credited for `minutes` of service in the category: rounded to the nearest minute, at least 1. */
export function weightedMinutes(minutes: number, policy: HoursPolicy, category: ServiceCategory): number {
  return Math.max(1, Math.round((minutes * policy.weights[category]) / WEIGHT_ONE));
}

/** Age as the birth year tells it: a member counts as N all through the year they turn N. */
export function ageOf(birthYear: number | null, at = new Date()): number | null {
  return birthYear === null ? null : at.getUTCFullYear() - birthYear;
}
