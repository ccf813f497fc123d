// SQL for a member's life after registration: editing their facts, deactivating and reactivating
// them, one-time reset codes, and the site's rule for a leaver's balance.
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../open';
import type { ClaimRow, MemberRow, NeedRow, SiteRow } from '../rows';
import { claims, members, needs, sites } from '../schema/index';
import type { DeactivationReason, LeaverBalanceRule } from '../schema/enums.schema';

/** The facts a coordinator may change on a member. */
export type MemberChanges = Partial<
  Pick<
    MemberRow,
    | 'name'
    | 'phone'
    | 'address'
    | 'birthYear'
    | 'livingSituation'
    | 'disabilityGrade'
    | 'careCategories'
    | 'lifeThreateningIllness'
    | 'dementia'
    | 'minimumLivingAllowance'
  >
>;

// Never earlier than it already was: two revocations in a row keep the later cut-off.
const validAfter = (at: Date) => sql`greatest(${members.tokensValidAfter}, ${at.toISOString()}::timestamptz)`;

/** The member's row under a row lock, for a change that reads it first. */
export async function lockMember(ex: Executor, id: number): Promise<MemberRow | undefined> {
  const [row] = await ex.select().from(members).where(eq(members.id, id)).for('update');
  return row;
}

export async function updateMember(ex: Executor, id: number, changes: MemberChanges): Promise<MemberRow> {
  const [row] = await ex.update(members).set(changes).where(eq(members.id, id)).returning();
  if (!row) throw new Error(`member ${id} not found for update`);
  return row;
}

/**
 * Makes the member a proxy account: no password, no pending reset code, and every token issued
 * before `cutOff` refused.
 */
export async function removeLogIn(ex: Executor, id: number, cutOff: Date): Promise<MemberRow> {
  const [row] = await ex
    .update(members)
    .set({ passwordHash: null, resetCodeHash: null, resetCodeExpiresAt: null, tokensValidAfter: validAfter(cutOff) })
    .where(eq(members.id, id))
    .returning();
  if (!row) throw new Error(`member ${id} not found`);
  return row;
}

/**
 * Deactivates an active member: their tokens end at `cutOff`, a pending reset code is dropped.
 * Undefined when the member was already inactive (nothing written).
 */
export async function deactivate(
  ex: Executor,
  id: number,
  d: { reason: DeactivationReason; note: string | null; at: Date; cutOff: Date },
): Promise<MemberRow | undefined> {
  const [row] = await ex
    .update(members)
    .set({
      deactivatedAt: d.at,
      deactivationReason: d.reason,
      deactivationNote: d.note,
      resetCodeHash: null,
      resetCodeExpiresAt: null,
      tokensValidAfter: validAfter(d.cutOff),
    })
    .where(and(eq(members.id, id), isNull(members.deactivatedAt)))
    .returning();
  return row;
}

/** Reactivates an inactive member; undefined when they were already active. */
export async function reactivate(ex: Executor, id: number): Promise<MemberRow | undefined> {
  const [row] = await ex
    .update(members)
    .set({ deactivatedAt: null, deactivationReason: null, deactivationNote: null })
    .where(and(eq(members.id, id), isNotNull(members.deactivatedAt)))
    .returning();
  return row;
}

/** The member's claims not yet settled (claimed, checked in or reported), oldest first. */
export async function claimsInProgressOf(ex: Executor, volunteerId: number): Promise<ClaimRow[]> {
  return ex
    .select()
    .from(claims)
    .where(and(eq(claims.volunteerId, volunteerId), inArray(claims.status, ['CLAIMED', 'CHECKED_IN', 'REPORTED'])))
    .orderBy(claims.id);
}

/** Needs for this beneficiary still on the board (open or filled), oldest first. */
export async function unfinishedNeedsFor(ex: Executor, beneficiaryId: number): Promise<NeedRow[]> {
  return ex
    .select()
    .from(needs)
    .where(and(eq(needs.beneficiaryId, beneficiaryId), inArray(needs.status, ['OPEN', 'FILLED'])))
    .orderBy(needs.id);
}

/**
 * A new reset code (its hash) valid until `expiresAt`: the password goes, and every token issued
 * before `cutOff` is refused.
 */
export async function setResetCode(
  ex: Executor,
  id: number,
  codeHash: string,
  expiresAt: Date,
  cutOff: Date,
): Promise<MemberRow | undefined> {
  const [row] = await ex
    .update(members)
    .set({
      passwordHash: null,
      resetCodeHash: codeHash,
      resetCodeExpiresAt: expiresAt,
      tokensValidAfter: validAfter(cutOff),
    })
    .where(eq(members.id, id))
    .returning();
  return row;
}

/**
 * Spends the reset code whose hash was checked: the new password is set only if that very code is
 * still there (a second use, racing or later, finds it gone and writes nothing).
 */
export async function redeemResetCode(
  ex: Executor,
  id: number,
  codeHash: string,
  passwordHash: string,
  cutOff: Date,
): Promise<MemberRow | undefined> {
  const [row] = await ex
    .update(members)
    .set({ passwordHash, resetCodeHash: null, resetCodeExpiresAt: null, tokensValidAfter: validAfter(cutOff) })
    .where(and(eq(members.id, id), eq(members.resetCodeHash, codeHash)))
    .returning();
  return row;
}

export async function setLeaverBalanceRule(
  ex: Executor,
  siteId: number,
  rule: LeaverBalanceRule,
): Promise<SiteRow | undefined> {
  const [row] = await ex.update(sites).set({ leaverBalanceRule: rule }).where(eq(sites.id, siteId)).returning();
  return row;
}
