// Claims: a volunteer's slot on a need, CLAIMED -> CHECKED_IN -> REPORTED -> CONFIRMED or
// REJECTED (or WITHDRAWN, NO_SHOW). A rejected claim may be reported again until it is closed (its
// need reopened or cancelled). Check-in opens 2 hours before the need's start, a report after it.
// Each step runs in one transaction with the need and claim rows locked, so racing volunteers and
// retried confirmations see one another; subscribers hear of each step at its commit.
import { needQueries as q, type ClaimRow, type NeedRow, type SiteRow } from '@huzhu/db';
import { requireRoleAt, requireViewer, requireVisibleAt, type Actor } from '../auth/authorize';
import type { ServiceDeps } from '../core/deps';
import { ErrorCode, fail, notFound } from '../core/errors';
import { pipelined } from '../core/pipelined';
import { localMinute } from '../core/time';
import * as v from '../core/validate';
import { forgetNeed } from './needs.service';
import { audit } from '../audit/audit.service';
import { deliver } from '../inbox/inbox.deliver';
import { serviceReported } from '../inbox/inbox.messages';
import { claimsUpdated } from '../events/events';
import { step } from './claim-steps';

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
    await pipelined([
      audit(tx, actor, need.siteId, 'claimNeed', 'claim', row.id, { needId, to: row.status }),
      deps.events.announce(tx, claimsUpdated(need.siteId, [row])),
    ]);
    return row;
  });
  forgetNeed(deps, needId);
  return claim;
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
