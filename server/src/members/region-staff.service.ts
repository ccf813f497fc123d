// Staff scoped to a region (乡镇/县 officers): platform staff appoint them for any region, and a
// region's staff for the regions under theirs (county staff for its townships), by the whole phone
// number. An officer is ADMIN at every site under their region (authorize.ts), from the moment the
// membership is written until it is removed: the member cache hears both (migration 0006).
import { memberQueries, regionQueries, regionStaffQueries, type MemberRow, type RegionRow, type Role } from '@huzhu/db';
import { isPlatformAdmin, isSystem, regionInMine, requireActor, type Actor } from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { ErrorCode, fail, notFound } from '../core/errors';
import * as v from '../core/validate';
import { requireRegionReader } from '../reports/region-access';

/** A member's office in a region. */
export interface RegionRoleData {
  region: RegionRow;
  role: Role;
}

export interface RegionOfficerAppointment {
  regionId: number;
  /** The whole mobile number of the member to appoint. */
  phone: string;
}

export interface RegionOfficerRemoval {
  regionId: number;
  memberId: number;
}

/** Whether the actor is staff of a region strictly above this one. */
function staffAbove(actor: Actor, region: RegionRow): boolean {
  if (isSystem(actor)) return false;
  return (actor.regions ?? []).some((r) => region.path.startsWith(r.path) && region.path !== r.path);
}

/** Platform staff for any region, a region's staff for those under theirs; anyone else FORBIDDEN. */
async function requireAppointer(deps: ServiceDeps, actor: Actor | null, regionId: number): Promise<RegionRow> {
  const a = requireActor(actor);
  const region = await regionQueries.regionById(deps.db, regionId);
  if (isPlatformAdmin(a)) return region ?? notFound('region');
  if (!region || !staffAbove(a, region)) {
    fail(ErrorCode.FORBIDDEN, {
      en: 'Only platform staff, or the staff of a region above, can appoint this region’s officers',
      zh: '只有民政局或上级地区的工作人员可以任命本地区的工作人员',
    });
  }
  return region;
}

export async function appointRegionOfficer(
  deps: ServiceDeps,
  actor: Actor | null,
  input: RegionOfficerAppointment,
): Promise<MemberRow> {
  const region = await requireAppointer(deps, actor, input.regionId);
  const phone = v.phone('phone', input.phone);
  return deps.db.transaction(async (tx) => {
    const member = await memberQueries.memberByPhone(tx, phone);
    if (!member || member.deactivatedAt !== null) {
      fail(
        ErrorCode.NOT_FOUND,
        { en: 'Nobody is registered with this phone number', zh: '没有用这个手机号登记的成员' },
        { field: 'phone' },
      );
    }
    await regionStaffQueries.appoint(tx, member.id, region.id);
    await audit(tx, actor, null, 'appointRegionOfficer', 'member', member.id, { regionId: region.id });
    return member;
  });
}

export async function removeRegionOfficer(
  deps: ServiceDeps,
  actor: Actor | null,
  input: RegionOfficerRemoval,
): Promise<MemberRow> {
  const region = await requireAppointer(deps, actor, input.regionId);
  return deps.db.transaction(async (tx) => {
    const member = await memberQueries.memberById(tx, input.memberId);
    // Someone who holds no office here is, to the one removing, someone who does not exist.
    if (!member || !(await regionStaffQueries.remove(tx, member.id, region.id))) notFound('member');
    await audit(tx, actor, null, 'removeRegionOfficer', 'member', member.id, { regionId: region.id });
    return member;
  });
}

/** The officers of the region itself, by name: for those who may read its figures. */
export async function regionOfficers(deps: ServiceDeps, actor: Actor | null, regionId: number): Promise<MemberRow[]> {
  const region = await regionQueries.regionById(deps.db, regionId);
  requireRegionReader(actor, region ?? null);
  if (!region) notFound('region');
  return (await regionStaffQueries.officersOf(deps.db, [region.id])).map((o) => o.member);
}

/** The member's offices: shown to the member, platform staff, and the staff of a region above. */
export async function regionRolesOf(
  deps: ServiceDeps,
  actor: Actor | null,
  member: MemberRow,
): Promise<RegionRoleData[]> {
  const a = requireActor(actor);
  const own = !isSystem(a) && a.id === member.id;
  const all = own || isPlatformAdmin(a);
  return (await regionStaffQueries.regionsOf(deps.db, member.id))
    .filter((region) => all || regionInMine(a, region.path))
    .map((region) => ({ region, role: 'ADMIN' as const }));
}
