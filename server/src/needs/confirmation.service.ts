// Confirmation: the coordinator's verdict on reported service. Confirming credits the volunteer
// in the claim's own transaction (idempotent by the claim's confirm key); rejecting sends the
// report back with a reason; reopening a need closes its rejected claims so their slots free.
import { needQueries as q, pgErrorOf, type ClaimRow, type NeedRow } from '@huzhu/db';
import { requireRoleAt, requireVisibleAt, type Actor } from '../auth/authorize';
import type { ServiceDeps } from '../core/deps';
import { ErrorCode, fail, notFound } from '../core/errors';
import { pipelined } from '../core/pipelined';
import * as v from '../core/validate';
import { creditReads, creditService } from '../ledger/transfers.service';
import { forgetNeed, siteOf } from './needs.service';
import { audit } from '../audit/audit.service';
import { deliver } from '../inbox/inbox.deliver';
import { claimConfirmed, claimRejected } from '../inbox/inbox.messages';
import { claimsUpdated } from '../events/events';
import { claimContext, followNeed, lockNeedAndClaim, settle, step, wrongState } from './claim-steps';

export function rejectService(deps: ServiceDeps, actor: Actor | null, claimId: number, reasonInput: string) {
  const reason = v.text('reason', reasonInput, 500, 1, v.MULTILINE);
  return step(
    deps,
    actor,
    claimId,
    'coordinator',
    ['REPORTED'],
    async (claim, tx, actorId, need) => {
      await deliver(tx, [claimRejected(need, claim, reason)]);
      return { status: 'REJECTED', rejectReason: reason, settledAt: new Date(), settledBy: actorId };
    },
    'rejectService',
  );
}

/**
 * Reopens a need so it can be claimed again: its rejected claims that might still be reported
 * again are closed (they stay REJECTED, with their reasons, but hold no slot and cannot be reported
 * again), and the need follows its claims (OPEN when a slot is free). COORDINATOR of the site.
 * A need with nothing to give back is answered as it is, so a retry is safe; a cancelled or
 * completed one is CONFLICT.
 */
export async function reopenNeed(deps: ServiceDeps, actor: Actor | null, needId: number): Promise<NeedRow> {
  const existing = await deps.cache.need.load(needId);
  if (!existing) notFound('need');
  requireVisibleAt(actor, existing.siteId, () => notFound('need'));
  requireRoleAt(actor, existing.siteId, ['COORDINATOR']);
  const { need, closed } = await deps.db.transaction(async (tx) => {
    const locked = (await q.needById(tx, needId, true))!;
    if (locked.status === 'CANCELLED' || locked.status === 'COMPLETED') {
      fail(
        ErrorCode.CONFLICT,
        {
          en: `The need is ${locked.status}; it cannot be reopened`,
          zh: locked.status === 'CANCELLED' ? '该需求已取消，不能重新开放' : '该需求已完成，不能重新开放',
        },
        { status: locked.status },
      );
    }
    const open = (await q.claimsByNeedIds(tx, [needId])).filter((c) => c.status === 'REJECTED' && c.closedAt === null);
    if (open.length === 0) return { need: locked, closed: [] as ClaimRow[] };
    const closedAt = new Date();
    const closed: ClaimRow[] = [];
    for (const c of open) closed.push(await q.updateClaim(tx, c.id, { closedAt }));
    const row = await followNeed(tx, locked);
    await audit(tx, actor, locked.siteId, 'reopenNeed', 'need', needId, {
      closedClaims: closed.map((c) => c.id),
      from: locked.status,
      to: row.status,
    });
    await deps.events.announce(tx, claimsUpdated(locked.siteId, closed));
    return { need: row, closed };
  });
  forgetNeed(deps, needId);
  for (const c of closed) deps.cache.claim.clear(c.id);
  return need;
}

/**
 * Confirms reported service and credits the volunteer in the same transaction: minutes from the
 * site pool (or the beneficiary's own account), points at the site's rate, rounded down. The
 * claim row remembers the idempotency key: a retry with it and the same request (this claim, the
 * same minutes) returns the claim and credits nothing; the key with another claim or other
 * minutes is CONFLICT and changes nothing.
 */
export async function confirmService(
  deps: ServiceDeps,
  actor: Actor | null,
  claimId: number,
  minutesInput: number | null | undefined,
  keyInput: string,
): Promise<ClaimRow> {
  const key = v.idempotencyKey('idempotencyKey', keyInput);
  const override = minutesInput == null ? undefined : v.int('minutes', minutesInput, 1, 1440);
  const { need, claim: seen, actorId } = await claimContext(deps, actor, claimId, 'coordinator');
  // Read before the transaction: on PGlite (one connection) a read outside an open
  // transaction would wait for it forever.
  const site = await siteOf(deps, need.siteId);
  const confirmed = await deps.db
    .transaction(async (tx) => {
      // Under the claim's lock a retry of this claim sees the first confirmation. Another claim
      // holding the key is found by the key's unique index when this one takes it (23505 below,
      // and the transaction writes nothing): no statement of its own on every confirmation.
      // The credit's reads lock nothing and go out with the locks: one round trip.
      const reads = creditReads(tx, site, need, seen.volunteerId);
      const [{ locked, claim }] = await pipelined([lockNeedAndClaim(tx, need.id, claimId), reads]);
      if (claim.confirmKey === key) {
        // The same request: the minutes asked for (or, without them, the reported ones) are
        // the minutes confirmed.
        if ((override ?? claim.reportedMinutes) !== claim.confirmedMinutes) keyConflict();
        return claim;
      }
      if (claim.volunteerId === actorId)
        fail(ErrorCode.FORBIDDEN, { en: 'You cannot confirm your own service', zh: '不能确认自己的服务' });
      if (claim.status !== 'REPORTED') wrongState(claim, 'REPORTED');
      const minutes = override ?? claim.reportedMinutes!;
      let row: ClaimRow | undefined;
      // The claim's update, its audit row, the need's status and the volunteer's message go out
      // right behind the transfers (creditService's alongside): one round trip for all the writes.
      await creditService(tx, { site, need, claim, minutes, confirmedBy: actorId }, reads, async (points) => {
        const changes = {
          status: 'CONFIRMED',
          confirmedMinutes: minutes,
          pointsAwarded: points,
          settledAt: new Date(),
          settledBy: actorId,
          confirmKey: key,
        } as const;
        [row] = await pipelined([
          settle(tx, deps.events, locked, claimId, changes, () =>
            audit(tx, actor, need.siteId, 'confirmService', 'claim', claimId, { minutes, points, payer: need.payer }),
          ),
          deliver(tx, [claimConfirmed(locked, claim, minutes, points)]),
        ]);
      });
      return row!;
    })
    .catch((error: unknown) => {
      // The same key confirming another claim at this very moment: its commit won the key.
      if (pgErrorOf(error)?.code === '23505') keyConflict();
      throw error;
    });
  forgetNeed(deps, need.id);
  deps.cache.claim.clear(claimId);
  return confirmed;
}

function keyConflict(): never {
  fail(ErrorCode.CONFLICT, {
    en: 'This idempotency key was already used for a different confirmation',
    zh: '该幂等键已用于另一次不同的确认',
  });
}
