// The points supermarket (爱心积分超市): redemptions that trade a member's points for the site's
// goods (products.service.ts keeps the goods; redemption-list.service.ts reads the redemptions). Points and stock move in one transaction or not at
// all; a cancellation moves both back, once. Each function checks access first, then the input,
// then writes.
import { createHash } from 'node:crypto';
import {
  ledgerQueries,
  memberQueries,
  supermarketQueries as q,
  type ProductRow,
  type RedemptionItemRow,
  type RedemptionRow,
  type Transaction,
} from '@huzhu/db';
import { requireRoleAt, requireViewer, requireVisibleAt, type Actor } from '../auth/authorize';
import { audit } from '../audit/audit.service';
import { SHOPKEEPERS } from './products.service';
import type { ServiceDeps } from '../core/deps';
import { pipelined } from '../core/pipelined';
import { ErrorCode, badInput, fail, isAppError } from '../core/errors';
import * as v from '../core/validate';
import { accountsAt, transfer } from '../ledger/ledger.service';
import { requireAvailable } from '../points/points.service';

export const MAX_LINES = 20;

/** One line of a basket. */
export interface Line {
  productId: number;
  quantity: number;
}
/** Whose points pay, for which goods, under the client's key. */
export interface RedeemRequest {
  memberId: number;
  /**
   * The site whose supermarket hands the goods out and whose points pay: the member's home site
   * by default. Points stay local (issue 18), so a member who served at another site spends that
   * site's points there, where they hold a role.
   */
  siteId?: number | null | undefined;
  items: Line[];
  idempotencyKey: string;
}
// ---- redemptions ----

/**
 * Hands goods out against the member's points: the member themself, or a clerk or coordinator of
 * the member's site. The key is namespaced by member, so one member's key neither collides with
 * nor reveals another's; a retry under it returns the first redemption and charges nothing more.
 */
export async function redeem(
  deps: ServiceDeps,
  actor: Actor | null,
  request: RedeemRequest,
  now: Date = new Date(),
): Promise<RedemptionRow> {
  // A member's own points, or a clerk's at the counter: never the system's doing.
  const viewer = requireViewer(actor);
  const member = await deps.cache.member.load(request.memberId);
  const missing: () => never = () =>
    fail(ErrorCode.NOT_FOUND, { en: 'Member not found', zh: '找不到这个成员' }, { field: 'input.memberId' });
  if (!member || member.siteId === null) missing();
  const siteId = request.siteId ?? member.siteId;
  // Another site's counter serves only members who belong there too; to anyone else the member is
  // as unknown as at any site they have nothing to do with.
  if (
    siteId !== member.siteId &&
    !(await memberQueries.membershipsOf(deps.db, member.id)).some((m) => m.siteId === siteId)
  ) {
    missing();
  }
  if (viewer.id !== member.id) {
    requireVisibleAt(viewer, siteId, missing);
    requireRoleAt(viewer, siteId, SHOPKEEPERS);
  }
  const key = `redeem:${member.id}:${v.idempotencyKey('input.idempotencyKey', request.idempotencyKey)}`;
  const lines = validLines(request.items);
  const hash = requestHash(member.id, lines);
  const productIds = lines.map((l) => l.productId);

  let changed: ProductRow[] = [];
  let written: RedemptionItemRow[] | undefined;
  const redemption = await deps.db.transaction(async (tx) => {
    // Statements that do not depend on each other go out together (pipelined on the
    // transaction's connection): one round trip each group, where each used to cost its own.
    const [locked, accounts] = await Promise.all([
      q.lockProducts(tx, productIds),
      pointsAccounts(tx, member.id, siteId, 'REDEMPTION'),
    ]);
    // A retry of the same basket that raced us and committed must be answered as a retry, not
    // judged again on the stock it left: when the basket would be refused, the key is looked up
    // (under the product locks) first. Otherwise the insert's ON CONFLICT finds an earlier holder.
    const price = () =>
      lines.map((line, i) => {
        const product = locked.find((p) => p.id === line.productId);
        const field = `input.items[${i}].productId`;
        // Another site's goods are as unknown here as goods that do not exist.
        if (!product || product.siteId !== siteId) {
          fail(ErrorCode.NOT_FOUND, { en: 'No such goods at this site', zh: '本站点没有这件商品' }, { field });
        }
        if (!product.active) badInput(field, { en: `${product.name} is no longer sold`, zh: `${product.name}已下架` });
        if (product.stock < line.quantity) {
          // productId is the row's id: the GraphQL layer shows it as the goods' opaque id.
          fail(
            ErrorCode.OUT_OF_STOCK,
            { en: `Only ${product.stock} of ${product.name} left`, zh: `${product.name}只剩 ${product.stock} 件` },
            { productId: product.id, stock: product.stock, requested: line.quantity, field },
          );
        }
        // The line keeps today's price: a later price change does not rewrite history.
        return { ...line, name: product.name, points: product.pointsPrice * line.quantity };
      });
    let priced: ReturnType<typeof price>;
    try {
      priced = price();
    } catch (refusal) {
      const earlier = await q.redemptionByKey(tx, key);
      if (earlier) return sameRequestOrConflict(earlier, hash);
      throw refusal;
    }
    const totalPoints = priced.reduce((n, l) => n + l.points, 0);

    // The redemption's row, then the account locks and the points available under them: sent
    // together, run in this order by the connection. A refusal is kept until the insert is known:
    // a key taken earlier answers as a retry, whatever the balance is now.
    const [inserted, refusal] = await pipelined([
      q.insertRedemption(tx, {
        siteId,
        memberId: member.id,
        totalPoints,
        idempotencyKey: key,
        requestHash: hash,
        createdBy: viewer.id,
      }),
      // Points stay local: only those credited on this site's books and past their public notice
      // may be spent here. The member's account and the supermarket's are locked first, in the
      // order the transfer locks them, then the points are read.
      requireAvailable(tx, {
        memberId: member.id,
        siteId,
        amount: totalPoints,
        lockAccountIds: [accounts.fromAccountId, accounts.toAccountId],
        now,
      }).then(
        () => undefined,
        (error: unknown) => error,
      ),
    ]);
    if (!inserted) {
      // The same key for other goods committed first (the same goods would have queued above).
      const holder = await q.redemptionByKey(tx, key);
      if (!holder) fail(ErrorCode.CONFLICT, { en: 'Please retry the request', zh: '请求冲突，请重试' });
      return sameRequestOrConflict(holder, hash);
    }
    if (refusal) throw refusal;
    const items = priced.map(({ productId, quantity, points }) => ({ productId, quantity, points }));
    const takes = items.map((l) => ({ productId: l.productId, delta: -l.quantity }));
    const rows = items.map((l) => ({ ...l, redemptionId: inserted.id }));
    const memo = priced.map((l) => `${l.name}×${l.quantity}`).join('、');
    let numbered: RedemptionRow;
    // All of the basket's writes in one round trip. The receipt's number is taken right behind the
    // transfer: the connection runs it once the transfer holds the site's supermarket account, so
    // the site's receipts are numbered one at a time, and the member's balance is final. Should
    // the transfer refuse, its error wins and the transaction writes nothing.
    [changed, written, , numbered] = await pipelined([
      q.adjustStock(tx, takes),
      q.insertRedemptionItems(tx, rows),
      inPoints(
        transfer(tx, {
          unit: 'POINTS',
          amount: totalPoints,
          ...accounts,
          kind: 'REDEMPTION',
          // Derived from the redemption: it can be charged once, whatever keys clients send.
          idempotencyKey: `redemption:${inserted.id}:debit`,
          siteId,
          redemptionId: inserted.id,
          createdBy: viewer.id,
          memo: memo.slice(0, 200),
        }),
      ),
      q.numberReceipt(tx, inserted.id, accounts.fromAccountId),
      audit(tx, viewer, siteId, 'redeem', 'redemption', inserted.id, { memberId: member.id, items }),
    ]);
    return numbered;
  });
  for (const p of changed) deps.cache.product.clear(p.id).prime(p.id, p);
  // The basket's lines as written: what the answer shows needs no read of its own.
  if (written) {
    const byProduct = [...written].sort((a, b) => a.productId - b.productId);
    deps.cache.itemsOfRedemption.clear(redemption.id).prime(redemption.id, byProduct);
  }
  return redemption;
}

/** Takes the goods back: refunds the points and restores the stock, once (CLERK or COORDINATOR). */
export async function cancelRedemption(
  deps: ServiceDeps,
  actor: Actor | null,
  id: number,
  reasonInput: string,
): Promise<RedemptionRow> {
  // Taking goods back is a clerk's or a coordinator's own act, recorded as theirs.
  const viewer = requireViewer(actor);
  const existing = await q.redemptionById(deps.db, id);
  const missing: () => never = () =>
    fail(ErrorCode.NOT_FOUND, { en: 'Redemption not found', zh: '找不到这条兑换记录' });
  if (!existing) missing();
  requireVisibleAt(viewer, existing.siteId, missing);
  requireRoleAt(viewer, existing.siteId, SHOPKEEPERS);
  const reason = v.text('reason', reasonInput, 500);

  let changed: ProductRow[] = [];
  const cancelled = await deps.db.transaction(async (tx) => {
    // The row lock makes a double click cancel once: the second waits, then sees CANCELLED.
    const redemption = (await q.redemptionById(tx, id, true))!;
    // The same clerk sending the same undo again (a phone that kept it through a dead link, or
    // whose first answer was lost) gets the undo it made, not an error: nothing is done twice.
    if (
      redemption.status === 'CANCELLED' &&
      redemption.cancelledBy === viewer.id &&
      redemption.cancelReason === reason
    ) {
      return redemption;
    }
    if (redemption.status === 'CANCELLED') {
      fail(
        ErrorCode.CONFLICT,
        { en: 'This redemption has already been cancelled', zh: '这笔兑换已经取消过了' },
        { status: redemption.status },
      );
    }
    // Points already returned by a ledger reversal must not be refunded a second time.
    const debit = await ledgerQueries.transferByKey(tx, `redemption:${id}:debit`);
    if (debit && (await ledgerQueries.reversalOf(tx, debit.id))) {
      fail(ErrorCode.CONFLICT, {
        en: 'The points of this redemption were already returned by a reversal',
        zh: '这笔兑换的积分已经冲正退回',
      });
    }
    const items = await q.itemsByRedemptionIds(tx, [id]);
    const returns = items.map((i) => ({ productId: i.productId, delta: i.quantity }));
    const productIds = returns.map((r) => r.productId);
    await q.lockProducts(tx, productIds);
    changed = await q.adjustStock(tx, returns);
    await transfer(tx, {
      unit: 'POINTS',
      amount: redemption.totalPoints,
      ...(await pointsAccounts(tx, redemption.memberId, redemption.siteId, 'REFUND')),
      kind: 'REFUND',
      idempotencyKey: `redemption:${id}:refund`,
      siteId: redemption.siteId,
      redemptionId: id,
      createdBy: viewer.id,
      memo: reason,
    });
    const row = await q.markCancelled(tx, id, { cancelledBy: viewer.id, cancelReason: reason });
    await audit(tx, viewer, row.siteId, 'cancelRedemption', 'redemption', id, {
      memberId: row.memberId,
      totalPoints: row.totalPoints,
      reason,
    });
    return row;
  });
  for (const p of changed) deps.cache.product.clear(p.id).prime(p.id, p);
  return cancelled;
}

// ---- helpers ----

function validLines(items: Line[]): Line[] {
  if (items.length < 1 || items.length > MAX_LINES) {
    badInput('input.items', {
      en: `input.items must have 1-${MAX_LINES} lines`,
      zh: `每次兑换须有 1-${MAX_LINES} 种商品`,
    });
  }
  const seen = new Set<number>();
  return items.map((item, i) => {
    // One line per product: the request then has one meaning, and one hash under its key.
    if (seen.has(item.productId)) {
      badInput(`input.items[${i}].productId`, {
        en: 'These goods are listed twice: give one line with the total quantity',
        zh: '同一商品列了两次，请合并为一行',
      });
    }
    seen.add(item.productId);
    return { productId: item.productId, quantity: v.int(`input.items[${i}].quantity`, item.quantity, 1, 99) };
  });
}

/** What identifies a redemption under its key: whose points, the goods and how many, whatever their order. */
function requestHash(memberId: number, lines: Line[]): string {
  const sorted = [...lines].sort((a, b) => a.productId - b.productId).map((l) => [l.productId, l.quantity]);
  return createHash('sha256')
    .update(JSON.stringify([memberId, sorted]))
    .digest('hex')
    .slice(0, 32);
}

function sameRequestOrConflict(earlier: RedemptionRow, hash: string): RedemptionRow {
  if (earlier.requestHash !== hash) {
    fail(ErrorCode.CONFLICT, {
      en: 'This idempotency key was already used for a different redemption',
      zh: '该幂等键已用于另一笔不同的兑换',
    });
  }
  return earlier;
}

/** The ledger's INSUFFICIENT_BALANCE, told in points, as the clerk at the counter needs it. */
async function inPoints<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (!isAppError(error, ErrorCode.INSUFFICIENT_BALANCE)) throw error;
    const balance = Number(error.extensions.balance);
    const required = Number(error.extensions.required);
    fail(
      ErrorCode.INSUFFICIENT_BALANCE,
      {
        en: `Not enough points: ${balance} held, ${required} needed`,
        zh: `积分不足：现有 ${balance} 分，需要 ${required} 分`,
      },
      { balance, required, unit: 'POINTS' },
    );
  }
}

/** The member's points account and the site's supermarket, in one round trip, as the direction has them. */
async function pointsAccounts(
  tx: Transaction,
  memberId: number,
  siteId: number,
  direction: 'REDEMPTION' | 'REFUND',
): Promise<{ fromAccountId: number; toAccountId: number }> {
  const found = await accountsAt(tx, siteId, [memberId]);
  const member = found.member(memberId, 'POINTS');
  const shop = found.site('SUPERMARKET', 'POINTS');
  if (member === undefined) fail(ErrorCode.NOT_FOUND, { en: 'Points account not found', zh: '积分账户不存在' });
  if (shop === undefined) throw new Error(`site ${siteId} has no supermarket account`);
  return direction === 'REDEMPTION'
    ? { fromAccountId: member, toAccountId: shop }
    : { fromAccountId: shop, toAccountId: member };
}
