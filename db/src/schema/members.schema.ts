// People and the roles they hold at sites. One person may be volunteer and elder at once (以老助老).
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { careCategoryEnum, deactivationReasonEnum, livingSituationEnum, roleEnum, visitTierEnum } from './enums.schema';
import { regions } from './regions.schema';
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
    /** Who the member lives with; null when not recorded. */
    livingSituation: livingSituationEnum('living_situation'),
    /** Disability grade 1 (most severe) to 4 of the disability certificate; null: none recorded. */
    disabilityGrade: integer('disability_grade'),
    /** A life-threatening illness (重病、危重): one of the facts that make tier A. */
    lifeThreateningIllness: boolean('life_threatening_illness').notNull().default(false),
    /** Dementia (失智), recorded apart from the 失能 care category: one of the facts that make tier B. */
    dementia: boolean('dementia').notNull().default(false),
    /** Receives the minimum living allowance (低保): with living alone, one of the facts that make tier B. */
    minimumLivingAllowance: boolean('minimum_living_allowance').notNull().default(false),
    /**
     * The elder's visit tier as it stands (rules of their county, override, a major event), kept by
     * the visit services whenever one of those changes and each night by the generation job (for
     * birthdays and expiries); null: not on the site's visit list. Kept so the monthly rate (A and
     * B elders) is counted in SQL without the rules in SQL.
     */
    visitTier: visitTierEnum('visit_tier'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Set when the member left or died: they drop out of lists and boards and cannot log in; every
     * row of their history stays. Null: active.
     */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    deactivationReason: deactivationReasonEnum('deactivation_reason'),
    deactivationNote: text('deactivation_note'),
    /**
     * A one-time code a coordinator gave for a forgotten password: its scrypt hash and its end.
     * Cleared when used, so it works once.
     */
    resetCodeHash: text('reset_code_hash'),
    resetCodeExpiresAt: timestamp('reset_code_expires_at', { withTimezone: true }),
    /**
     * Log-in tokens issued (`iat`) before this instant are refused: set to the next whole second
     * when the password changes, so every earlier token, even one from the same second, ends.
     */
    tokensValidAfter: timestamp('tokens_valid_after', { withTimezone: true }),
    /**
     * The opaque code printed as a QR on the member's card: the clerk scans it to find the member.
     * Random, not the phone; re-issued (a new code) when a card is lost, so the old card stops working.
     */
    cardCode: text('card_code').unique(),
    /** The identity document's type for the service record (2015 guideline); optional. */
    idType: text('id_type'),
    /** The identity document's number: private, only ever shown masked (1101**********1234). */
    idNumber: text('id_number'),
  },
  (t) => [
    check('members_name_not_blank', sql`length(btrim(${t.name})) > 0`),
    check('members_phone_digits', sql`${t.phone} IS NULL OR ${t.phone} ~ '^1[3-9][0-9]{9}$'`),
    check('members_birth_year_range', sql`${t.birthYear} IS NULL OR ${t.birthYear} BETWEEN 1900 AND 2100`),
    check('members_disability_grade_range', sql`${t.disabilityGrade} IS NULL OR ${t.disabilityGrade} BETWEEN 1 AND 4`),
    check('members_deactivation_reason', sql`(${t.deactivatedAt} IS NULL) = (${t.deactivationReason} IS NULL)`),
    index('members_site_idx').on(t.siteId, t.id),
    // Elders due at least a monthly visit (tier A or B): the coverage and report count these per site.
    index('members_due_visits_idx')
      .on(t.siteId, t.id)
      .where(sql`${t.visitTier} IN ('A', 'B')`),
  ],
);

/**
 * Roles held at a site. ADMIN with no site and no region is platform staff; ADMIN with no site and
 * a region is that region's staff (乡镇/县 officers: the sites under it); every other role names
 * its site. A person holds each role at a site (or region) at most once.
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
    /** The region a staff member is scoped to (ADMIN with no site only); null: not region staff. */
    regionId: bigint('region_id', { mode: 'number' }).references(() => regions.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('memberships_once').on(t.memberId, t.siteId, t.role, t.regionId).nullsNotDistinct(),
    check('memberships_site_unless_admin', sql`${t.siteId} IS NOT NULL OR ${t.role} = 'ADMIN'`),
    check('memberships_region_staff', sql`${t.regionId} IS NULL OR (${t.role} = 'ADMIN' AND ${t.siteId} IS NULL)`),
    index('memberships_region_idx')
      .on(t.regionId, t.memberId)
      .where(sql`${t.regionId} IS NOT NULL`),
    index('memberships_site_role_idx').on(t.siteId, t.role, t.memberId),
  ],
);
