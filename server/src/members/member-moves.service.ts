// A member moving village (搬迁, issue 18): they keep their one account and all its history; their
// site and roles change by the coordinators' action on both sides. The coordinator of the site
// they leave starts the move, the coordinator of the site they join accepts it with the roles
// they get there (their roles at the old site go), and either cancels it before. Every step is
// audited at both sites. The member cache hears the changed member and roles from the database
// (migration 0006's triggers), so their next request already acts from the new site.
import { memberMoveQueries, memberQueries, type MemberMoveRow, type Role } from '@huzhu/db';
import { canSeeSite, hasRoleAt, memberIdOf, requireActor, requireRoleAt, type Actor } from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { badInput, ErrorCode, fail, notFound } from '../core/errors';

const COORDINATORS: readonly Role[] = ['ADMIN', 'COORDINATOR'];
/** The roles a moving member may be given at the new site (ADMIN is platform staff's). */
export const MOVE_ROLES: readonly Role[] = ['VOLUNTEER', 'ELDER', 'CLERK', 'COORDINATOR'];

export type MemberMoveStatus = 'STARTED' | 'ACCEPTED' | 'CANCELLED';

export function moveStatus(m: MemberMoveRow): MemberMoveStatus {
  return m.acceptedAt !== null ? 'ACCEPTED' : m.cancelledAt !== null ? 'CANCELLED' : 'STARTED';
}

/** The coordinator of the member's site starts their move to `toSiteId`. */
export async function startMemberMove(
  deps: ServiceDeps,
  actor: Actor | null,
  input: { memberId: number; toSiteId: number },
): Promise<MemberMoveRow> {
  requireActor(actor);
  const member = await deps.cache.member.load(input.memberId);
  // Someone of a site the viewer cannot see is, to them, someone who does not exist.
  if (!member || member.siteId === null || !canSeeSite(actor, member.siteId)) notFound('member');
  const fromSiteId = member.siteId;
  requireRoleAt(actor, fromSiteId, COORDINATORS);
  if (input.toSiteId === fromSiteId) {
    badInput('toSiteId', { en: 'The member belongs to this site already', zh: '此人已是这个站点的成员' });
  }
  if (!(await deps.cache.site.load(input.toSiteId))) notFound('site');
  return deps.db.transaction(async (tx) => {
    const open = await memberMoveQueries.openMoveOf(tx, member.id);
    if (open) return sameMoveOrConflict(open, input.toSiteId);
    const row = await memberMoveQueries.insertMove(tx, {
      memberId: member.id,
      fromSiteId,
      toSiteId: input.toSiteId,
      startedBy: memberIdOf(actor),
    });
    if (!row) return sameMoveOrConflict((await memberMoveQueries.openMoveOf(tx, member.id))!, input.toSiteId);
    for (const siteId of [fromSiteId, input.toSiteId]) {
      await audit(tx, actor, siteId, 'startMemberMove', 'member', member.id, {
        moveId: row.id,
        fromSiteId,
        toSiteId: input.toSiteId,
      });
    }
    return row;
  });
}

function sameMoveOrConflict(open: MemberMoveRow, toSiteId: number): MemberMoveRow {
  if (open.toSiteId === toSiteId) return open;
  fail(ErrorCode.CONFLICT, {
    en: 'This member is already moving to another site: cancel that move first',
    zh: '此人已有一条迁往其他站点的迁移，请先取消',
  });
}

/** A move, if the viewer may see it (a member of either site, its region's staff, platform staff). */
async function visibleMove(deps: ServiceDeps, actor: Actor | null, moveId: number): Promise<MemberMoveRow> {
  requireActor(actor);
  const move = await memberMoveQueries.moveById(deps.db, moveId);
  if (!move || !(canSeeSite(actor, move.fromSiteId) || canSeeSite(actor, move.toSiteId))) notFound('memberMove');
  return move;
}

function illegal(move: MemberMoveRow, to: MemberMoveStatus): never {
  fail(
    ErrorCode.ILLEGAL_TRANSITION,
    { en: `This move is ${moveStatus(move).toLowerCase()} already`, zh: '这条迁移已经结束' },
    { from: moveStatus(move), to },
  );
}

/**
 * The coordinator of the site the member joins accepts, choosing their roles there: the member's
 * site becomes it, their roles at the old site are removed, the chosen ones granted. Accepting an
 * accepted move with the same roles returns it.
 */
export async function acceptMemberMove(
  deps: ServiceDeps,
  actor: Actor | null,
  input: { moveId: number; roles: readonly Role[] },
): Promise<MemberMoveRow> {
  const seen = await visibleMove(deps, actor, input.moveId);
  requireRoleAt(actor, seen.toSiteId, COORDINATORS);
  const roles = [...new Set(input.roles)].sort();
  if (roles.length === 0) badInput('roles', { en: 'Choose at least one role', zh: '请至少选择一个身份' });
  if (roles.some((r) => !MOVE_ROLES.includes(r))) {
    badInput('roles', { en: 'ADMIN cannot be granted here', zh: '不能在这里授予管理员身份' });
  }
  return deps.db.transaction(async (tx) => {
    const move = (await memberMoveQueries.lockMove(tx, input.moveId))!;
    if (move.acceptedAt !== null && [...(move.roles ?? [])].sort().join() === roles.join()) return move;
    if (move.acceptedAt !== null || move.cancelledAt !== null) illegal(move, 'ACCEPTED');
    const member = await memberQueries.memberById(tx, move.memberId);
    if (!member || member.siteId !== move.fromSiteId) {
      fail(ErrorCode.CONFLICT, {
        en: 'This member no longer belongs to the site they were moving from',
        zh: '此人已不属于原站点',
      });
    }
    const done = await memberMoveQueries.completeMove(tx, move, roles, memberIdOf(actor));
    for (const siteId of [move.fromSiteId, move.toSiteId]) {
      await audit(tx, actor, siteId, 'acceptMemberMove', 'member', move.memberId, {
        moveId: move.id,
        fromSiteId: move.fromSiteId,
        toSiteId: move.toSiteId,
        roles,
      });
    }
    return done;
  });
}

/** Either site's coordinator cancels a move before it is accepted. */
export async function cancelMemberMove(deps: ServiceDeps, actor: Actor | null, moveId: number): Promise<MemberMoveRow> {
  const seen = await visibleMove(deps, actor, moveId);
  if (!hasRoleAt(actor, seen.fromSiteId, COORDINATORS)) requireRoleAt(actor, seen.toSiteId, COORDINATORS);
  return deps.db.transaction(async (tx) => {
    const move = (await memberMoveQueries.lockMove(tx, moveId))!;
    if (move.cancelledAt !== null) return move;
    if (move.acceptedAt !== null) illegal(move, 'CANCELLED');
    const done = await memberMoveQueries.markCancelled(tx, move.id, memberIdOf(actor));
    for (const siteId of [move.fromSiteId, move.toSiteId]) {
      await audit(tx, actor, siteId, 'cancelMemberMove', 'member', move.memberId, { moveId: move.id });
    }
    return done;
  });
}

/** Moves into and out of the site, for its coordinators (and its region's staff, platform staff). */
export async function memberMoves(deps: ServiceDeps, actor: Actor | null, siteId: number): Promise<MemberMoveRow[]> {
  requireRoleAt(actor, siteId, COORDINATORS);
  return memberMoveQueries.movesOfSite(deps.db, siteId, 200);
}
