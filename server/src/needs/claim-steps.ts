// The machinery every step of a claim shares: loading the claim with its need and site and
// checking who acts, moving it one step under the need's and claim's row locks, and letting the
// need's status follow. The steps themselves are in claims.service.ts (a volunteer's) and
// confirmation.service.ts (the coordinator's verdict).
import {
  needQueries as q,
  type ClaimRow,
  type ClaimStatus,
  type NeedRow,
  type SiteRow,
  type Transaction,
} from '@huzhu/db';
import { memberIdOf, requireMemberOf, requireRoleAt, requireVisibleAt, type Actor } from '../auth/authorize';
import type { ServiceDeps } from '../core/deps';
import { claimsUpdated, type Events } from '../events/events';
import { ErrorCode, fail, notFound } from '../core/errors';
import { pipelined } from '../core/pipelined';
import { forgetNeed } from './needs.service';
import { audit } from '../audit/audit.service';

const STATUS_ZH: Record<ClaimStatus, string> = {
  CLAIMED: '已认领',
  CHECKED_IN: '已签到',
  REPORTED: '已上报',
  CONFIRMED: '已确认',
  REJECTED: '已驳回',
  WITHDRAWN: '已退出',
  NO_SHOW: '未到场',
};

export function wrongState(claim: ClaimRow, wanted: string): never {
  fail(
    ErrorCode.CONFLICT,
    {
      en: `The claim is ${claim.status}; this needs it ${wanted}`,
      zh: `该认领当前${STATUS_ZH[claim.status]}，无法进行此操作`,
    },
    { status: claim.status },
  );
}

/**
 * Loads the claim, its need and the site in one statement (the call's cache starts with them),
 * and checks the actor is the claim's volunteer or site staff. `actorId` is the member acting
 * (null for the system), as the claim's settledBy records it.
 */
export async function claimContext(
  deps: ServiceDeps,
  actor: Actor | null,
  claimId: number,
  who: 'volunteer' | 'coordinator',
) {
  const found = await q.claimWithNeedAndSite(deps.db, claimId);
  if (!found) notFound('claim');
  const { claim, need, site } = found;
  // Another site's claim is answered as one that does not exist.
  requireVisibleAt(actor, need.siteId, () => notFound('claim'));
  deps.cache.claim.prime(claim.id, claim);
  deps.cache.need.prime(need.id, need);
  deps.cache.site.prime(site.id, site);
  if (who === 'coordinator') {
    requireRoleAt(actor, need.siteId, ['COORDINATOR']);
    return { claim, need, site, actorId: memberIdOf(actor) };
  }
  requireMemberOf(actor, need.siteId);
  const actorId = memberIdOf(actor);
  if (claim.volunteerId !== actorId) {
    fail(ErrorCode.FORBIDDEN, { en: "Only the claim's volunteer can do this", zh: '只有认领的志愿者本人可以操作' });
  }
  return { claim, need, site, actorId };
}

/** Moves a claim one step under its row lock, then lets the need's status follow (settle). */
export async function step(
  deps: ServiceDeps,
  actor: Actor | null,
  claimId: number,
  who: 'volunteer' | 'coordinator',
  from: ClaimStatus[],
  change: (
    claim: ClaimRow,
    tx: Transaction,
    actorId: number | null,
    need: NeedRow,
    site: SiteRow,
  ) => Promise<Partial<ClaimRow>>,
  action: string,
): Promise<ClaimRow> {
  const { need, site, actorId } = await claimContext(deps, actor, claimId, who);
  const updated = await deps.db.transaction(async (tx) => {
    const { locked, claim } = await lockNeedAndClaim(tx, need.id, claimId);
    if (!from.includes(claim.status)) wrongState(claim, from.join(' or '));
    const changes = await change(claim, tx, actorId, locked, site);
    const row = await settle(tx, deps.events, locked, claimId, changes, () =>
      audit(tx, actor, need.siteId, action, 'claim', claimId, { from: claim.status, to: changes.status }),
    );
    return row;
  });
  forgetNeed(deps, need.id);
  deps.cache.claim.clear(claimId);
  return updated;
}

/**
 * The need and the claim under their row locks, need first (every path takes them in that
 * order); both statements go out together on the transaction's connection.
 */
export async function lockNeedAndClaim(tx: Transaction, needId: number, claimId: number) {
  const [locked, claim] = await Promise.all([q.needById(tx, needId, true), q.claimById(tx, claimId, true)]);
  return { locked: locked!, claim: claim! };
}

/**
 * Writes the claim's change with its audit row, lets the need's status follow (one statement
 * that counts the claims after the change), and announces the claim's change to the site's
 * subscribers at commit: the four go out together, one round trip.
 */
export function settle(
  tx: Transaction,
  events: Events,
  locked: NeedRow,
  claimId: number,
  changes: Partial<ClaimRow>,
  writeAudit: () => Promise<void>,
): Promise<ClaimRow> {
  return pipelined([
    // First, so that a change refused by a later statement (a confirm key taken: 23505) has
    // sent its NOTIFY too, and the rollback is what keeps it from subscribers.
    events.announce(tx, claimsUpdated(locked.siteId, [{ id: claimId }])),
    q.updateClaim(tx, claimId, changes),
    writeAudit(),
    followNeed(tx, locked),
  ]).then(([, row]) => row);
}

/**
 * A need's status follows its claims (needQueries.followNeedStatus says how). One whose every
 * claim was rejected (or a no-show) is not completed: it stays FILLED for a volunteer to report
 * again or the coordinator to reopen it. `need` as read under its row lock in this transaction;
 * a cancelled or completed one is left as it is without a statement.
 */
export async function followNeed(tx: Transaction, need: NeedRow): Promise<NeedRow> {
  if (need.status === 'CANCELLED' || need.status === 'COMPLETED') return need;
  return (await q.followNeedStatus(tx, need.id)) ?? need;
}
