// The one authorization helper: who the viewer is, and what roles they hold at which site.
// Every service calls these first, before any rule, and each check names the site.
import type { MemberRow, MembershipRow, Role } from '@huzhu/db';
import { ErrorCode, fail } from '../graphql/errors';

export interface Viewer {
  id: number;
  /** The member's own site; null for platform staff. */
  siteId: number | null;
  memberships: Pick<MembershipRow, 'siteId' | 'role'>[];
  /**
   * The member's row as read when the token was checked. An HTTP request's loader starts with it,
   * so the viewer's own name or balance does not read the row a second time.
   */
  member?: MemberRow;
}

export interface HasViewer {
  viewer: Viewer | null;
}

export function requireViewer(ctx: HasViewer): Viewer {
  if (!ctx.viewer) fail(ErrorCode.UNAUTHENTICATED, { en: 'Please log in', zh: '请先登录' });
  return ctx.viewer;
}

/** Platform staff (民政局): ADMIN with no site. */
export function isPlatformAdmin(viewer: Viewer | null): boolean {
  return Boolean(viewer?.memberships.some((m) => m.role === 'ADMIN' && m.siteId === null));
}

export function rolesAt(viewer: Viewer | null, siteId: number): Role[] {
  return viewer ? viewer.memberships.filter((m) => m.siteId === siteId).map((m) => m.role) : [];
}

export function hasRoleAt(viewer: Viewer | null, siteId: number, allowed: readonly Role[]): boolean {
  if (allowed.includes('ADMIN') && isPlatformAdmin(viewer)) return true;
  return rolesAt(viewer, siteId).some((r) => allowed.includes(r));
}

/**
 * Requires one of `allowed` at `siteId`; 'ADMIN' in the list lets platform staff through too.
 * Anything else is FORBIDDEN, naming neither the site's data nor why beyond the role.
 */
export function requireRoleAt(ctx: HasViewer, siteId: number, allowed: readonly Role[]): Viewer {
  const viewer = requireViewer(ctx);
  if (!hasRoleAt(viewer, siteId, allowed)) {
    fail(ErrorCode.FORBIDDEN, {
      en: `This needs the role ${allowed.join(' or ')} at this site`,
      zh: `需要本站点的${allowed.map((r) => ROLE_ZH[r]).join('或')}权限`,
    });
  }
  return viewer;
}

/** Anyone who belongs to the site in any role, and platform staff. */
export function requireMemberOf(ctx: HasViewer, siteId: number): Viewer {
  return requireRoleAt(ctx, siteId, ['ADMIN', 'COORDINATOR', 'CLERK', 'VOLUNTEER', 'ELDER']);
}

/**
 * The viewer, if they belong to the site (any role) or are platform staff; anyone else gets
 * `missing()`, the very answer a thing that does not exist gets. Used where an id names
 * something of a site: FORBIDDEN would tell another site's people which ids exist there.
 * `siteId` null: a thing of no site (platform transfers), visible to platform staff only.
 */
export function requireVisibleAt(ctx: HasViewer, siteId: number | null, missing: () => never): Viewer {
  const viewer = requireViewer(ctx);
  if (!canSeeSite(viewer, siteId)) missing();
  return viewer;
}

/** Whether the viewer belongs to the site (any role) or is platform staff. */
export function canSeeSite(viewer: Viewer | null, siteId: number | null): boolean {
  if (siteId === null) return isPlatformAdmin(viewer);
  return hasRoleAt(viewer, siteId, ['ADMIN', 'COORDINATOR', 'CLERK', 'VOLUNTEER', 'ELDER']);
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
