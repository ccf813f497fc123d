// Wires the retry queue to the app: the GraphQL mutation for each kind of action (money-like,
// and the coordinator's posting and visits), localStorage, the current user, and a reactive list
// for the "pending / done" bar.
import { computed, shallowRef } from 'vue';
import { PendingActionQueue, type ActionKind, type PendingAction, type SendOutcome } from './pending-actions';
import {
  CancelRedemptionDocument,
  ConfirmServiceDocument,
  DonateMinutesDocument,
  PostNeedDocument,
  RecordVisitDocument,
  RedeemDocument,
} from '../graphql/generated/graphql';
import { getClient } from '../api/api';
import { errorInfo } from '../api/errors';
import { newIdempotencyKey } from '../lib/ids';
import { session } from '../auth/session';

const documents = {
  confirm: ConfirmServiceDocument,
  redeem: RedeemDocument,
  donate: DonateMinutesDocument,
  // No key of its own: the same undo sent again by the same clerk is that undo (the server's rule).
  cancelRedemption: CancelRedemptionDocument,
  postNeed: PostNeedDocument,
  recordVisit: RecordVisitDocument,
} as const;

async function send(action: PendingAction): Promise<SendOutcome> {
  const result = await getClient()
    .mutation(documents[action.kind], action.variables as never, { requestPolicy: 'network-only' })
    .toPromise();
  if (result.error) {
    const info = errorInfo(result.error);
    return { ok: false, retryable: info.retryable, error: info.kind, message: info.serverMessage };
  }
  return { ok: true, result: result.data };
}

const queue = new PendingActionQueue({ storage: localStorage, send, newKey: newIdempotencyKey });

/** Every action of the logged-in user, newest first. */
export const pendingActions = shallowRef<readonly PendingAction[]>([]);
const DONE_SHOWN_MS = 20_000;
const hiding = new Set<string>();
queue.subscribe((all) => {
  pendingActions.value = all.filter((a) => a.ownerId === session.viewer?.id);
  // A finished action says "done" for a while, then makes room; failures stay until closed.
  for (const a of all) {
    if (a.status === 'done' && !hiding.has(a.id)) {
      hiding.add(a.id);
      setTimeout(() => queue.dismiss(a.id), DONE_SHOWN_MS);
    }
  }
});

/** Sends the user's unsent actions again: at start-up, when the link is back, after log-in. */
export function resumePending(): void {
  const me = session.viewer?.id;
  pendingActions.value = queue.list().filter((a) => a.ownerId === me);
  if (me) queue.resume(me);
}

window.addEventListener('online', resumePending);

/**
 * Starts a money-like action with a fresh idempotency key and waits until it is done or has failed
 * for good. While the link is down the promise stays open and the action shows as pending.
 */
export function runMoneyAction(
  kind: ActionKind,
  build: (idempotencyKey: string) => Record<string, unknown>,
  meta: Record<string, string | number> = {},
): { action: PendingAction; settled: Promise<PendingAction> } {
  const owner = session.viewer?.id ?? 'anonymous';
  const action = queue.add(kind, owner, build, meta);
  return { action, settled: queue.settled(action.id) };
}

/** Resolves when the action (one still in the queue) is done or has failed for good. */
export function settledAction(id: string): Promise<PendingAction> | undefined {
  return queue.get(id) ? queue.settled(id) : undefined;
}

export function dismissAction(id: string): void {
  queue.dismiss(id);
}

export function stopPending(): void {
  queue.stop();
}

/**
 * Starts an action the queue keeps while the link is down (posting a need, recording a visit),
 * like runMoneyAction; `firstTry` resolves after the first attempt: done, refused by the server,
 * or still pending because there is no link (then it is kept and sent when the link is back).
 */
export function queueAction(
  kind: ActionKind,
  build: (idempotencyKey: string) => Record<string, unknown>,
  meta: Record<string, string | number> = {},
): { action: PendingAction; settled: Promise<PendingAction>; firstTry: Promise<PendingAction> } {
  const { action, settled } = runMoneyAction(kind, build, meta);
  return { action, settled, firstTry: queue.firstTry(action.id) };
}

/** Elders with a visit kept on the phone, not yet sent: no second button, so no second visit. */
export const elderVisitsWaiting = computed(
  () =>
    new Set(
      pendingActions.value
        .filter((a) => a.kind === 'recordVisit' && a.status === 'pending')
        .map((a) => String((a.variables['input'] as Record<string, unknown>)['elderId'])),
    ),
);
