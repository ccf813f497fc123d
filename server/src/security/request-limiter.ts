// The per-member (or per-address) request budget behind HTTP's 429 and WebSocket's
// TOO_MANY_REQUESTS: one interface, so both transports count against the same store whether it
// lives in this process's memory or elsewhere.
import type { RequestVerdict } from './rate-limit';

export type { RequestVerdict };

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
