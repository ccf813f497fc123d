// Rate limits every server process on the database shares (table rate_limits, migration 0007):
// failed log-ins per phone and per address (slow down, then lock out for a while), and requests
// per member or address. Kept in the database, a lock-out holds on every process and across
// restarts. The request limit runs on every request, so it counts locally and only goes to the
// database now and then (see RequestLimiter); log-ins are rare and go every time.
import { limitQueries, type Database } from '@huzhu/db';

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

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export class LoginLimiter {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly db: Database) {}

  /**
   * Runs one log-in try for a phone after the previous try for that phone on this process has
   * finished, so a burst meets the slow-down in order. Across processes the count is what holds:
   * begin() counts a try before its password is checked.
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

  /**
   * Counts a try for the phone (one atomic statement, so tries on several processes at once are
   * each counted) and says whether it may go ahead, and after how long. At most `lockAfter`
   * passwords are checked per phone per window, whatever the number of processes.
   */
  async begin(phone: string, address: string | undefined): Promise<LoginVerdict> {
    const a = await limitQueries.loginAttempt(
      this.db,
      phoneKey(phone),
      address === undefined ? undefined : addressKey(address),
      LOGIN_LIMITS.lockAddressAfter,
      LOGIN_LIMITS.windowMinutes * 60,
    );
    if (a.addressCount >= LOGIN_LIMITS.lockAddressAfter)
      return { allowed: false, retryAfterSeconds: seconds(a.addressRetryMs) };
    // This try is counted: a.phoneCount - 1 tries came before it in the window.
    const before = a.phoneCount - 1;
    if (before >= LOGIN_LIMITS.lockAfter) return { allowed: false, retryAfterSeconds: seconds(a.phoneRetryMs) };
    const over = before - LOGIN_LIMITS.slowAfter + 1;
    return { allowed: true, delayMs: over > 0 ? Math.min(5000, over * LOGIN_LIMITS.delayMs) : 0 };
  }

  /** A wrong password: counts against the address (the phone's try was counted by begin()). */
  async failed(address: string | undefined): Promise<void> {
    if (address === undefined) return;
    await limitQueries.hit(this.db, [
      { key: addressKey(address), add: 1, windowSeconds: LOGIN_LIMITS.windowMinutes * 60 },
    ]);
  }

  /** The right password: the phone's tries are forgotten. */
  async succeeded(phone: string): Promise<void> {
    await limitQueries.clear(this.db, phoneKey(phone));
  }
}

const phoneKey = (phone: string) => `login:phone:${phone}`;
const addressKey = (address: string) => `login:addr:${address}`;

export type RequestVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface KeyState {
  /** The key's count in the database when this process last heard (what it sent included). */
  known: number;
  /** Counted here and not yet sent. */
  pending: number;
  /** Sent and not yet answered. */
  sending: number;
  /** When the database's window for the key ends, on this process's clock. */
  endsAt: number;
}

export interface RequestLimiterOptions {
  /** How often counts kept locally are sent (ms). */
  flushMs?: number;
  /** Requests counted locally for a key before they are sent at once (default perMinute / 20). */
  batch?: number;
}

const WINDOW_MS = 60_000;

/**
 * Requests a minute per key (a member, or an address), shared by every process through the
 * database, with few round trips:
 *
 * - a key's first request in a window on this process waits for the database's count, so a
 *   process never starts a key from zero when others have spent its budget;
 * - below half the budget (as this process last heard it), requests are counted locally and sent
 *   every `flushMs` (1 s), or at once when `batch` of them have piled up for the key: no round trip
 *   on the request's path;
 * - from half the budget on, every request waits for the database's atomic count and is refused
 *   if that is over the budget.
 *
 * So a client spread over N processes gets at most the budget plus what the other processes have
 * counted and not yet sent when the database's count reaches half of it: under N x `batch` (5% of
 * the budget each) plus a second's requests. Counts are lost only with a process (a crash between
 * flushes).
 */
export class RequestLimiter {
  private readonly keys = new Map<string, KeyState>();
  private readonly batch: number;
  private readonly timer: NodeJS.Timeout;
  private readonly inFlight = new Set<Promise<unknown>>();
  private ticks = 0;
  private closed = false;

  constructor(
    private readonly db: Database,
    private readonly perMinute: number,
    options: RequestLimiterOptions = {},
  ) {
    this.batch = options.batch ?? Math.max(1, Math.floor(perMinute / 20));
    this.timer = setInterval(() => this.tick(), options.flushMs ?? 1_000);
    this.timer.unref();
  }

  async take(key: string): Promise<RequestVerdict> {
    const now = Date.now();
    let s = this.keys.get(key);
    if (!s || s.endsAt <= now) {
      s = { known: 0, pending: 0, sending: 0, endsAt: now + WINDOW_MS };
      this.keys.set(key, s);
      return this.counted(key, s);
    }
    const seen = s.known + s.sending + s.pending;
    if (seen >= this.perMinute) return { allowed: false, retryAfterSeconds: seconds(s.endsAt - now) };
    if (seen * 2 >= this.perMinute) return this.counted(key, s);
    s.pending += 1;
    if (s.pending >= this.batch) this.track(this.send([key]));
    return { allowed: true };
  }

  /** Stops the timer and waits for counts on their way (what is still pending is dropped). */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await Promise.allSettled([...this.inFlight]);
  }

  /** Counts this request in the database and decides by the count that comes back. */
  private async counted(key: string, s: KeyState): Promise<RequestVerdict> {
    s.pending += 1;
    const tally = (await this.send([key])).get(key);
    // The database did not answer: let the request through (it meets the database itself next).
    if (!tally || tally.count <= this.perMinute) return { allowed: true };
    return { allowed: false, retryAfterSeconds: seconds(tally.retryMs) };
  }

  /** Sends the keys' pending counts in one statement and learns each key's count in return. */
  private async send(keys: string[]): Promise<Map<string, limitQueries.Tally>> {
    const hits: limitQueries.Hit[] = [];
    const states = new Map<string, KeyState>();
    for (const key of keys) {
      const s = this.keys.get(key);
      if (!s || s.pending === 0) continue;
      hits.push({ key, add: s.pending, windowSeconds: WINDOW_MS / 1000 });
      states.set(key, s);
      s.sending += s.pending;
      s.pending = 0;
    }
    const answers = new Map<string, limitQueries.Tally>();
    if (hits.length === 0 || this.closed) return answers;
    let tallies: limitQueries.Tally[];
    try {
      tallies = await limitQueries.hit(this.db, hits);
    } catch (error) {
      // Counted again with the next send; the request itself will meet the same database.
      for (const h of hits) {
        const s = states.get(h.key)!;
        s.sending -= h.add;
        s.pending += h.add;
      }
      if (!this.closed) console.error('rate limit: counts not sent:', (error as Error).message);
      return answers;
    }
    const now = Date.now();
    for (const h of hits) states.get(h.key)!.sending -= h.add;
    for (const t of tallies) {
      const s = states.get(t.key)!;
      const endsAt = now + t.retryMs;
      // A window that ended in the database (a later end by far) starts its count afresh; answers
      // of one window arriving out of order keep the highest count.
      if (endsAt > s.endsAt + WINDOW_MS / 2) s.known = t.count;
      else s.known = Math.max(s.known, t.count);
      s.endsAt = endsAt;
      answers.set(t.key, t);
    }
    return answers;
  }

  private tick(): void {
    const now = Date.now();
    const due: string[] = [];
    for (const [key, s] of this.keys) {
      if (s.pending > 0) due.push(key);
      else if (s.endsAt <= now) this.keys.delete(key);
    }
    if (due.length > 0) this.track(this.send(due));
    // Now and then, windows long over are dropped from the table (they count as nothing anyway).
    if (++this.ticks % 60 === 0) this.track(limitQueries.sweep(this.db).catch(() => undefined));
  }

  private track(p: Promise<unknown>): void {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }
}
