// The clerk's hand-over at the counter: the one redemption on the counter right now, from the
// moment the clerk confirms until the clerk serves the next person. It goes through the retry
// queue (one idempotency key, applied once) and is kept in localStorage with the queue, so a
// reload or a page change while the link is down still shows "not done, do not hand over" and
// then, once the server applied it, "done" with the receipt.
import { ref } from 'vue';
import type { RedeemMutation } from '../graphql/generated/graphql';
import { session } from '../auth/session';
import { runMoneyAction, settledAction } from './pending-store';
import type { PendingAction } from './pending-actions';

export type DealRedemption = RedeemMutation['redeem'];

export interface Deal {
  /** The queued action's id (its idempotency key). */
  actionId: string;
  /** Who handed it out: a shared till must not show one clerk's deal to the next. */
  ownerId: string;
  memberId: string;
  memberName: string;
  total: number;
  /** "毛巾 × 2、肥皂 × 1", as the clerk confirmed it. */
  items: string;
  status: PendingAction['status'];
  /** The redemption as the server applied it: the receipt. */
  redemption?: DealRedemption;
  error?: string;
  errorMessage?: string;
}

const KEY = 'huzhu.counterDeal';

function read(): Deal | null {
  try {
    const raw = localStorage.getItem(KEY);
    const deal = raw ? (JSON.parse(raw) as Deal) : null;
    return deal && typeof deal.actionId === 'string' ? deal : null;
  } catch {
    return null;
  }
}

function save(deal: Deal | null): void {
  try {
    if (deal) localStorage.setItem(KEY, JSON.stringify(deal));
    else localStorage.removeItem(KEY);
  } catch {
    // Storage full or disabled: the deal still shows until the page is left.
  }
}

const stored = ref<Deal | null>(read());

/** The logged-in clerk's deal on the counter, if any. */
export function currentDeal(): Deal | null {
  const deal = stored.value;
  return deal && deal.ownerId === session.viewer?.id ? deal : null;
}

function settle(action: PendingAction): void {
  const deal = stored.value;
  if (!deal || deal.actionId !== action.id) return;
  const result = action.result as RedeemMutation | undefined;
  stored.value = {
    ...deal,
    status: action.status,
    ...(result?.redeem ? { redemption: result.redeem } : {}),
    ...(action.error ? { error: action.error } : {}),
    ...(action.errorMessage ? { errorMessage: action.errorMessage } : {}),
  };
  save(stored.value);
}

function follow(id: string): void {
  void settledAction(id)?.then(settle);
}

/** Takes the points for the goods on the counter: queued at once, applied once. */
export function startDeal(
  member: { id: string; name: string },
  items: { productId: string; quantity: number }[],
  total: number,
  summary: string,
): Deal {
  const { action } = runMoneyAction(
    'redeem',
    (idempotencyKey) => ({ input: { memberId: member.id, items, idempotencyKey } }),
    { name: member.name, total, memberId: member.id },
  );
  stored.value = {
    actionId: action.id,
    ownerId: action.ownerId,
    memberId: member.id,
    memberName: member.name,
    total,
    items: summary,
    status: 'pending',
  };
  save(stored.value);
  follow(action.id);
  return stored.value;
}

/** The clerk moves on: the counter is free (a pending action stays in the queue and finishes). */
export function closeDeal(): void {
  stored.value = null;
  save(null);
}

// A deal still pending when the app (re)starts (main.ts imports this module at start-up, before
// the queue drops settled actions): keep following its action. Should the action be gone, the
// deal stays "not done": the goods stay at the counter, and the log tells whether it went through.
if (stored.value?.status === 'pending') follow(stored.value.actionId);
