// One-time reset codes for members who forgot their password (elders do): the coordinator makes
// one and reads it out once; the member types it on the log-in page with their phone and a new
// password, and is logged in. Only the code's hash is kept; it works once, for 24 hours, under the
// log-in limits. Making a code ends the old password and every token at once.
import { randomInt } from 'node:crypto';
import { hashPassword, lifecycleQueries as lq, memberQueries, verifyPassword, type MemberRow } from '@huzhu/db';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { badInput, ErrorCode, fail } from '../core/errors';
import * as v from '../core/validate';
import { memberToManage } from '../members/member-lifecycle.service';
import type { LoginLimiter } from '../security/rate-limit';
import { DEACTIVATED, notBeforeOf, revocationCutOff, underLimits, type PasswordDeps } from './auth.service';
import type { Actor } from './authorize';
import { signToken } from './tokens';

export const RESET_CODE_DIGITS = 8;
export const RESET_CODE_LIFETIME_MS = 24 * 3_600_000;

// As login's decoy: an unknown phone costs the same time as a wrong code.
const DECOY_HASH = 'scrypt$16384$8$1$5yWGtPq4JX0bJ9jv0C5nYw$jz3LXf5nyMdYx5t6m0b4tbx1rJ6Q0bHqJ0wQ1o8u8gE';

const WRONG_CODE = {
  en: 'Wrong phone number or code, or the code has expired or was used; ask your coordinator for a new one',
  zh: '手机号或验证码不对，或验证码已过期、已用过；请向协调员要一个新的',
};

export interface IssuedCode {
  code: string;
  expiresAt: Date;
  member: MemberRow;
}

/** A new code for the member (COORDINATOR of their site, or ADMIN); the earlier code stops working. */
export async function issueResetCode(deps: ServiceDeps, actor: Actor | null, memberId: number): Promise<IssuedCode> {
  const existing = await memberToManage(deps, actor, memberId);
  if (existing.phone === null) {
    badInput('id', {
      en: 'This member has no phone number: add one first, so they can log in',
      zh: '该成员没有手机号，请先填写手机号，他才能登录',
    });
  }
  if (existing.deactivatedAt !== null) {
    fail(ErrorCode.CONFLICT, { en: 'Reactivate this member first', zh: '请先恢复该成员' });
  }
  const code = String(randomInt(0, 10 ** RESET_CODE_DIGITS)).padStart(RESET_CODE_DIGITS, '0');
  const hash = await hashPassword(code);
  const expiresAt = new Date(Date.now() + RESET_CODE_LIFETIME_MS);
  const member = await deps.db.transaction(async (tx) => {
    const row = await lq.setResetCode(tx, memberId, hash, expiresAt, revocationCutOff());
    // The code itself is never written anywhere but the answer.
    await audit(tx, actor, existing.siteId, 'issueResetCode', 'member', memberId, {
      expiresAt: expiresAt.toISOString(),
    });
    return row!;
  });
  deps.cache.member.clear(memberId);
  return { code, expiresAt, member };
}

export interface RedeemRequest {
  phone: string;
  code: string;
  newPassword: string;
  ip: string | undefined;
}

/**
 * Logs in with a reset code and sets the new password in the same step (nothing to remember
 * between two screens). A wrong code counts as a failed log-in; the code is spent only by the
 * request that sets the password, so two at once cannot both use it.
 */
export async function redeemResetCode(
  deps: PasswordDeps & { loginLimiter: LoginLimiter },
  request: RedeemRequest,
): Promise<{ token: string; member: MemberRow }> {
  const phone = v.phone('phone', request.phone);
  const newPassword = v.password('newPassword', request.newPassword);
  const code = request.code.replace(/\s/g, '');
  return deps.loginLimiter.serial(phone, async () => {
    await underLimits(deps.loginLimiter, phone, request.ip);
    const member = await memberQueries.memberByPhone(deps.db, phone);
    const stored = member?.resetCodeHash ?? null;
    const live = member?.resetCodeExpiresAt != null && member.resetCodeExpiresAt.getTime() > Date.now();
    const ok = await verifyPassword(code, stored ?? DECOY_HASH);
    if (!member || !stored || !live || !ok || !/^[0-9]+$/.test(code)) {
      await deps.loginLimiter.failed(request.ip);
      fail(ErrorCode.UNAUTHENTICATED, WRONG_CODE);
    }
    await deps.loginLimiter.succeeded(phone);
    if (member.deactivatedAt) fail(ErrorCode.UNAUTHENTICATED, DEACTIVATED, { reason: 'DEACTIVATED' });
    const passwordHash = await hashPassword(newPassword);
    const changed = await deps.db.transaction(async (tx) => {
      const row = await lq.redeemResetCode(tx, member.id, stored, passwordHash, revocationCutOff());
      if (!row) fail(ErrorCode.UNAUTHENTICATED, WRONG_CODE);
      const self = { id: member.id, siteId: member.siteId, memberships: [], ...(request.ip && { ip: request.ip }) };
      await audit(tx, self, member.siteId, 'redeemResetCode', 'member', member.id, {});
      return row;
    });
    return { token: await signToken(deps.jwtSecret, changed.id, notBeforeOf(changed)), member: changed };
  });
}
