// SQL for a member moving village (搬迁, issue 18): the move's own rows, and the change it makes
// on acceptance (the member's site, their roles at the two sites) in one transaction of the caller.
import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../open';
import { members, memberMoves, memberships } from '../schema/index';
import type { Role } from '../schema/enums.schema';

export type MemberMoveRow = typeof memberMoves.$inferSelect;

/** Writes a move; undefined when the member already has one open (a racing start). */
export async function insertMove(
  ex: Executor,
  m: { memberId: number; fromSiteId: number; toSiteId: number; startedBy: number | null },
): Promise<MemberMoveRow | undefined> {
  const [row] = await ex.insert(memberMoves).values(m).onConflictDoNothing().returning();
  return row;
}

/** The member's move that is neither accepted nor cancelled, if any. */
export async function openMoveOf(ex: Executor, memberId: number): Promise<MemberMoveRow | undefined> {
  const [row] = await ex
    .select()
    .from(memberMoves)
    .where(and(eq(memberMoves.memberId, memberId), isNull(memberMoves.acceptedAt), isNull(memberMoves.cancelledAt)));
  return row;
}

export async function lockMove(ex: Executor, id: number): Promise<MemberMoveRow | undefined> {
  const [row] = await ex.select().from(memberMoves).where(eq(memberMoves.id, id)).for('update');
  return row;
}

export async function moveById(ex: Executor, id: number): Promise<MemberMoveRow | undefined> {
  const [row] = await ex.select().from(memberMoves).where(eq(memberMoves.id, id));
  return row;
}

/** Moves into or out of the site, open ones first, then newest first. */
export async function movesOfSite(ex: Executor, siteId: number, limit: number): Promise<MemberMoveRow[]> {
  return ex
    .select()
    .from(memberMoves)
    .where(or(eq(memberMoves.fromSiteId, siteId), eq(memberMoves.toSiteId, siteId)))
    .orderBy(
      sql`(${memberMoves.acceptedAt} IS NULL AND ${memberMoves.cancelledAt} IS NULL) desc`,
      desc(memberMoves.startedAt),
      desc(memberMoves.id),
    )
    .limit(limit);
}

export async function markCancelled(ex: Executor, id: number, by: number | null): Promise<MemberMoveRow> {
  const [row] = await ex
    .update(memberMoves)
    .set({ cancelledBy: by, cancelledAt: sql`now()` })
    .where(eq(memberMoves.id, id))
    .returning();
  return row!;
}

/**
 * Carries the move out: the member's site becomes the new one, their roles at the old site go,
 * the chosen roles at the new site are granted, and the move is stamped accepted. Roles at third
 * sites (a township helper's elsewhere) stay. The member cache hears the member and role changes
 * from the database (migration 0006).
 */
export async function completeMove(
  ex: Executor,
  move: MemberMoveRow,
  roles: readonly Role[],
  by: number | null,
): Promise<MemberMoveRow> {
  await ex.update(members).set({ siteId: move.toSiteId }).where(eq(members.id, move.memberId));
  await ex
    .delete(memberships)
    .where(and(eq(memberships.memberId, move.memberId), eq(memberships.siteId, move.fromSiteId)));
  if (roles.length > 0) {
    await ex
      .insert(memberships)
      .values(roles.map((role) => ({ memberId: move.memberId, siteId: move.toSiteId, role })))
      .onConflictDoNothing();
  }
  const [row] = await ex
    .update(memberMoves)
    .set({ acceptedBy: by, acceptedAt: sql`now()`, roles: [...roles] })
    .where(eq(memberMoves.id, move.id))
    .returning();
  return row!;
}
