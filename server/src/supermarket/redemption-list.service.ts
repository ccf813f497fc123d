// Reading the points supermarket's redemptions: a site's list (staff) or a member's own, what a
// redemption may still be (cancelled, by whom), and its receipt's number. The writes are in
// supermarket.service.ts.
import { supermarketQueries as q, type RedemptionRow } from '@huzhu/db';
import { STAFF, hasRoleAt, isSystem, requireMemberOf, requireViewer, type Actor } from '../auth/authorize';
import type { ServiceDeps } from '../core/deps';
import { ErrorCode, fail } from '../core/errors';
import { afterId, connection, pageOf, type PageArgs } from '../core/pagination';
import * as v from '../core/validate';
import { SHOPKEEPERS } from './products.service';

/** A redemption's list: the site's, or one member's; `day` a YYYY-MM-DD in the site's time zone. */
export interface RedemptionFilter extends PageArgs {
  siteId: number;
  memberId?: number | undefined;
  day?: string | null | undefined;
}

/** Newest first. Staff of the site see everyone's; anyone else only their own. */
export async function listRedemptions(deps: ServiceDeps, actor: Actor | null, args: RedemptionFilter) {
  let memberId = args.memberId;
  if (!hasRoleAt(requireMemberOf(actor, args.siteId), args.siteId, STAFF)) {
    // Not staff, so a member (the system has staff's rights): what a neighbour took home is
    // private, members see their own list and nobody else's.
    const viewer = requireViewer(actor);
    if (memberId !== undefined && memberId !== viewer.id) {
      fail(ErrorCode.FORBIDDEN, {
        en: "Only the member and the site's staff can see these",
        zh: '只有本人和站点工作人员可以查看',
      });
    }
    memberId = viewer.id;
  }
  const page = pageOf(args);
  let day: string | undefined;
  if (args.day != null) {
    const d = v.day('day', args.day);
    day = `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  }
  const filter = { siteId: args.siteId, memberId, day };
  const [rows, totals] = await Promise.all([
    q.listRedemptions(deps.db, filter, page.limit, afterId(page)),
    q.redemptionTotals(deps.db, filter),
  ]);
  return {
    ...connection(rows, page, (r) => r.id, totals.count),
    pointsTaken: totals.points,
    cancelledCount: totals.cancelled,
  };
}

/**
 * Whether the actor may cancel the redemption now, as cancelRedemption would judge it: a clerk or
 * coordinator of its site, the redemption still COMPLETED, its points not returned by a reversal.
 */
export async function canCancel(deps: ServiceDeps, actor: Actor | null, row: RedemptionRow): Promise<boolean> {
  if (!actor || isSystem(actor) || row.status !== 'COMPLETED') return false;
  if (!hasRoleAt(actor, row.siteId, SHOPKEEPERS)) return false;
  return !(await deps.cache.redemptionReversed.load(row.id));
}

/** The receipt's number as people read it: the site's day and the day's sequence, 20261125-007. */
export function receiptNumber(row: Pick<RedemptionRow, 'id' | 'receiptDay' | 'receiptNo'>): string {
  // Numbered in the redemption's own transaction: a row without one was never committed.
  if (row.receiptDay === null || row.receiptNo === null) throw new Error(`redemption ${row.id} has no receipt number`);
  return `${row.receiptDay.replaceAll('-', '')}-${String(row.receiptNo).padStart(3, '0')}`;
}
