// A member's minutes paying for care at a site (通存通兑, issue 18). Hours keep their origin: the
// minutes a member holds "from site S" are what transfers attributed to S credited them, less what
// such transfers debited (allianceQueries.minutesOrigins). Care at site B takes B's own hours
// first, then other sites' hours oldest first; each part from another site S is one WITHDRAWAL
// member -> B's pool naming S, which owes B those minutes (the inter-site balances are sums of
// these). If any part crosses, the whole payment goes through B's pool (the local part as a
// WITHDRAWAL naming no site) and the pool pays the recipient; else the member pays them directly.
import { allianceQueries, ledgerQueries, type MinutesOrigin, type Transaction, type TransferKind } from '@huzhu/db';
import { ErrorCode, fail } from '../core/errors';
import { requireTradeAllowed } from './alliances.service';
import { transfer, type TransferResult } from './ledger.service';

/** One part of a payment: minutes from hours earned at `siteId` (null: the paying site's own). */
export interface SpendPart {
  siteId: number | null;
  minutes: number;
}

/**
 * Splits `amount` over a member's origins for care at `atSiteId`: the site's own hours (with those
 * of no site) first, then other sites' oldest credit first. An origin below zero (hours spent at a
 * site without a withdrawal, e.g. a donation there) is a debt taken from the others oldest first
 * before anything is allotted. Returns undefined when the origins hold less than `amount` (their
 * sum is the balance).
 */
export function allotMinutes(
  origins: readonly MinutesOrigin[],
  atSiteId: number,
  amount: number,
): SpendPart[] | undefined {
  const local = origins.filter((o) => o.siteId === null || o.siteId === atSiteId);
  const others = origins
    .filter((o) => o.siteId !== null && o.siteId !== atSiteId)
    .sort((x, y) => time(x) - time(y) || (x.siteId ?? 0) - (y.siteId ?? 0));
  const avail: SpendPart[] = [
    { siteId: null, minutes: local.reduce((s, o) => s + o.minutes, 0) },
    ...others.map((o) => ({ siteId: o.siteId, minutes: o.minutes })),
  ];
  let debt = avail.reduce((s, p) => s + Math.max(0, -p.minutes), 0);
  for (const p of avail) p.minutes = Math.max(0, p.minutes);
  // Debts come out of the oldest hours first, whichever site's they are.
  const byAge = [...avail].sort((x, y) => ageOf(x) - ageOf(y));
  for (const p of byAge) {
    const take = Math.min(debt, p.minutes);
    p.minutes -= take;
    debt -= take;
  }
  if (debt > 0 || avail.reduce((s, p) => s + p.minutes, 0) < amount) return undefined;
  const parts: SpendPart[] = [];
  let left = amount;
  for (const p of avail) {
    if (left === 0) break;
    const take = Math.min(left, p.minutes);
    if (take > 0) parts.push({ siteId: p.siteId, minutes: take });
    left -= take;
  }
  return parts;

  function time(o: MinutesOrigin): number {
    return o.firstCreditAt?.getTime() ?? Number.MAX_SAFE_INTEGER;
  }
  function ageOf(p: SpendPart): number {
    if (p.siteId === null) return Math.min(...local.map(time), Number.MAX_SAFE_INTEGER);
    const o = others.find((x) => x.siteId === p.siteId);
    return o ? time(o) : Number.MAX_SAFE_INTEGER;
  }
}

export interface MinutesSpend {
  /** The paying member. */
  payerId: number;
  /** The site where the care is given (and whose pool takes withdrawals). */
  siteId: number;
  amount: number;
  /** Who is paid: the volunteer's minutes account. */
  toAccountId: number;
  /** The payment's own kind (SERVICE_CREDIT for a confirmed service). */
  kind: TransferKind;
  /** The payment's key; it also marks the payment done, so a retry writes nothing. */
  idempotencyKey: string;
  /** Withdrawal keys are `${keyPrefix}:withdrawal:${originSiteId}` (the paying site's id for the local part). */
  keyPrefix: string;
  claimId?: number | null;
  createdBy?: number | null;
  memo?: string | null;
}

/**
 * Pays `amount` of the member's minutes to `toAccountId` for care at `siteId`, inside the caller's
 * transaction. Locks the payer's account (with the pool and the payee) before reading where their
 * minutes came from, so two payments cannot both spend the same origin. FORBIDDEN, writing nothing, when any part would come
 * from a site outside the paying site's alliance: the whole payment is refused rather than paid
 * from what remains, so what the member sees matches what happened (their hours from that site
 * are there, just not spendable here). INSUFFICIENT_BALANCE when the member holds too little.
 */
export async function spendMinutesAt(tx: Transaction, s: MinutesSpend): Promise<TransferResult> {
  const earlier = await ledgerQueries.transferByKey(tx, s.idempotencyKey);
  if (earlier) return { transfer: earlier, replayed: true };
  const found = await ledgerQueries.memberAndSiteAccounts(tx, s.siteId, [s.payerId]);
  const payer = found.find((a) => a.owner === 'MEMBER' && a.memberId === s.payerId && a.unit === 'MINUTES');
  const pool = found.find((a) => a.owner === 'SITE_POOL' && a.unit === 'MINUTES');
  if (!payer) fail(ErrorCode.NOT_FOUND, { en: 'Account not found', zh: '账户不存在' });
  if (!pool) throw new Error(`site ${s.siteId} has no minutes pool`);
  // Every account the payment may move, locked at once in id order before anything is read:
  // taken one by one (payer, then the pool with a withdrawal) two payments could wait on each other.
  const locked = await ledgerQueries.lockAccounts(tx, [payer.id, pool.id, s.toAccountId]);
  const balance = locked.find((a) => a.id === payer.id)?.balance ?? 0;
  const origins = await allianceQueries.minutesOrigins(tx, payer.id);
  const parts = allotMinutes(origins, s.siteId, s.amount);
  if (!parts) {
    fail(
      ErrorCode.INSUFFICIENT_BALANCE,
      { en: 'Not enough balance for this transfer', zh: '余额不足' },
      { balance, required: s.amount, unit: 'MINUTES' },
    );
  }
  const common = { unit: 'MINUTES' as const, claimId: s.claimId, createdBy: s.createdBy, memo: s.memo };
  if (parts.every((p) => p.siteId === null)) {
    return transfer(tx, {
      ...common,
      amount: s.amount,
      fromAccountId: payer.id,
      toAccountId: s.toAccountId,
      kind: s.kind,
      idempotencyKey: s.idempotencyKey,
      siteId: s.siteId,
    });
  }
  // Every crossing is checked before anything is written: the whole payment or none of it.
  for (const p of parts) if (p.siteId !== null) await requireTradeAllowed(tx, p.siteId, s.siteId);
  for (const p of parts) {
    await transfer(tx, {
      ...common,
      amount: p.minutes,
      fromAccountId: payer.id,
      toAccountId: pool.id,
      kind: 'WITHDRAWAL',
      idempotencyKey: `${s.keyPrefix}:withdrawal:${p.siteId ?? s.siteId}`,
      siteId: s.siteId,
      counterpartySiteId: p.siteId,
    });
  }
  return transfer(tx, {
    ...common,
    amount: s.amount,
    fromAccountId: pool.id,
    toAccountId: s.toAccountId,
    kind: s.kind,
    idempotencyKey: s.idempotencyKey,
    siteId: s.siteId,
  });
}
