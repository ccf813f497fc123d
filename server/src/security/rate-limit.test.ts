// The log-in limiter's steps: free tries, then slower ones, then a lock-out that ends by itself.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOGIN_LIMITS, LoginLimiter } from './rate-limit';

afterEach(() => vi.useRealTimers());

describe('login limiter', () => {
  it('slows a phone down after a few failures, locks it after more, and lets it in again later', () => {
    vi.useFakeTimers();
    const limiter = new LoginLimiter();
    for (let i = 0; i < LOGIN_LIMITS.slowAfter - 1; i++) limiter.failed('13900000001', '10.0.0.1');
    expect(limiter.check('13900000001', '10.0.0.1')).toEqual({ allowed: true, delayMs: 0 });
    limiter.failed('13900000001', '10.0.0.1');
    expect(limiter.check('13900000001', '10.0.0.1')).toEqual({ allowed: true, delayMs: LOGIN_LIMITS.delayMs });
    for (let i = LOGIN_LIMITS.slowAfter; i < LOGIN_LIMITS.lockAfter; i++) limiter.failed('13900000001', '10.0.0.1');
    const locked = limiter.check('13900000001', '10.0.0.1');
    expect(locked.allowed).toBe(false);
    // Another phone from the same address is not locked by this one's failures.
    expect(limiter.check('13900000002', '10.0.0.1').allowed).toBe(true);
    vi.advanceTimersByTime(LOGIN_LIMITS.windowMinutes * 60_000 + 1);
    expect(limiter.check('13900000001', '10.0.0.1')).toEqual({ allowed: true, delayMs: 0 });
  });

  it('locks an address that tries many phones', () => {
    const limiter = new LoginLimiter();
    for (let i = 0; i < LOGIN_LIMITS.lockAddressAfter; i++)
      limiter.failed(`1390000${String(i).padStart(4, '0')}`, '10.0.0.9');
    expect(limiter.check('13911112222', '10.0.0.9').allowed).toBe(false);
    expect(limiter.check('13911112222', '10.0.0.10').allowed).toBe(true);
  });

  it("forgets a phone's failures once it logs in", () => {
    const limiter = new LoginLimiter();
    for (let i = 0; i < LOGIN_LIMITS.lockAfter - 1; i++) limiter.failed('13900000003', undefined);
    limiter.succeeded('13900000003');
    expect(limiter.check('13900000003', undefined)).toEqual({ allowed: true, delayMs: 0 });
  });
});
