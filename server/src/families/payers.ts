// Who pays a need's minutes beyond the site and the beneficiary (issue 18): a linked relative,
// with their consent for the need or a standing permission, or the site's care pool for a
// special-difficulty elder. Checked when the need is posted or edited, and again when it is paid.
import {
  allianceQueries,
  familyQueries,
  ledgerQueries,
  type MemberRow,
  type NeedRow,
  type Payer,
  type Transaction,
} from '@huzhu/db';
import type { ServiceDeps } from '../core/deps';
import { badInput, ErrorCode, fail } from '../core/errors';
import { deliver } from '../inbox/inbox.deliver';
import { tradeAllowed } from '../ledger/alliances.service';

export interface PayerChoice {
  payer: Payer;
  /** The paying relative when RELATIVE, else null. */
  payerMemberId: number | null;
}

/** Whether an elder is of special difficulty: any of the eight care categories (特殊困难老年人). */
export function specialDifficulty(elder: MemberRow): boolean {
  return elder.careCategories.length > 0;
}

/**
 * Checks who is to pay for a need of `siteId` for `beneficiary`: a RELATIVE must be a live member
 * linked to the beneficiary (link in force) whose site may trade hours with this one; CARE_POOL
 * only for a special-difficulty elder; any other payer names no member.
 */
export async function checkPayer(
  deps: ServiceDeps,
  siteId: number,
  beneficiary: MemberRow,
  payer: Payer,
  payerMemberId: number | null | undefined,
): Promise<PayerChoice> {
  if (payer !== 'RELATIVE') {
    if (payerMemberId != null) {
      badInput('input.payerMemberId', {
        en: 'A paying member is named only when a relative pays',
        zh: '只有亲属支付时才填写支付人',
      });
    }
    if (payer === 'CARE_POOL' && !specialDifficulty(beneficiary)) {
      badInput('input.payer', {
        en: 'The care pool pays only for special-difficulty elders',
        zh: '爱心池只为特殊困难老人支付',
      });
    }
    return { payer, payerMemberId: null };
  }
  if (payerMemberId == null) {
    badInput('input.payerMemberId', { en: 'Name the relative who pays', zh: '请选择支付的亲属' });
  }
  const relative = await deps.cache.member.load(payerMemberId);
  const link = relative ? await familyQueries.openLinkBetween(deps.db, payerMemberId, beneficiary.id) : undefined;
  if (!relative || relative.deactivatedAt !== null || relative.siteId === null || !familyQueries.inForce(link)) {
    badInput('input.payerMemberId', {
      en: 'The payer must be a linked relative of the beneficiary (both consented)',
      zh: '支付人必须是服务对象已确认的亲属',
    });
  }
  if (!(await tradeAllowed(deps.db, relative.siteId, siteId))) {
    fail(
      ErrorCode.FORBIDDEN,
      {
        en: 'The relative’s hours cannot be spent here: the two sites are not in one alliance',
        zh: '亲属所在站点与本站不在同一通存通兑联盟内，不能使用其时间',
      },
      { field: 'input.payerMemberId' },
    );
  }
  return { payer, payerMemberId };
}

/**
 * Asks the paying relative for their consent in their inbox, in the posting transaction; not
 * when a standing permission already covers the beneficiary.
 */
export async function askConsent(tx: Transaction, need: NeedRow, beneficiaryName: string): Promise<void> {
  if (need.payer !== 'RELATIVE' || need.payerMemberId === null) return;
  if (await familyQueries.openPermission(tx, need.payerMemberId, need.beneficiaryId)) return;
  await deliver(tx, [
    {
      memberId: need.payerMemberId,
      siteId: need.siteId,
      kind: 'PAYMENT_CONSENT_ASKED',
      subject: `need:${need.id}`,
      detail: {
        needId: need.id,
        needTitle: need.title,
        personName: beneficiaryName,
        minutes: need.estimatedMinutes,
        at: need.startsAt.toISOString(),
      },
      dedupeKey: `need:${need.id}:consent:${need.payerMemberId}`,
    },
  ]);
}

/**
 * The relative who pays for the need, checked in the paying transaction: the link still in force
 * and their consent (for the need, or an open standing permission). Missing either is CONFLICT
 * with reason PAYER_CONSENT_MISSING, and the confirmation writes nothing.
 */
export async function requireRelativeConsent(tx: Transaction, need: NeedRow): Promise<number> {
  const payerId = need.payerMemberId;
  const state =
    payerId === null ? undefined : await familyQueries.relativePaymentState(tx, need.id, payerId, need.beneficiaryId);
  if (payerId === null || !state?.linked || !state.consented) {
    fail(
      ErrorCode.CONFLICT,
      {
        en: 'The relative who pays has not consented to pay for this need (or withdrew their permission, or the link ended)',
        zh: '支付的亲属尚未同意为这项需求支付（或已撤回授权、亲属关系已解除）',
      },
      { reason: 'PAYER_CONSENT_MISSING' },
    );
  }
  return payerId;
}

/**
 * The site's care pool as the source of a confirmed service's minutes, checked under the lock of
 * both accounts (the pool has no balance check in the database, only member accounts do): the
 * pool may not go below zero. INSUFFICIENT_BALANCE otherwise.
 */
export async function carePoolSource(
  tx: Transaction,
  siteId: number,
  minutes: number,
  volunteerMinutesAccountId: number,
): Promise<number> {
  const pool = await allianceQueries.careAccount(tx, siteId);
  const locked = await ledgerQueries.lockAccounts(tx, [pool.id, volunteerMinutesAccountId]);
  const balance = locked.find((a) => a.id === pool.id)!.balance;
  if (balance < minutes) {
    fail(
      ErrorCode.INSUFFICIENT_BALANCE,
      { en: 'The care pool holds too few minutes', zh: '爱心池的时间不足' },
      { balance, required: minutes, unit: 'MINUTES' },
    );
  }
  return pool.id;
}
