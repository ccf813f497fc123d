// A member's own minutes given away (issue 18): a gift to a linked relative at any site of the
// alliance (GIFT), a donation to their site's care pool (DONATION). And a relative's consent to
// pay for a need: once per need, or a standing permission for the beneficiary. All by the member
// themselves, never the system or a coordinator.
import { allianceQueries, familyQueries, needQueries, type NeedRow, type TransferRow } from '@huzhu/db';
import { requireViewer, type Actor } from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { badInput, ErrorCode, fail } from '../core/errors';
import * as v from '../core/validate';
import { applyBalanceCap } from '../ledger/balance-cap';
import { requireTradeAllowed } from '../ledger/alliances.service';
import { transfer } from '../ledger/ledger.service';
import { forgetNeed } from '../needs/needs.service';
import { requireLinked, viewOf, type FamilyLinkView } from './families.service';

export interface Gift {
  toMemberId: number;
  minutes: number;
  note?: string | null;
  idempotencyKey: string;
}

export interface CarePoolDonation {
  minutes: number;
  note?: string | null;
  idempotencyKey: string;
}

async function minutesAccount(deps: ServiceDeps, memberId: number): Promise<number> {
  const account = await deps.cache.accountsOfMember.load(memberId);
  const id = account.find((a) => a.unit === 'MINUTES')?.id;
  if (id === undefined) fail(ErrorCode.NOT_FOUND, { en: 'Account not found', zh: '账户不存在' });
  return id;
}

export async function giftMinutes(deps: ServiceDeps, actor: Actor | null, input: Gift): Promise<TransferRow> {
  const viewer = requireViewer(actor);
  const minutes = v.int('minutes', input.minutes, 1, 100_000);
  const note = v.optionalText('note', input.note, 200);
  const key = v.idempotencyKey('idempotencyKey', input.idempotencyKey);
  if (input.toMemberId === viewer.id) {
    badInput('toMemberId', { en: 'You cannot give to yourself', zh: '不能赠与自己' });
  }
  // Only to a linked relative: anyone else is not found, whoever they are.
  await requireLinked(deps, viewer.id, input.toMemberId, 'toMemberId');
  const receiver = await deps.cache.member.load(input.toMemberId);
  if (!receiver || receiver.siteId === null || viewer.siteId === null) {
    fail(
      ErrorCode.NOT_FOUND,
      { en: 'No linked relative with that id', zh: '找不到这位已确认的亲属' },
      { field: 'toMemberId' },
    );
  }
  const receiverSite = receiver.siteId;
  await requireTradeAllowed(deps.db, viewer.siteId, receiverSite);
  const [from, to] = await Promise.all([minutesAccount(deps, viewer.id), minutesAccount(deps, receiver.id)]);
  return deps.db.transaction(async (tx) => {
    const { transfer: row, replayed } = await transfer(tx, {
      unit: 'MINUTES',
      amount: minutes,
      kind: 'GIFT',
      memo: note,
      fromAccountId: from,
      toAccountId: to,
      idempotencyKey: `gift:${viewer.id}:${key}`,
      siteId: viewer.siteId,
      createdBy: viewer.id,
    });
    if (!replayed) {
      await audit(tx, viewer, viewer.siteId, 'giftMinutes', 'transfer', row.id, { to: receiver.id, minutes });
    }
    // A gift is a credit like any other: what it brings above the receiver's cap goes to the care
    // pool of the receiver's own site (the region whose policy caps her), keyed by the gift.
    await applyBalanceCap(tx, receiver.id, receiverSite, `gift:${viewer.id}:${key}`);
    return row;
  });
}

export async function donateToCarePool(
  deps: ServiceDeps,
  actor: Actor | null,
  input: CarePoolDonation,
): Promise<TransferRow> {
  const viewer = requireViewer(actor);
  const minutes = v.int('minutes', input.minutes, 1, 100_000);
  const note = v.optionalText('note', input.note, 200);
  const key = v.idempotencyKey('idempotencyKey', input.idempotencyKey);
  const siteId = viewer.siteId;
  if (siteId === null) {
    fail(ErrorCode.FORBIDDEN, {
      en: 'Only a member of a site can give to its care pool',
      zh: '只有站点成员可以捐入爱心池',
    });
  }
  const from = await minutesAccount(deps, viewer.id);
  return deps.db.transaction(async (tx) => {
    const pool = await allianceQueries.careAccount(tx, siteId);
    const { transfer: row, replayed } = await transfer(tx, {
      unit: 'MINUTES',
      amount: minutes,
      kind: 'DONATION',
      memo: note,
      fromAccountId: from,
      toAccountId: pool.id,
      idempotencyKey: `carepool:${viewer.id}:${key}`,
      siteId,
      createdBy: viewer.id,
    });
    if (!replayed) await audit(tx, viewer, siteId, 'donateToCarePool', 'transfer', row.id, { minutes });
    return row;
  });
}

/** The need the viewer is asked to pay for; anyone else's, or one that is not theirs to pay, is not found. */
async function needToPay(deps: ServiceDeps, viewerId: number, needId: number): Promise<NeedRow> {
  const need = await deps.cache.need.load(needId);
  if (!need || need.payer !== 'RELATIVE' || need.payerMemberId !== viewerId) {
    fail(ErrorCode.NOT_FOUND, { en: 'Need not found', zh: '找不到这个需求' });
  }
  return need;
}

export async function consentToPay(deps: ServiceDeps, actor: Actor | null, needId: number): Promise<NeedRow> {
  const viewer = requireViewer(actor);
  const need = await needToPay(deps, viewer.id, needId);
  if (need.status === 'CANCELLED' || need.status === 'COMPLETED') {
    fail(ErrorCode.CONFLICT, { en: `The need is ${need.status}`, zh: '该需求已经结束' }, { status: need.status });
  }
  await requireLinked(deps, viewer.id, need.beneficiaryId, 'needId');
  if (need.payerConsentedAt !== null) return need;
  const row = await deps.db.transaction(async (tx) => {
    await familyQueries.consentToNeed(tx, needId);
    await audit(tx, viewer, need.siteId, 'consentToPay', 'need', needId, { payer: viewer.id });
    return (await needQueries.needById(tx, needId))!;
  });
  forgetNeed(deps, needId);
  return row;
}

/** The viewer's link with the beneficiary, seen from the viewer (who pays). */
async function payerView(deps: ServiceDeps, viewerId: number, beneficiaryId: number): Promise<FamilyLinkView> {
  return viewOf(await requireLinked(deps, viewerId, beneficiaryId, 'beneficiaryId'), viewerId);
}

export async function grantPaymentPermission(
  deps: ServiceDeps,
  actor: Actor | null,
  beneficiaryId: number,
): Promise<FamilyLinkView> {
  const viewer = requireViewer(actor);
  const view = await payerView(deps, viewer.id, beneficiaryId);
  await deps.db.transaction(async (tx) => {
    const { row, granted } = await familyQueries.grantPermission(tx, viewer.id, beneficiaryId);
    if (granted)
      await audit(tx, viewer, viewer.siteId, 'grantPaymentPermission', 'payment_permission', row.id, { beneficiaryId });
  });
  return view;
}

export async function revokePaymentPermission(
  deps: ServiceDeps,
  actor: Actor | null,
  beneficiaryId: number,
): Promise<FamilyLinkView> {
  const viewer = requireViewer(actor);
  // Revoking works on an ended link too: a permission is withdrawn whatever became of the link.
  const link = (await familyQueries.linksOfMember(deps.db, viewer.id)).find(
    (l) => l.memberId === beneficiaryId || l.relativeId === beneficiaryId,
  );
  if (!link) {
    fail(
      ErrorCode.NOT_FOUND,
      { en: 'No linked relative with that id', zh: '找不到这位已确认的亲属' },
      { field: 'beneficiaryId' },
    );
  }
  await deps.db.transaction(async (tx) => {
    const row = await familyQueries.revokePermission(tx, viewer.id, beneficiaryId);
    if (row)
      await audit(tx, viewer, viewer.siteId, 'revokePaymentPermission', 'payment_permission', row.id, {
        beneficiaryId,
      });
  });
  return viewOf(link, viewer.id);
}

/** Needs waiting for the viewer's consent to pay (they are the paying relative). */
export async function myPaymentRequests(deps: ServiceDeps, actor: Actor | null): Promise<NeedRow[]> {
  const viewer = requireViewer(actor);
  return familyQueries.needsAwaitingPayer(deps.db, viewer.id);
}

/** Whether the need's paying relative has consented: for the need, or by an open standing permission. */
export async function payerConsented(deps: ServiceDeps, need: NeedRow): Promise<boolean> {
  if (need.payerMemberId === null) return false;
  if (need.payerConsentedAt !== null) return true;
  return (await familyQueries.openPermission(deps.db, need.payerMemberId, need.beneficiaryId)) !== undefined;
}
