// Families (issue 18): links between two members (配偶, 父母, 子女, 其他亲属), each side's consent
// kept with who gave it, and a relative's standing permission to pay for a beneficiary's needs.
// A link is in force once both sides consented and until it ends; ended links are kept.
import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { familyConsentEnum, familyRelationEnum } from './enums.schema';
import { members } from './members.schema';
import { sites } from './sites.schema';

export const familyLinks = pgTable(
  'family_links',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    relativeId: bigint('relative_id', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    /** What `relativeId` is to `memberId`: CHILD means the relative is the member's child. */
    relation: familyRelationEnum('relation').notNull(),
    /** The site whose coordinator recorded the link. */
    siteId: bigint('site_id', { mode: 'number' })
      .notNull()
      .references(() => sites.id),
    memberConsent: familyConsentEnum('member_consent'),
    memberConsentBy: bigint('member_consent_by', { mode: 'number' }).references(() => members.id),
    memberConsentAt: timestamp('member_consent_at', { withTimezone: true }),
    relativeConsent: familyConsentEnum('relative_consent'),
    relativeConsentBy: bigint('relative_consent_by', { mode: 'number' }).references(() => members.id),
    relativeConsentAt: timestamp('relative_consent_at', { withTimezone: true }),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => members.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: bigint('ended_by', { mode: 'number' }).references(() => members.id),
  },
  (t) => [
    check('family_links_not_self', sql`${t.memberId} <> ${t.relativeId}`),
    check('family_links_member_consent_shape', sql`(${t.memberConsent} IS NULL) = (${t.memberConsentAt} IS NULL)`),
    check(
      'family_links_relative_consent_shape',
      sql`(${t.relativeConsent} IS NULL) = (${t.relativeConsentAt} IS NULL)`,
    ),
    // One open link per pair, whichever way round it was recorded.
    uniqueIndex('family_links_open_pair')
      .on(sql`least(${t.memberId}, ${t.relativeId})`, sql`greatest(${t.memberId}, ${t.relativeId})`)
      .where(sql`${t.endedAt} IS NULL`),
    index('family_links_member_idx').on(t.memberId),
    index('family_links_relative_idx').on(t.relativeId),
  ],
);

/** A relative's standing permission to pay for a beneficiary's needs from their own minutes. */
export const paymentPermissions = pgTable(
  'payment_permissions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    payerId: bigint('payer_id', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    beneficiaryId: bigint('beneficiary_id', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    check('payment_permissions_not_self', sql`${t.payerId} <> ${t.beneficiaryId}`),
    uniqueIndex('payment_permissions_open')
      .on(t.payerId, t.beneficiaryId)
      .where(sql`${t.revokedAt} IS NULL`),
  ],
);
