// The two ledgers (minutes and points): accounts with cached balances and append-only transfers.
import { sql } from 'drizzle-orm';
import { bigint, check, foreignKey, index, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { accountOwnerEnum, transferKindEnum, unitEnum } from './enums.schema';
import { members } from './members.schema';
import { claims } from './needs.schema';
import { sites } from './sites.schema';
import { redemptions } from './supermarket.schema';
import { visits } from './visits.schema';

export const accounts = pgTable(
  'accounts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    owner: accountOwnerEnum('owner').notNull(),
    unit: unitEnum('unit').notNull(),
    memberId: bigint('member_id', { mode: 'number' }).references(() => members.id),
    siteId: bigint('site_id', { mode: 'number' }).references(() => sites.id),
    /** Cached sum of the account's entries (credits minus debits), kept in the transfer's transaction. */
    balance: bigint('balance', { mode: 'number' }).notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The backstop for the ledger's first rule: no member balance below zero, whatever the code does.
    check('accounts_member_not_negative', sql`${t.owner} <> 'MEMBER' OR ${t.balance} >= 0`),
    check(
      'accounts_owner_shape',
      sql`(${t.owner} = 'MEMBER' AND ${t.memberId} IS NOT NULL AND ${t.siteId} IS NULL)
       OR (${t.owner} <> 'MEMBER' AND ${t.siteId} IS NOT NULL AND ${t.memberId} IS NULL)`,
    ),
    check('accounts_supermarket_points', sql`${t.owner} <> 'SUPERMARKET' OR ${t.unit} = 'POINTS'`),
    check('accounts_care_pool_minutes', sql`${t.owner}::text <> 'CARE_POOL' OR ${t.unit} = 'MINUTES'`),
    // Target of the transfers' composite foreign keys, which pin both sides to the transfer's unit.
    unique('accounts_id_unit').on(t.id, t.unit),
    unique('accounts_member_unit').on(t.memberId, t.unit),
    unique('accounts_site_owner_unit').on(t.siteId, t.owner, t.unit),
  ],
);

/**
 * One row per transfer: an amount moves from the debit account to the credit account. Rows are
 * never updated or deleted (a trigger refuses it); a mistake is undone by a REVERSAL that names
 * the transfer it reverses, at most once.
 */
export const transfers = pgTable(
  'transfers',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    unit: unitEnum('unit').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    debitAccountId: bigint('debit_account_id', { mode: 'number' }).notNull(),
    creditAccountId: bigint('credit_account_id', { mode: 'number' }).notNull(),
    kind: transferKindEnum('kind').notNull(),
    /** The site whose books this transfer belongs to (a donation: the donor's site). */
    siteId: bigint('site_id', { mode: 'number' }).references(() => sites.id),
    /** Unique forever: a retried request finds the transfer its first attempt wrote. */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    /** Fingerprint of what was asked under the key, to tell a retry from a different request. */
    requestHash: text('request_hash').notNull(),
    memo: text('memo'),
    reversesId: bigint('reverses_id', { mode: 'number' }).unique(),
    claimId: bigint('claim_id', { mode: 'number' }).references(() => claims.id),
    redemptionId: bigint('redemption_id', { mode: 'number' }).references(() => redemptions.id),
    /**
     * A WITHDRAWAL (or its reversal): the member's home site, which owes `siteId` the hours it
     * delivered. Inter-site balances are sums over these transfers, nothing kept apart.
     */
    counterpartySiteId: bigint('counterparty_site_id', { mode: 'number' }).references(() => sites.id),
    /** The visit a VISIT_CREDIT (or its reversal) pays for. */
    visitId: bigint('visit_id', { mode: 'number' }).references(() => visits.id),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => members.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('transfers_amount_positive', sql`${t.amount} > 0`),
    check('transfers_not_to_self', sql`${t.debitAccountId} <> ${t.creditAccountId}`),
    check('transfers_reversal_link', sql`(${t.kind} = 'REVERSAL') = (${t.reversesId} IS NOT NULL)`),
    // Only a withdrawal (or its reversal) is owed by another site, and never by its own.
    check(
      'transfers_counterparty_other_site',
      sql`${t.counterpartySiteId} IS NULL OR (${t.kind}::text IN ('WITHDRAWAL', 'REVERSAL') AND ${t.counterpartySiteId} <> ${t.siteId})`,
    ),
    foreignKey({
      name: 'transfers_debit_account_fk',
      columns: [t.debitAccountId, t.unit],
      foreignColumns: [accounts.id, accounts.unit],
    }),
    foreignKey({
      name: 'transfers_credit_account_fk',
      columns: [t.creditAccountId, t.unit],
      foreignColumns: [accounts.id, accounts.unit],
    }),
    foreignKey({
      name: 'transfers_reverses_fk',
      columns: [t.reversesId],
      foreignColumns: [t.id],
    }),
    index('transfers_debit_idx').on(t.debitAccountId, t.id),
    index('transfers_credit_idx').on(t.creditAccountId, t.id),
    index('transfers_claim_idx').on(t.claimId),
    index('transfers_redemption_idx').on(t.redemptionId),
    index('transfers_visit_idx').on(t.visitId),
    index('transfers_site_created_idx').on(t.siteId, t.createdAt),
    index('transfers_counterparty_idx')
      .on(t.counterpartySiteId, t.siteId)
      .where(sql`${t.counterpartySiteId} IS NOT NULL`),
  ],
);
