// Logging in, and turning a request's token into the viewer every other service checks.
import { memberQueries, verifyPassword, type Database, type MemberRow } from '@huzhu/db';
import { ErrorCode, fail } from '../graphql/errors';
import * as v from '../graphql/validate';
import type { LoginLimiter } from '../security/rate-limit';
import type { Viewer } from './authorize';
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
    const verdict = limiter.check(phone, request.ip);
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
    const member = await memberQueries.memberByPhone(db, phone);
    const ok = await verifyPassword(request.password, member?.passwordHash ?? DECOY_HASH);
    if (!member || !member.passwordHash || !ok) {
      limiter.failed(phone, request.ip);
      fail(ErrorCode.UNAUTHENTICATED, { en: 'Wrong phone number or password', zh: '手机号或密码不对' });
    }
    limiter.succeeded(phone);
    return { token: await signToken(secret, member.id), member };
  });
}

/** The viewer behind a bearer token; UNAUTHENTICATED for a bad, expired or orphaned token. */
export async function viewerFromToken(
  db: Database,
  members: MemberCache,
  secret: Uint8Array,
  token: string,
): Promise<Viewer> {
  const id = await verifyToken(secret, token);
  const viewer = id === undefined ? undefined : await members.viewer(db, id);
  if (!viewer) {
    fail(ErrorCode.UNAUTHENTICATED, {
      en: 'Your log-in has expired; please log in again',
      zh: '登录已失效，请重新登录',
    });
  }
  return viewer;
}

export function viewerOf(member: MemberRow, memberships: Viewer['memberships']): Viewer {
  return {
    id: member.id,
    siteId: member.siteId,
    memberships: memberships.map((m) => ({ siteId: m.siteId, role: m.role })),
    member,
  };
}
