// A plain in-memory ledger: the oracle the property test holds the real one to. It knows the
// rules (validation, idempotency keys, no member below zero, reversal once) and nothing of SQL.
import type { TransferKind, Unit } from '@huzhu/db';

export type ModelRequest =
  | {
      type: 'transfer';
      idempotencyKey: string;
      unit: Unit;
      amount: number;
      kind: TransferKind;
      fromAccountId: number;
      toAccountId: number;
      siteId?: number | null;
      /** A withdrawal's site of origin, which owes `siteId` the minutes. */
      counterpartySiteId?: number | null;
    }
  | { type: 'reverse'; idempotencyKey: string; transferId: number };

export type Outcome = { ok: true; id: number; replayed: boolean } | { ok: false; code: string };
/** What the model predicts; a new transfer's id is known only once the database has written it. */
export type Prediction = { ok: true; id: number | 'new'; replayed: boolean } | { ok: false; code: string };

interface Written {
  id: number;
  key: string;
  signature: string;
  unit: Unit;
  amount: number;
  from: number;
  to: number;
  kind: TransferKind;
  reverses: number | null;
  siteId: number | null;
  counterpartySiteId: number | null;
}

/** A site's minutes traded with another, as allianceQueries.tradeBalances reads them. */
export interface ModelTradeBalance {
  otherSiteId: number;
  delivered: number;
  received: number;
  net: number;
}

export class LedgerModel {
  private readonly balance = new Map<number, number>();
  private readonly byKey = new Map<string, Written>();
  private readonly rows: Written[] = [];
  private pending: Omit<Written, 'id'> | undefined;

  constructor(
    accountIds: readonly number[],
    private readonly isMember: (accountId: number) => boolean,
  ) {
    for (const id of accountIds) this.balance.set(id, 0);
  }

  written(): readonly Written[] {
    return this.rows;
  }

  balances(): Record<number, number> {
    return Object.fromEntries(this.balance);
  }

  transferCount(): number {
    return this.rows.length;
  }

  /**
   * What the site delivered for minutes earned at each other site (withdrawals at it naming that
   * site) and the reverse, reversals subtracted, by other site id: one entry per other site that
   * any such transfer names, as the SQL groups them.
   */
  tradeBalances(siteId: number): ModelTradeBalance[] {
    const by = new Map<number, { delivered: number; received: number }>();
    for (const r of this.rows) {
      if (r.counterpartySiteId === null || r.siteId === null) continue;
      if (r.siteId !== siteId && r.counterpartySiteId !== siteId) continue;
      const sign = r.kind === 'REVERSAL' ? -1 : 1;
      const other = r.siteId === siteId ? r.counterpartySiteId : r.siteId;
      const e = by.get(other) ?? { delivered: 0, received: 0 };
      if (r.siteId === siteId) e.delivered += sign * r.amount;
      else e.received += sign * r.amount;
      by.set(other, e);
    }
    return [...by.entries()]
      .sort(([a], [b]) => a - b)
      .map(([otherSiteId, e]) => ({ otherSiteId, ...e, net: e.delivered - e.received }));
  }

  apply(request: ModelRequest): Prediction {
    let plan: Omit<Written, 'id'>;
    if (request.type === 'reverse') {
      const original = this.rows.find((r) => r.id === request.transferId);
      if (!original) return { ok: false, code: 'NOT_FOUND' };
      if (original.kind === 'REVERSAL') return { ok: false, code: 'CONFLICT' };
      plan = {
        key: request.idempotencyKey,
        unit: original.unit,
        amount: original.amount,
        from: original.to,
        to: original.from,
        kind: 'REVERSAL',
        reverses: original.id,
        siteId: original.siteId,
        counterpartySiteId: original.counterpartySiteId,
        signature: '',
      };
    } else {
      plan = {
        key: request.idempotencyKey,
        unit: request.unit,
        amount: request.amount,
        from: request.fromAccountId,
        to: request.toAccountId,
        kind: request.kind,
        reverses: null,
        siteId: request.siteId ?? null,
        counterpartySiteId: request.counterpartySiteId ?? null,
        signature: '',
      };
    }
    plan.signature = JSON.stringify([plan.unit, plan.amount, plan.from, plan.to, plan.kind, plan.reverses]);

    if (!Number.isSafeInteger(plan.amount) || plan.amount <= 0) return { ok: false, code: 'BAD_USER_INPUT' };
    if (plan.from === plan.to) return { ok: false, code: 'BAD_USER_INPUT' };
    const earlier = this.byKey.get(plan.key);
    if (earlier) {
      return earlier.signature === plan.signature
        ? { ok: true, id: earlier.id, replayed: true }
        : { ok: false, code: 'CONFLICT' };
    }
    if (plan.reverses !== null && this.rows.some((r) => r.reverses === plan.reverses))
      return { ok: false, code: 'CONFLICT' };
    if (this.isMember(plan.from) && (this.balance.get(plan.from) ?? 0) < plan.amount) {
      return { ok: false, code: 'INSUFFICIENT_BALANCE' };
    }
    this.pending = plan;
    return { ok: true, id: 'new', replayed: false };
  }

  /** The database wrote the predicted transfer with this id: book it. */
  recordId(id: number): void {
    const plan = this.pending;
    if (!plan) throw new Error('no transfer pending in the model');
    this.pending = undefined;
    const row: Written = { ...plan, id };
    this.rows.push(row);
    this.byKey.set(row.key, row);
    this.balance.set(row.from, (this.balance.get(row.from) ?? 0) - row.amount);
    this.balance.set(row.to, (this.balance.get(row.to) ?? 0) + row.amount);
  }

  /** The prediction in the shape of an outcome, once a new transfer's id is known. */
  resolve(prediction: Prediction): Outcome {
    if (!prediction.ok) return prediction;
    if (prediction.id === 'new') {
      const last = this.rows.at(-1);
      return { ok: true, id: last?.id ?? -1, replayed: false };
    }
    return { ok: true, id: prediction.id, replayed: prediction.replayed };
  }
}
