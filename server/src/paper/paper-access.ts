// Who may handle a member's paper (passbook, card, certificate): the member themself, and the
// coordinator or clerk of the member's site. People of the site without the role hear FORBIDDEN;
// anyone else NOT_FOUND, the answer an id that does not exist gets, so another site's people learn
// nothing of which members exist.
import type { MemberRow } from '@huzhu/db';
import { canSeeSite, memberIdOf, requireActor, requireRoleAt, type Actor } from '../auth/authorize';
import type { ServiceDeps } from '../core/deps';
import { notFound } from '../core/errors';
import type { Role } from '@huzhu/db';

export const PAPER_STAFF: readonly Role[] = ['COORDINATOR', 'CLERK'];

/** The member, if the actor is the member or holds one of `roles` at the member's site. */
export async function memberForPaper(
  deps: ServiceDeps,
  actor: Actor | null,
  memberId: number,
  roles: readonly Role[],
  self = true,
): Promise<{ actor: Actor; member: MemberRow }> {
  const a = requireActor(actor);
  const member = await deps.cache.member.load(memberId);
  if (!member) notFound('member');
  const isSelf = self && memberIdOf(a) === member.id;
  if (isSelf) return { actor: a, member };
  if (member.siteId === null || !canSeeSite(a, member.siteId)) notFound('member');
  requireRoleAt(a, member.siteId, roles);
  return { actor: a, member };
}

/** 110101199003071234 -> 1101**********1234: the first four and last four, never more. */
export function maskIdNumber(idNumber: string): string {
  const n = idNumber.trim();
  if (n.length <= 8) return '*'.repeat(n.length);
  return `${n.slice(0, 4)}${'*'.repeat(n.length - 8)}${n.slice(-4)}`;
}
