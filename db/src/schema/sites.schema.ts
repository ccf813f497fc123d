// Mutual-aid sites (互助站点) and their per-category points rates; every other record belongs to a site.
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { leaverBalanceRuleEnum, serviceCategoryEnum } from './enums.schema';
import { regions } from './regions.schema';

/**
 * The zone a site keeps unless it is given another, and the one work covering every site at once
 * counts its days in: China keeps one zone. The server re-exports it from core/time.
 */
export const DEFAULT_SITE_ZONE = 'Asia/Shanghai';

export const sites = pgTable(
  'sites',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    /** The region path, county > township > village; a county-level site leaves the lower parts empty. */
    county: text('county').notNull(),
    township: text('township').notNull().default(''),
    village: text('village').notNull().default(''),
    /** The deepest division the site sits in (its village, township or county row). */
    regionId: bigint('region_id', { mode: 'number' }).references(() => regions.id),
    timeZone: text('time_zone').notNull().default(DEFAULT_SITE_ZONE),
    /** Points earned per hour of confirmed service, unless the category has its own rate. */
    pointsPerHour: integer('points_per_hour').notNull().default(10),
    /** Points older than this many months expire; null: they never do. */
    pointsExpiryMonths: integer('points_expiry_months'),
    /** What a deactivated member's balance becomes (see LEAVER_BALANCE_RULES). */
    leaverBalanceRule: leaverBalanceRuleEnum('leaver_balance_rule').notNull().default('DONATE_TO_POOL'),
    /**
     * Whether the site puts confirmed service under public notice (公示, issue 18): points credited
     * for it stay pending for `noticeDays` days, during which any member may object.
     */
    publicNotice: boolean('public_notice').notNull().default(false),
    /** The public notice's period in days (read only while `publicNotice` is on). */
    noticeDays: integer('notice_days').notNull().default(7),
    /**
     * The day points earned on the site's books expire each year, 'MM-DD' on the site's clock
     * (a warning goes out a month before); null: they never do.
     */
    pointsSeasonEnd: text('points_season_end'),
    /**
     * Whether a volunteer's visit (巡访) that found the elder banks its minutes (and points at the
     * VISIT category's rate) like confirmed service. Off by default; read when a visit is recorded,
     * so turning it on credits no visit recorded before.
     */
    visitsBankTime: boolean('visits_bank_time').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('sites_points_per_hour_positive', sql`${t.pointsPerHour} > 0 AND ${t.pointsPerHour} <= 1000`),
    check('sites_points_expiry_positive', sql`${t.pointsExpiryMonths} IS NULL OR ${t.pointsExpiryMonths} > 0`),
    check('sites_notice_days_range', sql`${t.noticeDays} BETWEEN 1 AND 60`),
    check(
      'sites_points_season_end_shape',
      sql`${t.pointsSeasonEnd} IS NULL OR ${t.pointsSeasonEnd} ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'`,
    ),
    check('sites_name_not_blank', sql`length(btrim(${t.name})) > 0`),
    index('sites_region_idx').on(t.county, t.township, t.village),
    index('sites_region_id_idx').on(t.regionId),
  ],
);

/** A site may pay some categories of service at their own rate (bathing is harder work than a visit). */
export const siteCategoryRates = pgTable(
  'site_category_rates',
  {
    siteId: bigint('site_id', { mode: 'number' })
      .notNull()
      .references(() => sites.id),
    category: serviceCategoryEnum('category').notNull(),
    pointsPerHour: integer('points_per_hour').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.siteId, t.category] }),
    check('site_category_rates_positive', sql`${t.pointsPerHour} > 0 AND ${t.pointsPerHour} <= 1000`),
  ],
);
