// Roles at sites other than one's own: a township's 助老员 serving three villages holds VOLUNTEER
// at each. Each site's coordinator grants a role at their site to a member of another site, found
// by the whole phone number (they may not browse other sites' people), and removes it again. Every
// other rule already reads roles per site (authorize.ts), so a role granted here counts at once.
import { joiningQueries, memberQueries, type MemberRow, type Role } from '@huzhu/db';
import {
  isPlatformAdmin,
  memberIdOf,
  requireActor,
  requireRoleAt,
  STAFF,
  hasRoleAt,
  type Actor,
} from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { badInput, ErrorCode, fail, notFound } from '../core/errors';
import * as v from '../core/validate';

/** The roles a coordinator may give to someone of another site. */
export const GRANTABLE: readonly Role[] = ['VOLUNTEER', 'CLERK', 'COORDINATOR'];

export interface SiteRoleGrant {
  siteId: number;
  /** The whole mobile number of the member of another site. */
  phone: string;
  role: Role;
}

export interface SiteRoleRemoval {
  siteId: number;
  memberId: number;
  role: Role;
}

/** A member's roles at one site. */
export interface SiteRolesData {
  siteId: number;
  roles: Role[];
}

/** A person of another site and the roles they hold at this one. */
export interface SiteGuestData {
  member: MemberRow;
  roles: Role[];
}

function requireGrantable(role: Role): void {
  if (role === 'ADMIN') badInput('role', { en: 'ADMIN cannot be granted here', zh: '不能在这里授予管理员身份' });
  if (!GRANTABLE.includes(role))
    badInput('role', { en: 'An elder is served at their own site', zh: '老人只在自己的站点接受服务' });
}

/** Gives a member of another site a role at this site (COORDINATOR of the site, or ADMIN). */
export async function grantSiteRole(deps: ServiceDeps, actor: Actor | null, input: SiteRoleGrant): Promise<MemberRow> {
  requireRoleAt(actor, input.siteId, ['COORDINATOR', 'ADMIN']);
  requireGrantable(input.role);
  const phone = v.phone('phone', input.phone);
  const site = await deps.cache.site.load(input.siteId);
  if (!site) notFound('site');
  return deps.db.transaction(async (tx) => {
    const member = await memberQueries.memberByPhone(tx, phone);
    if (!member || member.siteId === null) {
      fail(
        ErrorCode.NOT_FOUND,
        { en: 'Nobody is registered with this phone number', zh: '没有用这个手机号登记的成员' },
        { field: 'phone' },
      );
    }
    if (member.siteId === input.siteId) {
      badInput('phone', {
        en: 'This person belongs to this site already: change their roles on their own page',
        zh: '此人已是本站点成员，请在成员资料里修改身份',
      });
    }
    await memberQueries.grantRole(tx, member.id, input.siteId, input.role);
    await audit(tx, actor, input.siteId, 'grantSiteRole', 'member', member.id, {
      role: input.role,
      homeSiteId: member.siteId,
    });
    return member;
  });
}

/**
 * Takes a role at this site from a member of another site. It ends at once: the member cache
 * hears the change (migration 0006), and an open subscription is re-checked at its next event.
 */
export async function removeSiteRole(
  deps: ServiceDeps,
  actor: Actor | null,
  input: SiteRoleRemoval,
): Promise<MemberRow> {
  requireRoleAt(actor, input.siteId, ['COORDINATOR', 'ADMIN']);
  const member = await deps.cache.member.load(input.memberId);
  // Someone who holds nothing here is, to this coordinator, someone who does not exist.
  const held = member
    ? (await memberQueries.membershipsOf(deps.db, member.id)).filter((m) => m.siteId === input.siteId)
    : [];
  if (!member || held.length === 0) notFound('member');
  if (member.siteId === input.siteId) {
    badInput('memberId', {
      en: "This is the member's own site: change their roles on their own page",
      zh: '这是此人自己的站点，请在成员资料里修改身份',
    });
  }
  return deps.db.transaction(async (tx) => {
    const removed = await joiningQueries.removeRole(tx, member.id, input.siteId, input.role);
    if (!removed) fail(ErrorCode.CONFLICT, { en: 'This role is not held here', zh: '此人在本站点没有这个身份' });
    await audit(tx, actor, input.siteId, 'removeSiteRole', 'member', member.id, { role: input.role });
    return member;
  });
}

/** People of other sites holding roles at this site (its staff, and platform staff). */
export async function siteGuests(deps: ServiceDeps, actor: Actor | null, siteId: number): Promise<SiteGuestData[]> {
  requireRoleAt(actor, siteId, STAFF);
  return joiningQueries.guestsOf(deps.db, siteId);
}

/**
 * A member's roles per site, their own site first: the member themself and platform staff see all
 * of them; a site's staff see only their own site's entry; anyone else sees none.
 */
export async function siteRolesOf(deps: ServiceDeps, actor: Actor | null, member: MemberRow): Promise<SiteRolesData[]> {
  const a = requireActor(actor);
  const own = memberIdOf(a) === member.id || isPlatformAdmin(a);
  const bySite = new Map<number, Role[]>();
  if (member.siteId !== null) bySite.set(member.siteId, []);
  for (const m of await deps.cache.membershipsOf.load(member.id)) {
    if (m.siteId === null) continue;
    if (!own && !hasRoleAt(a, m.siteId, STAFF)) continue;
    bySite.set(m.siteId, [...(bySite.get(m.siteId) ?? []), m.role]);
  }
  return [...bySite]
    .filter(([siteId, roles]) => roles.length > 0 && (own || hasRoleAt(a, siteId, STAFF)))
    .map(([siteId, roles]) => ({ siteId, roles }));
}
