// The counter's pure rules: what a receipt prints, whether the clerk may hand the goods over yet,
// and how a day of the log is named. No Vue and no GraphQL types, so tests run them as they are.

/** A redemption as a receipt prints it (the RedemptionReceipt fragment has these fields). */
export interface ReceiptSource {
  receiptNumber: string;
  createdAt: string;
  totalPoints: number;
  balanceAfter: number;
  status: string;
  member: { name: string };
  items: readonly { quantity: number; points: number; product: { name: string } }[];
}

export interface ReceiptLine {
  name: string;
  quantity: number;
  points: number;
}

/** Everything on the paper, already in words and numbers. */
export interface Receipt {
  number: string;
  siteName: string;
  /** Date and time in the site's zone, e.g. "2026/11/25 09:30". */
  when: string;
  memberName: string;
  /** Who handed the goods out, when known (a receipt printed again from the log leaves it out). */
  clerkName: string | null;
  lines: ReceiptLine[];
  totalPoints: number;
  balanceAfter: number;
  cancelled: boolean;
}

/** "2026/11/25 09:30" (zh-CN) or "11/25/2026, 09:30" (en), in the site's zone, 24-hour clock. */
export function receiptTime(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

export function receiptOf(
  r: ReceiptSource,
  at: { siteName: string; clerkName: string | null; locale: string; timeZone: string },
): Receipt {
  const lines = r.items.map((i) => ({ name: i.product.name, quantity: i.quantity, points: i.points }));
  return {
    number: r.receiptNumber,
    siteName: at.siteName,
    when: receiptTime(r.createdAt, at.locale, at.timeZone),
    memberName: r.member.name,
    clerkName: at.clerkName,
    lines,
    totalPoints: r.totalPoints,
    balanceAfter: r.balanceAfter,
    cancelled: r.status === 'CANCELLED',
  };
}

/**
 * May the goods be handed over? Only once the server has applied the redemption ('done'). Until
 * then it is being sent ('sending'), or the link is down and it waits in the queue ('waiting'),
 * or the server refused it ('failed'): in none of these may the goods leave the counter.
 */
export type HandOver = 'sending' | 'waiting' | 'done' | 'failed';

export function handOver(action: { status: string; error?: string | undefined }, online: boolean): HandOver {
  if (action.status === 'done') return 'done';
  if (action.status === 'failed') return 'failed';
  return !online || action.error === 'NETWORK' ? 'waiting' : 'sending';
}

/** The points a member still has pending at the counter: their balance is not known until these settle. */
export function pendingPointsFor(
  actions: readonly { kind: string; status: string; meta: Record<string, string | number> }[],
  memberId: string,
): number {
  return actions
    .filter((a) => a.kind === 'redeem' && a.status === 'pending' && a.meta.memberId === memberId)
    .reduce((sum, a) => sum + Number(a.meta.total ?? 0), 0);
}

/** How the log names a day: today, yesterday, or the date itself. */
export function dayName(day: string, today: string, yesterday: string): 'today' | 'yesterday' | 'date' {
  if (day === today) return 'today';
  if (day === yesterday) return 'yesterday';
  return 'date';
}
