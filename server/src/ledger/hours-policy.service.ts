// The hours policy per region (issue 18), as staff read and change it: read by whoever may read
// the region's figures (a site's policy by whoever sees the site), set and cleared by platform
// staff or the region's own officers, for their region and those under it. And the one rule the
// policy puts on posting a need: a member pays for their own care with their own hours only from
// the policy's age.
import {
  hoursPolicyQueries as hq,
  regionQueries,
  visitRuleQueries,
  type Executor,
  type MemberRow,
  type RegionRow,
  type ServiceCategory,
} from '@huzhu/db';
import {
  isPlatformAdmin,
  memberIdOf,
  regionInMine,
  requireActor,
  requireVisibleAt,
  type Actor,
} from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { ErrorCode, fail, notFound } from '../core/errors';
import { requireRegionReader } from '../reports/region-access';
import {
  ageOf,
  effectiveOf,
  ownOfRow,
  ownPolicyOf,
  sitePolicy,
  type HoursPolicy,
  type OwnHoursPolicy,
} from './hours-policy';

export interface RegionHoursPolicyData {
  region: RegionRow;
  /** The region's own set; null: it has none and follows the regions above. */
  own: OwnHoursPolicy | null;
  /** What its sites follow (for a site in a region below, a nearer region may still set a field). */
  effective: HoursPolicy;
}

export interface HoursPolicyInput {
  capMinutes?: number | null;
  minWithdrawAge?: number | null;
  expiryMonths?: number | null;
  weights?: readonly { category: ServiceCategory; perMille: number }[] | null;
}

/** The same rule as the visit rules' requireRegionWriter: platform staff, or staff of the region or one above it. */
function requirePolicyWriter(actor: Actor | null, region: RegionRow): Actor {
  const a = requireActor(actor);
  if (!isPlatformAdmin(a) && !regionInMine(a, region.path)) {
    fail(ErrorCode.FORBIDDEN, {
      en: 'Only civil-affairs staff of this region can change its hours policy',
      zh: '只有本地区的民政工作人员可以修改时间政策',
    });
  }
  return a;
}

async function regionOrNotFound(ex: Executor, regionId: number): Promise<RegionRow> {
  return (await regionQueries.regionById(ex, regionId)) ?? notFound('region');
}

async function dataOf(ex: Executor, region: RegionRow): Promise<RegionHoursPolicyData> {
  const path = visitRuleQueries.pathIds(region.path);
  const rows = await hq.policiesOf(ex, path);
  const own = rows.find((r) => r.regionId === region.id);
  return { region, own: own ? ownOfRow(own) : null, effective: effectiveOf(path, rows) };
}

/** A region's own policy and the one it passes down (whoever may read the region). */
export async function regionHoursPolicy(
  deps: ServiceDeps,
  actor: Actor | null,
  regionId: number,
): Promise<RegionHoursPolicyData> {
  const region = await regionOrNotFound(deps.db, regionId);
  requireRegionReader(actor, region);
  return dataOf(deps.db, region);
}

/** The policy a site follows (its members, its region's staff, platform staff). */
export async function siteHoursPolicy(deps: ServiceDeps, actor: Actor | null, siteId: number): Promise<HoursPolicy> {
  requireVisibleAt(actor, siteId, () => notFound('site'));
  return sitePolicy(deps.db, siteId);
}

/** Sets the region's own policy, the whole set: a field left null follows the regions above. */
export async function setHoursPolicy(
  deps: ServiceDeps,
  actor: Actor | null,
  regionId: number,
  input: HoursPolicyInput,
): Promise<RegionHoursPolicyData> {
  const region = await regionOrNotFound(deps.db, regionId);
  const writer = requirePolicyWriter(actor, region);
  const own = ownPolicyOf('policy', input);
  await deps.db.transaction(async (tx) => {
    await hq.upsertPolicy(tx, {
      regionId: region.id,
      capMinutes: own.capMinutes,
      minWithdrawAge: own.minWithdrawAge,
      expiryMonths: own.expiryMonths,
      categoryWeights: own.weights,
      setBy: memberIdOf(writer),
    });
    await audit(tx, actor, null, 'setHoursPolicy', 'region', region.id, { policy: own });
  });
  return dataOf(deps.db, region);
}

/** Drops the region's own policy: it follows the regions above again. */
export async function clearHoursPolicy(
  deps: ServiceDeps,
  actor: Actor | null,
  regionId: number,
): Promise<RegionHoursPolicyData> {
  const region = await regionOrNotFound(deps.db, regionId);
  requirePolicyWriter(actor, region);
  await deps.db.transaction(async (tx) => {
    if (await hq.deletePolicy(tx, region.id)) {
      await audit(tx, actor, null, 'clearHoursPolicy', 'region', region.id, {});
    }
  });
  return dataOf(deps.db, region);
}

/**
 * A need paid from the beneficiary's own hours (payer BENEFICIARY) is refused for a beneficiary
 * younger than the site's policy says (FORBIDDEN, extensions.reason BELOW_WITHDRAWAL_AGE, minAge).
 * Checked when the need is posted and when an edit makes it so (payer or beneficiary), not again
 * at confirmation: the volunteer served on the terms the need was posted on. A member whose birth
 * year is not recorded is not refused: elders registered before ages were kept would otherwise be
 * barred from their own hours by a missing fact; the coordinator who posts answers for it.
 */
export async function requireWithdrawAge(ex: Executor, siteId: number, beneficiary: MemberRow): Promise<void> {
  const age = ageOf(beneficiary.birthYear);
  if (age === null) return;
  const { minWithdrawAge } = await sitePolicy(ex, siteId);
  if (age >= minWithdrawAge) return;
  fail(
    ErrorCode.FORBIDDEN,
    {
      en: `Members spend their own hours on their own care from age ${minWithdrawAge}; let the site pay for this need`,
      zh: `年满 ${minWithdrawAge} 岁才能用自己的时间支付自己的服务，请改由站点支付`,
    },
    { reason: 'BELOW_WITHDRAWAL_AGE', minAge: minWithdrawAge, field: 'input.payer' },
  );
}
