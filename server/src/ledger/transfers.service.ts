// What members and staff do to the ledger: crediting a confirmed service or a banked visit,
// donating minutes to a member of one's site, reversing a transfer. Each checks who acts first; the double-entry rules
// themselves (balances, keys, reversals once) are ledger.service's.
import {
  ledgerQueries,
  siteQueries,
  type ClaimRow,
  type NeedRow,
  type SiteRow,
  type Transaction,
  type TransferRow,
  type VisitRow,
} from '@huzhu/db';
import { isSystem, memberIdOf, requireRoleAt, requireViewer, requireVisibleAt, type Actor } from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { ErrorCode, badInput, fail, notFound } from '../core/errors';
import * as v from '../core/validate';
import { carePoolSource, requireRelativeConsent } from '../families/payers';
import { applyBalanceCap } from './balance-cap';
import { sitePolicy, weightedMinutes, type HoursPolicy } from './hours-policy';
import { pipelined } from '../core/pipelined';
import { accountsAt, reverse, transfer } from './ledger.service';
import { spendMinutesAt } from './spend-minutes';

/** Minutes the donor gives a member of their own site. */
export interface Donation {
  toMemberId: number;
  minutes: number;
  note?: string | null;
  idempotencyKey: string;
}

/** A transfer to undo, and why. */
export interface Reversal {
  transferId: number;
  reason: string;
  idempotencyKey: string;
}

async function memberAccountId(tx: Transaction, memberId: number, unit: 'MINUTES' | 'POINTS'): Promise<number> {
  const account = await ledgerQueries.memberAccount(tx, memberId, unit);
  if (!account) fail(ErrorCode.NOT_FOUND, { en: 'Account not found', zh: '账户不存在' });
  return account.id;
}

/** Points for confirmed minutes at the category's rate (else the site's), rounded down. */
export function pointsFor(minutes: number, pointsPerHour: number): number {
  return Math.floor((minutes * pointsPerHour) / 60);
}

/** What a service credit reads before it writes: the site's accounts, the category's rate, the policy. */
export interface CreditReads {
  found: Awaited<ReturnType<typeof accountsAt>>;
  siteRate: number | undefined;
  policy: HoursPolicy;
}

/**
 * Starts the reads a service credit needs (none of them locks), so that a caller can send them
 * with its own first statements: one round trip for both. The volunteer never changes on a claim.
 */
export function creditReads(tx: Transaction, site: SiteRow, need: NeedRow, volunteerId: number): Promise<CreditReads> {
  return Promise.all([
    accountsAt(tx, site.id, [volunteerId]),
    siteQueries.categoryRate(tx, site.id, need.category),
    sitePolicy(tx, site.id),
  ]).then(([found, siteRate, policy]) => ({ found, siteRate: siteRate ?? undefined, policy }));
}

/**
 * Credits a confirmed service inside the confirmation's transaction and returns the points.
 * Keys derive from the claim, so a claim can be paid once whatever keys the client sends.
 * `confirmedBy` is the confirming member, null when the system confirms.
 *
 * Minutes come from the site's pool, or from the paying member's own account through
 * spendMinutesAt: hours the member earned at other sites (hours that travel) are withdrawn to this
 * site's pool, each owed by the site where they were earned, and the pool then credits the
 * volunteer as for any site-paid need: the volunteer's history reads the same either way, and each
 * site's books show what crossed.
 *
 * Hours policy (issue 18): the minutes that move are the claim's minutes at the category's weight
 * (see hours-policy.ts); a credit above the balance cap overflows to the care pool (balance-cap.ts).
 *
 * `reads` may come started (creditReads). `alongside(points)` is the caller's own writes that
 * follow from the points (the claim's update, its audit row, the message): they are sent right
 * behind the transfers, on the same connection, so a site-paid confirmation's writes all go in one
 * round trip. Any failure among them fails the whole, and the transaction writes nothing.
 */
export async function creditService(
  tx: Transaction,
  s: { site: SiteRow; need: NeedRow; claim: ClaimRow; minutes: number; confirmedBy: number | null },
  reads: Promise<CreditReads> = creditReads(tx, s.site, s.need, s.claim.volunteerId),
  alongside: (points: number) => Promise<unknown> = async () => undefined,
): Promise<number> {
  // Who pays the minutes: the beneficiary, or a linked relative whose consent holds at this moment
  // (refused before anything is written), else the site (its pool, or its care pool).
  const payerId =
    s.need.payer === 'BENEFICIARY'
      ? s.need.beneficiaryId
      : s.need.payer === 'RELATIVE'
        ? await requireRelativeConsent(tx, s.need)
        : undefined;
  const { found, siteRate, policy } = await reads;
  const pool = (unit: 'MINUTES' | 'POINTS') => {
    const id = found.site('SITE_POOL', unit);
    if (id === undefined) throw new Error(`site ${s.site.id} has no ${unit} pool`);
    return id;
  };
  const member = (memberId: number, unit: 'MINUTES' | 'POINTS') =>
    found.member(memberId, unit) ?? fail(ErrorCode.NOT_FOUND, { en: 'Account not found', zh: '账户不存在' });
  const points = pointsFor(s.minutes, siteRate ?? s.site.pointsPerHour);
  // ---- hours policy (issue 18): the category's weight applies to the minutes that move (the
  // claim keeps the raw minutes, and points follow the raw minutes at the category's rate).
  const credited = weightedMinutes(s.minutes, policy, s.need.category);
  // ---- end hours policy
  const credit = (unit: 'MINUTES' | 'POINTS', amount: number, fromAccountId: number) =>
    transfer(tx, {
      unit,
      amount,
      fromAccountId,
      toAccountId: member(s.claim.volunteerId, unit),
      kind: 'SERVICE_CREDIT',
      idempotencyKey: `claim:${s.claim.id}:${unit.toLowerCase()}`,
      siteId: s.site.id,
      claimId: s.claim.id,
      createdBy: s.confirmedBy,
      memo: s.need.title,
    });
  // A member payer's minutes: hours from other sites of the alliance cross as withdrawals.
  const paidByMember = (payer: number) =>
    spendMinutesAt(tx, {
      payerId: payer,
      siteId: s.site.id,
      amount: credited,
      toAccountId: member(s.claim.volunteerId, 'MINUTES'),
      kind: 'SERVICE_CREDIT',
      idempotencyKey: `claim:${s.claim.id}:minutes`,
      keyPrefix: `claim:${s.claim.id}`,
      claimId: s.claim.id,
      createdBy: s.confirmedBy,
      memo: s.need.title,
    });
  const minutesFrom =
    payerId === undefined && s.need.payer === 'CARE_POOL'
      ? await carePoolSource(tx, s.site.id, credited, member(s.claim.volunteerId, 'MINUTES'))
      : undefined;
  // The transfers (minutes then points: they lock disjoint accounts, always in this order), then
  // the caller's writes, all sent before any answer is awaited.
  const [minutes] = await pipelined([
    payerId !== undefined ? paidByMember(payerId) : credit('MINUTES', credited, minutesFrom ?? pool('MINUTES')),
    points > 0 ? credit('POINTS', points, pool('POINTS')) : undefined,
    alongside(points),
  ]);
  // Hours policy (issue 18): what the credit brought above the cap goes to the care pool. The
  // credit just written tells the volunteer's balance (the last transfer of a member-paid one
  // credits the volunteer too): within the cap, nothing more is read.
  await applyBalanceCap(
    tx,
    s.claim.volunteerId,
    s.site.id,
    `claim:${s.claim.id}`,
    policy,
    !minutes.replayed && minutes.creditBalance !== undefined ? { balance: minutes.creditBalance } : undefined,
  );
  return points;
}

/**
 * Credits a banked visit inside the visit's own transaction: its minutes from the site's time pool
 * and `visit.pointsAwarded` from its points pool, to the visitor, as VISIT_CREDIT transfers naming
 * the visit. Keys derive from the visit, so a visit is paid once whatever is retried. The memo is
 * the elder's name, as a service credit's is the need's title: the volunteer's history says whom.
 */
export async function creditVisit(
  tx: Transaction,
  s: { site: SiteRow; visit: VisitRow; elderName: string; recordedBy: number | null },
): Promise<void> {
  const { visit } = s;
  if (!visit.banked || visit.visitorId === null || visit.minutes === null) return;
  const visitorId = visit.visitorId;
  const found = await accountsAt(tx, s.site.id, [visitorId]);
  const credit = (unit: 'MINUTES' | 'POINTS', amount: number) => {
    const pool = found.site('SITE_POOL', unit);
    if (pool === undefined) throw new Error(`site ${s.site.id} has no ${unit} pool`);
    return transfer(tx, {
      unit,
      amount,
      fromAccountId: pool,
      toAccountId:
        found.member(visitorId, unit) ?? fail(ErrorCode.NOT_FOUND, { en: 'Account not found', zh: '账户不存在' }),
      kind: 'VISIT_CREDIT',
      idempotencyKey: `visit:${visit.id}:${unit.toLowerCase()}`,
      siteId: s.site.id,
      visitId: visit.id,
      createdBy: s.recordedBy,
      memo: s.elderName,
    });
  };
  // Minutes then points: the same order as a service credit, so the two never lock in turn.
  await Promise.all([
    credit('MINUTES', visit.minutes),
    ...(visit.pointsAwarded > 0 ? [credit('POINTS', visit.pointsAwarded)] : []),
  ]);
  // Hours policy (issue 18): what the credit brought above the cap goes to the care pool.
  await applyBalanceCap(tx, visitorId, s.site.id, `visit:${visit.id}`);
}

export async function donateMinutes(deps: ServiceDeps, actor: Actor | null, input: Donation): Promise<TransferRow> {
  // One's own minutes: only a member donates, never the system.
  const viewer = requireViewer(actor);
  const minutes = v.int('minutes', input.minutes, 1, 100_000);
  const note = v.optionalText('note', input.note, 200);
  const key = v.idempotencyKey('idempotencyKey', input.idempotencyKey);
  if (input.toMemberId === viewer.id) {
    badInput('toMemberId', { en: 'You cannot donate to yourself', zh: '不能转赠给自己' });
  }
  const receiver = await deps.cache.member.load(input.toMemberId);
  // Donations stay within the donor's site: its coordinator answers for both ends.
  if (!receiver || receiver.siteId === null || receiver.siteId !== viewer.siteId) {
    fail(ErrorCode.NOT_FOUND, { en: 'No such member at your site', zh: '本站点没有这个成员' }, { field: 'toMemberId' });
  }
  return deps.db.transaction(async (tx) => {
    const { transfer: row, replayed } = await transfer(tx, {
      unit: 'MINUTES',
      amount: minutes,
      kind: 'DONATION',
      memo: note,
      fromAccountId: await memberAccountId(tx, viewer.id, 'MINUTES'),
      toAccountId: await memberAccountId(tx, receiver.id, 'MINUTES'),
      // Namespaced by donor: one member's key can neither collide with nor reveal another's.
      idempotencyKey: `donate:${viewer.id}:${key}`,
      siteId: viewer.siteId,
      createdBy: viewer.id,
    });
    if (!replayed) {
      await audit(tx, viewer, viewer.siteId, 'donateMinutes', 'transfer', row.id, { to: receiver.id, minutes });
    }
    return row;
  });
}

export async function reverseTransfer(deps: ServiceDeps, actor: Actor | null, input: Reversal): Promise<TransferRow> {
  const { transferId } = input;
  const reason = v.text('reason', input.reason, 500);
  const key = v.idempotencyKey('idempotencyKey', input.idempotencyKey);
  const original = await deps.cache.transfer.load(transferId);
  if (!original) notFound('transfer');
  // Access before anything about the transfer: another site's is answered as one that does not
  // exist, and only those who may reverse it learn what kind it is.
  requireVisibleAt(actor, original.siteId, () => notFound('transfer'));
  const by =
    original.siteId === null
      ? requireRoleAt(actor, -1, ['ADMIN'])
      : requireRoleAt(actor, original.siteId, ['COORDINATOR', 'ADMIN']);
  // A redemption's points travel with its goods: undo it with cancelRedemption, which restocks
  // too and refunds at most once. Reversing its transfers here could refund twice.
  if (original.kind === 'REDEMPTION' || original.kind === 'REFUND') {
    fail(ErrorCode.CONFLICT, {
      en: 'Undo a redemption with cancelRedemption, not by reversing its transfers',
      zh: '兑换请用“取消兑换”撤销，不能直接冲正',
    });
  }
  return deps.db.transaction(async (tx) => {
    const { transfer: row, replayed } = await reverse(tx, {
      transferId,
      reason,
      // Namespaced by who reverses (a member's id, or the system's label), not by the transfer:
      // the same key for another transfer is then CONFLICT (the transfer is part of the
      // request), not a second reversal.
      idempotencyKey: `reverse:${isSystem(by) ? by.system : by.id}:${key}`,
      createdBy: memberIdOf(by),
    });
    if (!replayed) {
      await audit(tx, by, original.siteId, 'reverseTransfer', 'transfer', row.id, {
        reverses: transferId,
        amount: original.amount,
        unit: original.unit,
        reason,
      });
    }
    return row;
  });
}
