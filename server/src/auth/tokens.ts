// Signed log-in tokens: HS256 JWTs naming the member. Only HS256 is accepted, so a token
// claiming `alg: none` or another algorithm is refused, as is a tampered or expired one.
import { SignJWT, jwtVerify } from 'jose';

export const TOKEN_LIFETIME_SECONDS = 30 * 24 * 3600;

export async function signToken(secret: Uint8Array, memberId: number): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(String(memberId))
    .setIssuedAt()
    .setExpirationTime(`${TOKEN_LIFETIME_SECONDS}s`)
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
const verified = new WeakMap<Uint8Array, Map<string, { id: number; expiresAt: number }>>();
const VERIFIED_MAX = 10_000;

/** The member id in a valid token, or undefined for anything else. */
export async function verifyToken(secret: Uint8Array, token: string): Promise<number | undefined> {
  let cache = verified.get(secret);
  if (!cache) verified.set(secret, (cache = new Map()));
  const hit = cache.get(token);
  if (hit) {
    if (hit.expiresAt > Date.now()) return hit.id;
    cache.delete(token);
  }
  try {
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], issuer: 'huzhu' });
    const id = Number(payload.sub);
    if (!Number.isSafeInteger(id) || id <= 0) return undefined;
    if (typeof payload.exp === 'number') {
      if (cache.size >= VERIFIED_MAX) cache.delete(cache.keys().next().value!);
      cache.set(token, { id, expiresAt: payload.exp * 1000 });
    }
    return id;
  } catch {
    return undefined;
  }
}
