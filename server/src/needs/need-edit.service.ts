// Editing a posted need (COORDINATOR): before anyone claims it every field may change; once a
// volunteer holds a claim only the start and the description, since the claimant agreed to the
// rest, and each active claimant is told in their inbox in the same transaction.
import { needQueries as q, type NeedRow, type Payer, type ServiceCategory } from '@huzhu/db';
import { requireRoleAt, requireVisibleAt, type Actor } from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { badInput, ErrorCode, fail, notFound } from '../core/errors';
import * as v from '../core/validate';
import { askConsent, checkPayer } from '../families/payers';
import { claimsUpdated } from '../events/events';
import { deliver } from '../inbox/inbox.deliver';
import { requireWithdrawAge } from '../ledger/hours-policy.service';
import { forgetNeed } from './needs.service';

/** What to change; a field left out (or null, but for the description) stays as it is. */
export interface NeedChanges {
  title?: string | null;
  /** null clears it. */
  description?: string | null;
  category?: ServiceCategory | null;
  startsAt?: Date | null;
  estimatedMinutes?: number | null;
  slots?: number | null;
  payer?: Payer | null;
  /** The paying relative when payer is (or becomes) RELATIVE. */
  payerMemberId?: number | null;
  beneficiaryId?: number | null;
}

type Field = keyof NeedChanges;

/** What a claimed need may still change: the claimant agreed to who, what and how long. */
export const CHANGEABLE_WHEN_CLAIMED: readonly Field[] = ['startsAt', 'description'];

const FIELD_ZH: Record<Field, string> = {
  title: '标题',
  description: '说明',
  category: '服务类别',
  startsAt: '开始时间',
  estimatedMinutes: '预计时长',
  slots: '人数',
  payer: '支付方',
  payerMemberId: '支付的亲属',
  beneficiaryId: '服务对象',
};

/** The claims whose volunteers are still to serve (or have reported): they are told of a change. */
const ACTIVE = new Set(['CLAIMED', 'CHECKED_IN', 'REPORTED']);

/** The changes, checked, with the fields left out dropped. */
function checked(input: NeedChanges): Partial<Record<Field, unknown>> {
  const out: Partial<Record<Field, unknown>> = {};
  if (input.title != null) out.title = v.text('input.title', input.title, 60);
  if (input.description !== undefined)
    out.description = v.optionalText('input.description', input.description, 1000, v.MULTILINE);
  if (input.category != null) out.category = input.category;
  if (input.startsAt != null) out.startsAt = v.date('input.startsAt', input.startsAt);
  if (input.estimatedMinutes != null)
    out.estimatedMinutes = v.int('input.estimatedMinutes', input.estimatedMinutes, 1, 1440);
  if (input.slots != null) out.slots = v.int('input.slots', input.slots, 1, 50);
  if (input.payer != null) out.payer = input.payer;
  if (input.beneficiaryId != null) out.beneficiaryId = input.beneficiaryId;
  return out;
}

const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

/** A value as the audit trail and the inbox keep it (instants as ISO strings). */
const plain = (x: unknown) => (x instanceof Date ? x.toISOString() : x);

/**
 * Edits a need. Setting what is already there changes nothing, writes nothing and tells no one,
 * so a retry is harmless. A cancelled or completed need is CONFLICT; so is any change but the
 * start and the description once a volunteer holds a claim (any claim not withdrawn).
 */
export async function editNeed(
  deps: ServiceDeps,
  actor: Actor | null,
  needId: number,
  input: NeedChanges,
): Promise<NeedRow> {
  const existing = await deps.cache.need.load(needId);
  if (!existing) notFound('need');
  requireVisibleAt(actor, existing.siteId, () => notFound('need'));
  requireRoleAt(actor, existing.siteId, ['COORDINATOR']);
  const wanted = checked(input);
  if (wanted.beneficiaryId !== undefined && wanted.beneficiaryId !== existing.beneficiaryId) {
    const beneficiary = await deps.cache.member.load(wanted.beneficiaryId as number);
    if (!beneficiary || beneficiary.siteId !== existing.siteId) {
      badInput('input.beneficiaryId', {
        en: 'The beneficiary must be a member of this site',
        zh: '服务对象必须是本站点的成员',
      });
    }
  }
  // Hours policy (issue 18): an edit that makes the beneficiary pay (or changes who that is) meets
  // the age rule as a new need would.
  const payer = (wanted.payer as Payer | undefined) ?? existing.payer;
  const beneficiaryId = (wanted.beneficiaryId as number | undefined) ?? existing.beneficiaryId;
  if (payer === 'BENEFICIARY' && (payer !== existing.payer || beneficiaryId !== existing.beneficiaryId)) {
    const beneficiary = await deps.cache.member.load(beneficiaryId);
    if (beneficiary) await requireWithdrawAge(deps.db, existing.siteId, beneficiary);
  }
  // A new payer, or another paying relative: checked as when posting; the consent starts over.
  let consentFrom: string | undefined;
  if (input.payer != null || input.payerMemberId != null) {
    const payer = input.payer ?? existing.payer;
    const beneficiary = (await deps.cache.member.load((wanted.beneficiaryId as number) ?? existing.beneficiaryId))!;
    const choice = await checkPayer(
      deps,
      existing.siteId,
      beneficiary,
      payer,
      payer === 'RELATIVE' ? (input.payerMemberId ?? existing.payerMemberId) : input.payerMemberId,
    );
    wanted.payer = choice.payer;
    wanted.payerMemberId = choice.payerMemberId;
    consentFrom = beneficiary.name;
  }
  const { need, changed } = await deps.db.transaction(async (tx) => {
    const locked = (await q.needById(tx, needId, true))!;
    if (locked.status === 'CANCELLED' || locked.status === 'COMPLETED') {
      fail(
        ErrorCode.CONFLICT,
        {
          en: `The need is ${locked.status}; it can no longer be changed`,
          zh: locked.status === 'CANCELLED' ? '该需求已取消，不能再修改' : '该需求已完成，不能再修改',
        },
        { status: locked.status },
      );
    }
    const fields = (Object.keys(wanted) as Field[]).filter((f) => !same(wanted[f], locked[f]));
    if (fields.length === 0) return { need: locked, changed: false };
    const claims = await q.claimsByNeedIds(tx, [needId]);
    const claimed = claims.some((c) => c.status !== 'WITHDRAWN');
    const barred = fields.filter((f) => !CHANGEABLE_WHEN_CLAIMED.includes(f));
    if (claimed && barred.length > 0) {
      fail(
        ErrorCode.CONFLICT,
        {
          en: `Volunteers have claimed this need: only its start time and description can change now, not ${barred.join(', ')}. To change more, cancel it and post a new one.`,
          zh: `已有志愿者认领，现在只能修改开始时间和说明，不能修改${barred.map((f) => FIELD_ZH[f]).join('、')}。如需改动更多，请取消后重新发布。`,
        },
        { fields: barred.join(',') },
      );
    }
    const holding = claims.filter(q.holdsSlot).length;
    if (wanted.slots !== undefined && (wanted.slots as number) < holding) {
      fail(
        ErrorCode.CONFLICT,
        {
          en: `${holding} volunteers hold slots; the need cannot have fewer slots than that`,
          zh: `已有 ${holding} 位志愿者占了名额，人数不能少于 ${holding}`,
        },
        { holding },
      );
    }
    // Slots change only while nobody holds one, so the need stays OPEN.
    const changes = Object.fromEntries(fields.map((f) => [f, wanted[f]])) as q.NeedEdit;
    const payerChanged = fields.includes('payer') || fields.includes('payerMemberId');
    if (payerChanged) changes.payerConsentedAt = null;
    const row = await q.updateNeed(tx, needId, changes);
    if (payerChanged && consentFrom !== undefined) await askConsent(tx, row, consentFrom);
    const before = Object.fromEntries(fields.map((f) => [f, plain(locked[f])]));
    const after = Object.fromEntries(fields.map((f) => [f, plain(row[f])]));
    await audit(tx, actor, row.siteId, 'editNeed', 'need', needId, { before, after });
    const active = claims.filter((c) => ACTIVE.has(c.status));
    await deliver(
      tx,
      active.map((c) => ({
        memberId: c.volunteerId,
        siteId: row.siteId,
        kind: 'NEED_CHANGED' as const,
        subject: `need:${needId}`,
        detail: { title: row.title, fields, before, after },
      })),
    );
    // Boards of open needs refetch on needPosted; the claimants' lists on their claims' events.
    await deps.events.announce(tx, [
      { topic: 'needPosted', siteId: row.siteId, id: needId },
      ...claimsUpdated(row.siteId, active),
    ]);
    return { need: row, changed: true };
  });
  if (!changed) return need;
  forgetNeed(deps, needId);
  return need;
}
