// The points supermarket (爱心积分超市): each site's goods, and redemptions that trade points for them.
import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { redemptionStatusEnum } from './enums.schema';
import { members } from './members.schema';
import { sites } from './sites.schema';

/** PostgreSQL bytea as a Buffer (drizzle 0.45 has no bytea column of its own). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const products = pgTable(
  'products',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    siteId: bigint('site_id', { mode: 'number' })
      .notNull()
      .references(() => sites.id),
    name: text('name').notNull(),
    description: text('description'),
    pointsPrice: integer('points_price').notNull(),
    stock: integer('stock').notNull().default(0),
    /** The unit it is counted in (袋, 瓶, 斤), as the site writes it; null: plain items (件). */
    unit: text('unit'),
    /** False once retired: off the shop and the counter, still named by its past redemptions. */
    active: boolean('active').notNull().default(true),
    /** When its photo (product_photos) was last set; null: no photo. The photo's URL carries it. */
    photoAt: timestamp('photo_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('products_name_not_blank', sql`length(btrim(${t.name})) > 0`),
    check('products_price_positive', sql`${t.pointsPrice} > 0`),
    check('products_unit_shape', sql`${t.unit} IS NULL OR length(btrim(${t.unit})) BETWEEN 1 AND 8`),
    // Stock never goes below zero, whatever the code does: the backstop for OUT_OF_STOCK.
    check('products_stock_not_negative', sql`${t.stock} >= 0`),
    unique('products_site_name').on(t.siteId, t.name),
  ],
);

/**
 * A product's photo: small (resized before upload, checked on the server), kept apart from the
 * product so listing goods never reads the bytes. One a product; replacing it overwrites.
 */
export const productPhotos = pgTable(
  'product_photos',
  {
    productId: bigint('product_id', { mode: 'number' })
      .primaryKey()
      .references(() => products.id),
    /** image/jpeg or image/webp, read from the bytes' magic numbers. */
    mimeType: text('mime_type').notNull(),
    bytes: bytea('bytes').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('product_photos_mime', sql`${t.mimeType} IN ('image/jpeg', 'image/webp')`),
    check('product_photos_size', sql`octet_length(${t.bytes}) BETWEEN 1 AND 65536`),
  ],
);

export const redemptions = pgTable(
  'redemptions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    siteId: bigint('site_id', { mode: 'number' })
      .notNull()
      .references(() => sites.id),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => members.id),
    totalPoints: integer('total_points').notNull(),
    status: redemptionStatusEnum('status').notNull().default('COMPLETED'),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    requestHash: text('request_hash').notNull(),
    /** Who handed the goods out: the member themself, a clerk or a coordinator. */
    createdBy: bigint('created_by', { mode: 'number' }).references(() => members.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: bigint('cancelled_by', { mode: 'number' }).references(() => members.id),
    cancelReason: text('cancel_reason'),
    /**
     * The receipt's day (the site's calendar day when it was made) and its place in that day's
     * sequence at the site: "20261125-007". Written in the redemption's own transaction, right
     * after the points moved (the site's supermarket account is then locked, so the site's
     * redemptions are numbered one after another); null only inside that transaction.
     */
    receiptDay: date('receipt_day', { mode: 'string' }),
    receiptNo: integer('receipt_no'),
    /** The member's points right after this redemption, as the receipt prints them. */
    balanceAfter: bigint('balance_after', { mode: 'number' }),
  },
  (t) => [
    check('redemptions_total_positive', sql`${t.totalPoints} > 0`),
    check('redemptions_cancel_shape', sql`(${t.status} = 'CANCELLED') = (${t.cancelledAt} IS NOT NULL)`),
    check(
      'redemptions_receipt_shape',
      sql`(${t.receiptDay} IS NULL) = (${t.receiptNo} IS NULL) AND (${t.receiptNo} IS NULL OR ${t.receiptNo} > 0)`,
    ),
    // Two receipts of a site never share a number; also the day's lookup for the next number.
    unique('redemptions_site_receipt').on(t.siteId, t.receiptDay, t.receiptNo),
    index('redemptions_member_idx').on(t.memberId, t.id),
    index('redemptions_site_created_idx').on(t.siteId, t.createdAt),
  ],
);

export const redemptionItems = pgTable(
  'redemption_items',
  {
    redemptionId: bigint('redemption_id', { mode: 'number' })
      .notNull()
      .references(() => redemptions.id),
    productId: bigint('product_id', { mode: 'number' })
      .notNull()
      .references(() => products.id),
    quantity: integer('quantity').notNull(),
    /** Points for this line (unit price at the time x quantity): later price changes do not rewrite it. */
    points: integer('points').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.redemptionId, t.productId] }),
    check('redemption_items_quantity_range', sql`${t.quantity} BETWEEN 1 AND 99`),
    check('redemption_items_points_positive', sql`${t.points} > 0`),
  ],
);
