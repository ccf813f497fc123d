// A member's life after registration: a coordinator edits their facts (each change audited with
// its value before and after), deactivates them when they leave or die (their claims given back,
// needs for them cancelled, their balance settled by the site's rule, their log-in ended, nothing
// of their history deleted) and reactivates them when they come back.
import {
  ledgerQueries,
  lifecycleQueries as lq,
  needQueries,
  pgErrorOf,
  type CareCategory,
  type ClaimRow,
  type DeactivationReason,
  type LeaverBalanceRule,
  type LivingSituation,
  type MemberRow,
  type SiteRow,
  type Transaction,
  type Unit,
} from '@huzhu/db';
import { memberIdOf, requireRoleAt, requireVisibleAt, type Actor } from '../auth/authorize';
import { revocationCutOff } from '../auth/auth.service';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { badInput, ErrorCode, fail, notFound } from '../core/errors';
import * as v from '../core/validate';
import { claimsUpdated } from '../events/events';
import { deliver } from '../inbox/inbox.deliver';
import { transfer } from '../ledger/ledger.service';
import { followNeed } from '../needs/claim-steps';
import { forgetNeed } from '../needs/needs.service';
import { refreshKeptTiers } from '../visits/tier-plan';
import { birthYearOf, disabilityGradeOf } from './member-facts';

/** Changes to a member: a field left out (undefined) stays; null clears it (name excepted). */
export interface MemberUpdate {
  name?: string | null;
  phone?: string | null;
  address?: string | null;
  birthYear?: number | null;
  livingSituation?: LivingSituation | null;
  disabilityGrade?: number | null;
  careCategories?: readonly CareCategory[] | null;
  /** The facts the visit tiers read beside the categories; null clears them (false). */
  lifeThreateningIllness?: boolean | null;
  dementia?: boolean | null;
  minimumLivingAllowance?: boolean | null;
  /** True: the coordinator acts for them; their password and tokens end. */
  proxy?: boolean | null;
}

/** The member, NOT_FOUND unless the actor belongs to their site; then COORDINATOR or ADMIN there. */
export async function memberToManage(deps: ServiceDeps, actor: Actor | null, id: number): Promise<MemberRow> {
  const member = await deps.cache.member.load(id);
  if (!member || member.siteId === null) notFound('member');
  requireVisibleAt(actor, member.siteId, () => notFound('member'));
  requireRoleAt(actor, member.siteId, ['COORDINATOR', 'ADMIN']);
  return member;
}

const TIER_FLAGS = ['lifeThreateningIllness', 'dementia', 'minimumLivingAllowance'] as const;
const TIER_FACTS = new Set<string>([
  'birthYear',
  'livingSituation',
  'disabilityGrade',
  'careCategories',
  ...TIER_FLAGS,
]);

const PHONE_TAKEN = { en: 'This phone number is already registered', zh: '这个手机号已经登记过了' };

export async function updateMember(
  deps: ServiceDeps,
  actor: Actor | null,
  id: number,
  input: MemberUpdate,
): Promise<MemberRow> {
  const existing = await memberToManage(deps, actor, id);
  const changes: lq.MemberChanges = {};
  if (input.name !== undefined) {
    if (input.name === null) badInput('input.name', { en: 'A member needs a name', zh: '成员必须有姓名' });
    changes.name = v.text('input.name', input.name, 40);
  }
  if (input.phone !== undefined)
    changes.phone = input.phone === null || input.phone === '' ? null : v.phone('input.phone', input.phone);
  if (input.address !== undefined) changes.address = v.optionalText('input.address', input.address, 200);
  if (input.birthYear !== undefined) changes.birthYear = birthYearOf('input.birthYear', input.birthYear);
  if (input.livingSituation !== undefined) changes.livingSituation = input.livingSituation;
  if (input.disabilityGrade !== undefined)
    changes.disabilityGrade = disabilityGradeOf('input.disabilityGrade', input.disabilityGrade);
  if (input.careCategories !== undefined) changes.careCategories = [...new Set(input.careCategories ?? [])];
  for (const flag of TIER_FLAGS) if (input[flag] !== undefined) changes[flag] = input[flag] ?? false;
  if (input.proxy === false && existing.passwordHash === null) {
    badInput('input.proxy', {
      en: 'To let this member log in, give them a one-time code (reset password)',
      zh: '要让该成员自己登录，请给他一个一次性验证码（重置密码）',
    });
  }
  // Read before the transaction: PGlite has one connection, the cache reads outside the transaction.
  const site = existing.siteId === null ? undefined : await deps.cache.site.load(existing.siteId);
  try {
    const updated = await deps.db.transaction(async (tx) => {
      const before = await lq.lockMember(tx, id);
      if (!before) notFound('member');
      const diff: Record<string, { before: unknown; after: unknown }> = {};
      for (const [field, after] of Object.entries(changes) as [keyof lq.MemberChanges, unknown][]) {
        if (!sameValue(before[field], after)) diff[field] = { before: before[field], after };
      }
      let row = Object.keys(diff).length > 0 ? await lq.updateMember(tx, id, changes) : before;
      // Without a phone nobody can log in as them; a proxy account logs in nowhere either.
      const endLogIn = row.passwordHash !== null && (input.proxy === true || row.phone === null);
      if (endLogIn) {
        row = await lq.removeLogIn(tx, id, revocationCutOff());
        diff.proxy = { before: false, after: true };
      }
      if (Object.keys(diff).length > 0) {
        await audit(tx, actor, row.siteId, 'updateMember', 'member', id, { changes: diff });
      }
      // A changed fact may change the visit tier the monthly rate counts them by.
      if (Object.keys(diff).some((f) => TIER_FACTS.has(f))) {
        if (site) {
          await refreshKeptTiers(tx, site, new Date(), [id]);
          row = (await lq.lockMember(tx, id)) ?? row;
        }
      }
      return row;
    });
    deps.cache.member.clear(id);
    return updated;
  } catch (error) {
    if (pgErrorOf(error)?.code === '23505') fail(ErrorCode.CONFLICT, PHONE_TAKEN, { field: 'input.phone' });
    throw error;
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export interface Deactivation {
  reason: DeactivationReason;
  note?: string | null;
}

/** What deactivating a member did, beyond the member's row (for tests and the audit). */
export interface Settlement {
  minutes: number;
  points: number;
  rule: LeaverBalanceRule;
}

/**
 * Deactivates a member who left or died. In one transaction: refuses while service they reported,
 * or service reported for them, waits for confirmation; gives back their claims not yet served;
 * cancels the needs for them still on the board (their volunteers are told); settles their
 * balance by the site's rule; ends their tokens. Deactivating an inactive member writes nothing.
 */
export async function deactivateMember(
  deps: ServiceDeps,
  actor: Actor | null,
  id: number,
  input: Deactivation,
): Promise<MemberRow> {
  const existing = await memberToManage(deps, actor, id);
  const note = v.optionalText('note', input.note, 200, v.MULTILINE);
  if (memberIdOf(actor) === id) badInput('id', { en: 'You cannot deactivate yourself', zh: '不能停用自己的账户' });
  const siteId = existing.siteId!;
  const site = await deps.cache.site.load(siteId);
  if (!site) notFound('site');
  const { member, changedClaims, cancelledNeeds } = await deps.db.transaction(async (tx) => {
    const locked = await lq.lockMember(tx, id);
    if (!locked) notFound('member');
    if (locked.deactivatedAt !== null) return { member: locked, changedClaims: [], cancelledNeeds: [] };
    const now = new Date();
    const settledBy = memberIdOf(actor);
    // Their own claims, as a volunteer: given back unless they wait for confirmation.
    const own = await lq.claimsInProgressOf(tx, id);
    const needsFor = await lq.unfinishedNeedsFor(tx, id);
    const claimsOnNeedsFor = await needQueries.claimsByNeedIds(
      tx,
      needsFor.map((n) => n.id),
    );
    if ([...own, ...claimsOnNeedsFor].some((c) => c.status === 'REPORTED')) {
      fail(ErrorCode.CONFLICT, {
        en: 'Confirm or reject the service reported by or for this member first',
        zh: '请先确认或驳回该成员已上报的服务（或为他上报的服务）',
      });
    }
    const changedClaims: ClaimRow[] = [];
    for (const c of own) {
      const need = (await needQueries.needById(tx, c.needId, true))!;
      changedClaims.push(await needQueries.updateClaim(tx, c.id, { status: 'WITHDRAWN', settledAt: now, settledBy }));
      await followNeed(tx, need);
    }
    // Needs for them: cancelled as cancelNeed does, their volunteers given back their slots and told.
    for (const need of needsFor) {
      await needQueries.needById(tx, need.id, true);
      const held = claimsOnNeedsFor.filter((c) => c.needId === need.id);
      const told: number[] = [];
      for (const c of held.filter((x) => x.status === 'CLAIMED' || x.status === 'CHECKED_IN')) {
        changedClaims.push(await needQueries.updateClaim(tx, c.id, { status: 'WITHDRAWN', settledAt: now, settledBy }));
        told.push(c.volunteerId);
      }
      for (const c of held.filter((x) => x.status === 'REJECTED' && x.closedAt === null))
        changedClaims.push(await needQueries.updateClaim(tx, c.id, { closedAt: now }));
      await needQueries.setNeedStatus(tx, need.id, 'CANCELLED', {
        cancelledAt: now,
        cancelReason: '服务对象已停用 (beneficiary deactivated)',
      });
      await deliver(
        tx,
        told.map((memberId) => ({
          memberId,
          siteId,
          kind: 'NEED_CANCELLED' as const,
          subject: `need:${need.id}`,
          detail: { title: need.title, startsAt: need.startsAt.toISOString(), cause: 'BENEFICIARY_DEACTIVATED' },
          dedupeKey: `need:${need.id}:CANCELLED`,
        })),
      );
    }
    const settlement = await settleBalance(tx, site, locked, now, settledBy);
    const row = await lq.deactivate(tx, id, { reason: input.reason, note, at: now, cutOff: revocationCutOff() });
    await audit(tx, actor, siteId, 'deactivateMember', 'member', id, {
      reason: input.reason,
      note,
      ...settlement,
      withdrawnClaims: changedClaims.filter((c) => c.status === 'WITHDRAWN').length,
      cancelledNeeds: needsFor.map((n) => n.id),
    });
    await deps.events.announce(tx, claimsUpdated(siteId, changedClaims));
    return { member: row!, changedClaims, cancelledNeeds: needsFor.map((n) => n.id) };
  });
  deps.cache.member.clear(id);
  for (const needId of new Set([...cancelledNeeds, ...changedClaims.map((c) => c.needId)])) forgetNeed(deps, needId);
  return member;
}

/**
 * The site's rule for a leaver's balance. DONATE_TO_POOL: each unit's whole balance goes to the
 * site's pool as a DONATION transfer, its key naming this deactivation (so a retry never moves it
 * twice); KEEP: nothing moves. The accounts are locked first, so the balance moved is the balance.
 */
async function settleBalance(
  tx: Transaction,
  site: SiteRow,
  member: MemberRow,
  at: Date,
  createdBy: number | null,
): Promise<Settlement> {
  const rule = site.leaverBalanceRule;
  const moved: Settlement = { rule, minutes: 0, points: 0 };
  if (rule === 'KEEP') return moved;
  const accounts = await ledgerQueries.memberAndSiteAccounts(tx, site.id, [member.id]);
  const mine = accounts.filter((a) => a.owner === 'MEMBER' && a.memberId === member.id);
  const locked = await ledgerQueries.lockAccounts(
    tx,
    mine.map((a) => a.id),
  );
  for (const unit of ['MINUTES', 'POINTS'] as const satisfies readonly Unit[]) {
    const account = locked.find((a) => a.unit === unit);
    const pool = accounts.find((a) => a.owner === 'SITE_POOL' && a.unit === unit);
    if (!account || !pool || account.balance <= 0) continue;
    await transfer(tx, {
      unit,
      amount: account.balance,
      fromAccountId: account.id,
      toAccountId: pool.id,
      kind: 'DONATION',
      idempotencyKey: `leave:${member.id}:${at.getTime()}:${unit.toLowerCase()}`,
      siteId: site.id,
      createdBy,
      memo: '成员停用，余额捐入站点互助池',
    });
    moved[unit === 'MINUTES' ? 'minutes' : 'points'] = account.balance;
  }
  return moved;
}

/** Brings a deactivated member back: in lists again, and able to log in with their password. */
export async function reactivateMember(deps: ServiceDeps, actor: Actor | null, id: number): Promise<MemberRow> {
  const existing = await memberToManage(deps, actor, id);
  const member = await deps.db.transaction(async (tx) => {
    const row = await lq.reactivate(tx, id);
    if (!row) return (await lq.lockMember(tx, id))!;
    await audit(tx, actor, existing.siteId, 'reactivateMember', 'member', id, {
      wasDeactivatedAt: existing.deactivatedAt?.toISOString() ?? null,
      reason: existing.deactivationReason,
    });
    return row;
  });
  deps.cache.member.clear(id);
  return member;
}

export async function setLeaverBalanceRule(
  deps: ServiceDeps,
  actor: Actor | null,
  siteId: number,
  rule: LeaverBalanceRule,
): Promise<SiteRow> {
  // A site id is FORBIDDEN to those without the role, whether the site exists or not.
  requireRoleAt(actor, siteId, ['COORDINATOR', 'ADMIN']);
  const before = await deps.cache.site.load(siteId);
  if (!before) notFound('site');
  const site = await deps.db.transaction(async (tx) => {
    const row = await lq.setLeaverBalanceRule(tx, siteId, rule);
    if (before.leaverBalanceRule !== rule) {
      await audit(tx, actor, siteId, 'setLeaverBalanceRule', 'site', siteId, {
        before: before.leaverBalanceRule,
        after: rule,
      });
    }
    return row!;
  });
  deps.cache.site.clear(siteId);
  return site;
}
