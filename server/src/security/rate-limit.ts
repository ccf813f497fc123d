// Rate limits kept in this process's memory: failed log-ins per phone and per address (slow down,
// then lock out for a while), and requests per token or address. Behind a load balancer each
// process counts its own share, which still bounds a guesser to a few tries a minute per process.

interface Window {
  count: number;
  resetAt: number;
}

/** Counts events per key in fixed windows; old keys are swept as they expire. */
export class WindowCounter {
  private readonly windows = new Map<string, Window>();
  private sweepAt = 0;

  constructor(private readonly windowMs: number) {}

  count(key: string, now = Date.now()): number {
    const w = this.windows.get(key);
    return w && w.resetAt > now ? w.count : 0;
  }

  add(key: string, now = Date.now()): number {
    this.sweep(now);
    const w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      this.windows.set(key, { count: 1, resetAt: now + this.windowMs });
      return 1;
    }
    w.count += 1;
    return w.count;
  }

  retryAfterSeconds(key: string, now = Date.now()): number {
    const w = this.windows.get(key);
    return w ? Math.max(1, Math.ceil((w.resetAt - now) / 1000)) : 0;
  }

  clear(key: string): void {
    this.windows.delete(key);
  }

  private sweep(now: number): void {
    if (now < this.sweepAt) return;
    this.sweepAt = now + this.windowMs;
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
  }
}

export const LOGIN_LIMITS = {
  windowMinutes: 15,
  /** Failures per phone before each further try is slowed down. */
  slowAfter: 3,
  /** Failures per phone before the phone is locked for the rest of the window. */
  lockAfter: 10,
  /** Failures per address (many phones from one place) before the address is locked. */
  lockAddressAfter: 50,
  /** Added delay per failure beyond slowAfter, capped at 5 s. */
  delayMs: 500,
} as const;

export type LoginVerdict = { allowed: true; delayMs: number } | { allowed: false; retryAfterSeconds: number };

export class LoginLimiter {
  private readonly byPhone = new WindowCounter(LOGIN_LIMITS.windowMinutes * 60_000);
  private readonly byAddress = new WindowCounter(LOGIN_LIMITS.windowMinutes * 60_000);
  private readonly queues = new Map<string, Promise<unknown>>();

  /**
   * Runs one log-in try for a phone after the previous try for that phone has finished. Without
   * this, tries sent all at once would each pass check() before any of them had failed.
   */
  async serial<T>(phone: string, attempt: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(phone) ?? Promise.resolve();
    const mine = previous.then(attempt, attempt);
    const tail = mine.catch(() => undefined);
    this.queues.set(phone, tail);
    try {
      return await mine;
    } finally {
      if (this.queues.get(phone) === tail) this.queues.delete(phone);
    }
  }

  check(phone: string, address: string | undefined): LoginVerdict {
    const phoneFailures = this.byPhone.count(phone);
    if (phoneFailures >= LOGIN_LIMITS.lockAfter)
      return { allowed: false, retryAfterSeconds: this.byPhone.retryAfterSeconds(phone) };
    if (address && this.byAddress.count(address) >= LOGIN_LIMITS.lockAddressAfter) {
      return { allowed: false, retryAfterSeconds: this.byAddress.retryAfterSeconds(address) };
    }
    const over = phoneFailures - LOGIN_LIMITS.slowAfter + 1;
    return { allowed: true, delayMs: over > 0 ? Math.min(5000, over * LOGIN_LIMITS.delayMs) : 0 };
  }

  failed(phone: string, address: string | undefined): void {
    this.byPhone.add(phone);
    if (address) this.byAddress.add(address);
  }

  succeeded(phone: string): void {
    this.byPhone.clear(phone);
  }
}
