// The per-member (or per-address) request budget behind HTTP's 429 and WebSocket's
// TOO_MANY_REQUESTS: one interface, so both transports count against the same store whether it
// lives in this process's memory or elsewhere.
import { WindowCounter } from './rate-limit';

export type RequestVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RequestLimiter {
  /** Counts one request against `key`'s budget and says whether it may go ahead. */
  take(key: string): Promise<RequestVerdict>;
}

/**
 * The budget a request counts against: its member (the verified token's subject) when it has
 * one, else the client's address. Keyed on the member, a second socket or a re-spelled
 * Authorization header is no fresh budget.
 */
export function requestKey(memberId: number | undefined, address: string | undefined): string {
  return memberId === undefined ? `req:a:${address ?? ''}` : `req:m:${memberId}`;
}

/** `perMinute` requests a key in fixed one-minute windows, counted in this process. */
export function memoryRequestLimiter(perMinute: number): RequestLimiter {
  const counter = new WindowCounter(60_000);
  return {
    async take(key) {
      if (counter.add(key) <= perMinute) return { allowed: true };
      return { allowed: false, retryAfterSeconds: counter.retryAfterSeconds(key) };
    },
  };
}
