// SQL for the ledger: accounts, locks, transfer rows and the invariant checks. The rules that
// decide whether a transfer may happen live in the server's ledger service, not here.
import { and, asc, desc, eq, inArray, lt, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../open';
import { rowsOf } from './invariants.queries';
import { jsonRow, rowFromJson } from './json-rows';
import { anyOf, runPrepared } from './prepared';
import { accounts, transfers } from '../schema/index';
import type { AccountOwner, Unit } from '../schema/enums.schema';

export type AccountRow = typeof accounts.$inferSelect;
export type TransferRow = typeof transfers.$inferSelect;
export type NewTransfer = typeof transfers.$inferInsert;

/** Opens a member's two accounts (minutes and points) if they are not open yet. */
export async function ensureMemberAccounts(ex: Executor, memberId: number): Promise<void> {
  await ex
    .insert(accounts)
    .values([
      { owner: 'MEMBER', unit: 'MINUTES', memberId },
      { owner: 'MEMBER', unit: 'POINTS', memberId },
    ])
    .onConflictDoNothing();
}

/** Opens a site's pools (minutes, points), its care pool (minutes) and its supermarket's points account. */
export async function ensureSiteAccounts(ex: Executor, siteId: number): Promise<void> {
  await ex
    .insert(accounts)
    .values([
      { owner: 'SITE_POOL', unit: 'MINUTES', siteId },
      { owner: 'SITE_POOL', unit: 'POINTS', siteId },
      { owner: 'SUPERMARKET', unit: 'POINTS', siteId },
      { owner: 'CARE_POOL', unit: 'MINUTES', siteId },
    ])
    .onConflictDoNothing();
}

export async function memberAccount(ex: Executor, memberId: number, unit: Unit): Promise<AccountRow | undefined> {
  const [row] = await ex
    .select()
    .from(accounts)
    .where(and(eq(accounts.memberId, memberId), eq(accounts.unit, unit)));
  return row;
}

/**
 * The accounts a confirmation or a redemption moves between, in one round trip: the given
 * members' accounts and the site's own (its pools and its supermarket); four lookups before.
 */
export async function memberAndSiteAccounts(
  ex: Executor,
  siteId: number,
  memberIds: readonly number[],
): Promise<AccountRow[]> {
  return runPrepared(
    ex,
    'member_and_site_accounts',
    (q) =>
      q
        .select()
        .from(accounts)
        .where(
          or(
            anyOf(accounts.memberId, 'members'),
            and(eq(accounts.siteId, sql.placeholder('site')), ne(accounts.owner, 'MEMBER')),
          ),
        ),
    { members: [...memberIds], site: siteId },
  );
}

export async function siteAccount(
  ex: Executor,
  siteId: number,
  owner: Exclude<AccountOwner, 'MEMBER'>,
  unit: Unit,
): Promise<AccountRow | undefined> {
  const [row] = await ex
    .select()
    .from(accounts)
    .where(and(eq(accounts.siteId, siteId), eq(accounts.owner, owner), eq(accounts.unit, unit)));
  return row;
}

export async function accountsByIds(ex: Executor, ids: readonly number[]): Promise<AccountRow[]> {
  if (ids.length === 0) return [];
  return runPrepared(ex, 'accounts_by_ids', (q) => q.select().from(accounts).where(anyOf(accounts.id, 'ids')), {
    ids: [...ids],
  });
}

/**
 * Locks the given accounts FOR UPDATE, always in ascending id order: two transfers between the
 * same pair of accounts in opposite directions then queue instead of deadlocking.
 */
export async function lockAccounts(ex: Executor, ids: readonly number[]): Promise<AccountRow[]> {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  // Every redemption and reversal locks its accounts here: built once (runPrepared).
  return runPrepared(
    ex,
    'lock_accounts',
    (q) => q.select().from(accounts).where(anyOf(accounts.id, 'ids')).orderBy(asc(accounts.id)).for('update'),
    { ids: sorted },
  );
}

export async function transferByKey(ex: Executor, idempotencyKey: string): Promise<TransferRow | undefined> {
  const [row] = await ex.select().from(transfers).where(eq(transfers.idempotencyKey, idempotencyKey));
  return row;
}

export async function transferById(ex: Executor, id: number): Promise<TransferRow | undefined> {
  const [row] = await ex.select().from(transfers).where(eq(transfers.id, id));
  return row;
}

export async function reversalOf(ex: Executor, transferId: number): Promise<TransferRow | undefined> {
  const [row] = await ex.select().from(transfers).where(eq(transfers.reversesId, transferId));
  return row;
}

/**
 * Inserts the transfer unless its idempotency key is taken; returns undefined when it is (the
 * caller then reads the row that holds the key). ON CONFLICT waits for a concurrent holder of the
 * key to commit or roll back, so two racing requests can never both write.
 */
export async function insertTransfer(ex: Executor, row: NewTransfer): Promise<TransferRow | undefined> {
  const [inserted] = await ex
    .insert(transfers)
    .values(row)
    .onConflictDoNothing({ target: transfers.idempotencyKey })
    .returning();
  return inserted;
}

/**
 * A transfer in one statement, for the usual path: locks both accounts (ascending id, as
 * lockAccounts), and only when both are of the transfer's unit and a member debit stays at or above
 * zero inserts the row (unless its key is taken) and moves both cached balances. Returns the row,
 * or undefined when nothing was written: the caller then reads the key and the locked rows (the
 * locks are held) to say why. FOR UPDATE hands back each account's latest committed balance, and
 * ON CONFLICT waits for a racing holder of the key, so the checks hold under concurrency.
 *
 * Not for reversals: "reversed at most once" would be judged on the statement's snapshot, older
 * than its locks; the ledger service takes the stepwise path for them.
 */
export async function postTransfer(
  ex: Executor,
  t: NewTransfer & { reversesId?: null },
): Promise<PostedTransfer | undefined> {
  const ids = [t.debitAccountId, t.creditAccountId].sort((a, b) => a - b);
  const result = await ex.execute(sql`
    with locked as (
      select id, owner, unit, balance from accounts where id in (${ids[0]}::bigint, ${ids[1]}::bigint) order by id for update
    ), allowed as (
      -- An aggregate reads every locked row, so both locks are taken whatever the answer.
      select count(*) filter (where id = ${t.debitAccountId}::bigint and unit = ${t.unit}::unit
                              and (owner <> 'MEMBER' or balance >= ${t.amount}::bigint)) = 1
         and count(*) filter (where id = ${t.creditAccountId}::bigint and unit = ${t.unit}::unit) = 1 as ok
      from locked
    ), ins as (
      insert into transfers (unit, amount, debit_account_id, credit_account_id, kind, site_id, counterparty_site_id,
                             idempotency_key, request_hash, memo, claim_id, redemption_id, visit_id, created_by)
      select ${t.unit}::unit, ${t.amount}::bigint, ${t.debitAccountId}::bigint, ${t.creditAccountId}::bigint,
             ${t.kind}::transfer_kind, ${t.siteId ?? null}::bigint, ${t.counterpartySiteId ?? null}::bigint,
             ${t.idempotencyKey}::text, ${t.requestHash}::text,
             ${t.memo ?? null}::text, ${t.claimId ?? null}::bigint, ${t.redemptionId ?? null}::bigint,
             ${t.visitId ?? null}::bigint, ${t.createdBy ?? null}::bigint
      from allowed where allowed.ok
      on conflict (idempotency_key) do nothing
      returning *
    ), moved as (
      update accounts a
      set balance = a.balance + case when a.id = ins.credit_account_id then ins.amount else -ins.amount end
      from ins where a.id in (ins.debit_account_id, ins.credit_account_id)
      returning a.id, a.balance
    )
    select to_jsonb(ins) as row, (select count(*) from moved) as moved,
           (select m.balance from moved m where m.id = ins.credit_account_id) as credit_balance
    from ins`);
  const [found] = rowsOf(result);
  if (!found) return undefined;
  if (Number(found.moved) !== 2) throw new Error(`a transfer moved ${String(found.moved)} balances, not 2`);
  return { transfer: transferOfJson(found.row), creditBalance: Number(found.credit_balance) };
}

/** A transfer postTransfer wrote, and the balance it left in the credited account. */
export interface PostedTransfer {
  transfer: TransferRow;
  /** The credited account's balance right after (its row is locked until the transaction ends). */
  creditBalance: number;
}

/** A transfers row as to_jsonb gives it (snake_case, a timestamp as text): the one mapping of it. */
function transferOfJson(json: unknown): TransferRow {
  const r = (typeof json === 'string' ? JSON.parse(json) : json) as Record<string, unknown>;
  const id = (v: unknown) => (v == null ? null : Number(v));
  return {
    id: Number(r.id),
    unit: r.unit as TransferRow['unit'],
    amount: Number(r.amount),
    debitAccountId: Number(r.debit_account_id),
    creditAccountId: Number(r.credit_account_id),
    kind: r.kind as TransferRow['kind'],
    siteId: id(r.site_id),
    counterpartySiteId: id(r.counterparty_site_id),
    idempotencyKey: String(r.idempotency_key),
    requestHash: String(r.request_hash),
    memo: (r.memo as string | null) ?? null,
    reversesId: id(r.reverses_id),
    claimId: id(r.claim_id),
    redemptionId: id(r.redemption_id),
    visitId: id(r.visit_id),
    createdBy: id(r.created_by),
    createdAt: new Date(String(r.created_at)),
  };
}

/** Moves the cached balances of both sides in one statement (the rows are already locked). */
export async function applyToBalances(ex: Executor, debitId: number, creditId: number, amount: number): Promise<void> {
  await ex
    .update(accounts)
    .set({
      balance: sql`${accounts.balance} + case when ${accounts.id} = ${creditId} then ${amount}::bigint else -${amount}::bigint end`,
    })
    .where(inArray(accounts.id, [debitId, creditId]));
}

/** Transfers out of or into any of the accounts in the `accounts` placeholder. */
const touching = () => or(anyOf(transfers.debitAccountId, 'accounts'), anyOf(transfers.creditAccountId, 'accounts'));

/**
 * The newest page of an account's history and how many transfers it has in all, in one statement
 * (a window count). Only for the first page: after a cursor the window would count what follows it.
 */
export async function firstTransfersPage(
  ex: Executor,
  accountIds: readonly number[],
  limit: number,
): Promise<{ rows: TransferRow[]; total: number }> {
  if (accountIds.length === 0) return { rows: [], total: 0 };
  const found = await runPrepared(
    ex,
    'account_transfers_first',
    (q) =>
      q
        .select({ transfer: transfers, total: sql<number>`count(*) over ()` })
        .from(transfers)
        .where(touching())
        .orderBy(desc(transfers.id))
        .limit(sql.placeholder('limit')),
    { accounts: [...accountIds], limit },
  );
  return { rows: found.map((r) => r.transfer), total: Number(found[0]?.total ?? 0) };
}

/**
 * A member's accounts and the newest page of their history, in one statement: what a member's
 * own page (viewer { balance transfers }) shows. The accounts ride as JSON beside each transfer
 * row, so a member without a single transfer gets no row and `accounts` is undefined: read them
 * apart then. Each of the member's accounts finds its transfers through the debit and credit indexes.
 */
export async function memberAccountsAndFirstTransfers(
  ex: Executor,
  memberId: number,
  limit: number,
): Promise<{ accounts: AccountRow[] | undefined; rows: TransferRow[]; total: number }> {
  const found = await runPrepared(
    ex,
    'member_accounts_first_transfers',
    (q) =>
      q
        .select({
          transfer: transfers,
          total: sql<number>`count(*) over ()`,
          accounts: sql<unknown[][]>`(select json_agg(${jsonRow(accounts, 'a')} order by "a"."id")
            from "accounts" "a" where "a"."member_id" = ${sql.placeholder('member')})`,
        })
        .from(transfers)
        // Joined, not `= any(array(...))`: the planner cannot see into that array and walked the
        // whole primary key backwards (3 s on the county); per account it takes both indexes.
        // A transfer never joins twice: its two sides are two members' (or a pool's) accounts.
        .innerJoin(accounts, or(eq(accounts.id, transfers.debitAccountId), eq(accounts.id, transfers.creditAccountId)))
        .where(eq(accounts.memberId, sql.placeholder('member')))
        .orderBy(desc(transfers.id))
        .limit(sql.placeholder('limit')),
    { member: memberId, limit },
  );
  const first = found[0];
  return {
    accounts: first && first.accounts.map((a) => rowFromJson<AccountRow>(accounts, a)),
    rows: found.map((r) => r.transfer),
    total: Number(first?.total ?? 0),
  };
}

/** One page of an account's history, newest first; `before` is the id of the last row seen. */
export async function accountTransfers(
  ex: Executor,
  accountIds: readonly number[],
  limit: number,
  before?: number,
): Promise<TransferRow[]> {
  if (accountIds.length === 0) return [];
  const touches = touching();
  const values = { accounts: [...accountIds], limit, before };
  if (before === undefined) {
    return runPrepared(
      ex,
      'account_transfers',
      (q) => q.select().from(transfers).where(touches).orderBy(desc(transfers.id)).limit(sql.placeholder('limit')),
      values,
    );
  }
  return runPrepared(
    ex,
    'account_transfers_before',
    (q) =>
      q
        .select()
        .from(transfers)
        .where(and(touches, lt(transfers.id, sql.placeholder('before'))))
        .orderBy(desc(transfers.id))
        .limit(sql.placeholder('limit')),
    values,
  );
}

/** How many transfers were paid out of any of these accounts (a closed group's transfer count). */
export async function countTransfersFrom(ex: Executor, accountIds: readonly number[]): Promise<number> {
  if (accountIds.length === 0) return 0;
  const [row] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(transfers)
    .where(inArray(transfers.debitAccountId, [...accountIds]));
  return Number(row?.n ?? 0);
}

export async function accountsOfMembers(ex: Executor, memberIds: readonly number[]): Promise<AccountRow[]> {
  if (memberIds.length === 0) return [];
  return runPrepared(
    ex,
    'accounts_of_members',
    (q) => q.select().from(accounts).where(anyOf(accounts.memberId, 'ids')),
    {
      ids: [...memberIds],
    },
  );
}

export async function transfersByIds(ex: Executor, ids: readonly number[]): Promise<TransferRow[]> {
  if (ids.length === 0) return [];
  return runPrepared(ex, 'transfers_by_ids', (q) => q.select().from(transfers).where(anyOf(transfers.id, 'ids')), {
    ids: [...ids],
  });
}

export async function countAccountTransfers(ex: Executor, accountIds: readonly number[]): Promise<number> {
  if (accountIds.length === 0) return 0;
  const [row] = await runPrepared(
    ex,
    'count_account_transfers',
    (q) =>
      q
        .select({ n: sql<number>`count(*)::int` })
        .from(transfers)
        .where(touching()),
    { accounts: [...accountIds] },
  );
  return Number(row?.n ?? 0);
}
