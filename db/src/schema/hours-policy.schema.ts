// A region's policy for banked hours (issue 18, 政策按地区): the balance cap, the minimum age to
// spend one's own hours, whether hours expire, and a weight per service category. One row per
// region; every field null means "as the region above says" (the nearest region up a site's path
// that sets the field wins, else the defaults in server/src/ledger/hours-policy.ts).
import { sql } from 'drizzle-orm';
import { bigint, check, integer, jsonb, pgTable, timestamp } from 'drizzle-orm/pg-core';
import { members } from './members.schema';
import { regions } from './regions.schema';

export const hoursPolicies = pgTable(
  'hours_policies',
  {
    regionId: bigint('region_id', { mode: 'number' })
      .primaryKey()
      .references(() => regions.id),
    /** Most minutes a member may hold; what a credit brings above it goes to the care pool. */
    capMinutes: integer('cap_minutes'),
    /** Youngest age at which a member's own hours may pay for their own care. */
    minWithdrawAge: integer('min_withdraw_age'),
    /** Hours expire this many months after they were credited, unless spent; 0: never (set, not inherited). */
    expiryMonths: integer('expiry_months'),
    /**
     * Weight per service category in per mille (1000 = 1:1), `{ "BATHING": 1500 }`; a category
     * missing takes the region above's, else 1000. Checked by the service before it is written.
     */
    categoryWeights: jsonb('category_weights').$type<Record<string, number>>().notNull().default({}),
    setBy: bigint('set_by', { mode: 'number' }).references(() => members.id),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('hours_policies_cap', sql`${t.capMinutes} IS NULL OR ${t.capMinutes} BETWEEN 60 AND 6000000`),
    check('hours_policies_age', sql`${t.minWithdrawAge} IS NULL OR ${t.minWithdrawAge} BETWEEN 0 AND 120`),
    check('hours_policies_expiry', sql`${t.expiryMonths} IS NULL OR ${t.expiryMonths} BETWEEN 0 AND 240`),
  ],
);
