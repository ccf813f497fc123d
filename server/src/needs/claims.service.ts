// Claims: a volunteer's slot on a need, CLAIMED -> CHECKED_IN -> REPORTED -> CONFIRMED or
// REJECTED (or WITHDRAWN, NO_SHOW). A rejected claim may be reported again until it is closed (its
// need reopened or cancelled). Check-in opens 2 hours before the need's start, a report after it.
// Each step runs in one transaction with the need and claim rows locked, so racing volunteers and
// retried confirmations see one another; events go after commit.
import {
  needQueries as q,
  pgErrorOf,
  type ClaimRow,
  type ClaimStatus,
  type NeedRow,
  type SiteRow,
  type Transaction,
} from '@huzhu/db';
import {
  memberIdOf,
  requireMemberOf,
  requireRoleAt,
  requireViewer,
  requireVisibleAt,
  type Actor,
} from '../auth/authorize';
import type { ServiceDeps } from '../core/deps';
import { ErrorCode, fail, notFound } from '../core/errors';
import { pipelined } from '../core/pipelined';
import { localMinute } from '../core/time';
import * as v from '../core/validate';
import { creditReads, creditService } from '../ledger/transfers.service';
import { forgetNeed, siteOf } from './needs.service';
import { audit } from '../audit/audit.service';
import { deliver } from '../inbox/inbox.deliver';
import { claimConfirmed, claimRejected, serviceReported } from '../inbox/inbox.messages';

const STATUS_ZH: Record<ClaimStatus, string> = {
  CLAIMED: '已认领',
  CHECKED_IN: '已签到',
  REPORTED: '已上报',
  CONFIRMED: '已确认',
  REJECTED: '已驳回',
  WITHDRAWN: '已退出',
  NO_SHOW: '未到场',
};

/** How long before a need's start its volunteers may check in. */
export const CHECK_IN_OPENS_MS = 2 * 3_600_000;
/** A report of more than this many times the need's estimate is flagged to the coordinator. */
export const OVER_ESTIMATE_FACTOR = 2;

/** Whether the minutes reported are more than twice the need's estimate (allowed, but flagged). */
export function isOverEstimate(claim: Pick<ClaimRow, 'reportedMinutes'>, need: Pick<NeedRow, 'estimatedMinutes'>) {
  return claim.reportedMinutes !== null && claim.reportedMinutes > OVER_ESTIMATE_FACTOR * need.estimatedMinutes;
}

/**
 * Service cannot happen before it is scheduled: check-in opens 2 hours before the need's start and
 * a report waits for the start. CONFLICT (the request is sound, the time is not yet), naming the
 * start on the site's clock.
 */
function requireStarted(need: NeedRow, site: SiteRow, step: 'checkIn' | 'report', now = Date.now()): void {
  const start = need.startsAt.getTime();
  const at = localMinute(need.startsAt, site.timeZone);
  const detail = { startsAt: need.startsAt.toISOString() };
  if (step === 'checkIn' && now < start - CHECK_IN_OPENS_MS) {
    fail(
      ErrorCode.CONFLICT,
      {
        en: `Too early to check in: the service starts at ${at} (${site.timeZone}); check-in opens 2 hours before`,
        zh: `还不能签到：服务 ${at} 开始，开始前 2 小时内才能签到`,
      },
      { ...detail, opensAt: new Date(start - CHECK_IN_OPENS_MS).toISOString() },
    );
  }
  if (step === 'report' && now < start) {
    fail(
      ErrorCode.CONFLICT,
      {
        en: `Too early to report: the service starts at ${at} (${site.timeZone}); report it once it is done`,
        zh: `还不能上报：服务 ${at} 才开始，请在服务完成后上报`,
      },
      detail,
    );
  }
}

function wrongState(claim: ClaimRow, wanted: string): never {
  fail(
    ErrorCode.CONFLICT,
    {
      en: `The claim is ${claim.status}; this needs it ${wanted}`,
      zh: `该认领当前${STATUS_ZH[claim.status]}，无法进行此操作`,
    },
    { status: claim.status },
  );
}

export async function claimNeed(deps: ServiceDeps, actor: Actor | null, needId: number): Promise<ClaimRow> {
  const existing = await deps.cache.need.load(needId);
  if (!existing) notFound('need');
  requireVisibleAt(actor, existing.siteId, () => notFound('need'));
  // A volunteer claims for themselves: the system has no slot to take.
  const viewer = requireViewer(requireRoleAt(actor, existing.siteId, ['VOLUNTEER']));
  const claim = await deps.db.transaction(async (tx) => {
    // The need's row lock queues volunteers racing for the last slot: one at a time counts them.
    const need = (await q.needById(tx, needId, true))!;
    if (need.status !== 'OPEN') {
      fail(
        ErrorCode.CONFLICT,
        {
          en: need.status === 'FILLED' ? 'Every slot is already taken' : `The need is ${need.status}`,
          zh: need.status === 'FILLED' ? '名额已满' : '该需求已结束',
        },
        { status: need.status },
      );
    }
    if (need.beneficiaryId === viewer.id)
      fail(ErrorCode.CONFLICT, { en: 'You cannot claim a need for yourself', zh: '不能认领为自己发布的需求' });
    const mine = await q.claimsOfVolunteerOn(tx, needId, viewer.id);
    if (mine.some((c) => c.status !== 'WITHDRAWN'))
      fail(ErrorCode.CONFLICT, { en: 'You have already claimed this need', zh: '你已经认领过这个需求' });
    // Claiming and giving back without end would grow the need's claims without end.
    const withdrawals = mine.length;
    if (withdrawals >= q.MAX_WITHDRAWALS) {
      fail(
        ErrorCode.CONFLICT,
        {
          en: `You have given this need back ${withdrawals} times and cannot claim it again; ask the coordinator`,
          zh: `你已经退出这个需求 ${withdrawals} 次，不能再认领；请联系协调员`,
        },
        { withdrawals },
      );
    }
    const counts = await q.claimStatusCounts(tx, needId);
    const holding = q.SLOT_HOLDING.reduce((n, s) => n + (counts.get(s) ?? 0), 0);
    if (holding >= need.slots) fail(ErrorCode.CONFLICT, { en: 'Every slot is already taken', zh: '名额已满' });
    const row = await q.insertClaim(tx, needId, viewer.id);
    if (holding + 1 >= need.slots) await q.setNeedStatus(tx, needId, 'FILLED');
    await audit(tx, actor, need.siteId, 'claimNeed', 'claim', row.id, { needId, to: row.status });
    return row;
  });
  forgetNeed(deps, needId);
  await deps.events.publish({ topic: 'claimUpdated', siteId: existing.siteId, id: claim.id });
  return claim;
}

/**
 * Loads the claim, its need and the site in one statement (the call's cache starts with them),
 * and checks the actor is the claim's volunteer or site staff. `actorId` is the member acting
 * (null for the system), as the claim's settledBy records it.
 */
async function claimContext(deps: ServiceDeps, actor: Actor | null, claimId: number, who: 'volunteer' | 'coordinator') {
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

/** Moves a claim one step under its row lock, then lets the need's status follow. */
async function step(
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
    const row = await settle(tx, locked, claimId, changes, () =>
      audit(tx, actor, need.siteId, action, 'claim', claimId, { from: claim.status, to: changes.status }),
    );
    return row;
  });
  forgetNeed(deps, need.id);
  deps.cache.claim.clear(claimId);
  await deps.events.publish({ topic: 'claimUpdated', siteId: need.siteId, id: updated.id });
  return updated;
}

/**
 * The need and the claim under their row locks, need first (every path takes them in that
 * order); both statements go out together on the transaction's connection.
 */
async function lockNeedAndClaim(tx: Transaction, needId: number, claimId: number) {
  const [locked, claim] = await Promise.all([q.needById(tx, needId, true), q.claimById(tx, claimId, true)]);
  return { locked: locked!, claim: claim! };
}

/**
 * Writes the claim's change with its audit row, and lets the need's status follow (one statement
 * that counts the claims after the change): the three go out together, one round trip.
 */
function settle(
  tx: Transaction,
  locked: NeedRow,
  claimId: number,
  changes: Partial<ClaimRow>,
  writeAudit: () => Promise<void>,
): Promise<ClaimRow> {
  return pipelined([q.updateClaim(tx, claimId, changes), writeAudit(), followNeed(tx, locked)]).then(([row]) => row);
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

export const withdrawClaim = (deps: ServiceDeps, actor: Actor | null, claimId: number) =>
  step(
    deps,
    actor,
    claimId,
    'volunteer',
    ['CLAIMED'],
    async (_c, _tx, actorId) => ({ status: 'WITHDRAWN', settledAt: new Date(), settledBy: actorId }),
    'withdrawClaim',
  );

export const checkIn = (deps: ServiceDeps, actor: Actor | null, claimId: number) =>
  step(
    deps,
    actor,
    claimId,
    'volunteer',
    ['CLAIMED'],
    async (_c, _tx, _actorId, need, site) => {
      requireStarted(need, site, 'checkIn');
      return { status: 'CHECKED_IN', checkedInAt: new Date() };
    },
    'checkIn',
  );

/**
 * Reports the minutes served, after check-in, once the need has started; or again after a
 * rejection (the coordinator's reason stays on the claim for both to see), until the claim is
 * closed. More than twice the estimate is allowed and flagged (isOverEstimate).
 */
export function reportService(
  deps: ServiceDeps,
  actor: Actor | null,
  claimId: number,
  minutesInput: number,
  noteInput: string | null | undefined,
) {
  const minutes = v.int('minutes', minutesInput, 1, 1440);
  const note = v.optionalText('note', noteInput, 500, v.MULTILINE);
  return step(
    deps,
    actor,
    claimId,
    'volunteer',
    ['CHECKED_IN', 'REJECTED'],
    async (claim, tx, _actorId, need, site) => {
      if (claim.closedAt !== null) {
        fail(
          ErrorCode.CONFLICT,
          {
            en: 'This claim was closed as rejected (its need was reopened or cancelled); it cannot be reported again',
            zh: '这条认领已按未通过结束（需求已重新开放或取消），不能再次上报',
          },
          { status: claim.status },
        );
      }
      requireStarted(need, site, 'report');
      await deliver(tx, await serviceReported(tx, need, claim, minutes));
      return {
        status: 'REPORTED',
        reportedAt: new Date(),
        reportedMinutes: minutes,
        reportNote: note,
        // Reported again: no longer settled; the rejection's reason stays for the coordinator.
        settledAt: null,
        settledBy: null,
      };
    },
    'reportService',
  );
}

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
 * The volunteer did not come: before a report, or after one the elder says never happened (a
 * rejection would let them report again; a no-show ends the claim and frees its slot).
 */
export const markNoShow = (deps: ServiceDeps, actor: Actor | null, claimId: number) =>
  step(
    deps,
    actor,
    claimId,
    'coordinator',
    ['CLAIMED', 'CHECKED_IN', 'REPORTED'],
    async (_c, _tx, actorId) => ({ status: 'NO_SHOW', settledAt: new Date(), settledBy: actorId }),
    'markNoShow',
  );

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
    return { need: row, closed };
  });
  forgetNeed(deps, needId);
  for (const c of closed) {
    deps.cache.claim.clear(c.id);
    await deps.events.publish({ topic: 'claimUpdated', siteId: need.siteId, id: c.id });
  }
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
  let replayed = false;
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
        replayed = true;
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
          settle(tx, locked, claimId, changes, () =>
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
  if (!replayed) await deps.events.publish({ topic: 'claimUpdated', siteId: need.siteId, id: claimId });
  return confirmed;
}

function keyConflict(): never {
  fail(ErrorCode.CONFLICT, {
    en: 'This idempotency key was already used for a different confirmation',
    zh: '该幂等键已用于另一次不同的确认',
  });
}
