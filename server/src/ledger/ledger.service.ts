// The ledger's rules: double entry, no member below zero, idempotency keys, reversals once.
// Callers pass the transaction they are in, so a confirmation or a redemption writes its
// transfers and its own rows in one commit or not at all.
import { createHash } from 'node:crypto';
import {
  ledgerQueries as q,
  type AccountRow,
  type TransferRow,
  type Transaction,
  type TransferKind,
  type Unit,
} from '@huzhu/db';
import { ErrorCode, badInput, fail } from '../core/errors';

/** The largest single transfer: far above any real amount, well inside GraphQL's Int. */
export const MAX_AMOUNT = 1_000_000_000;
export const MAX_KEY_LENGTH = 200;

export interface TransferRequest {
  unit: Unit;
  amount: number;
  fromAccountId: number;
  toAccountId: number;
  kind: TransferKind;
  idempotencyKey: string;
  siteId?: number | null;
  /** A WITHDRAWAL's home site, which owes `siteId` the hours. */
  counterpartySiteId?: number | null;
  memo?: string | null;
  claimId?: number | null;
  redemptionId?: number | null;
  visitId?: number | null;
  createdBy?: number | null;
  reversesId?: number | null;
}

export interface TransferResult {
  transfer: TransferRow;
  /** True when the key had been used before with the same request: nothing new was written. */
  replayed: boolean;
  /**
   * The credited account's balance right after this call wrote the transfer (its lock is held to
   * the end of the transaction); undefined when the call did not learn it (a replay, a reversal).
   */
  creditBalance?: number;
}

/**
 * Moves `amount` from one account to another. Locks both accounts in id order, then decides:
 * a key seen before returns its transfer (or CONFLICT if the request differs), a member debit
 * that would go below zero is INSUFFICIENT_BALANCE, and otherwise one transfer row is written
 * and both cached balances move, all inside the caller's transaction.
 */
export async function transfer(tx: Transaction, request: TransferRequest): Promise<TransferResult> {
  validate(request);
  const hash = requestHash(request);
  const row = {
    unit: request.unit,
    amount: request.amount,
    debitAccountId: request.fromAccountId,
    creditAccountId: request.toAccountId,
    kind: request.kind,
    siteId: request.siteId ?? null,
    counterpartySiteId: request.counterpartySiteId ?? null,
    idempotencyKey: request.idempotencyKey,
    requestHash: hash,
    memo: request.memo ?? null,
    claimId: request.claimId ?? null,
    redemptionId: request.redemptionId ?? null,
    visitId: request.visitId ?? null,
    createdBy: request.createdBy ?? null,
  };
  if (request.reversesId == null) {
    // The usual path, one round trip: lock, check, write and move the balances in one statement.
    // Only when it wrote nothing are the key and the locked rows read, to answer why.
    const posted = await q.postTransfer(tx, row);
    if (posted) return { transfer: posted.transfer, replayed: false, creditBalance: posted.creditBalance };
    return explainNothingWritten(tx, request, hash);
  }

  // A reversal goes step by step: "at most once" is read after the locks, by a statement of its own.
  const [from, to] = await lockedPair(tx, request);
  const refusal = await refusalOf(tx, request, from, to);
  if (refusal) return explainNothingWritten(tx, request, hash, refusal);
  if (!from || !to) throw new Error('unreachable: refusalOf covers missing accounts');
  const inserted = await q.insertTransfer(tx, { ...row, reversesId: request.reversesId });
  if (!inserted) return explainNothingWritten(tx, request, hash);
  await q.applyToBalances(tx, from.id, to.id, request.amount);
  return { transfer: inserted, replayed: false };
}

async function lockedPair(
  tx: Transaction,
  request: TransferRequest,
): Promise<[AccountRow | undefined, AccountRow | undefined]> {
  const locked = await q.lockAccounts(tx, [request.fromAccountId, request.toAccountId]);
  return [locked.find((a) => a.id === request.fromAccountId), locked.find((a) => a.id === request.toAccountId)];
}

/**
 * Nothing was written: a key used before wins over any refusal (a retry whose first attempt
 * committed while we waited, and spent the balance, is answered as a retry, not judged again on
 * today's balance); else whatever refuses the request on the locked rows (they stay locked).
 */
async function explainNothingWritten(
  tx: Transaction,
  request: TransferRequest,
  hash: string,
  known?: () => never,
): Promise<TransferResult> {
  const earlier = await q.transferByKey(tx, request.idempotencyKey);
  if (earlier) return { transfer: sameRequestOrConflict(earlier, hash), replayed: true };
  const refusal = known ?? (await refusalOf(tx, request, ...(await lockedPair(tx, request))));
  if (refusal) refusal();
  // Not expected (the locks are held, and ON CONFLICT only gives way to a committed holder):
  // the client may safely retry.
  fail(ErrorCode.CONFLICT, { en: 'Please retry the request', zh: '请求冲突，请重试' });
}

/**
 * The given members' accounts and the site's own (pools, supermarket), read in one statement for
 * a transaction that moves between them; each lookup is undefined when there is no such account.
 */
export async function accountsAt(tx: Transaction, siteId: number, memberIds: readonly number[]) {
  const rows = await q.memberAndSiteAccounts(tx, siteId, memberIds);
  return {
    member: (memberId: number, unit: Unit) =>
      rows.find((a) => a.owner === 'MEMBER' && a.memberId === memberId && a.unit === unit)?.id,
    site: (owner: 'SITE_POOL' | 'SUPERMARKET', unit: Unit) =>
      rows.find((a) => a.owner === owner && a.siteId === siteId && a.unit === unit)?.id,
  };
}

export interface ReverseRequest {
  transferId: number;
  reason: string;
  idempotencyKey: string;
  createdBy?: number | null;
}

/**
 * Undoes a transfer by the opposite transfer, linked to it. Only once; a reversal is not itself
 * reversed (make a new transfer instead). The member who received the original must still hold
 * the amount, or it is INSUFFICIENT_BALANCE.
 */
export async function reverse(tx: Transaction, request: ReverseRequest): Promise<TransferResult> {
  if (!request.reason.trim()) badInput('reason', { en: 'A reason is required', zh: '请填写冲正原因' });
  const original = await q.transferById(tx, request.transferId);
  if (!original) fail(ErrorCode.NOT_FOUND, { en: 'Transfer not found', zh: '找不到这笔记录' });
  if (original.kind === 'REVERSAL') {
    fail(ErrorCode.CONFLICT, { en: 'A reversal cannot itself be reversed', zh: '冲正记录不能再冲正' });
  }
  return transfer(tx, {
    unit: original.unit,
    amount: original.amount,
    fromAccountId: original.creditAccountId,
    toAccountId: original.debitAccountId,
    kind: 'REVERSAL',
    siteId: original.siteId,
    counterpartySiteId: original.counterpartySiteId,
    memo: request.reason,
    reversesId: original.id,
    claimId: original.claimId,
    redemptionId: original.redemptionId,
    visitId: original.visitId,
    idempotencyKey: request.idempotencyKey,
    createdBy: request.createdBy ?? null,
  });
}

function validate(r: TransferRequest): void {
  if (!Number.isSafeInteger(r.amount) || r.amount <= 0 || r.amount > MAX_AMOUNT) {
    badInput('amount', { en: 'The amount must be a positive whole number', zh: '数额必须是正整数' });
  }
  if (r.fromAccountId === r.toAccountId) {
    badInput('toAccountId', { en: 'Cannot transfer to the same account', zh: '不能转给同一个账户' });
  }
  const key = r.idempotencyKey;
  if (typeof key !== 'string' || key.trim().length === 0 || key.length > MAX_KEY_LENGTH) {
    badInput('idempotencyKey', {
      en: `The idempotency key must be 1-${MAX_KEY_LENGTH} characters`,
      zh: `幂等键长度须为1-${MAX_KEY_LENGTH}个字符`,
    });
  }
}

/**
 * What identifies a request under its key: who pays whom, how much of what, and why, the note
 * included (a donation's note, a reversal's reason): the same key with any of these changed is
 * another request, CONFLICT, not a retry answered with the first one.
 */
function requestHash(r: TransferRequest): string {
  const parts = [r.unit, r.amount, r.fromAccountId, r.toAccountId, r.kind, r.reversesId ?? null, r.memo ?? null];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

/** What would refuse the transfer on the locked rows, as a function that throws it; else undefined. */
async function refusalOf(
  tx: Transaction,
  request: TransferRequest,
  from: AccountRow | undefined,
  to: AccountRow | undefined,
): Promise<(() => never) | undefined> {
  if (!from || !to) return () => fail(ErrorCode.NOT_FOUND, { en: 'Account not found', zh: '账户不存在' });
  if (from.unit !== request.unit || to.unit !== request.unit) {
    return () =>
      badInput('unit', { en: 'Both accounts must be in the unit of the transfer', zh: '转出和转入账户的单位必须一致' });
  }
  if (request.reversesId != null && (await q.reversalOf(tx, request.reversesId))) {
    return () =>
      fail(ErrorCode.CONFLICT, { en: 'This transfer has already been reversed', zh: '这笔记录已经冲正过了' });
  }
  if (from.owner === 'MEMBER' && from.balance < request.amount) {
    return () =>
      fail(
        ErrorCode.INSUFFICIENT_BALANCE,
        { en: 'Not enough balance for this transfer', zh: '余额不足' },
        { balance: from.balance, required: request.amount, unit: request.unit },
      );
  }
  return undefined;
}

function sameRequestOrConflict(earlier: TransferRow, hash: string): TransferRow {
  if (earlier.requestHash !== hash) {
    fail(ErrorCode.CONFLICT, {
      en: 'This idempotency key was already used for a different request',
      zh: '该幂等键已用于另一笔不同的请求',
    });
  }
  return earlier;
}
