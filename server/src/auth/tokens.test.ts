// Verified tokens are remembered, but only the exact token that verified, and only until it expires.
import { SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signToken, verifyToken } from './tokens';

const secret = new TextEncoder().encode('a-test-secret-of-thirty-two-bytes!!');

afterEach(() => {
  vi.useRealTimers();
});

describe('verifyToken', () => {
  it('answers the same member for the same token, and refuses a tampered copy of one it has seen', async () => {
    const token = await signToken(secret, 42);
    expect((await verifyToken(secret, token))?.memberId).toBe(42);
    expect((await verifyToken(secret, token))?.memberId).toBe(42);
    const [header, , signature] = token.split('.') as [string, string, string];
    const otherPayload = Buffer.from(JSON.stringify({ sub: '1', iss: 'huzhu', exp: 4_102_444_800 })).toString(
      'base64url',
    );
    expect(await verifyToken(secret, `${header}.${otherPayload}.${signature}`)).toBeUndefined();
    expect(await verifyToken(secret, `${token.slice(0, -2)}xx`)).toBeUndefined();
    // Another secret (another deployment, a rotated key) does not share what this one verified.
    expect(await verifyToken(new TextEncoder().encode('another-secret-another-secret-xx'), token)).toBeUndefined();
  });

  it('refuses a remembered token once it has expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-25T08:00:00Z'));
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('7')
      .setIssuedAt()
      .setExpirationTime('60s')
      .setIssuer('huzhu')
      .sign(secret);
    expect((await verifyToken(secret, token))?.memberId).toBe(7);
    vi.setSystemTime(new Date('2026-11-25T08:01:01Z'));
    expect(await verifyToken(secret, token)).toBeUndefined();
  });
});

describe('verifyToken is strict about what a token says', () => {
  const sign = (claims: Record<string, unknown>, build: (j: SignJWT) => SignJWT = (j) => j) =>
    build(new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuer('huzhu')).sign(secret);
  const now = () => Math.floor(Date.now() / 1000);

  it('accepts a plain token (the control)', async () => {
    const token = await sign({ sub: '12', iat: now(), exp: now() + 3600 });
    expect(await verifyToken(secret, token)).toEqual({ memberId: 12, issuedAt: expect.any(Number) });
  });

  it.each([
    ['no exp', { sub: '12', iat: now() }],
    ['no iat', { sub: '12', exp: now() + 3600 }],
    ['no sub', { iat: now(), exp: now() + 3600 }],
    ['a lifetime over 30 days', { sub: '12', iat: now(), exp: now() + 31 * 24 * 3600 }],
    ['an iat an hour ahead', { sub: '12', iat: now() + 3600, exp: now() + 7200 }],
    ['sub with zeros in front', { sub: '012', iat: now(), exp: now() + 3600 }],
    ['sub with a sign', { sub: '+12', iat: now(), exp: now() + 3600 }],
    ['sub as an exponent', { sub: '1e1', iat: now(), exp: now() + 3600 }],
    ['sub with spaces', { sub: ' 12', iat: now(), exp: now() + 3600 }],
    ['sub as a fraction', { sub: '12.0', iat: now(), exp: now() + 3600 }],
    ['sub 0', { sub: '0', iat: now(), exp: now() + 3600 }],
    ['sub past safe integers', { sub: '9007199254740993', iat: now(), exp: now() + 3600 }],
  ])('refuses %s', async (_what, claims) => {
    expect(await verifyToken(secret, await sign(claims))).toBeUndefined();
  });
});
