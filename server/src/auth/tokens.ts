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

/** The member id in a valid token, or undefined for anything else. */
export async function verifyToken(secret: Uint8Array, token: string): Promise<number | undefined> {
  try {
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], issuer: 'huzhu' });
    const id = Number(payload.sub);
    return Number.isSafeInteger(id) && id > 0 ? id : undefined;
  } catch {
    return undefined;
  }
}
