// The one authorization helper: who acts (a member with roles at sites, or the process itself),
// and what they may do where. Every service calls these first, before any rule.
import type { MemberRow, MembershipRow, Role, StaffRegion } from '@huzhu/db';
import { ErrorCode, fail } from '../core/errors';

/** A member acting: who they are and their roles, as read when their token was checked. */
export interface Viewer {
  id: number;
  /** The member's own site; null for platform staff. */
  siteId: number | null;
  /** Roles held: at a site, or (ADMIN with no site and a region) as staff of a region. */
  memberships: (Pick<MembershipRow, 'siteId' | 'role'> & { regionId?: number | null })[];
  /** The regions the member is staff of (乡镇/县 officers), with their kept paths. */
  regions?: readonly StaffRegion[];
  /**
   * The sites under those regions, read with the member: where a region officer acts as the
   * site's ADMIN would. A site entering or leaving a region refreshes it (migration 0022).
   */
  regionSiteIds?: readonly number[];
  /**
   * The member's row as read when the token was checked. An HTTP request's loader starts with it,
   * so the viewer's own name or balance does not read the row a second time.
   */
  member?: MemberRow;
  /** Where the member acts from (the client's address), for the audit trail. */
  ip?: string;
}

/**
 * The process acting on its own: a scheduled job, a command. It may do what platform staff may
 * (its work is the platform's), and the audit trail names it by its label.
 */
export interface SystemActor {
  system: string;
}

/** Who a service call acts for; null for nobody logged in. */
export type Actor = Viewer | SystemActor;

/** The system actor for a job or a command: `systemActor('job:ledger.check')`. */
export function systemActor(label: string): SystemActor {
  return Object.freeze({ system: label });
}

export function isSystem(actor: Actor | null): actor is SystemActor {
  return actor !== null && 'system' in actor;
}

/** The member behind the actor, null for the system. */
export function memberIdOf(actor: Actor | null): number | null {
  return actor && !isSystem(actor) ? actor.id : null;
}

/** Who acts, as a stable tag (`member:12`, `system:job:x`): the namespace of their idempotency keys. */
export function actorTag(actor: Actor): string {
  return isSystem(actor) ? `system:${actor.system}` : `member:${actor.id}`;
}

/** Anyone logged in, or the system; nobody gets UNAUTHENTICATED. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) fail(ErrorCode.UNAUTHENTICATED, { en: 'Please log in', zh: '请先登录' });
  return actor;
}

/** A member acting for themselves (claiming, donating their own minutes): not the system. */
export function requireViewer(actor: Actor | null): Viewer {
  const a = requireActor(actor);
  if (isSystem(a)) fail(ErrorCode.FORBIDDEN, { en: 'Only a member can do this', zh: '只有成员本人可以这样做' });
  return a;
}

/**
 * Platform staff (民政局): ADMIN with no site and no region; the system acts with their rights.
 * A region's staff also hold ADMIN with no site, but are not platform staff.
 */
export function isPlatformAdmin(actor: Actor | null): boolean {
  if (!actor) return false;
  if (isSystem(actor)) return true;
  return actor.memberships.some((m) => m.role === 'ADMIN' && m.siteId === null && (m.regionId ?? null) === null);
}

/** Whether the member is staff of some region (and so, maybe, of no site at all). */
export function isRegionStaff(actor: Actor | null): boolean {
  return !!actor && !isSystem(actor) && (actor.regions?.length ?? 0) > 0;
}

/** Whether the site sits under one of the viewer's regions: there they act as its ADMIN. */
export function inMyRegions(actor: Actor | null, siteId: number): boolean {
  return !!actor && !isSystem(actor) && (actor.regionSiteIds?.includes(siteId) ?? false);
}

/** Whether the region (by its kept path) is one of the viewer's or under one of them. */
export function regionInMine(actor: Actor | null, path: string): boolean {
  if (!actor || isSystem(actor)) return false;
  return (actor.regions ?? []).some((r) => path.startsWith(r.path));
}

export function rolesAt(actor: Actor | null, siteId: number): Role[] {
  return actor && !isSystem(actor) ? actor.memberships.filter((m) => m.siteId === siteId).map((m) => m.role) : [];
}

/**
 * Every rule reads roles here: 'ADMIN' allowed lets platform staff through anywhere, and a
 * region's staff at the sites under their region ("site" widened to "sites in my region").
 */
export function hasRoleAt(actor: Actor | null, siteId: number, allowed: readonly Role[]): boolean {
  if (allowed.includes('ADMIN') && (isPlatformAdmin(actor) || inMyRegions(actor, siteId))) return true;
  return rolesAt(actor, siteId).some((r) => allowed.includes(r));
}

/**
 * Requires one of `allowed` at `siteId`; 'ADMIN' in the list lets platform staff through too.
 * Anything else is FORBIDDEN, naming neither the site's data nor why beyond the role.
 */
export function requireRoleAt(actor: Actor | null, siteId: number, allowed: readonly Role[]): Actor {
  const a = requireActor(actor);
  if (!hasRoleAt(a, siteId, allowed)) {
    fail(ErrorCode.FORBIDDEN, {
      en: `This needs the role ${allowed.join(' or ')} at this site`,
      zh: `需要本站点的${allowed.map((r) => ROLE_ZH[r]).join('或')}权限`,
    });
  }
  return a;
}

/** Anyone who belongs to the site in any role, platform staff, and staff of its region. */
export function requireMemberOf(actor: Actor | null, siteId: number): Actor {
  return requireRoleAt(actor, siteId, ['ADMIN', 'COORDINATOR', 'CLERK', 'VOLUNTEER', 'ELDER']);
}

/**
 * The viewer, if they belong to the site (any role) or are platform staff; anyone else gets
 * `missing()`, the very answer a thing that does not exist gets. Used where an id names
 * something of a site: FORBIDDEN would tell another site's people which ids exist there.
 * `siteId` null: a thing of no site (platform transfers), visible to platform staff only.
 */
export function requireVisibleAt(actor: Actor | null, siteId: number | null, missing: () => never): Actor {
  const a = requireActor(actor);
  if (!canSeeSite(a, siteId)) missing();
  return a;
}

/** Whether the viewer belongs to the site (any role), is staff of its region, or is platform staff. */
export function canSeeSite(actor: Actor | null, siteId: number | null): boolean {
  if (siteId === null) return isPlatformAdmin(actor);
  return hasRoleAt(actor, siteId, ['ADMIN', 'COORDINATOR', 'CLERK', 'VOLUNTEER', 'ELDER']);
}

/** Site staff: who may see members' full details and balances. */
export const STAFF: readonly Role[] = ['ADMIN', 'COORDINATOR', 'CLERK'];

export const ROLE_ZH: Record<Role, string> = {
  ADMIN: '管理员',
  COORDINATOR: '协调员',
  VOLUNTEER: '志愿者',
  ELDER: '老人',
  CLERK: '店员',
};
