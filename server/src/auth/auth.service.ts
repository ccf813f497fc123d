// Logging in, changing a password, and turning a request's token into the viewer every other
// service checks. A password change (or reset) revokes every token the member was issued before it.
import { hashPassword, memberQueries, verifyPassword, type Database, type MemberRow } from '@huzhu/db';
import { audit } from '../audit/audit.service';
import { badInput, ErrorCode, fail } from '../core/errors';
import * as v from '../core/validate';
import type { ServerResources } from '../core/deps';
import type { LoginLimiter } from '../security/rate-limit';
import { requireViewer, type Actor, type Viewer } from './authorize';
import type { MemberCache } from './member-cache';
import { signToken, verifyToken } from './tokens';

// A real hash of a random password: verifying against it when the phone is unknown costs the same
// time as a real check, so response times do not reveal which phones are registered.
const DECOY_HASH = 'scrypt$16384$8$1$5yWGtPq4JX0bJ9jv0C5nYw$jz3LXf5nyMdYx5t6m0b4tbx1rJ6Q0bHqJ0wQ1o8u8gE';

export interface LoginRequest {
  phone: string;
  password: string;
  ip: string | undefined;
}

/** Checks the password under the log-in limits: a few free tries, slower ones, then a lock-out. */
export async function login(db: Database, secret: Uint8Array, limiter: LoginLimiter, request: LoginRequest) {
  const phone = v.phone('phone', request.phone);
  // One try at a time per phone: a burst of guesses meets the limits one by one.
  return limiter.serial(phone, async () => {
    await underLimits(limiter, phone, request.ip);
    const member = await memberQueries.memberByPhone(db, phone);
    const ok = await verifyPassword(request.password, member?.passwordHash ?? DECOY_HASH);
    if (!member || !member.passwordHash || !ok) {
      await limiter.failed(request.ip);
      fail(ErrorCode.UNAUTHENTICATED, { en: 'Wrong phone number or password', zh: '手机号或密码不对' });
    }
    await limiter.succeeded(phone);
    // Only after the password: a deactivated member's phone is not told to a guesser.
    if (member.deactivatedAt) fail(ErrorCode.UNAUTHENTICATED, DEACTIVATED, { reason: 'DEACTIVATED' });
    return { token: await signToken(secret, member.id, notBeforeOf(member)), member };
  });
}

/** Said to a member who left (deactivated): their coordinator can bring them back. */
export const DEACTIVATED = {
  en: 'This account is no longer in use; please ask your coordinator',
  zh: '这个账户已停用，请联系协调员',
};

/** Counts a password try: refused when locked out, slowed down after a few failures. */
export async function underLimits(limiter: LoginLimiter, phone: string, ip: string | undefined): Promise<void> {
  const verdict = await limiter.begin(phone, ip);
  if (!verdict.allowed) {
    const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
    fail(
      ErrorCode.TOO_MANY_REQUESTS,
      {
        en: `Too many wrong passwords: try again in ${minutes} minutes, or ask your coordinator to reset it`,
        zh: `密码错误次数太多，请${minutes}分钟后再试，或请协调员帮您重置密码`,
      },
      { retryAfterSeconds: verdict.retryAfterSeconds },
    );
  }
  if (verdict.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, verdict.delayMs));
}

/** The member's token cut-off in whole seconds (0: none): a new token's `iat` is never below it. */
export function notBeforeOf(member: MemberRow): number {
  return member.tokensValidAfter ? Math.ceil(member.tokensValidAfter.getTime() / 1000) : 0;
}

/**
 * The cut-off for a revocation now: the next whole second. A token's `iat` is in whole seconds, so
 * a token issued earlier in this same second has an `iat` below it and ends too; tokens issued
 * from now on carry the cut-off as their `iat` (signToken's notBefore) and are valid.
 */
export function revocationCutOff(): Date {
  return new Date((Math.floor(Date.now() / 1000) + 1) * 1000);
}

/**
 * Sets a member's password (a reset by staff, the admin's from the environment at start) and
 * revokes every token issued before it, on every process: the change to the member's row is
 * announced to the member caches (migration 0006), which then read the new cut-off.
 */
export async function resetPassword(db: Database, memberId: number, password: string): Promise<MemberRow> {
  const row = await memberQueries.setPassword(db, memberId, await hashPassword(password), revocationCutOff());
  if (!row) fail(ErrorCode.NOT_FOUND, { en: 'No such member', zh: '没有这个成员' });
  return row;
}

/** Ends every log-in token the member holds (on every process), without changing the password. */
export async function revokeTokens(db: Database, memberId: number): Promise<void> {
  await memberQueries.revokeTokens(db, memberId, revocationCutOff());
}

export interface ChangePasswordRequest {
  oldPassword: string;
  newPassword: string;
}

/** What a password change needs besides its actor: the database, the token key, the limits. */
export type PasswordDeps = Pick<ServerResources, 'db' | 'jwtSecret' | 'loginLimiter'>;

/**
 * The member changes their own password, proving the old one under the same limits as a log-in
 * (a stolen token must not become a way to guess it), counted against the address they act from.
 * Every earlier token ends; the answer carries a new one. Only a member has a password: the
 * system is FORBIDDEN.
 */
export async function changePassword(
  deps: PasswordDeps,
  actor: Actor | null,
  request: ChangePasswordRequest,
): Promise<{ token: string; member: MemberRow }> {
  const viewer = requireViewer(actor);
  const newPassword = v.password('newPassword', request.newPassword);
  const member = await memberQueries.memberById(deps.db, viewer.id);
  if (!member?.phone || !member.passwordHash) fail(ErrorCode.FORBIDDEN, NO_PASSWORD);
  const phone = member.phone;
  const ip = viewer.ip;
  return deps.loginLimiter.serial(phone, async () => {
    await underLimits(deps.loginLimiter, phone, ip);
    if (!(await verifyPassword(request.oldPassword, member.passwordHash!))) {
      await deps.loginLimiter.failed(ip);
      badInput('oldPassword', { en: 'The current password is not right', zh: '当前密码不对' });
    }
    await deps.loginLimiter.succeeded(phone);
    const hash = await hashPassword(newPassword);
    const changed = await deps.db.transaction(async (tx) => {
      const row = await memberQueries.setPassword(tx, member.id, hash, revocationCutOff());
      await audit(tx, viewer, member.siteId, 'changePassword', 'member', member.id, {});
      return row!;
    });
    return { token: await signToken(deps.jwtSecret, changed.id, notBeforeOf(changed)), member: changed };
  });
}

const NO_PASSWORD = { en: 'This member logs in without a password of their own', zh: '该成员没有自己的登录密码' };

/** The viewer behind a bearer token; UNAUTHENTICATED for a bad, expired or orphaned token. */
export async function viewerFromToken(
  db: Database,
  members: MemberCache,
  secret: Uint8Array,
  token: string,
): Promise<Viewer> {
  const verified = await verifyToken(secret, token);
  const viewer = verified && (await members.viewer(db, verified.memberId));
  // A token issued before the member's cut-off (a password change) has been revoked. The cut-off
  // is on the member's row, which every process's cache drops and reads again when it changes.
  // A deactivated member's tokens end too (deactivation also moves the cut-off; this holds even for
  // a token issued in the same second).
  const cutOff = viewer?.member?.tokensValidAfter;
  if (!viewer || viewer.member?.deactivatedAt || (cutOff && verified.issuedAt * 1000 < cutOff.getTime())) {
    fail(ErrorCode.UNAUTHENTICATED, {
      en: 'Your log-in has expired; please log in again',
      zh: '登录已失效，请重新登录',
    });
  }
  return viewer;
}

export function viewerOf(
  member: MemberRow,
  memberships: Viewer['memberships'],
  scope: Pick<Viewer, 'regions' | 'regionSiteIds'> = {},
): Viewer {
  return {
    id: member.id,
    siteId: member.siteId,
    memberships: memberships.map((m) => ({ siteId: m.siteId, role: m.role, regionId: m.regionId ?? null })),
    regions: scope.regions ?? [],
    regionSiteIds: scope.regionSiteIds ?? [],
    member,
  };
}

/** The viewer for a member just read (a log-in): their roles, regions and region sites read now. */
export async function viewerFor(db: Database, member: MemberRow): Promise<Viewer> {
  const found = await memberQueries.memberWithRoles(db, member.id);
  return viewerOf(member, found?.roles ?? [], found ?? {});
}
