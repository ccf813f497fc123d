// Points stay local (issue 18): a member holds one points account, but points are spent only at
// the site whose books credited them, and points for service under public notice (公示) are
// pending until the notice period ends or an objection to the service is resolved. Availability
// is computed from the transfers (pointsQueries.pointsBySite), never kept apart.
import { ledgerQueries, pointsQueries, type MemberRow, type Transaction } from '@huzhu/db';
import type { Actor } from '../auth/authorize';
import type { ServiceDeps } from '../core/deps';
import { ErrorCode, fail } from '../core/errors';
import { pipelined } from '../core/pipelined';
import { requirePrivate } from '../members/members.service';

/** A member's points on one site's books. */
export interface SitePointsData {
  siteId: number;
  /** What may be spent at the site now. */
  available: number;
  /** Credited for service still under public notice or under an open objection. */
  pending: number;
}

/** The member's points per site that ever credited them, for the member and the site's staff. */
export async function pointsBySite(
  deps: ServiceDeps,
  actor: Actor | null,
  member: MemberRow,
  now: Date = new Date(),
): Promise<SitePointsData[]> {
  requirePrivate(actor, member);
  const rows = await pointsQueries.pointsBySite(deps.db, { memberIds: [member.id] }, now);
  return rows
    .filter((r) => r.held !== 0 || r.pending !== 0)
    .map((r) => ({ siteId: r.siteId, available: r.available, pending: r.pending }));
}

/** The member's points at one site, read inside the caller's transaction. */
export async function pointsAt(tx: Transaction, memberId: number, siteId: number, now: Date): Promise<SitePointsData> {
  const [row] = await pointsQueries.pointsBySite(tx, { memberIds: [memberId], siteId }, now);
  return { siteId, available: row?.available ?? 0, pending: row?.pending ?? 0 };
}

/**
 * Refuses spending `amount` points at the site unless that many are available there. Locks the
 * given accounts first (the member's points account among them, in id order, as the transfer that
 * follows will), then reads: two spends by one member queue on the lock, and the second reads what
 * the first left. INSUFFICIENT_BALANCE carries available, pending and required.
 */
export async function requireAvailable(
  tx: Transaction,
  s: { memberId: number; siteId: number; amount: number; lockAccountIds: readonly number[]; now: Date },
): Promise<SitePointsData> {
  // Sent together: the connection runs them in order, so the read starts once the locks are held.
  const [, points] = await pipelined([
    ledgerQueries.lockAccounts(tx, s.lockAccountIds),
    pointsAt(tx, s.memberId, s.siteId, s.now),
  ]);
  if (points.available < s.amount) {
    fail(
      ErrorCode.INSUFFICIENT_BALANCE,
      {
        en: `Not enough points at this site: ${points.available} available${
          points.pending > 0 ? `, ${points.pending} pending under public notice` : ''
        }, ${s.amount} needed`,
        zh: `本站点积分不足：可用 ${points.available} 分${
          points.pending > 0 ? `，公示中 ${points.pending} 分` : ''
        }，需要 ${s.amount} 分`,
      },
      {
        available: points.available,
        pending: points.pending,
        required: s.amount,
        balance: points.available,
        unit: 'POINTS',
      },
    );
  }
  return points;
}
