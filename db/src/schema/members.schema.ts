// People and the roles they hold at sites. One person may be volunteer and elder at once (以老助老).
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { careCategoryEnum, roleEnum } from './enums.schema';
import { sites } from './sites.schema';

export const members = pgTable(
  'members',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** The site the member belongs to; null only for platform staff (民政局) who belong to none. */
    siteId: bigint('site_id', { mode: 'number' }).references(() => sites.id),
    name: text('name').notNull(),
    /** Mainland mobile number, digits only. Many elders have none: the coordinator acts for them. */
    phone: text('phone').unique(),
    /** scrypt hash (see crypto/password.ts); null: the member cannot log in (proxy account). */
    passwordHash: text('password_hash'),
    birthYear: integer('birth_year'),
    address: text('address'),
    careCategories: careCategoryEnum('care_categories')
      .array()
      .notNull()
      .default(sql`'{}'`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Log-in tokens issued (`iat`) before this instant are refused: set to the next whole second
     * when the password changes, so every earlier token, even one from the same second, ends.
     */
    tokensValidAfter: timestamp('tokens_valid_after', { withTimezone: true }),
  },
  (t) => [
    check('members_name_not_blank', sql`length(btrim(${t.name})) > 0`),
    check('members_phone_digits', sql`${t.phone} IS NULL OR ${t.phone} ~ '^1[3-9][0-9]{9}$'`),
    check('members_birth_year_range', sql`${t.birthYear} IS NULL OR ${t.birthYear} BETWEEN 1900 AND 2100`),
    index('members_site_idx').on(t.siteId, t.id),
    // Elders due a monthly visit (any care category): the coverage and report count these per site.
    index('members_due_visits_idx')
      .on(t.siteId, t.id)
      .where(sql`cardinality(${t.careCategories}) > 0`),
  ],
);

/**
 * Roles held at a site. ADMIN with no site is platform staff; every other role names its site.
 * A person holds each role at a site at most once.
 */
export const memberships = pgTable(
  'memberships',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    siteId: bigint('site_id', { mode: 'number' }).references(() => sites.id),
    role: roleEnum('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('memberships_once').on(t.memberId, t.siteId, t.role).nullsNotDistinct(),
    check('memberships_site_unless_admin', sql`${t.siteId} IS NOT NULL OR ${t.role} = 'ADMIN'`),
    index('memberships_site_role_idx').on(t.siteId, t.role, t.memberId),
  ],
);
