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
    expect(await verifyToken(secret, token)).toBe(42);
    expect(await verifyToken(secret, token)).toBe(42);
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
    expect(await verifyToken(secret, token)).toBe(7);
    vi.setSystemTime(new Date('2026-11-25T08:01:01Z'));
    expect(await verifyToken(secret, token)).toBeUndefined();
  });
});
