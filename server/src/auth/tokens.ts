// Signed log-in tokens: HS256 JWTs naming the member. Only HS256 is accepted, so a token
// claiming `alg: none` or another algorithm is refused, as is a tampered or expired one. A token
// must say when it was issued and when it ends, live at most TOKEN_LIFETIME_SECONDS, and name its
// member as a plain decimal id: anything else is refused, however well signed.
import { SignJWT, jwtVerify } from 'jose';

export const TOKEN_LIFETIME_SECONDS = 30 * 24 * 3600;
/** How far ahead of this process's clock an `iat` may be (another process's clock, a revocation's cut-off). */
const IAT_SKEW_SECONDS = 60;
/** A member id as `sub`: a positive decimal integer without sign, zeros in front, exponent or spaces. */
const SUBJECT = /^[1-9][0-9]{0,15}$/;

export interface VerifiedToken {
  memberId: number;
  /** `iat`, in whole seconds since the epoch. */
  issuedAt: number;
}

/**
 * A token for the member. `notBefore` (seconds): the member's tokens-valid-after cut-off; a token
 * issued in the same second as a password change carries the cut-off as its `iat`, so it is not
 * mistaken for one issued before the change.
 */
export async function signToken(secret: Uint8Array, memberId: number, notBefore = 0): Promise<string> {
  const iat = Math.max(Math.floor(Date.now() / 1000), notBefore);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(String(memberId))
    .setIssuedAt(iat)
    .setExpirationTime(iat + TOKEN_LIFETIME_SECONDS)
    .setIssuer('huzhu')
    .sign(secret);
}

/**
 * Tokens already verified, per secret: an HMAC check through WebCrypto costs about as much CPU as
 * the rest of a short read (7% of `viewer` in the profile), and a client sends the same token with
 * every request for a month. The key is the whole token, signature included, so only a token that
 * verified before is ever taken from here; each entry still ends at the token's own expiry. Bounded:
 * the oldest entry makes room.
 */
const verified = new WeakMap<Uint8Array, Map<string, VerifiedToken & { expiresAt: number }>>();
const VERIFIED_MAX = 10_000;

/** The member and issue time of a valid token, or undefined for anything else. */
export async function verifyToken(secret: Uint8Array, token: string): Promise<VerifiedToken | undefined> {
  let cache = verified.get(secret);
  if (!cache) verified.set(secret, (cache = new Map()));
  const hit = cache.get(token);
  if (hit) {
    if (hit.expiresAt > Date.now()) return { memberId: hit.memberId, issuedAt: hit.issuedAt };
    cache.delete(token);
  }
  try {
    const { payload } = await jwtVerify(token, secret, {
      algorithms: ['HS256'],
      issuer: 'huzhu',
      requiredClaims: ['sub', 'iat', 'exp'],
    });
    const { sub, iat, exp } = payload;
    if (typeof sub !== 'string' || !SUBJECT.test(sub)) return undefined;
    if (!Number.isInteger(iat) || !Number.isInteger(exp)) return undefined;
    if (exp! - iat! > TOKEN_LIFETIME_SECONDS || exp! <= iat!) return undefined;
    if (iat! > Date.now() / 1000 + IAT_SKEW_SECONDS) return undefined;
    const memberId = Number(sub);
    if (!Number.isSafeInteger(memberId)) return undefined;
    if (cache.size >= VERIFIED_MAX) cache.delete(cache.keys().next().value!);
    cache.set(token, { memberId, issuedAt: iat!, expiresAt: exp! * 1000 });
    return { memberId, issuedAt: iat! };
  } catch {
    return undefined;
  }
}

/**
 * The token in an Authorization header (or a WebSocket's `authorization` connection param):
 * `Bearer <token>`, the scheme in any case (RFC 7235 makes it case-insensitive), one space, a token
 * of RFC 6750's characters, nothing else. undefined when there is no header; null when there is
 * one of any other shape (`Bearer  T`, a tab, a bare token, `Basic ...`), which is refused rather
 * than taken as anonymous.
 */
export function bearerToken(header: unknown): string | null | undefined {
  if (header === undefined || header === '') return undefined;
  if (typeof header !== 'string') return null;
  const m = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/i.exec(header);
  return m ? m[1]! : null;
}
