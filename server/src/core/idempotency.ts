// Idempotency for the mutations that create a row a phone may send again (postNeed, recordVisit:
// queued offline, retried when the link is back). The client's key is namespaced by who sends it,
// so one member's key neither collides with nor reveals another's; the request's normalized
// arguments are hashed beside it, so the same key with other arguments is CONFLICT.
import { createHash } from 'node:crypto';
import { ErrorCode, fail } from './errors';
import * as v from './validate';

export interface KeyedRequest {
  /** The stored key: `<kind>:<who>:<the client's key>`. */
  key: string;
  /** What the request asks for, hashed. */
  hash: string;
}

/**
 * The key and hash to store with the row, or null when the client sent no key (outside clients
 * that predate keys): such a request is applied each time it arrives, as before.
 */
export function keyedRequest(
  field: string,
  keyInput: string | null | undefined,
  namespace: string,
  request: unknown,
): KeyedRequest | null {
  if (keyInput == null) return null;
  const key = `${namespace}:${v.idempotencyKey(field, keyInput)}`;
  const hash = createHash('sha256').update(JSON.stringify(request)).digest('hex').slice(0, 32);
  return { key, hash };
}

/**
 * The row already written under the key, when it was written for this very request; CONFLICT
 * when the key came with other arguments (or, should its holder have gone, asking for a retry).
 */
export function replayOf<T extends { requestHash: string | null }>(holder: T | undefined, hash: string): T {
  if (!holder) fail(ErrorCode.CONFLICT, { en: 'Please retry the request', zh: '请求冲突，请重试' });
  if (holder.requestHash !== hash) {
    fail(ErrorCode.CONFLICT, {
      en: 'This idempotency key was already used for a different request',
      zh: '该幂等键已用于另一个不同的请求',
    });
  }
  return holder;
}
